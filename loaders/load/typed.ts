// Typed layer: raw text → the kind's table, with money as BIGINT đồng and dates as DATE.
//
// The contract's zod schemas decide what a cell means. For speed, the bulk of the rows is cast
// in SQL written from the same contract, in the one pass that reads the file; the SQL is
// deliberately narrower than zod (it only accepts the common spellings), and every row it does
// not accept is marked unsure, keeps its raw cells, and goes to zod, which loads it or rejects
// it with the reason. So the SQL may send a good row the slow way, but never loads a row zod
// would refuse (test/lib/contract/near-miss.test.ts and test/loaders/consistency.test.ts hold it to that).
import type {DuckDBConnection} from "@duckdb/node-api";
import type {z} from "zod";
import {codeLists, type CodeEntry} from "../../src/lib/contract/codes.js";
import {columnMeta, parseCell, type ColumnMeta, type FieldType} from "../../src/lib/contract/fields.js";
import {COMMUNE_COLUMN, type KindSpec} from "../../src/lib/contract/kinds.js";
import {validateRow, type Issue} from "../../src/lib/contract/validate.js";
import {MAX_MONEY} from "../../src/lib/parse/money.js";
import {BLANK_RANGES, cleanText} from "../../src/lib/parse/text.js";
import {appendRows} from "./append.js";
import {COMMUNE_TYPE, communeOf} from "./communes.js";
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

/**
 * The types of the bookkeeping columns every kind's table repeats on each row: the data folder's
 * files (`source_file`) and communes (`commune_code`) as ENUMs of their names, declared in the
 * names' own order (so a sort or a min() by them is a sort by name). A million vouchers repeat one
 * file name and one commune code: stored as text, each value cost as much as a cell of the file
 * (its statistics, its copy), a fifth of the large file's insert; as an ENUM, one byte. They read
 * as text everywhere (compared with, joined to and concatenated with text, returned to Node as
 * strings). The files' type is FILE_TYPE; the communes' is COMMUNE_TYPE (communes.ts).
 */
export const FILE_TYPE = "source_file_name";

/** The ENUM `type` of the distinct `names`, bound (not quoted) through a temporary table. */
export async function createNameType(conn: DuckDBConnection, type: typeof FILE_TYPE | typeof COMMUNE_TYPE, names: readonly string[]): Promise<void> {
  const list = `${type}_names`;
  await conn.run(`CREATE TEMP TABLE ${q(list)} (name VARCHAR NOT NULL)`);
  await appendRows(conn, list, [...new Set(names)].map((name) => [name]));
  await conn.run(`CREATE TYPE ${q(type)} AS ENUM (SELECT name FROM ${q(list)} ORDER BY name); DROP TABLE ${q(list)}`);
}

/**
 * The warehouse table of a kind: canonical columns, then its commune, then provenance; while the
 * kind loads, also the helper column of the load (RAW), dropped by settleUnsure(). The file
 * column is of the ENUM type above (createNameType). The commune column (`commune_code`, where the
 * load does not read it from the file: the communes' own file has it) is of the communes' ENUM
 * type, made once the communes are settled (communes.ts), and filled as the rows go in
 * (typedInsert): a table whose column is rewritten to its type after the load had all its columns
 * written again at the final CHECKPOINT, which cost more than the communes' file waited for
 * (bench:ingest). The text columns whose values come from a bounded set (boundedTexts), and the
 * free texts `repeated` in the kind's file (repeatedTexts), are stored by dictionary, as DuckDB
 * chose for them anyway.
 */
export async function createKindTable(conn: DuckDBConnection, spec: KindSpec, repeated: ReadonlySet<string> = new Set()): Promise<void> {
  const dictionary = new Set([...boundedTexts(spec), ...repeated]);
  const cols = columnsOf(spec).map((c) => `${q(c.name)} ${sqlType(c.meta.type)}${dictionary.has(c.name) ? " USING COMPRESSION dictionary" : ""}`);
  if (communeFromFolder(spec)) cols.push(`${q(COMMUNE_COLUMN)} ${q(COMMUNE_TYPE)} NOT NULL`);
  await conn.run(
    `CREATE TABLE ${q(spec.name)} (${cols.join(", ")}, source_file ${q(FILE_TYPE)} NOT NULL, source_line INTEGER NOT NULL, extra_columns VARCHAR,
       ${RAW} VARCHAR)`
  );
}

