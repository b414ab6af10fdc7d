// Reading a file: its rows into the kind's table, each with its spreadsheet row number
// (header = 1), typed in the same pass (see typed.ts). DuckDB's own CSV reader does the bulk of
// the work; a file it cannot read row for row the way a spreadsheet numbers rows (blank lines, a
// row with more or fewer cells than the header, an unclosed quote) is read by papaparse instead,
// which reports such rows one by one and hands the others to the same typed statement.
import type {DuckDBConnection} from "@duckdb/node-api";
import Papa from "papaparse";
import {createHash} from "node:crypto";
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import type {KindSpec} from "../../src/lib/contract/kinds.js";
import {formatNumber} from "../../src/lib/format.js";
import type {Delimiter} from "../read/dialect.js";
import type {FileFacts} from "../read/facts.js";
import type {HeaderMap} from "../read/headers.js";
import {quoteIdent as q, quoteLiteral as lit} from "./sql.js";
import {blankRow, typedInsert, unplainText} from "./typed.js";

export interface RawFile {
  /** Name inside the data folder. */
  name: string;
  /** The UTF-8 text without BOM, read when asked: most files DuckDB reads from `path`. */
  text: () => Promise<Buffer>;
  delimiter: Delimiter;
  header: HeaderMap;
  /** Where DuckDB may read the UTF-8 text from; empty when it must be written out first. */
  path: string;
  /**
   * The file's facts, found beside DuckDB's read; rejects when the file is refused. A blank line
   * DuckDB would skip without counting it.
   */
  facts: Promise<Pick<FileFacts, "blankLine">>;
}

export interface RawResult {
  rowsRead: number;
  blankRows: number;
  /** Rows that are not rows of the table (wrong number of cells, an unclosed quote). */
  broken: {line: number; reason: string; raw: string}[];
  path: "duckdb" | "papaparse";
}

/**
 * Reads one file of the kind into the kind's table (created by createKindTable), typed where SQL
 * is sure. DuckDB reads it first, while the file's blank lines are still being looked for: a file
 * that has one (rare) has its rows taken out again and is read by papaparse.
 */
export async function loadRaw(conn: DuckDBConnection, spec: KindSpec, file: RawFile, {tmpDir, top}: {tmpDir: string; top: string | undefined}): Promise<RawResult> {
  // A structural problem DuckDB will not read past goes to papaparse too, which names the rows at
  // fault. The failed statement left nothing behind (it was one transaction).
  const read = await loadWithDuckDB(conn, spec, file, tmpDir, top).catch(() => undefined);
  const {blankLine} = await file.facts;
  if (read !== undefined && !blankLine) return read;
  // Whatever DuckDB's read left (a statement after its insert may have failed) leaves first.
  await conn.run(`DELETE FROM ${q(spec.name)} WHERE source_file = $name`, {name: file.name});
  return loadWithPapaparse(conn, spec, file, top);
}

/**
 * Several small files of a kind written alike (the same header line and delimiter, UTF-8 on disk
 * under a plain name: a province's communes hand in the same files) read by one statement: a
 * statement per file cost more than a small file's rows (bench:scale, 80 communes). A file the
 * batch cannot take as it stands (a blank line, a refused encoding) is given back with its rows
 * taken out again, for loadRaw; a structural problem in one file, or a text not plainly clean in
 * any, gives back all of them. Returns the results of the files it loaded.
 */
