// Typed layer: raw text → the kind's table, with money as BIGINT đồng and dates as DATE.
//
// The contract's zod schemas decide what a cell means. For speed, the bulk of the rows is cast
// in SQL written from the same contract; the SQL is deliberately narrower than zod (it only
// accepts the common spellings), and every row it does not accept goes to zod, which loads it
// or rejects it with the reason. So the SQL may send a good row the slow way, but never loads a
// row zod would refuse (test/ingest/consistency.test.ts holds it to that). Codes and dates have
// few distinct values: those are parsed once each by the contract itself.
import type {DuckDBBlobValue, DuckDBConnection} from "@duckdb/node-api";
import type {z} from "zod";
import {columnMeta, parseCell, type ColumnMeta, type FieldType} from "../../src/lib/contract/fields.js";
import type {KindSpec} from "../../src/lib/contract/kinds.js";
import {validateRow, type Issue} from "../../src/lib/contract/validate.js";
import {MAX_MONEY} from "../../src/lib/parse/money.js";
import {BLANK_RANGES, cleanText} from "../../src/lib/parse/text.js";
import {quoteIdent as q, quoteLiteral as lit} from "./sql.js";

export interface Column {
  name: string;
  meta: ColumnMeta;
}

export function columnsOf(spec: KindSpec): Column[] {
  return Object.entries(spec.schema.shape).map(([name, schema]) => ({name, meta: columnMeta(schema as z.ZodType)}));
}

export function sqlType(type: FieldType): string {
  switch (type.kind) {
    case "money":
      return "BIGINT";
    case "year":
    case "count":
      return "INTEGER";
    case "date":
      return "DATE";
    case "percent":
      return "DOUBLE";
    case "text":
    case "code":
      return "VARCHAR";
  }
}

/** The warehouse table of a kind: canonical columns, then provenance. */
export async function createKindTable(conn: DuckDBConnection, spec: KindSpec): Promise<void> {
  const cols = columnsOf(spec).map((c) => `${q(c.name)} ${sqlType(c.meta.type)}`);
  await conn.run(
    `CREATE TABLE ${q(spec.name)} (${cols.join(", ")}, source_file VARCHAR NOT NULL, source_line INTEGER NOT NULL, extra_columns VARCHAR)`
  );
}

const DIGITS = "[0-9]+|[0-9]{1,3}(\\.[0-9]{3})+|[0-9]{1,3}(,[0-9]{3})+|[0-9]{1,3}( [0-9]{3})+";

/**
 * Characters that are NFC whatever precedes them when no combining mark is around: Latin with
 * the Vietnamese letters (U+0000–02FF, U+1E00–1EFF), general punctuation and currency signs
 * (less the two quads, which NFC rewrites). A cell made only of these, with no blank at either
 * end, is already what cleanText() gives; any other cell (decomposed Vietnamese, odd spaces at
 * an end, other scripts) goes to the contract's own cleanText() through zod.
 */
const NFC_SAFE: readonly (readonly [number, number])[] = [
  [0x0, 0x2ff],
  [0x1e00, 0x1eff],
  [0x2002, 0x206f],
  [0x20a0, 0x20cf]
];

function re2Class(ranges: readonly (readonly [number, number])[]): string {
  const hex = (n: number) => `\\x{${n.toString(16)}}`;
  return ranges.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join("");
}

function subtract(ranges: readonly (readonly [number, number])[], minus: readonly (readonly [number, number])[]): [number, number][] {
  let out: [number, number][] = ranges.map(([a, b]) => [a, b]);
  for (const [ma, mb] of minus) {
    out = out.flatMap(([a, b]): [number, number][] => {
      if (mb < a || ma > b) return [[a, b]];
      const kept: [number, number][] = [];
      if (ma > a) kept.push([a, ma - 1]);
      if (mb < b) kept.push([mb + 1, b]);
      return kept;
    });
  }
  return out;
}

const SAFE = re2Class(NFC_SAFE);
const SAFE_EDGE = re2Class(subtract(NFC_SAFE, BLANK_RANGES));

/** The cell as it stands when it is plainly clean text, else NULL (and zod decides). */
function plainText(v: string): string {
  // ASCII cells (codes, voucher numbers) need only their ends checked, which is far cheaper
  // than the regular expression the Vietnamese text needs.
  return `CASE WHEN strlen(${v}) = length(${v}) THEN (CASE WHEN trim(${v}, ${ASCII_BLANKS}) = ${v} AND ${v} <> '' THEN ${v} END)
               WHEN regexp_full_match(${v}, '[${SAFE_EDGE}]([${SAFE}]*[${SAFE_EDGE}])?') THEN ${v} END`;
}

