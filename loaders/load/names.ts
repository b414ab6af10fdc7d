// Facilities named without an id (history and survey rows) are matched to the register by name,
// with the old and new tone placement taken as the same (`Hoà` = `Hòa`).
import type {DuckDBConnection} from "@duckdb/node-api";
import {nameKey} from "../../src/lib/parse/text.js";
import {quoteIdent as q} from "./sql.js";

export async function resolveEstablishmentNames(conn: DuckDBConnection, kind: "projects" | "demand_survey"): Promise<void> {
  const register = (await conn.runAndReadAll("SELECT establishment_id, name FROM establishments")).getRowObjectsJS();
  const byKey = new Map<string, string[]>();
  for (const e of register) {
    const key = nameKey(String(e.name));
    byKey.set(key, [...(byKey.get(key) ?? []), String(e.establishment_id)]);
  }
  const named = (
    await conn.runAndReadAll(
      `SELECT source_file, source_line, establishment_name FROM ${q(kind)} WHERE establishment_id IS NULL AND establishment_name IS NOT NULL`
    )
  ).getRowObjectsJS();
  // Values go to DuckDB as bound parameters, never inside the SQL text: a name may hold any
  // character, a NUL byte included (quoted into the statement it cut it short, "unterminated
  // quoted string", and failed the whole ingest).
  const table = q(kind);
  for (const row of named) {
    const name = String(row.establishment_name);
    const ids = byKey.get(nameKey(name)) ?? [];
    const where = [String(row.source_file), Number(row.source_line)];
    if (ids.length === 1) {
      await conn.run(`UPDATE ${table} SET establishment_id = $1 WHERE source_file = $2 AND source_line = $3`, [ids[0]!, ...where]);
      continue;
    }
    const message =
      ids.length === 0
        ? `Cơ sở "${name}" không có trong danh bạ cơ sở; dòng vẫn được nạp nhưng chưa gắn với cơ sở nào`
        : `Tên cơ sở "${name}" trùng với ${ids.length} cơ sở trong danh bạ (${ids.join(", ")}); hãy ghi Mã cơ sở`;
    await conn.run(`INSERT INTO warnings VALUES ($1, $2, $3, 'establishment_name_unresolved', $4)`, [kind, ...where, message]);
  }
}