export async function loadBatch(conn: DuckDBConnection, spec: KindSpec, files: readonly RawFile[], top: string | undefined): Promise<Map<string, RawResult>> {
  const table = q(spec.name);
  const among = (names: readonly string[]) => `source_file IN (${names.map(lit).join(", ")})`;
  const names = files.map((f) => f.name);
  try {
    await conn.run(...csvInsert(spec, files[0]!, files.map((f) => ({name: f.name, path: f.path})), {deferText: true, top}));
  } catch {
    // One statement: nothing of it stayed.
    return new Map();
  }
  const unplain = unplainText(spec, among(names));
  if (unplain !== undefined && (await conn.runAndReadAll(unplain)).currentRowCount > 0) {
    await conn.run(`DELETE FROM ${table} WHERE ${among(names)}`);
    return new Map();
  }
  const givenBack = await Promise.all(files.map((f) => f.facts.then((facts) => facts.blankLine, () => true)));
  const back = names.filter((_, i) => givenBack[i]);
  if (back.length > 0) await conn.run(`DELETE FROM ${table} WHERE ${among(back)}`);
  const kept = names.filter((_, i) => !givenBack[i]);
  return kept.length === 0 ? new Map() : numberFiles(conn, spec, kept);
}

/**
 * Each row of the files just read given its spreadsheet number, from its row id: one statement
 * for them all. A file's rows, put in by one statement, hold consecutive row ids: numbered before
 * any other statement touches the table.
 */
async function numberFiles(conn: DuckDBConnection, spec: KindSpec, names: readonly string[]): Promise<Map<string, RawResult>> {
  const table = q(spec.name);
  const where = `source_file IN (${names.map(lit).join(", ")})`;
  const counts = await conn.runAndReadAll(
    `SELECT source_file, count(*), count(*) FILTER (WHERE ${blankRow(spec)}), min(rowid), max(rowid) FROM ${table} WHERE ${where} GROUP BY source_file`
  );
  const results = new Map<string, RawResult>(names.map((name) => [name, {rowsRead: 0, blankRows: 0, broken: [], path: "duckdb"}]));
  const firstRows = new Map<string, number>();
  for (const [name, ...n] of counts.getRows()) {
    const [total, blank, first, last] = n.map((v) => Number(v ?? 0)) as [number, number, number, number];
    if (last - first + 1 !== total) throw new Error(`${String(name)}: row ids not consecutive`);
    results.set(String(name), {rowsRead: total - blank, blankRows: blank, broken: [], path: "duckdb"});
    firstRows.set(String(name), first);
  }
  if (names.length === 1) {
    // One file (a large one, most often): its first row id as a constant, no join of every row
    // with the files' first rows (40 → 15 ms at a million rows).
    await conn.run(`UPDATE ${table} SET source_line = CAST(rowid - $first + 2 AS INTEGER) WHERE source_file = $file`, {
      first: BigInt(firstRows.get(names[0]!) ?? 0),
      file: names[0]!
    });
  } else {
    await conn.run(
      `UPDATE ${table} SET source_line = CAST(rowid - f.first_row + 2 AS INTEGER)
       FROM (SELECT source_file AS file, min(rowid) AS first_row FROM ${table} WHERE ${where} GROUP BY source_file) f
       WHERE ${table}.source_file = f.file`
    );
  }
  return results;
}

const cell = (i: number) => `c${i}`;

/**
 * The longest cell read: Excel's own limit for a cell (32.767 characters). A longer one cannot
 * have come from the office's workbook, and it would travel whole into the site's JSON (a 200 MB
 * cell made a 200 MB page that crashed the browser tab): its row is rejected, saying so.
 */
export const MAX_CELL_CHARS = 32_767;

/**
 * DuckDB reads a file name as a pattern (`*`, `?`, `[…]`, `{…}`; `~` for the home folder): a file
 * named disbursements_extra_?.csv read its neighbour disbursements_extra_b.csv too. A path
 * holding any of them is read through a copy under a plain name.
 */
const PATTERN_CHARS = /[*?[\]{}~]/;

/** Whether DuckDB may read the file where it lies, in a batch with others (loadBatch). */
export function batchable(file: RawFile): boolean {
  return file.path !== "" && !PATTERN_CHARS.test(file.path);
}

