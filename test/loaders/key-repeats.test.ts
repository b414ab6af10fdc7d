// keyRepeats (loaders/load/integrity.ts): the rows whose key may be shared, found from the keys'
// 32-bit hashes sorted. The key rule and the unique_keys data test group only these rows by the
// key itself, so a row of a repeated key left out is a duplicate that loads, and a collision of
// hashes must reach the grouping as two keys, each alone.
// Mutations: comparing each hash with the one before it by `<>` instead of `=`, or `NOT IN` for
// `IN`, made both tests fail; rules.test.ts catches a rule that finds no repeat at all (a hash
// never equal to the one before it: the run refuses itself on unique_keys).
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {keyHash, keyRepeats} from "../../loaders/load/integrity.js";

let instance: DuckDBInstance;
let conn: DuckDBConnection;

const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRows();

beforeAll(async () => {
  instance = await DuckDBInstance.create(":memory:");
  conn = await instance.connect();
});
afterAll(() => {
  conn.closeSync();
  instance.closeSync();
});

describe("keyRepeats", () => {
  it("selects every row of a repeated key, an empty key too, and no row of a key met once", async () => {
    await conn.run(`CREATE TABLE t AS SELECT * FROM (VALUES ('a'), ('b'), ('c'), ('b'), ('c'), ('c'), (NULL), (NULL), ('d')) v(k)`);
    const found = await rows(`SELECT k, count(*) FROM t WHERE ${keyRepeats("t", "k")} GROUP BY k ORDER BY k NULLS LAST`);
    expect(found).toEqual([
      ["b", 2n],
      ["c", 3n],
      [null, 2n]
    ]);
  });

  it("a collision of two keys' hashes selects both rows, and grouping by the key finds each alone", async () => {
    // Two different voucher numbers whose 32-bit hashes are equal: among 300.000 numbers about ten
    // such pairs are expected; the first is taken.
    const [pair] = await rows(`
      SELECT min(k), max(k) FROM (SELECT 'PC-' || i AS k FROM range(300000) r(i))
      GROUP BY ${keyHash("k")} HAVING count(*) > 1 ORDER BY 1 LIMIT 1`);
    expect(pair, "no pair of numbers shares a hash").toBeDefined();
    const [first, second] = pair as [string, string];
    expect(first).not.toBe(second);
    await conn.run("CREATE TABLE v AS SELECT * FROM (VALUES ($first), ($second), ('PC-x'), ('PC-x')) v(k)", {first, second});
    const selected = await rows(`SELECT k FROM v WHERE ${keyRepeats("v", "k")} ORDER BY k`);
    expect(selected.map(([k]) => k)).toEqual([first, second, "PC-x", "PC-x"].sort());
    const duplicated = await rows(`SELECT k FROM v WHERE ${keyRepeats("v", "k")} GROUP BY k HAVING count(*) > 1`);
    expect(duplicated).toEqual([["PC-x"]]);
  });
});
