// JSON for the report models: money is bigint đồng, which JSON cannot hold, so a bigint travels
// as {"$bigint": "130000000"} and comes back as a bigint. Browser-safe.

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
 * Rows of one shape as a table: the keys once, then each row's cells in that order. Bigint cells
 * travel as numbers (strings beyond 2^53), their columns named in `bigint`: the tagged form above,
 * on every row of a long list of money, weighed more than the rows themselves. An absent field and
 * a null are both a null cell; `nulls` names the columns that held nulls, which come back as null,
 * the others' as absent fields.
 */
export interface PackedRows {
  columns: string[];
  bigint: string[];
  nulls: string[];
  rows: unknown[][];
}

export function packRows<T extends object>(rows: readonly T[]): PackedRows {
  const cells = rows as readonly Record<string, unknown>[];
  const columns = [...new Set(cells.flatMap((r) => Object.keys(r)))];
  const safe = (v: bigint) => v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER);
  return {
    columns,
    bigint: columns.filter((c) => cells.some((r) => typeof r[c] === "bigint")),
    nulls: columns.filter((c) => cells.some((r) => r[c] === null)),
    rows: cells.map((r) =>
      columns.map((c) => {
        const v = r[c];
        if (v === undefined) return null;
        return typeof v === "bigint" ? (safe(v) ? Number(v) : v.toString()) : v;
      })
    )
  };
}

/** The rows packRows() packed. */
export function unpackRows<T>(packed: PackedRows): T[] {
  const bigint = new Set(packed.bigint);
  const nulls = new Set(packed.nulls);
  return packed.rows.map((cells) => {
    const row: Record<string, unknown> = {};
    packed.columns.forEach((c, i) => {
      const v = cells[i];
      if (v !== null && v !== undefined) row[c] = bigint.has(c) ? BigInt(v as number | string) : v;
      else if (nulls.has(c)) row[c] = null;
    });
    return row as T;
  });
}