const ASCII_BLANKS = `'${String.fromCharCode(9, 10, 11, 12, 13, 32)}'`;

function inRange(expr: string, min: string, max: string): string {
  return `CASE WHEN (${expr}) BETWEEN ${min} AND ${max} THEN (${expr}) END`;
}

/** Cell types whose few distinct values are looked up once each by the contract's own parser. */
function byDictionary(type: FieldType): boolean {
  return type.kind === "code" || type.kind === "date";
}

/** SQL that casts the raw text `v` to the column's type, NULL where SQL is not sure. */
function cast(type: FieldType, v: string): string {
  switch (type.kind) {
    case "text":
      return plainText(v);
    case "year":
      return inRange(`CASE WHEN regexp_full_match(${v}, '[0-9]{4}') THEN try_cast(${v} AS INTEGER) END`, String(type.min), String(type.max));
    case "count":
      return inRange(
        `CASE WHEN regexp_full_match(${v}, '${DIGITS}') THEN try_cast(translate(${v}, '., ', '') AS BIGINT) END`,
        String(type.min),
        String(type.max)
      );
    case "money": {
      // Plain digits, grouped or not; a suffix (đ, đồng, VNĐ) or any other spelling goes to zod.
      const pattern = type.signed ? `-?(${DIGITS})` : `(${DIGITS})`;
      const value = `CASE WHEN regexp_full_match(${v}, '${pattern}') THEN try_cast(translate(${v}, '., ', '') AS BIGINT) END`;
      return inRange(value, type.signed ? `-${MAX_MONEY}` : "0", String(MAX_MONEY));
    }
    case "percent":
      return inRange(
        `CASE WHEN regexp_full_match(${v}, '[0-9]+([.,][0-9]+)?%?') THEN try_cast(replace(replace(${v}, '%', ''), ',', '.') AS DOUBLE) END`,
        "0",
        "100"
      );
    case "date":
    case "code":
      throw new Error("looked up by dictionary");
  }
}

function defaultLiteral(meta: ColumnMeta): string {
  return typeof meta.default === "number" ? String(meta.default) : lit(String(meta.default));
}

/** UTF-8 decoding that keeps a leading U+FEFF as text. */
const EXACT_UTF8 = new TextDecoder("utf-8", {ignoreBOM: true});

/**
 * The distinct values of a code or date column, each parsed by the contract (so SQL and zod
 * cannot disagree on them), as a lookup table raw text → typed text.
 */
async function buildDictionary(conn: DuckDBConnection, kind: string, column: Column): Promise<string> {
  const table = `dict_${kind}_${column.name}`;
  // The raw text is fetched as bytes: the Node API decodes VARCHAR with a TextDecoder that drops
  // a leading U+FEFF, so "\ufeffxa" came back as "xa", was written as a second key "xa" and the
  // join below doubled every row spelled "xa" (test/ingest/consistency.test.ts found it).
  const distinct = await conn.runAndReadAll(`SELECT DISTINCT encode(${q(column.name)}) FROM ${q(`raw_${kind}`)} WHERE ${q(column.name)} IS NOT NULL`);
  await conn.run(`CREATE TEMP TABLE ${q(table)} (raw VARCHAR, value VARCHAR)`);
  const appender = await conn.createAppender(table);
  for (const [bytes] of distinct.getRows()) {
    const raw = EXACT_UTF8.decode((bytes as DuckDBBlobValue).bytes);
    const text = cleanText(raw);
    const parsed = text === undefined ? undefined : parseCell(column.meta.type, text);
    appender.appendVarchar(raw);
    if (parsed?.ok) appender.appendVarchar(String(parsed.value));
    else appender.appendNull();
    appender.endRow();
  }
  appender.closeSync();
  return table;
}

/**
 * Types every raw row of a kind, loads the rows SQL is sure of into the kind's table, and
 * returns the others for zod.
 */
