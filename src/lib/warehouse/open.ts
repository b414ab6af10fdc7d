// The one warehouse reader (Node only), below the three that read: the reports, `npm run query`
// and the site's datasets (src/data/, through ./json.ts). Opened READ-ONLY; values are bound,
// never spliced into the SQL. Rows come back as the contract types them: money bigint đồng, dates
// ISO "yyyy-mm-dd", NULL undefined (src/lib/contract/kinds.ts), so they feed the same pure
// functions the pages use; ./json.ts encodes the same rows as JSON for the pages.
import {existsSync} from "node:fs";
import {dirname, join, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {DuckDBInstance, DuckDBTypeId, type DuckDBConnection, type DuckDBValue} from "@duckdb/node-api";
import type {z} from "zod";
import {columnMeta} from "../contract/fields.js";
import {formatPeriod} from "../format.js";
import {
  kinds,
  type Activity,
  type DemandSurvey,
  type Disbursement,
  type Establishment,
  type KindName,
  type Norm,
  type PlanLine,
  type PlanTarget,
  type Project
} from "../contract/kinds.js";

export type Value = string | number | bigint | boolean | undefined;
export type Row = Record<string, Value>;

export class WarehouseMissing extends Error {
  override name = "WarehouseMissing";
}

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** The warehouse every reader opens: KC_DB (relative to the working directory), else the project's data/warehouse.duckdb. */
export function warehousePath(): string {
  return resolve(process.env.KC_DB ?? join(projectRoot, "data", "warehouse.duckdb"));
}

/** Throws WarehouseMissing, saying what to run, when there is no warehouse at `file` yet. */
export function requireWarehouse(file: string): void {
  if (!existsSync(file)) {
    throw new WarehouseMissing(`Chưa có kho dữ liệu ${file}. Chạy "npm run ingest" trước (hoặc đặt biến KC_DB).`);
  }
}

/** Values bound to `$name` placeholders of a statement. */
export type Params = Record<string, DuckDBValue>;

export interface Warehouse {
  query<T extends Row = Row>(sql: string, params?: Params): Promise<T[]>;
  close(): void;
}

/** How one cell of a result becomes a JS value, given its column's DuckDB type. */
export type CellEncoding<V> = (value: unknown, type: DuckDBTypeId) => V;

/** A read-only connection to the warehouse at `file` (which must exist). */
export async function connect(file = warehousePath()): Promise<{conn: DuckDBConnection; close(): void}> {
  requireWarehouse(file);
  const instance = await DuckDBInstance.create(file, {access_mode: "READ_ONLY"});
  const conn = await instance.connect();
  let open = true;
  return {
    conn,
    // Once only: a reader handed on (warehouseOn) may close what its opener closes again.
    close() {
      if (!open) return;
      open = false;
      conn.closeSync();
      instance.closeSync();
    }
  };
}

/** Runs `sql` with bound `params` and returns its rows, each cell through `encode`. */
export async function readRows<V, T extends Record<string, V>>(conn: DuckDBConnection, sql: string, params: Params | undefined, encode: CellEncoding<V>): Promise<T[]> {
  const reader = params ? await conn.runAndReadAll(sql, params) : await conn.runAndReadAll(sql);
  const names = reader.columnNames();
  const types = reader.columnTypes().map((t) => t.typeId);
  return reader.getRowsJS().map((values) => {
    const row: Record<string, V> = {};
    names.forEach((name, i) => {
      row[name] = encode(values[i], types[i]!);
    });
    return row as T;
  });
}

export async function openWarehouse(file = warehousePath()): Promise<Warehouse> {
  const {conn, close} = await connect(file);
  return warehouseOn(conn, close);
}

/** The contract-typed reader on a connection already open (`close` closes it). */
export function warehouseOn(conn: DuckDBConnection, close: () => void): Warehouse {
  return {query: <T extends Row>(sql: string, params?: Params) => readRows<Value, T>(conn, sql, params, plain), close};
}

function plain(value: unknown, type: DuckDBTypeId): Value {
  if (value === null || value === undefined) return undefined;
  if (type === DuckDBTypeId.DATE && value instanceof Date) return value.toISOString().slice(0, 10);
  if (value instanceof Date) return value.toISOString();
  // Counts arrive as bigint from COUNT/SUM over INTEGER; money columns are cast to BIGINT and stay bigint.
  if (typeof value === "bigint" && (type === DuckDBTypeId.INTEGER || type === DuckDBTypeId.SMALLINT || type === DuckDBTypeId.TINYINT)) return Number(value);
  if (typeof value === "string" || typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return value;
  return String(value);
}

/** Every row of a kind, typed as the contract says (money bigint, dates ISO, empty undefined). */
export async function readKind<K extends KindName>(w: Warehouse, kind: K): Promise<z.output<(typeof kinds)[K]["schema"]>[]> {
  const shape = kinds[kind].schema.shape as Record<string, z.ZodType>;
  const select = Object.entries(shape).map(([column, schema]) => {
    const type = columnMeta(schema).type.kind;
    if (type === "date") return `strftime(${column}, '%Y-%m-%d') AS ${column}`;
    if (type === "money") return `CAST(${column} AS BIGINT) AS ${column}`;
    return column;
  });
  const result = await w.query(`SELECT ${select.join(", ")} FROM ${kind} ORDER BY source_file, source_line`);
  return result.map((r) => {
    const out: Row = {};
    for (const [k, v] of Object.entries(r)) if (v !== undefined) out[k] = v;
    return out;
  }) as never;
}

export interface WarehouseRows {
  planLines: PlanLine[];
  planTargets: PlanTarget[];
  norms: Norm[];
  establishments: Establishment[];
  projects: Project[];
  activities: Activity[];
  disbursements: Disbursement[];
  survey: DemandSurvey[];
}

export async function readAll(w: Warehouse): Promise<WarehouseRows> {
  return {
    planLines: await readKind(w, "plan_lines"),
    planTargets: await readKind(w, "plan_targets"),
    norms: await readKind(w, "norms"),
    establishments: await readKind(w, "establishments"),
    projects: await readKind(w, "projects"),
    activities: await readKind(w, "activities"),
    disbursements: await readKind(w, "disbursements"),
    survey: await readKind(w, "demand_survey")
  };
}

export interface RunInfo {
  isSample: boolean;
  dataAsOf?: string;
  finishedAt?: string;
}

/** The latest ingest run: sample data or not, and the date the data runs to. */
export async function runInfo(w: Warehouse): Promise<RunInfo> {
  const [run] = await w.query<{is_sample: boolean; data_as_of?: string; finished_at?: string}>(
    "SELECT is_sample, data_as_of, finished_at FROM ingest_runs ORDER BY finished_at DESC LIMIT 1"
  );
  return {
    isSample: run?.is_sample ?? false,
    ...(run?.data_as_of ? {dataAsOf: run.data_as_of} : {}),
    ...(run?.finished_at ? {finishedAt: run.finished_at} : {})
  };
}

/** The plan years in the data (plan lines or targets), oldest first. */
export async function planYears(w: Warehouse): Promise<number[]> {
  const result = await w.query<{year: number}>("SELECT DISTINCT year FROM (SELECT year FROM plan_lines UNION SELECT year FROM plan_targets) ORDER BY year");
  return result.map((r) => Number(r.year));
}

/**
 * The years the history runs through ("2020–2026"), read from the warehouse at `file` (the site's
 * menu names the history page by them); null when there is no warehouse or no history yet.
 */
export async function historyPeriod(file = warehousePath()): Promise<string | null> {
  if (!existsSync(file)) return null;
  const w = await openWarehouse(file);
  try {
    const [t] = await w.query("SELECT from_year, to_year FROM site_history_totals");
    return t?.from_year === undefined ? null : formatPeriod(Number(t.from_year), Number(t.to_year));
  } catch {
    // A warehouse built before the view existed: the menu says "Giai đoạn đã qua" until the next ingest.
    return null;
  } finally {
    w.close();
  }
}
