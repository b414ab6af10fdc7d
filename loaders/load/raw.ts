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
import {quoteIdent, quoteLiteral} from "./sql.js";

export interface RawFile {
  /** Name inside the data folder. */
  name: string;
  /** UTF-8 text without BOM. */
  utf8: Buffer;
  delimiter: Delimiter;
  header: HeaderMap;
  /** Where DuckDB may read the UTF-8 text from (the file itself when it already is UTF-8). */
  path: string;
}

export interface RawResult {
  rowsRead: number;
  blankRows: number;
  /** Rows that are not rows of the table (wrong number of cells, an unclosed quote). */
  broken: {line: number; reason: string; raw: string}[];
  path: "duckdb" | "papaparse";
}

/** Creates `raw_<kind>`: source_file, source_line, every canonical column as text, extra_columns. */
export async function createRawTable(conn: DuckDBConnection, kind: string, columns: readonly string[]): Promise<void> {
  const cols = columns.map((c) => `${quoteIdent(c)} VARCHAR`).join(", ");
  await conn.run(`CREATE TEMP TABLE ${quoteIdent(`raw_${kind}`)} (source_file VARCHAR, source_line INTEGER, ${cols}, extra_columns VARCHAR)`);
}

export async function loadRaw(conn: DuckDBConnection, kind: string, columns: readonly string[], file: RawFile, tmpDir: string): Promise<RawResult> {
  if (!hasBlankLine(file.utf8)) {
    try {
      return await loadWithDuckDB(conn, kind, columns, file, tmpDir);
    } catch {
      // A structural problem DuckDB will not read past: papaparse reads the file and names
      // the rows at fault.
    }
  }
  return loadWithPapaparse(conn, kind, columns, file);
}

function hasBlankLine(utf8: Buffer): boolean {
  const trimmed = utf8.subarray(0, lastNonBreak(utf8) + 1);
  return trimmed.includes("\n\n") || trimmed.includes("\n\r\n") || trimmed.includes("\r\r");
}

function lastNonBreak(b: Buffer): number {
  let i = b.length - 1;
  while (i >= 0 && (b[i] === 0x0a || b[i] === 0x0d)) i--;
  return i;
}

async function loadWithDuckDB(conn: DuckDBConnection, kind: string, columns: readonly string[], file: RawFile, tmpDir: string): Promise<RawResult> {
  let path = file.path;
  if (path === "") {
    path = join(tmpDir, `${kind}-${Date.now()}-${Math.random().toString(36).slice(2)}.csv`);
    writeFileSync(path, file.utf8);
  }
  const positions = file.header.columns.map((_, i) => `c${i}`);
  const types = positions.map((p) => `${quoteLiteral(p)}: 'VARCHAR'`).join(", ");
  const select = columns.map((col) => {
    const i = file.header.columns.indexOf(col);
    return i < 0 ? "NULL" : `c${i}`;
  });
  const before = await count(conn, kind);
  await conn.run(`
    INSERT INTO ${quoteIdent(`raw_${kind}`)}
    SELECT ${quoteLiteral(file.name)}, (row_number() OVER () + 1)::INTEGER, ${select.join(", ")}, ${extrasJson(file.header)}
    FROM read_csv(${quoteLiteral(path)}, delim = ${quoteLiteral(file.delimiter)}, header = true, quote = '"', escape = '"',
                  auto_detect = false, columns = {${types}}, strict_mode = true)`);
  const blank = columns.map((c) => `${quoteIdent(c)} IS NULL`).join(" AND ");
  const deleted = await conn.runAndReadAll(
    `DELETE FROM ${quoteIdent(`raw_${kind}`)} WHERE source_file = ${quoteLiteral(file.name)} AND ${blank} AND extra_columns IS NULL`
  );
  const blankRows = Number(deleted.getRows()[0]?.[0] ?? 0);
  const rowsRead = (await count(conn, kind)) - before;
  return {rowsRead, blankRows, broken: [], path: "duckdb"};
}

function extrasJson(header: HeaderMap): string {
  if (header.extras.length === 0) return "NULL";
  const pairs = header.extras.map((e) => `${quoteLiteral(e.header)}, c${e.position}`).join(", ");
  const empty = header.extras.map((e) => `c${e.position} IS NULL`).join(" AND ");
  return `CASE WHEN ${empty} THEN NULL ELSE CAST(json_object(${pairs}) AS VARCHAR) END`;
}

async function loadWithPapaparse(conn: DuckDBConnection, kind: string, columns: readonly string[], file: RawFile): Promise<RawResult> {
  const parsed = Papa.parse<string[]>(file.utf8.toString("utf8"), {delimiter: file.delimiter, quoteChar: '"', skipEmptyLines: false});
  const errorRows = new Map<number, string>();
  for (const e of parsed.errors) {
    if (e.row !== undefined && e.code === "MissingQuotes") errorRows.set(e.row, "dấu ngoặc kép (\") mở mà không đóng");
  }
  const width = file.header.columns.length;
  const appender = await conn.createAppender(`raw_${kind}`);
  const result: RawResult = {rowsRead: 0, blankRows: 0, broken: [], path: "papaparse"};
  parsed.data.forEach((cells, index) => {
    if (index === 0) return;
    const line = index + 1;
    if (cells.every((c) => c.trim() === "")) {
      result.blankRows++;
      return;
    }
    result.rowsRead++;
    const fault = errorRows.get(index) ?? (cells.length !== width ? `dòng có ${cells.length} ô nhưng tiêu đề có ${width} cột` : undefined);
    if (fault !== undefined) {
      result.broken.push({line, reason: fault, raw: cells.join(file.delimiter).slice(0, 200)});
      return;
    }
    appender.appendVarchar(file.name);
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

async function count(conn: DuckDBConnection, kind: string): Promise<number> {
  return scalar(conn, `SELECT count(*) FROM ${quoteIdent(`raw_${kind}`)}`);
}

export async function scalar(conn: DuckDBConnection, sql: string): Promise<number> {
  const reader = await conn.runAndReadAll(sql);
  return Number(reader.getRows()[0]?.[0] ?? 0);
}
