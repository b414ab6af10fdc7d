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
  for (const row of named) {
    const name = String(row.establishment_name);
    const ids = byKey.get(nameKey(name)) ?? [];
    const at = {file: String(row.source_file), line: Number(row.source_line)};
    if (ids.length === 1) {
      await conn.run(`UPDATE ${q(kind)} SET establishment_id = $id WHERE source_file = $file AND source_line = $line`, {...at, id: ids[0]!});
      continue;
    }
    const message =
      ids.length === 0
        ? `Cơ sở "${name}" không có trong danh bạ cơ sở; dòng vẫn được nạp nhưng chưa gắn với cơ sở nào`
        : `Tên cơ sở "${name}" trùng với ${ids.length} cơ sở trong danh bạ (${ids.join(", ")}); hãy ghi Mã cơ sở`;
    await conn.run(`INSERT INTO warnings VALUES ($kind, $file, $line, 'establishment_name_unresolved', $message)`, {...at, kind, message});
  }
}