async function loadWithDuckDB(conn: DuckDBConnection, spec: KindSpec, file: RawFile, tmpDir: string, top: string | undefined): Promise<RawResult> {
  let path = file.path;
  if (path === "" || PATTERN_CHARS.test(path)) {
    // The copy (UTF-16 files transcoded, or a path DuckDB would take as a pattern) is named from
    // a hash: the office's file name may hold any character.
    path = join(tmpDir, `${spec.name}-${createHash("sha1").update(file.name).digest("hex").slice(0, 12)}.csv`);
    writeFileSync(path, await file.text());
  }
  await insertFromCsv(conn, spec, file, path, {deferText: true, top});
  const unplain = unplainText(spec);
  if (unplain !== undefined && (await conn.runAndReadAll(unplain, {file: file.name})).currentRowCount > 0) {
    // A text the quick look let through is not plainly clean (decomposed Vietnamese, odd blanks):
    // the file again, every text checked cell by cell, and its rows to zod.
    await conn.run(`DELETE FROM ${q(spec.name)} WHERE source_file = $name`, {name: file.name});
    await insertFromCsv(conn, spec, file, path, {deferText: false, top});
  }
  return (await numberFiles(conn, spec, [file.name])).get(file.name)!;
}

/**
 * One pass from the file into the kind's table. With insertion order preserved (the ingest keeps
 * it for the whole load), the rows take the table's row ids in the file's record order (also
 * when DuckDB reads the file on several threads), so a row's spreadsheet number is its row id's
 * distance from the file's first row, + 2 — even when a quoted cell spans lines. A window
 * function would read the file on one thread; this needs no second copy of the file either.
 */
async function insertFromCsv(conn: DuckDBConnection, spec: KindSpec, file: RawFile, path: string, options: CsvOptions): Promise<void> {
  await conn.run(...csvInsert(spec, file, [{name: file.name, path}], options));
}

/**
 * The statement reading `sources` (files written alike: `file`'s header and delimiter) into the
 * kind's table; with several, each row's source file from the path DuckDB read it from.
 */
interface CsvOptions {
  /** typedInsert's: text checks deferred to the distinct values. */
  deferText: boolean;
  /** The data folder's own commune (typedInsert's CellSource). */
  top: string | undefined;
}

function csvInsert(spec: KindSpec, file: RawFile, sources: readonly {name: string; path: string}[], {deferText, top}: CsvOptions): [string, Record<string, string>] {
  const types = file.header.columns.map((_, i) => `${lit(cell(i))}: 'VARCHAR'`).join(", ");
  const several = sources.length > 1;
  const paths = Object.fromEntries(sources.map((s, i) => [`path${i}`, s.path]));
  // A line of more bytes than a cell's limit in characters stops the statement (DuckDB's
  // max_line_size, checked as it splits the lines: a guard on each cell cost every cell of a
  // large file); papaparse then reads the file, counts characters and rejects a row whose cell
  // is really over. A cell over the limit always makes such a line (bytes are never fewer than
  // characters); a long line of shorter cells goes the slow way and loads.
  const extras = extrasJson(file.header);
  const insert = typedInsert(
    spec,
    {
      from: `read_csv([${sources.map((_, i) => `$path${i}`).join(", ")}], delim = $delimiter, header = true,
                      quote = '"', escape = '"', auto_detect = false, columns = {${types}}, strict_mode = true, max_line_size = ${MAX_CELL_CHARS}${several ? ", filename = true" : ""})`,
      columns: file.header.columns,
      cell,
      extras: extras.sql,
      line: "0",
      file: file.name,
      top,
      ...(several ? {fileSql: `CASE filename ${sources.map((s, i) => `WHEN $path${i} THEN ${lit(s.name)}`).join(" ")} END`} : {}),
      values: {...extras.values, ...paths, delimiter: file.delimiter}
    },
    {deferText}
  );
  return [insert.sql, insert.values];
}