/** Whether the kind's rows take their commune from their file's folder (every kind but the communes' own, which names it). */
const communeFromFolder = (spec: KindSpec): boolean => !(COMMUNE_COLUMN in spec.schema.shape);

/**
 * The commune column as rows of the kind go in, their source file named by the SQL `file`: its
 * name, its value from the file's folder (communeOf) and the `$top` that binds; nothing for the
 * communes' own kind.
 */
function communeOfRows(spec: KindSpec, file: string, top: string | undefined): {columns: string[]; sql: string[]; values: {top?: string}} {
  if (!communeFromFolder(spec)) return {columns: [], sql: [], values: {}};
  if (top === undefined) throw new Error(`${spec.name}: its rows' commune is known once the communes are settled`);
  return {columns: [q(COMMUNE_COLUMN)], sql: [`CAST(${communeOf(file)} AS ${q(COMMUNE_TYPE)})`], values: {top}};
}

/**
 * The text columns that can only repeat a bounded set of values over many rows: a code (its
 * list's) and a reference (the referenced kind's rows: a million vouchers cite a few hundred
 * activities). Left to choose their compression, DuckDB built an FSST symbol table for each of
 * them in every row group, with fresh memory of its own, only to choose dictionary compression
 * (bench:ingest measures the large file's insert). Free texts (names, descriptions) stay DuckDB's
 * choice unless their file shows them repeating (repeatedTexts): forced into a dictionary, a
 * million distinct descriptions took five times the space FSST gives them.
 */
function boundedTexts(spec: KindSpec): Set<string> {
  const referencing = new Set((spec.references ?? []).flatMap((r) => r.columns));
  return new Set(columnsOf(spec).filter((c) => c.meta.type.kind === "code" || (c.meta.type.kind === "text" && referencing.has(c.name))).map((c) => c.name));
}

/** Filled cells a free text column needs in the sample before it can be judged to repeat. */
export const REPEAT_SAMPLE = 200;

/**
 * The free text columns of the kind that repeat a few values at the start of its file (`records`,
 * sampleRecords(), under the header's `columns`): at least REPEAT_SAMPLE filled cells, at most
 * one distinct text in ten. A payee or a description typed from a short list is stored by
 * dictionary, as DuckDB would choose after building an FSST symbol table per row group; any
 * other text is left to DuckDB. A wrong guess only costs space, never a value.
 */
export function repeatedTexts(spec: KindSpec, columns: readonly (string | null)[], records: readonly string[][]): Set<string> {
  const bounded = boundedTexts(spec);
  const free = columnsOf(spec).filter((c) => c.meta.type.kind === "text" && !bounded.has(c.name));
  const repeated = new Set<string>();
  for (const c of free) {
    const position = columns.indexOf(c.name);
    if (position < 0) continue;
    const cells = records.map((r) => r[position] ?? "").filter((v) => v !== "");
    if (cells.length >= REPEAT_SAMPLE && new Set(cells).size * 10 <= cells.length) repeated.add(c.name);
  }
  return repeated;
}

/**
 * The helper column of a kind's load: the raw cells, as a JSON array in the contract's column
 * order, of a row SQL is not sure of (zod decides it); NULL for every other row, so it costs
 * nothing there. A row is unsure exactly when it has them. Dropping the column once the kind is
 * settled is a change of the catalog only in DuckDB.
 */
const RAW = "_raw";

/**
 * Whether a row of the kind's table, while it loads, is blank: every cell of its line empty (not
 * a row of data: counted as blank and left out). Such a row is unsure, a required cell being
 * empty (typedInsert holds every kind to having one), so it has raw cells, all of them empty, and
 * no extra column. Written as the same JSON typedInsert makes, and looked at on unsure rows only:
 * a flag stored on every row cost a column of a million values in the large file's insert.
 */