export async function typeRows(conn: DuckDBConnection, spec: KindSpec): Promise<FlaggedRow[]> {
  const columns = columnsOf(spec);
  const joins: string[] = [];
  const typed: string[] = [];
  for (const [i, c] of columns.entries()) {
    const v = `r.${q(c.name)}`;
    let value: string;
    if (byDictionary(c.meta.type)) {
      const dict = await buildDictionary(conn, spec.name, c);
      joins.push(`LEFT JOIN ${q(dict)} d${i} ON d${i}.raw = ${v}`);
      value = `CAST(d${i}.value AS ${sqlType(c.meta.type)})`;
    } else {
      value = cast(c.meta.type, v);
    }
    // Only a truly empty cell counts as empty here; one of odd blanks fails its cast and goes to
    // zod, which takes it as empty.
    const empty = `${v} IS NULL`;
    typed.push(c.meta.default === undefined ? `${value} AS ${q(c.name)}` : `CASE WHEN ${empty} THEN ${defaultLiteral(c.meta)} ELSE ${value} END AS ${q(c.name)}`);
    typed.push(`${empty} AS ${q(`empty_${c.name}`)}`);
  }
  const cellOk = columns.map((c) =>
    c.meta.required ? `${q(c.name)} IS NOT NULL` : `(${q(`empty_${c.name}`)} OR ${q(c.name)} IS NOT NULL)`
  );
  const rules = (spec.rules ?? []).map((r) => `coalesce(${r.sql}, false)`);
  const table = q(spec.name);
  const names = columns.map((c) => q(c.name)).join(", ");
  // One pass writes every row with a flag saying whether SQL was sure of it; the unsure ones are
  // then taken out again (few) and handed to zod. Cheaper than staging all rows first.
  await conn.run(`ALTER TABLE ${table} ADD COLUMN _unsure BOOLEAN`);
  await conn.run(`
    INSERT INTO ${table} (${names}, source_file, source_line, extra_columns, _unsure)
    SELECT ${names}, source_file, source_line, extra_columns, NOT (${[...cellOk, ...rules].join(" AND ")}) FROM (
      SELECT r.source_file, r.source_line, r.extra_columns, ${typed.join(", ")}
      FROM ${q(`raw_${spec.name}`)} r ${joins.join(" ")})`);
  const flagged = await conn.runAndReadAll(`
    SELECT r.* FROM ${q(`raw_${spec.name}`)} r
    JOIN (SELECT source_file, source_line FROM ${table} WHERE _unsure) USING (source_file, source_line)
    ORDER BY r.source_file, r.source_line`);
  await conn.run(`DELETE FROM ${table} WHERE _unsure`);
  await conn.run(`ALTER TABLE ${table} DROP COLUMN _unsure`);
  return flagged.getRowObjectsJS().map((r) => ({
    source_file: String(r.source_file),
    source_line: Number(r.source_line),
    extra_columns: r.extra_columns == null ? null : String(r.extra_columns),
    cells: Object.fromEntries(columns.map((c) => [c.name, cleanText(r[c.name] == null ? undefined : String(r[c.name]))]))
  }));
}

export interface FlaggedRow {
  source_file: string;
  source_line: number;
  extra_columns: string | null;
  cells: Record<string, string | undefined>;
}

export interface RowReject extends Issue {
  source_file: string;
  source_line: number;
  raw_value: string | null;
}

/** zod decides the rows SQL was not sure of: loads the good ones, returns the reasons for the rest. */
export async function settleFlagged(conn: DuckDBConnection, spec: KindSpec, rows: readonly FlaggedRow[]): Promise<RowReject[]> {
  const columns = columnsOf(spec);
  const rejects: RowReject[] = [];
  const accepted: {row: FlaggedRow; values: Record<string, unknown>}[] = [];
  for (const row of rows) {
    const result = validateRow(spec, row.cells);
    if (result.ok) accepted.push({row, values: result.row as Record<string, unknown>});
    else {
      for (const issue of result.issues) {
        rejects.push({...issue, source_file: row.source_file, source_line: row.source_line, raw_value: row.cells[issue.column] ?? null});
      }
    }
  }
  if (accepted.length > 0) {
    // Typed values travel as text and are cast by DuckDB: one conversion, the warehouse's own.
    const tmp = `settled_${spec.name}`;
    await conn.run(`CREATE OR REPLACE TEMP TABLE ${q(tmp)} (${columns.map((c) => `${q(c.name)} VARCHAR`).join(", ")}, source_file VARCHAR, source_line INTEGER, extra_columns VARCHAR)`);
    const appender = await conn.createAppender(tmp);
    for (const {row, values} of accepted) {
      for (const c of columns) {
        const v = values[c.name];
        if (v === undefined || v === null) appender.appendNull();
        else appender.appendVarchar(String(v));
      }
      appender.appendVarchar(row.source_file);
      appender.appendInteger(row.source_line);
      if (row.extra_columns === null) appender.appendNull();
      else appender.appendVarchar(row.extra_columns);
      appender.endRow();
    }
    appender.closeSync();
    const names = columns.map((c) => q(c.name));
    const casts = columns.map((c) => `CAST(${q(c.name)} AS ${sqlType(c.meta.type)})`);
    await conn.run(`INSERT INTO ${q(spec.name)} (${names.join(", ")}, source_file, source_line, extra_columns)
      SELECT ${casts.join(", ")}, source_file, source_line, extra_columns FROM ${q(tmp)}`);
  }
  return rejects;
}
