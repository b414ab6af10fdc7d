// JSON for the report models: money is bigint đồng, which JSON cannot hold, so a bigint travels
// as {"$bigint": "130000000"} and comes back as a bigint. Browser-safe.
import {pack, unpack, type Packed} from "../columns.js";

const TAG = "$bigint";

export function stringifyWithBigInt(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? {[TAG]: v.toString()} : v));
}

export function parseWithBigInt<T>(text: string): T {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      const keys = Object.keys(v);
      if (keys.length === 1 && keys[0] === TAG) return BigInt((v as Record<string, string>)[TAG]!);
    }
    return v;
  }) as T;
}

/** The same revival on an already-parsed value (FileAttachment().json()). */
export function reviveBigInt<T>(value: unknown): T {
  return parseWithBigInt<T>(JSON.stringify(value));
}

/**
 * Rows of one shape packed column by column (src/lib/columns.ts: the keys once, a column of
 * repeated values as a dictionary), for report models whose money is bigint: bigint cells travel as
 * numbers (strings beyond 2^53), their columns named in `bigint` (the tagged form above, on every
 * row of a long list of money, weighed more than the rows themselves). An absent field and a null
 * are both a null cell; `nulls` names the columns that held nulls, which come back as null, the
 * others' as absent fields.
 */
export interface PackedRows extends Packed {
  bigint: string[];
  nulls: string[];
}

export function packRows<T extends object>(rows: readonly T[]): PackedRows {
  const cells = rows as readonly Record<string, unknown>[];
  const columns = [...new Set(cells.flatMap((r) => Object.keys(r)))];
  const safe = (v: bigint) => v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER);
  const plain = cells.map((r) => {
    const row: Record<string, unknown> = {};
    for (const c of columns) {
      const v = r[c];
      row[c] = v === undefined ? null : typeof v === "bigint" ? (safe(v) ? Number(v) : v.toString()) : v;
    }
    return row;
  });
  // A dictionary pays where values repeat: at most one distinct value for two rows.
  const repeated = columns.filter((c) => new Set(plain.map((r) => JSON.stringify(r[c]))).size * 2 <= plain.length);
  return {
    ...pack(plain, columns, repeated),
    bigint: columns.filter((c) => cells.some((r) => typeof r[c] === "bigint")),
    nulls: columns.filter((c) => cells.some((r) => r[c] === null))
  };
}

/** The rows packRows() packed. */
export function unpackRows<T>(packed: PackedRows): T[] {
  const bigint = new Set(packed.bigint);
  const nulls = new Set(packed.nulls);
  return unpack<Record<string, unknown>>(packed).map((cells) => {
    const row: Record<string, unknown> = {};
    for (const [c, v] of Object.entries(cells)) {
      if (v !== null && v !== undefined) row[c] = bigint.has(c) ? BigInt(v as number | string) : v;
      else if (nulls.has(c)) row[c] = null;
    }
    return row as T;
  });
}