export function blankRow(spec: KindSpec): string {
  const empty = columnsOf(spec).map(() => "CAST(NULL AS VARCHAR)");
  return `(${RAW} = CAST(to_json([${empty.join(", ")}]) AS VARCHAR) AND extra_columns IS NULL)`;
}

/**
 * A whole number written with digits, grouped by `.`, `,` or a space or not grouped, `-` first
 * when `sign`: as BIGINT, else NULL. The office's own spelling (`14.000.000`) is tested first and
 * costs one replace(); translate() (the other spellings) is several times dearer on a million rows.
 */
function wholeNumber(v: string, sign: boolean): string {
  const s = sign ? "-?" : "";
  return `CASE WHEN regexp_full_match(${v}, '${s}[0-9]{1,3}(?:\\.[0-9]{3})*') THEN try_cast(replace(${v}, '.', '') AS BIGINT)
               WHEN regexp_full_match(${v}, '${s}(?:[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,3}(?: [0-9]{3})+)') THEN try_cast(translate(${v}, ', ', '') AS BIGINT) END`;
}

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

/**
 * The cell as it stands when it is plainly clean text, else NULL (and zod decides). With
 * `deferred`, every cell is taken as it stands, to be checked afterwards among the column's
 * distinct values (unplainText): even the cheap look at an ASCII cell's ends costs per cell, and
 * a column of names, descriptions or activity ids repeats a few hundred texts over a million rows.
 */
function plainText(v: string, deferred = false): string {
  return deferred ? v : `CASE WHEN ${isPlain(v)} THEN ${v} END`;
}

/**
 * Whether `v` is plainly clean text. ASCII cells (codes, voucher numbers) need only their first
 * and last characters looked at, which is far cheaper than the regular expression the Vietnamese
 * text needs (or a trim): the ASCII blanks are all at or below the space; the other control
 * characters, which zod would keep, go to zod (`ascii('')` is 0, so an empty text does too).
 */
function isPlain(v: string): string {
  return `CASE WHEN ${isAscii(v)} THEN ascii(${v}) > 32 AND ascii(${v}[-1]) > 32 ELSE ${unicodePlain(v)} END`;
}

const isAscii = (v: string) => `strlen(${v}) = length(${v})`;
const unicodePlain = (v: string) => `regexp_full_match(${v}, '[${SAFE_EDGE}](?:[${SAFE}]*[${SAFE_EDGE}])?')`;

/**
 * The text columns whose check typedInsert's `deferText` defers to their distinct values: all but
 * the key's. A key's text (voucher numbers, ids) is mostly distinct, and looking at its distinct
 * values hashed every row again, which cost more than the check as the row goes in.
 */
function deferredTexts(spec: KindSpec): Set<string> {
  const key = new Set<unknown>(spec.key ?? []);
  return new Set(columnsOf(spec).filter((c) => c.meta.type.kind === "text" && !key.has(c.name)).map((c) => c.name));
}

/**
 * A query giving a row when a text cell of the rows `where` selects (default: those of `$file`)
 * loaded with deferred checks (typedInsert's `deferText`) is not plainly clean: the check
 * plainText() makes, on each distinct text.
 */
export function unplainText(spec: KindSpec, where = "source_file = $file"): string | undefined {
  const texts = [...deferredTexts(spec)];
  if (texts.length === 0) return undefined;
  const table = q(spec.name);
  return texts
    .map((c) => `SELECT 1 FROM (SELECT DISTINCT ${q(c)} AS v FROM ${table} WHERE ${where}) WHERE NOT (${isPlain("v")})`)
    .join(" UNION ALL ")
    .concat(" LIMIT 1");
}

function inRange(expr: string, min: string, max: string): string {
  return `CASE WHEN (${expr}) BETWEEN ${min} AND ${max} THEN (${expr}) END`;
}