/** The row's extra columns as JSON, their headers (the office's own text) bound as `$extra<i>`. */
function extrasJson(header: HeaderMap): {sql: string; values: Record<string, string>} {
  if (header.extras.length === 0) return {sql: "CAST(NULL AS VARCHAR)", values: {}};
  const pairs = header.extras.map((e, i) => `$extra${i}, ${cell(e.position)}`).join(", ");
  const empty = header.extras.map((e) => `${cell(e.position)} IS NULL`).join(" AND ");
  const values = Object.fromEntries(header.extras.map((e, i) => [`extra${i}`, e.header]));
  return {sql: `CASE WHEN ${empty} THEN NULL ELSE CAST(json_object(${pairs}) AS VARCHAR) END`, values};
}

async function loadWithPapaparse(conn: DuckDBConnection, spec: KindSpec, file: RawFile, top: string | undefined): Promise<RawResult> {
  const width = file.header.columns.length;
  const staging = q(`papa_${spec.name}`);
  const cells = Array.from({length: width}, (_, i) => `${cell(i)} VARCHAR`).join(", ");
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${staging} (source_line INTEGER, ${cells}, extra_columns VARCHAR)`);
  const text = (await file.text()).toString("utf8");
  const parsed = Papa.parse<string[]>(text, {delimiter: file.delimiter, quoteChar: '"', skipEmptyLines: false});
  const unclosed = new Set(parsed.errors.filter((e) => e.code === "MissingQuotes" && e.row !== undefined).map((e) => e.row!));
  const appender = await conn.createAppender(`papa_${spec.name}`);
  const result: RawResult = {rowsRead: 0, blankRows: 0, broken: [], path: "papaparse"};
  // The line break ending the last line gives papaparse one more, empty record: not a line of
  // the file (it counted as a second blank line).
  const last = parsed.data.at(-1);
  const records = last?.length === 1 && last[0] === "" && /[\r\n]$/.test(text) ? parsed.data.slice(0, -1) : parsed.data;
  records.forEach((cells, index) => {
    if (index === 0) return;
    const line = index + 1;
    if (cells.every((c) => c === "")) {
      result.blankRows++;
      return;
    }
    result.rowsRead++;
    const long = cells.findIndex((c) => c.length > MAX_CELL_CHARS);
    const fault = unclosed.has(index)
      ? 'dấu ngoặc kép (") mở mà không đóng'
      : long >= 0
        ? `ô thứ ${long + 1} dài ${formatNumber(cells[long]!.length)} ký tự, quá giới hạn ${formatNumber(MAX_CELL_CHARS)} ký tự của một ô Excel`
        : cells.length !== width
          ? `dòng có ${cells.length} ô nhưng tiêu đề có ${width} cột`
          : undefined;
    if (fault !== undefined) {
      result.broken.push({line, reason: fault, raw: cells.join(file.delimiter).slice(0, 200)});
      return;
    }
    appender.appendInteger(line);
    for (const c of cells) {
      if (c === "") appender.appendNull();
      else appender.appendVarchar(c);
    }
    const extras = file.header.extras.map((e) => [e.header, cells[e.position] || null] as const);
    if (extras.every(([, v]) => v === null)) appender.appendNull();
    else appender.appendVarchar(JSON.stringify(Object.fromEntries(extras)));
    appender.endRow();
  });
  appender.closeSync();
  // The same typed statement as DuckDB's own reader, over the rows papaparse kept (blank ones
  // were counted and left out), each with its spreadsheet number.
  const insert = typedInsert(spec, {from: staging, columns: file.header.columns, cell, extras: "extra_columns", line: "source_line", file: file.name, top});
  await conn.run(insert.sql, insert.values);
  await conn.run(`DROP TABLE ${staging}`);
  return result;
}

export async function scalar(conn: DuckDBConnection, sql: string): Promise<number> {
  const reader = await conn.runAndReadAll(sql);
  return Number(reader.getRows()[0]?.[0] ?? 0);
}
