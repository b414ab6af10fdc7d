// The warehouse reader (./open.ts) as the site's datasets (src/data/, written by the archive loader
// src/data.zip.ts) use it, never pages: it runs in Node. One read-only connection, read two ways:
// `warehouse` gives the contract's types (for the code shared with the documents), `query` each
// cell encoded as JSON:
//   BIGINT/HUGEINT → number (string when beyond Number.MAX_SAFE_INTEGER), DECIMAL → number,
//   DATE → "yyyy-mm-dd", TIMESTAMP → ISO 8601 "yyyy-mm-ddThh:mm:ss.sssZ", NULL → null.
// Report models that keep money as bigint travel with stringifyWithBigInt (src/lib/plan/json.ts).
import {DuckDBTypeId} from "@duckdb/node-api";
import {communes, connect, readRows, warehousePath, warehouseOn, withCommune, type CommuneInfo, type ConnectOptions, type Params, type Warehouse} from "./open.js";

export type Json = null | boolean | number | string | Json[] | {[key: string]: Json};
export type Row = Record<string, Json>;
export type Query = <T extends Row = Row>(sql: string, params?: Params) => Promise<T[]>;

/** What a dataset of the site reads: one connection, as JSON cells or as the contract types them,
 * each with `$commune` bound to the commune the dataset is made for. */
export interface Sources {
  query: Query;
  warehouse: Warehouse;
  commune: string;
  /** The same connection, standing for another commune. */
  forCommune(commune: string): Sources;
  /** `compute()` once for these sources, by `key`: datasets made together share what several of
   * them read (the evaluation of a year, the facilities' supports) instead of reading it again. */
  once<T>(key: string, compute: () => Promise<T>): Promise<T>;
  /** `compute()` once for the connection, whichever commune asks: what is the same for every
   * commune (the warehouse's relations, its communes), read once for a province's datasets. */
  shared<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

/** `made.get(key)`, computed first if missing. */
function memo<T>(made: Map<string, Promise<unknown>>, key: string, compute: () => Promise<T>): Promise<T> {
  if (!made.has(key)) made.set(key, compute());
  return made.get(key) as Promise<T>;
}

/** Opens the warehouse at `file` read-only, hands `fn` its sources for `commune` (default the
 * home commune: communes()[0]), always closes. */
export async function withWarehouse<T>(fn: (sources: Sources) => Promise<T>, file = warehousePath(), commune?: string, options?: ConnectOptions): Promise<T> {
  const {conn, close} = await connect(file, options);
  const shared = new Map<string, Promise<unknown>>();
  try {
    const sourcesFor = (code: string): Sources => {
      const made = new Map<string, Promise<unknown>>();
      return {
        query: <R extends Row>(sql: string, params?: Params) =>
          readRows<Json, R>(conn, sql, withCommune(sql, params, code), (value, type) => toJson(value, type === DuckDBTypeId.DATE)),
        warehouse: warehouseOn(conn, close, code),
        commune: code,
        forCommune: sourcesFor,
        once: (key, compute) => memo(made, key, compute),
        shared: (key, compute) => memo(shared, key, compute)
      };
    };
    const home = commune ?? (await communes(warehouseOn(conn, close, "")))[0]?.code ?? "";
    return await fn(sourcesFor(home));
  } finally {
    close();
  }
}

/** Does a table or view exist? Lets loaders degrade gracefully while the warehouse grows. */
export async function hasRelation({query, shared}: Pick<Sources, "query" | "shared">, name: string): Promise<boolean> {
  const names = await shared("relations", async () => {
    const rows = await query<{name: string}>("SELECT table_name AS name FROM duckdb_tables() UNION ALL SELECT view_name FROM duckdb_views()");
    return new Set(rows.map((r) => r.name));
  });
  return names.has(name);
}

/** The warehouse's communes (communes() of ./open.ts), read once per connection. */
export function warehouseCommunes({warehouse, shared}: Pick<Sources, "warehouse" | "shared">): Promise<CommuneInfo[]> {
  return shared("communes", () => communes(warehouse));
}

/** A JS value from @duckdb/node-api's getRowsJS() → plain JSON. */
export function toJson(value: unknown, isDate = false): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const iso = value.toISOString();
    // DuckDB DATEs arrive as UTC midnight; inside lists/structs we cannot see the column type.
    return isDate || iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  if (Array.isArray(value)) return value.map((v) => toJson(v, isDate));
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (typeof value === "object") {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toJson(v);
    return out;
  }
  return String(value);
}
