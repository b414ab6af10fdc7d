// Raw layer: one file's rows as text, each with its spreadsheet row number (header = 1).
// DuckDB's own CSV reader does the bulk of the work; a file it cannot read row for row the way
// a spreadsheet numbers rows (blank lines, a row with more or fewer cells than the header, an
// unclosed quote) is read by papaparse instead, which reports such rows one by one.
import type {DuckDBConnection} from "@duckdb/node-api";
import Papa from "papaparse";
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import type {Delimiter} from "../read/dialect.js";
import type {HeaderMap} from "../read/headers.js";
import {quoteIdent as q, quoteLiteral as lit} from "./sql.js";

export interface RawFile {
  /** Name inside the data folder. */
  name: string;
  /** UTF-8 text without BOM. */
  utf8: Buffer;
  delimiter: Delimiter;
  header: HeaderMap;
  /** Where DuckDB may read the UTF-8 text from; empty when it must be written out first. */
  path: string;
}

export interface RawPart {
  file: string;
  table: string;
  /** How the part's rows get their spreadsheet row number. */
  line: "rowid" | "column";
}

export interface RawResult {
  part: RawPart;
  rowsRead: number;
  blankRows: number;
  /** Rows that are not rows of the table (wrong number of cells, an unclosed quote). */
  broken: {line: number; reason: string; raw: string}[];
  path: "duckdb" | "papaparse";
}

export async function loadRaw(
  conn: DuckDBConnection,
  columns: readonly string[],
  file: RawFile,
  table: string,
  tmpDir: string
): Promise<RawResult> {
  if (!hasBlankLine(file.utf8)) {
    try {
      return await loadWithDuckDB(conn, columns, file, table, tmpDir);
    } catch {
      // A structural problem DuckDB will not read past: papaparse reads the file and names
      // the rows at fault.
      await conn.run(`DROP TABLE IF EXISTS ${q(table)}`);
    }
  }
  return loadWithPapaparse(conn, columns, file, table);
}

/** All parts of a kind as one relation: source_file, source_line, the columns, extra_columns. */
export async function createRawView(conn: DuckDBConnection, kind: string, columns: readonly string[], parts: readonly RawPart[]): Promise<void> {
  const cols = columns.map(q).join(", ");
  const selects = parts.map(
    (p) =>
      `SELECT ${lit(p.file)} AS source_file, ${p.line === "rowid" ? "CAST(rowid + 2 AS INTEGER)" : "source_line"} AS source_line, ${cols}, extra_columns
       FROM ${q(p.table)} WHERE NOT (${blankRow(columns)})`
  );
  if (selects.length === 0) {
    const nulls = columns.map((c) => `CAST(NULL AS VARCHAR) AS ${q(c)}`).join(", ");
    selects.push(`SELECT CAST(NULL AS VARCHAR) AS source_file, CAST(NULL AS INTEGER) AS source_line, ${nulls}, CAST(NULL AS VARCHAR) AS extra_columns WHERE false`);
  }
  await conn.run(`CREATE TEMP VIEW ${q(`raw_${kind}`)} AS ${selects.join("\nUNION ALL\n")}`);
}

function blankRow(columns: readonly string[]): string {
  return [...columns.map((c) => `${q(c)} IS NULL`), "extra_columns IS NULL"].join(" AND ");
}

function hasBlankLine(utf8: Buffer): boolean {
  let end = utf8.length - 1;
  while (end >= 0 && (utf8[end] === 0x0a || utf8[end] === 0x0d)) end--;
  const body = utf8.subarray(0, end + 1);
  return body.includes("\n\n") || body.includes("\n\r\n") || body.includes("\r\r");
}

