// Test helpers for the ingest: write a data folder of CSV files into a temp folder, run the real
// ingest on it, and look into the warehouse it built through a read-only connection.
import {DuckDBInstance} from "@duckdb/node-api";
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {ingest, IngestFailed, type IngestSummary} from "../../loaders/ingest.js";

/** File name inside the data folder → its content (text is written as UTF-8 without BOM). */
export type Files = Record<string, string | Buffer>;
/** A row as DuckDB's JSON conversion gives it: BIGINT and HUGEINT as strings, DATE as yyyy-mm-dd. */
export type Row = Record<string, unknown>;

const made: string[] = [];

/** A fresh folder under the system's temp folder, removed by cleanup(). */
export function tempDir(prefix = "kc-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every temp folder made by this module (call it in afterAll). */
export function cleanup(): void {
  for (const dir of made.splice(0)) rmSync(dir, {recursive: true, force: true});
}

/** Writes the files into `dir` (a new temp folder by default) and returns the folder. */
export function writeFiles(files: Files, dir = tempDir("kc-data-")): string {
  mkdirSync(dir, {recursive: true});
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), {recursive: true});
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

export interface Query {
  /** Rows of a SELECT, values as JSON (see Row). */
  query(sql: string): Promise<Row[]>;
  /** The first column of the first row. */
  scalar(sql: string): Promise<unknown>;
  close(): void;
}

/** A read-only look into a warehouse file. */
export async function openWarehouse(dbPath: string): Promise<Query> {
  const instance = await DuckDBInstance.create(dbPath, {access_mode: "READ_ONLY"});
  const conn = await instance.connect();
  let closed = false;
  const query = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJson() as Row[];
  return {
    query,
    scalar: async (sql: string) => {
      const rows = await query(sql);
      const first = rows[0];
      return first === undefined ? undefined : Object.values(first)[0];
    },
    close: () => {
      if (closed) return;
      closed = true;
      conn.closeSync();
      instance.closeSync();
    }
  };
}

export interface Warehouse extends Query {
  dataDir: string;
  dbPath: string;
  summary: IngestSummary;
}

const open: Query[] = [];

/**
 * Writes the files, ingests them into a new warehouse (or `dbPath`) and opens it read-only.
 * The connection is closed by closeAll() (call it in afterAll) or by close().
 */
export async function ingestFiles(files: Files, options: {dbPath?: string; dataDir?: string} = {}): Promise<Warehouse> {
  const dataDir = writeFiles(files, options.dataDir);
  const dbPath = options.dbPath ?? join(tempDir("kc-db-"), "warehouse.duckdb");
  const summary = await ingest({dataDir, dbPath});
  const q = await openWarehouse(dbPath);
  open.push(q);
  return {...q, dataDir, dbPath, summary};
}

/** Ingests a folder that already exists (a fixture). */
export async function ingestDir(dataDir: string, dbPath = join(tempDir("kc-db-"), "warehouse.duckdb")): Promise<Warehouse> {
  const summary = await ingest({dataDir, dbPath});
  const q = await openWarehouse(dbPath);
  open.push(q);
  return {...q, dataDir, dbPath, summary};
}

/** Ingests files that must be refused; returns the IngestFailed (fails the test otherwise). */
export async function ingestRefused(files: Files, options: {dbPath?: string} = {}): Promise<IngestFailed> {
  const dataDir = writeFiles(files);
  const dbPath = options.dbPath ?? join(tempDir("kc-db-"), "warehouse.duckdb");
  try {
    await ingest({dataDir, dbPath});
  } catch (error) {
    if (error instanceof IngestFailed) return error;
    throw error;
  }
  throw new Error("the ingest was expected to refuse these files, and it ran");
}

export function closeAll(): void {
  for (const q of open.splice(0)) q.close();
}

/** A cell quoted the way Excel writes it when it has to be. */
export function quoteCell(cell: string, delimiter: string): string {
  return cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** CSV text: the header and the rows, quoted where needed, each line ended by `eol`. */
export function csv(header: readonly string[], rows: readonly (readonly string[])[], {delimiter = ";", eol = "\r\n"} = {}): string {
  return [header, ...rows].map((r) => r.map((c) => quoteCell(c, delimiter)).join(delimiter) + eol).join("");
}

export const BOM = "\ufeff";

/** Text as UTF-16 with its byte-order mark. */
export function utf16(text: string, order: "le" | "be"): Buffer {
  const le = Buffer.from(BOM + text, "utf16le");
  if (order === "le") return le;
  const be = Buffer.alloc(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return be;
}

/** Rows of a table, in a stable order, without the columns named in `omit`. */
export async function tableRows(q: Query, table: string, omit: readonly string[] = []): Promise<Row[]> {
  const rows = await q.query(`SELECT * FROM "${table}" ORDER BY ALL`);
  return rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !omit.includes(k))));
}
