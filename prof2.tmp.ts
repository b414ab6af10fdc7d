import {DuckDBConnection} from "@duckdb/node-api";
import {ingest} from "./loaders/ingest.ts";
const acc = new Map<string, [number, number]>();
for (const m of ["run", "runAndReadAll"] as const) {
  const orig = (DuckDBConnection.prototype as any)[m];
  (DuckDBConnection.prototype as any)[m] = async function (sql: string, ...rest: unknown[]) {
    const t = performance.now();
    try { return await orig.call(this, sql, ...rest); } finally {
      const key = sql.replace(/\s+/g, " ").trim().slice(0, 60);
      const a = acc.get(key) ?? [0, 0]; a[0] += performance.now() - t; a[1]++; acc.set(key, a);
    }
  };
}
const t = performance.now();
const s = await ingest({dataDir: "/tmp/p80/data", dbPath: "/tmp/p80/w3.duckdb"});
console.log("total", ((performance.now() - t) / 1000).toFixed(2), JSON.stringify(s.seconds));
for (const [k, [ms, n]] of [...acc].sort((a, b) => b[1][0] - a[1][0]).slice(0, 12)) console.log(ms.toFixed(0).padStart(7), String(n).padStart(5), k);