/** SQL that casts the raw text `v` to the column's type, NULL where SQL is not sure. */
function cast(type: FieldType, v: string, deferred: boolean): string {
  switch (type.kind) {
    case "text":
      return plainText(v, deferred);
    case "year":
      return inRange(`CASE WHEN regexp_full_match(${v}, '[0-9]{4}') THEN try_cast(${v} AS INTEGER) END`, String(type.min), String(type.max));
    case "count":
      return inRange(wholeNumber(v, false), String(type.min), String(type.max));
    case "money":
      // Plain digits, grouped or not; a suffix (đ, đồng, VNĐ) or any other spelling goes to zod.
      return inRange(wholeNumber(v, type.signed), type.signed ? `-${MAX_MONEY}` : "0", String(MAX_MONEY));
    case "percent":
      return inRange(
        `CASE WHEN regexp_full_match(${v}, '[0-9]+([.,][0-9]+)?%?') THEN try_cast(replace(replace(${v}, '%', ''), ',', '.') AS DOUBLE) END`,
        "0",
        "100"
      );
    case "date":
      return dateCast(v);
    case "code":
      return codeCase(type, v);
  }
}

function defaultLiteral(meta: ColumnMeta): string {
  return typeof meta.default === "number" ? String(meta.default) : lit(String(meta.default));
}

/**
 * A code column: the cell against the exact spellings of its list (code, label, aliases), then
 * lower-cased against the lower-cased spellings, each mapped to the code the contract's own
 * parser gives that spelling. Any other spelling (no diacritics, other spacing, decomposed text,
 * blanks at an end) is NULL here and goes to zod, whose folding is wider. Each lookup is a cast
 * to an ENUM of the spellings (a hash lookup, NULL for any other text) indexing the list of their
 * codes: a CASE of every spelling cost a fifth of the planning of a kind's statement.
 */
function codeCase(type: Extract<FieldType, {kind: "code"}>, v: string): string {
  const exact = new Map<string, string>();
  const lower = new Map<string, string>();
  for (const e of codeLists[type.list] as readonly CodeEntry[]) {
    for (const spelling of [e.code, e.label, ...(e.aliases ?? [])]) {
      for (const [map, text] of [[exact, spelling.normalize("NFC")], [lower, spelling.normalize("NFC").toLowerCase()]] as const) {
        const parsed = parseCell(type, text);
        if (parsed.ok) map.set(text, String(parsed.value));
      }
    }
  }
  const lookup = (m: Map<string, string>, cell: string) =>
    `[${[...m.values()].map(lit).join(", ")}][enum_code(try_cast(${cell} AS ENUM(${[...m.keys()].map(lit).join(", ")}))) + 1]`;
  // The spellings as listed first: most cells are written so, and lower() costs a pass over the
  // text (coalesce reads its second argument only where the first is NULL).
  return `coalesce(${lookup(exact, v)}, ${lookup(lower, `lower(${v})`)})`;
}

/**
 * A date column: dd/mm/yyyy (d/m allowed) or yyyy-mm-dd, exactly as parseDate's patterns, cast
 * by DuckDB, which gives NULL for a day the calendar does not have (31/02); then the contract's
 * range of years. try_strptime holds a cell to d/m/y itself (one or two digits for the day and
 * month, at most four for the year, ASCII blanks around it, which parseDate trims too): a regular
 * expression before it cost as much again (the near-miss matrix holds it to parseDate).
 */
function dateCast(v: string): string {
  const value = `coalesce(CAST(try_strptime(${v}, '%d/%m/%Y') AS DATE),
                          CASE WHEN regexp_full_match(${v}, '[0-9]{4}-[0-9]{2}-[0-9]{2}') THEN try_cast(${v} AS DATE) END)`;
  return inRange(value, "DATE '1900-01-01'", "DATE '2100-12-31'");
}

