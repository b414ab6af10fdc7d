// Rules across rows, written from the contract's keys and references: a duplicated key (the
// first row wins, in file-name then row order) and a reference to a row that does not exist are
// rejected, both within the row's commune (communeKey, communeReference). Run per kind in load
// order, so a reference only finds rows that were loaded. The contract's fills (a voucher's plan
// year from its date) were made as the rows went in (typed.ts, validateRow): keys and references
// see them.
import type {DuckDBConnection} from "@duckdb/node-api";
import {communeKey, communeReference, keyColumn, keyHeader, referenceReason, type KeyPart, type KindSpec, type Reference} from "../../src/lib/contract/kinds.js";
import type {DuckDBValue} from "@duckdb/node-api";
import {quoteIdent as q} from "./sql.js";

type AnyKeyPart = KeyPart<Record<string, unknown>>;

const keySql = (part: AnyKeyPart): string => (typeof part === "string" ? q(part) : `(${part.sql})`);

/** Moves the rows of `spec` that break a key or a reference from its table into `rejects`. */
export async function rejectAcrossRows(conn: DuckDBConnection, spec: KindSpec): Promise<void> {
  const table = q(spec.name);
  const specKey = spec.key as readonly AnyKeyPart[] | undefined;
  if (specKey && specKey.length > 0) {
    const key = communeKey(spec).map(keySql).join(", ");
    // The message names the office's columns: the commune is the file's own folder.
    const headers = specKey.map((k) => keyHeader(spec, k)).join(" + ");
    const shown = specKey.map((k) => `coalesce(CAST(${keySql(k)} AS VARCHAR), '')`).join(" || ' / ' || ");
    const duplicated = await conn.run(
      `
      INSERT INTO rejects (kind, source_file, source_line, column_name, raw_value, reason)
      SELECT $kind, source_file, source_line, $column, shown,
             'trùng ' || $headers || ' (' || shown || ') với dòng ' || first_line || ' của tệp ' || first_file || ' (dòng đầu tiên được giữ)'
      FROM (
        SELECT source_file, source_line, ${shown} AS shown,
               row_number() OVER w AS n,
               first_value(source_file) OVER w AS first_file,
               first_value(source_line) OVER w AS first_line
        FROM ${table}
        -- Only keys that occur twice are windowed (keyRepeats): windowing every row sorts the whole table by its key.
        WHERE ${keyRepeats(table, key)}
        WINDOW w AS (PARTITION BY ${key} ORDER BY source_file, source_line ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
      ) WHERE n > 1`,
      {kind: spec.name, column: keyColumn(specKey), headers}
    );
    if (duplicated.rowsChanged > 0) await removeRejected(conn, spec);
  }
  for (const written of spec.references ?? []) {
    const ref = communeReference(written);
    const last = ref.columns[ref.columns.length - 1]!;
    const reason = reasonSql(ref.reason);
    const dangling = await conn.run(
      `
      INSERT INTO rejects (kind, source_file, source_line, column_name, raw_value, reason)
      SELECT $kind, t.source_file, t.source_line, $column, CAST(t.${q(last)} AS VARCHAR), ${reason.sql}
      FROM ${unresolvedRows(table, ref)}`,
      {kind: spec.name, column: last, ...reason.values}
    );
    if (dangling.rowsChanged > 0) await removeRejected(conn, spec);
  }
}

/**
 * The rows of `table` (as `t`) whose reference `ref` finds no row: those with every column of the
 * reference filled, whose values match no row of the referenced kind. The values are looked up
 * once each, then the rows holding an unknown one are found: a million vouchers cite a few
 * hundred activities, and looking each voucher up cost three times as long (bench:ingest).
 */
export function unresolvedRows(table: string, ref: Reference): string {
  const cols = ref.columns.map(q);
  const present = cols.map((c) => `${c} IS NOT NULL`).join(" AND ");
  const match = ref.columns.map((c, i) => `r.${q(ref.toColumns[i]!)} = v.${q(c)}`).join(" AND ");
  return `${table} t SEMI JOIN (
      SELECT * FROM (SELECT DISTINCT ${cols.join(", ")} FROM ${table} WHERE ${present}) v
      WHERE NOT EXISTS (SELECT 1 FROM ${q(ref.kind)} r WHERE ${match})
    ) u ON ${ref.columns.map((c) => `u.${q(c)} = t.${q(c)}`).join(" AND ")}`;
}

/**
 * A condition selecting the rows of `table` whose `key` (the SQL of its parts) may be shared by
 * another row: the keys' hashes (32 bits, one number per row, far cheaper than the key's texts)
 * sorted, and each hash equal to the one before it taken. Every row of a repeated key is
 * selected; a collision of hashes (about a hundred among a million keys) only adds rows that the
 * caller's grouping by the key itself then finds alone. Sorting four bytes a row needs less fresh
 * memory than a hash table of a million groups, and on a virtual machine, where each fresh page
 * faults at a cost, the sort was the quicker (bench:ingest).
 */
export function keyRepeats(table: string, key: string): string {
  const h = keyHash(key);
  return `${h} IN (SELECT h FROM (SELECT h, lag(h) OVER (ORDER BY h) AS previous FROM (SELECT ${h} AS h FROM ${table})) WHERE h = previous)`;
}

/** The number keyRepeats sorts a key by: the top 32 bits of its hash. */
export const keyHash = (key: string): string => `CAST(hash(${key}) >> 32 AS UINTEGER)`;

/** The reference's reason as SQL, each {column} the row's value (referenceReason's markers), the text between bound. */
function reasonSql(reason: string): {sql: string; values: Record<string, DuckDBValue>} {
  const marker = "\u0000";
  const parts = referenceReason(reason, (c) => `${marker}${c}${marker}`).split(marker);
  const values: Record<string, DuckDBValue> = {};
  const sql = parts
    .map((p, i) => {
      if (i % 2 === 1) return `coalesce(CAST(t.${q(p)} AS VARCHAR), '')`;
      values[`reason${i}`] = p;
      return `$reason${i}`;
    })
    .join(" || ");
  return {sql, values};
}

/** The rows just moved to `rejects` taken out of the kind's table (called only when there are some: a DELETE scans the whole table). */
async function removeRejected(conn: DuckDBConnection, spec: KindSpec): Promise<void> {
  await conn.run(
    `
    DELETE FROM ${q(spec.name)} t USING rejects r
    WHERE r.kind = $kind AND r.source_file = t.source_file AND r.source_line = t.source_line`,
    {kind: spec.name}
  );
}
