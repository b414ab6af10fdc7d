// Facility names, keyed once at ingest: every distinct name of the register, the projects and the
// survey gets its key (nameKey, src/lib/parse/text.ts: case and spacing folded, the tone mark moved
// to the end of its syllable, so `Hoà` = `Hòa`) in the table name_keys, which the matching below
// and the marts join on; the SQL never re-implements the rule. Facilities named without an id
// (history and survey rows) are matched to the register by that key, in one statement per kind
// whatever the number of rows.
import type {DuckDBConnection} from "@duckdb/node-api";
import {nameKey} from "../../src/lib/parse/text.js";
import {appendRows} from "./append.js";
import {quoteIdent as q} from "./sql.js";

/** Fills name_keys (name → key) from the loaded register, projects and survey. */
export async function writeNameKeys(conn: DuckDBConnection): Promise<void> {
  const names = (
    await conn.runAndReadAll(`
      SELECT name FROM establishments
      UNION SELECT establishment_name FROM projects WHERE establishment_name IS NOT NULL
      UNION SELECT establishment_name FROM demand_survey WHERE establishment_name IS NOT NULL`)
  ).getRows();
  await conn.run("CREATE TABLE name_keys (name VARCHAR NOT NULL, name_key VARCHAR NOT NULL)");
  await appendRows(conn, "name_keys", names.map(([name]) => [String(name), nameKey(String(name))]));
}

/**
 * Gives each row of `kind` named without an id the register's id of the one facility of its
 * commune with the same key; a name with no such facility, or with several, loads unmatched with
 * a warning.
 */
export async function resolveEstablishmentNames(conn: DuckDBConnection, kind: "projects" | "demand_survey"): Promise<void> {
  const table = q(kind);
  // Names reach the warning's text as values of the query, never inside the SQL (a name may hold
  // any character, a NUL byte included).
  const register = `
    SELECT e.commune_code, k.name_key, list(e.establishment_id ORDER BY e.establishment_id) AS ids
    FROM establishments e JOIN name_keys k ON k.name = e.name
    GROUP BY e.commune_code, k.name_key`;
  await conn.run(`
    UPDATE ${table} t SET establishment_id = r.ids[1]
    FROM name_keys k, (${register}) r
    WHERE t.establishment_id IS NULL AND t.establishment_name = k.name
      AND r.commune_code = t.commune_code AND r.name_key = k.name_key AND len(r.ids) = 1`);
  await conn.run(
    `INSERT INTO warnings (kind, source_file, source_line, rule, message)
     SELECT $kind, t.source_file, t.source_line, 'establishment_name_unresolved',
            CASE WHEN r.ids IS NULL
              THEN 'Cơ sở "' || t.establishment_name || '" không có trong danh bạ cơ sở; dòng vẫn được nạp nhưng chưa gắn với cơ sở nào'
              ELSE 'Tên cơ sở "' || t.establishment_name || '" trùng với ' || len(r.ids) || ' cơ sở trong danh bạ (' || array_to_string(r.ids, ', ') || '); hãy ghi Mã cơ sở'
            END
     FROM ${table} t
     JOIN name_keys k ON k.name = t.establishment_name
     LEFT JOIN (${register}) r ON r.commune_code = t.commune_code AND r.name_key = k.name_key
     WHERE t.establishment_id IS NULL`,
    {kind}
  );
}
