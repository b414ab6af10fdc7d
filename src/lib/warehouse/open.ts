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
  /** Runs `sql`; a `$commune` in it is bound to the commune this reader stands for. */
  query<T extends Row = Row>(sql: string, params?: Params): Promise<T[]>;
  close(): void;
  /** The commune the reader stands for (its code; "" for a data folder that names none). */
  commune: string;
}

/** How one cell of a result becomes a JS value, given its column's DuckDB type. */
export type CellEncoding<V> = (value: unknown, type: DuckDBTypeId) => V;

/** A read-only connection to the warehouse at `file` (which must exist). */
export interface ConnectOptions {
  /** DuckDB's threads for this reader (default: one per core). One, for readers run side by side:
   * each of their queries is small, and a pool per reader spent its time handing tiny tasks around. */
  threads?: number;
}

export async function connect(file = warehousePath(), {threads}: ConnectOptions = {}): Promise<{conn: DuckDBConnection; close(): void}> {
  requireWarehouse(file);
  const instance = await DuckDBInstance.create(file, {access_mode: "READ_ONLY", ...(threads ? {threads: String(threads)} : {})});
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

/** A reader of the warehouse at `file` for `commune` (default: the home commune, communes()[0]). */
export async function openWarehouse(file = warehousePath(), commune?: string): Promise<Warehouse> {
  const {conn, close} = await connect(file);
  const w = warehouseOn(conn, close, "");
  try {
    return commune === undefined ? warehouseOn(conn, close, (await communes(w))[0]?.code ?? "") : warehouseOn(conn, close, commune);
  } catch (error) {
    close();
    throw error;
  }
}

/** The contract-typed reader of `commune` on a connection already open (`close` closes it). */
export function warehouseOn(conn: DuckDBConnection, close: () => void, commune: string): Warehouse {
  return {query: <T extends Row>(sql: string, params?: Params) => readRows<Value, T>(conn, sql, withCommune(sql, params, commune), plain), close, commune};
}

/** `params` with $commune bound when `sql` uses it (DuckDB refuses a value the statement does not name). */
export function withCommune(sql: string, params: Params | undefined, commune: string): Params | undefined {
  return /\$commune\b/.test(sql) ? {commune, ...params} : params;
}

export interface CommuneInfo {
  code: string;
  /** From its xa.csv; null when its folder has none. */
  name: string | null;
  province: string | null;
  /** The former communes merged into it, in its file's order. */
  formerUnits: string[];
}

/** The commune the reader stands for, named from its xa.csv when it has one. */
export async function ownCommune(w: Warehouse, all: Promise<CommuneInfo[]> = communes(w)): Promise<CommuneInfo> {
  return (await all).find((c) => c.code === w.commune) ?? {code: w.commune, name: null, province: null, formerUnits: []};
}

/** The communes with files in the warehouse: the data folder's own first, then by code. */
export async function communes(w: Pick<Warehouse, "query">): Promise<CommuneInfo[]> {
  // A warehouse built before communes existed names none.
  const [views] = await w.query<{n: bigint}>("SELECT count(*) AS n FROM duckdb_views() WHERE view_name = 'commune_names'");
  if (!views || Number(views.n) === 0) return [];
  const rows = await w.query<{code: string; name?: string; province?: string; former_units?: string}>(
    `SELECT f.commune_code AS code, n.name, n.province,
            (SELECT to_json(list(u.former_unit ORDER BY u.position)) FROM former_units u WHERE u.commune_code = f.commune_code) AS former_units
       FROM (SELECT commune_code, bool_or(NOT contains(source_file, '/')) AS top FROM source_files GROUP BY commune_code) f
       LEFT JOIN commune_names n USING (commune_code)
      ORDER BY f.top DESC, f.commune_code`
  );
  return rows.map((r) => ({
    code: r.code,
    name: r.name ?? null,
    province: r.province ?? null,
    formerUnits: r.former_units ? (JSON.parse(r.former_units) as string[] | null) ?? [] : []
  }));
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
  const result = await w.query(`SELECT ${select.join(", ")} FROM ${kind} WHERE commune_code = $commune ORDER BY source_file, source_line`);
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

/** The latest ingest run: sample data or not, and the date the commune's data runs to. */
export async function runInfo(w: Warehouse): Promise<RunInfo> {
  const [run] = await w.query<{is_sample: boolean; data_as_of?: string; finished_at?: string}>(
    `SELECT is_sample, strftime((SELECT data_as_of FROM commune_dates WHERE commune_code = $commune), '%Y-%m-%d') AS data_as_of, finished_at
       FROM ingest_runs ORDER BY finished_at DESC LIMIT 1`
  );
  return {
    isSample: run?.is_sample ?? false,
    ...(run?.data_as_of ? {dataAsOf: run.data_as_of} : {}),
    ...(run?.finished_at ? {finishedAt: run.finished_at} : {})
  };
}

/** The commune's plan years (plan lines or targets), oldest first. */
export async function planYears(w: Warehouse): Promise<number[]> {
  const result = await w.query<{year: number}>("SELECT year FROM plan_years WHERE commune_code = $commune ORDER BY year");
  return result.map((r) => Number(r.year));
}

/** What the site's menu and frame need from the warehouse at `file`. */
export interface SiteFacts {
  /** The years the home commune's history runs through ("2020–2026"); null without history. */
  period: string | null;
  /** The commune the top-level pages stand for (communes()[0]); null without a warehouse. */
  home: CommuneInfo | null;
  /** Every commune with files: more than one adds the province page. */
  communes: CommuneInfo[];
}

/** The site's frame as the warehouse at `file` gives it (nothing when there is no warehouse yet). */
export async function siteFacts(file = warehousePath()): Promise<SiteFacts> {
  if (!existsSync(file)) return {period: null, home: null, communes: []};
  const w = await openWarehouse(file);
  try {
    const all = await communes(w);
    return {period: await historyPeriod(w), home: all[0] ?? null, communes: all};
  } finally {
    w.close();
  }
}

/** The years the commune's history runs through ("2020–2026"). */
async function historyPeriod(w: Warehouse): Promise<string | null> {
  try {
    const [t] = await w.query("SELECT from_year, to_year FROM site_history_totals WHERE commune_code = $commune");
    return t?.from_year === undefined ? null : formatPeriod(Number(t.from_year), Number(t.to_year));
  } catch {
    // A warehouse built before the view existed: the menu says "Giai đoạn đã qua" until the next ingest.
    return null;
  }
}