/** Where a file's cells come from, for typedInsert(). */
export interface CellSource {
  /** The relation holding the cells: read_csv(…) or a table. */
  from: string;
  /** Per position of the file's header: the canonical column there, or null (extra column). */
  columns: readonly (string | null)[];
  /** The SQL naming the cell at a position of the file (text, NULL when empty). */
  cell: (position: number) => string;
  /** SQL of the row's extra_columns (JSON text or NULL). */
  extras: string;
  /** SQL of the row's spreadsheet number (0 when set afterwards from the rowid). */
  line: string;
  file: string;
  /** SQL of the row's source file, when the relation holds several files' rows (default: `file`). */
  fileSql?: string;
  /** The data folder's own commune (communes.ts, communeOf): the commune of its files' rows. Unknown (undefined) only while the communes' own file loads. */
  top: string | undefined;
  /** Values the SQL above refers to as `$name`, bound when the statement runs. */
  values?: Record<string, string>;
}

/** A statement and the values bound to its `$name` parameters. */
export interface Statement {
  sql: string;
  values: Record<string, string>;
}

/**
 * One statement reading a file's rows into the kind's table: every value SQL is sure of typed,
 * and each row unsure when any cell or row rule is not plainly met keeps its raw cells for zod.
 * Blank rows go in too (unsure, blankRow), so that the table's rows follow the file's records.
 * With `deferText`, text cells outside the key go in as they stand: the caller then runs
 * unplainText(), and reads the file again without it if a text is not plainly clean.
 */
export function typedInsert(spec: KindSpec, source: CellSource, {deferText = false} = {}): Statement {
  const columns = columnsOf(spec);
  // A blank row must be unsure (blankRow): an empty required cell makes it so.
  if (!columns.some((c) => c.meta.required)) throw new Error(`${spec.name}: a kind needs a required column`);
  const raw = columns.map((c) => {
    const i = source.columns.indexOf(c.name);
    return i < 0 ? "CAST(NULL AS VARCHAR)" : source.cell(i);
  });
  const deferred = deferText ? deferredTexts(spec) : new Set<string>();
  const typed: string[] = [];
  for (const [i, c] of columns.entries()) {
    const v = raw[i]!;
    const value = cast(c.meta.type, v, deferred.has(c.name));
    // Only a truly empty cell counts as empty here; one of odd blanks fails its cast and goes to
    // zod, which takes it as empty.
    const empty = `${v} IS NULL`;
    typed.push(c.meta.default === undefined ? `${value} AS ${q(c.name)}` : `CASE WHEN ${empty} THEN ${defaultLiteral(c.meta)} ELSE ${value} END AS ${q(c.name)}`);
    typed.push(`${empty} AS ${q(`_empty_${c.name}`)}`);
    typed.push(`${v} AS ${q(`_cell_${c.name}`)}`);
  }
  const cellOk = columns.map((c) => (c.meta.required ? `${q(c.name)} IS NOT NULL` : `(${q(`_empty_${c.name}`)} OR ${q(c.name)} IS NOT NULL)`));
  const rules = (spec.rules ?? []).map((r) => `coalesce(${r.sql}, false)`);
  const commune = communeOfRows(spec, "_file", source.top);
  const names = [...columns.map((c) => q(c.name)), ...commune.columns].join(", ");
  const cells = columns.map((c) => q(`_cell_${c.name}`)).join(", ");
  const sql = `
    INSERT INTO ${q(spec.name)} (${names}, source_file, source_line, extra_columns, ${RAW})
    SELECT ${[...filled(spec, columns), ...commune.sql].join(", ")}, _file, _line, _extras, CASE WHEN _unsure THEN CAST(to_json([${cells}]) AS VARCHAR) END
    FROM (
      SELECT *, NOT (${[...cellOk, ...rules].join(" AND ")}) AS _unsure FROM (
        SELECT ${typed.join(", ")}, ${source.extras} AS _extras, ${source.line} AS _line,
               ${source.fileSql ?? "$file"} AS _file
        FROM ${source.from}))`;
  const values = {...source.values, ...commune.values, ...(source.fileSql === undefined ? {file: source.file} : {})};
  return {sql, values};
}