async function loadWithDuckDB(conn: DuckDBConnection, columns: readonly string[], file: RawFile, table: string, tmpDir: string): Promise<RawResult> {
  let path = file.path;
  if (path === "") {
    path = join(tmpDir, `${table}.csv`);
    writeFileSync(path, file.utf8);
  }
  const types = file.header.columns.map((_, i) => `${lit(`c${i}`)}: 'VARCHAR'`).join(", ");
  const select = columns.map((col) => {
    const i = file.header.columns.indexOf(col);
    return `${i < 0 ? "CAST(NULL AS VARCHAR)" : `c${i}`} AS ${q(col)}`;
  });
  // The table keeps the file's row order, so a row's rowid is its position in the file: no
  // window function (which would read the file on one thread) is needed to number the rows.
  await conn.run("SET preserve_insertion_order = true");
  await conn.run(`
    CREATE TEMP TABLE ${q(table)} AS
    SELECT ${select.join(", ")}, ${extrasJson(file.header)} AS extra_columns
    FROM read_csv(${lit(path)}, delim = ${lit(file.delimiter)}, header = true, quote = '"', escape = '"',
                  auto_detect = false, columns = {${types}}, strict_mode = true)`);
  // Nothing else depends on row order: letting it go makes the later inserts parallel.
  await conn.run("SET preserve_insertion_order = false");
  const counts = await conn.runAndReadAll(`SELECT count(*), count(*) FILTER (WHERE ${blankRow(columns)}) FROM ${q(table)}`);
  const [total, blank] = (counts.getRows()[0] ?? [0, 0]).map(Number) as [number, number];
  return {part: {file: file.name, table, line: "rowid"}, rowsRead: total - blank, blankRows: blank, broken: [], path: "duckdb"};
}

function extrasJson(header: HeaderMap): string {
  if (header.extras.length === 0) return "CAST(NULL AS VARCHAR)";
  const pairs = header.extras.map((e) => `${lit(e.header)}, c${e.position}`).join(", ");
  const empty = header.extras.map((e) => `c${e.position} IS NULL`).join(" AND ");
  return `CASE WHEN ${empty} THEN NULL ELSE CAST(json_object(${pairs}) AS VARCHAR) END`;
}

async function loadWithPapaparse(conn: DuckDBConnection, columns: readonly string[], file: RawFile, table: string): Promise<RawResult> {
  await conn.run(
    `CREATE TEMP TABLE ${q(table)} (source_line INTEGER, ${columns.map((c) => `${q(c)} VARCHAR`).join(", ")}, extra_columns VARCHAR)`
  );
  const parsed = Papa.parse<string[]>(file.utf8.toString("utf8"), {delimiter: file.delimiter, quoteChar: '"', skipEmptyLines: false});
  const unclosed = new Set(parsed.errors.filter((e) => e.code === "MissingQuotes" && e.row !== undefined).map((e) => e.row!));
  const width = file.header.columns.length;
  const appender = await conn.createAppender(table);
  const result: RawResult = {part: {file: file.name, table, line: "column"}, rowsRead: 0, blankRows: 0, broken: [], path: "papaparse"};
  parsed.data.forEach((cells, index) => {
    if (index === 0) return;
    const line = index + 1;
    if (cells.every((c) => c === "")) {
      result.blankRows++;
      return;
    }
    result.rowsRead++;
    const fault = unclosed.has(index)
      ? 'dấu ngoặc kép (") mở mà không đóng'
      : cells.length !== width
        ? `dòng có ${cells.length} ô nhưng tiêu đề có ${width} cột`
        : undefined;
    if (fault !== undefined) {
      result.broken.push({line, reason: fault, raw: cells.join(file.delimiter).slice(0, 200)});
      return;
    }
    appender.appendInteger(line);
    for (const col of columns) {
      const i = file.header.columns.indexOf(col);
      const cell = i < 0 ? undefined : cells[i];
      if (cell === undefined || cell === "") appender.appendNull();
      else appender.appendVarchar(cell);
    }
    const extras = file.header.extras.map((e) => [e.header, cells[e.position] || null] as const);
    if (extras.every(([, v]) => v === null)) appender.appendNull();
    else appender.appendVarchar(JSON.stringify(Object.fromEntries(extras)));
    appender.endRow();
  });
  appender.closeSync();
  return result;
}

export async function scalar(conn: DuckDBConnection, sql: string): Promise<number> {
  const reader = await conn.runAndReadAll(sql);
  return Number(reader.getRows()[0]?.[0] ?? 0);
}
