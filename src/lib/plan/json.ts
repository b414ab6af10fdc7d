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