/**
 * The columns as they go in, the contract's fills made (as validateRow makes them for the rows
 * zod decides): an empty cell only, so that a cell SQL could not cast stays NULL and its row unsure.
 */
function filled(spec: KindSpec, columns: readonly Column[]): string[] {
  const fills = new Map((spec.fills ?? []).map((f) => [f.column, f.sql]));
  return columns.map((c) => {
    const fill = fills.get(c.name);
    return fill === undefined ? q(c.name) : `CASE WHEN ${q(`_empty_${c.name}`)} THEN ${fill} ELSE ${q(c.name)} END`;
  });
}

export interface RowReject extends Issue {
  source_file: string;
  source_line: number;
  raw_value: string | null;
}

/**
 * After every file of the kind is in: zod decides the rows SQL was not sure of (loads the good
 * ones, each in the commune of its file, `top` the data folder's own), blank and unsure rows
 * leave, and so do the helper columns. Returns the rejects.
 */
export async function settleUnsure(conn: DuckDBConnection, spec: KindSpec, top: string | undefined): Promise<RowReject[]> {
  const columns = columnsOf(spec);
  const table = q(spec.name);
  // `_raw` is JSON text beginning with "[": the Node API's decoder drops a U+FEFF only at the
  // start of a text, so a cell beginning with one comes back whole (a list of texts would not).
  // The blank rows come too, only to tell whether any row is to leave (a DELETE scans the table).
  const leaving = await conn.runAndReadAll(`
    SELECT source_file, source_line, extra_columns, ${RAW}, ${blankRow(spec)} FROM ${table} WHERE ${RAW} IS NOT NULL ORDER BY source_file, source_line`);
  const rejects: RowReject[] = [];
  const accepted: {source_file: string; source_line: number; extra_columns: string | null; values: Record<string, unknown>}[] = [];
  for (const [file, line, extras, rawJson, blank] of leaving.getRowsJS()) {
    if (blank === true) continue;
    const rawCells = JSON.parse(String(rawJson)) as (string | null)[];
    const cells = Object.fromEntries(columns.map((c, i) => [c.name, cleanText(rawCells[i])]));
    const row = {source_file: String(file), source_line: Number(line), extra_columns: extras == null ? null : String(extras)};
    const result = validateRow(spec, cells);
    if (result.ok) accepted.push({...row, values: result.row as Record<string, unknown>});
    else {
      for (const issue of result.issues) {
        rejects.push({...issue, source_file: row.source_file, source_line: row.source_line, raw_value: cells[issue.column] ?? null});
      }
    }
  }
  if (accepted.length > 0) {
    // Typed values travel as text and are cast by DuckDB: one conversion, the warehouse's own.
    const tmp = `settled_${spec.name}`;
    await conn.run(`CREATE OR REPLACE TEMP TABLE ${q(tmp)} (${columns.map((c) => `${q(c.name)} VARCHAR`).join(", ")}, source_file VARCHAR, source_line INTEGER, extra_columns VARCHAR)`);
    await appendRows(
      conn,
      tmp,
      accepted.map((row) => [...columns.map((c) => (row.values[c.name] == null ? null : String(row.values[c.name]))), row.source_file, row.source_line, row.extra_columns])
    );
    const commune = communeOfRows(spec, "source_file", top);
    const names = [...columns.map((c) => q(c.name)), ...commune.columns];
    const casts = [...columns.map((c) => `CAST(${q(c.name)} AS ${sqlType(c.meta.type)})`), ...commune.sql];
    await conn.run(
      `INSERT INTO ${table} (${names.join(", ")}, source_file, source_line, extra_columns)
       SELECT ${casts.join(", ")}, source_file, source_line, extra_columns FROM ${q(tmp)}`,
      commune.values
    );
    await conn.run(`DROP TABLE ${q(tmp)}`);
  }
  if (leaving.currentRowCount > 0) await conn.run(`DELETE FROM ${table} WHERE ${RAW} IS NOT NULL`);
  await conn.run(`ALTER TABLE ${table} DROP COLUMN ${RAW}`);
  return rejects;
}
