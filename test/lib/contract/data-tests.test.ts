// The generic data tests (loaders/sql/generic-tests.ts) follow the contract: a warehouse of clean
// rows passes them, and for every key, every reference and every code column of kinds.ts, a fault
// put into that one place of the warehouse makes the data test fail, naming the place.
//
// Mutations they caught (each made once, the tests failed, reverted):
//   - generic-tests.ts without its references (`referencesResolve` returning []): every
//     "references_resolve finds …" case here failed;
//   - the ingest keeping duplicated keys (the key step of loaders/load/integrity.ts removed):
//     the fixture ingests of test/loaders/rules.test.ts failed with "unique_keys (… dòng sai …)";
//   - the ingest keeping dangling references (the reference step removed): they failed with
//     "references_resolve";
//   - a code spelling mapped to no code in the SQL cast ('Đề xuất' → 'de-xuat' in typed.ts's
//     codeCase): the ingest of rules.test.ts failed with "accepted_codes".
import {DuckDBInstance, type DuckDBConnection} from "@duckdb/node-api";
import {copyFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {kindOrder, kinds, type KindName, type KindSpec} from "../../../src/lib/contract/kinds.js";
import {quoteIdent as q} from "../../../loaders/load/sql.js";
import {genericDataTests} from "../../../loaders/sql/generic-tests.js";
import {runDataTests} from "../../../loaders/sql/run.js";
import {cleanup, closeAll, ingestFiles, tempDir} from "../../loaders/helpers.js";
import {cleanRows, columnsOf, csvOf, fileName} from "./rows.js";

const specs = kindOrder.map((k) => kinds[k] as KindSpec);
let instance: DuckDBInstance;
let conn: DuckDBConnection;
let cleanResults: Awaited<ReturnType<typeof runDataTests>>;

beforeAll(async () => {
  const clean = cleanRows();
  const w = await ingestFiles(Object.fromEntries(kindOrder.map((k) => [fileName(k), csvOf(k, [clean[k]]).text])));
  cleanResults = w.summary.dataTests;
  w.close();
  // A copy to spoil, one fault at a time, each undone by its transaction's rollback.
  const copy = join(tempDir(), "warehouse.duckdb");
  copyFileSync(w.dbPath, copy);
  instance = await DuckDBInstance.create(copy);
  conn = await instance.connect();
});

afterAll(() => {
  conn?.closeSync();
  instance?.closeSync();
  closeAll();
  cleanup();
});

/** With `fault` applied: each data test's failures and example, and the generic queries that found rows. */
async function withFault(fault: string): Promise<{results: Map<string, {failures: number; example: Record<string, unknown> | null}>; found: Set<string>}> {
  await conn.run("BEGIN TRANSACTION");
  try {
    await conn.run(fault);
    const results = new Map((await runDataTests(conn)).map((r) => [r.test, {failures: r.failures, example: r.example === null ? null : (JSON.parse(r.example) as Record<string, unknown>)}]));
    const found = new Set<string>();
    for (const {queries} of genericDataTests()) {
      for (const query of queries) if ((await conn.runAndReadAll(query.sql, query.values)).getRows().length > 0) found.add(query.label);
    }
    return {results, found};
  } finally {
    await conn.run("ROLLBACK");
  }
}

/** SQL making the column's value, empty or not, one no row of the contract's clean rows holds. */
function spoilt(kind: KindName, column: string): string {
  const type = columnsOf(kind).find((c) => c.name === column)!.meta.type;
  const c = q(column);
  if (type.kind === "text" || type.kind === "code") return `coalesce(${c}, '') || '?'`;
  return type.kind === "date" ? `coalesce(${c}, DATE '2026-01-01') + 1000` : `coalesce(${c}, 0) + 1000`;
}

// A generic test's queries run as one statement (run.ts failingRows), each row beside its query's
// number. Mutation: every row counted under the first query made 21 of these fail (the example
// named the first kind, reference or column, not the one at fault).
describe("generic data tests from the contract", () => {
  it("a warehouse of the contract's clean rows passes every data test, the generic ones among them", () => {
    expect(cleanResults.map((t) => t.test)).toEqual(expect.arrayContaining(["unique_keys", "references_resolve", "accepted_codes"]));
    expect(cleanResults.filter((t) => t.failures > 0)).toEqual([]);
  });

  it.each(specs.filter((s) => s.key && s.key.length > 0).map((s) => s.name))("unique_keys finds a duplicated key of %s", async (kind) => {
    const {results, found} = await withFault(`INSERT INTO ${q(kind)} SELECT * FROM ${q(kind)}`);
    expect(results.get("unique_keys")).toMatchObject({failures: 1, example: {where: kind}});
    expect([...found]).toEqual([kind]);
  });

  const references = specs.flatMap((s) => (s.references ?? []).map((ref) => ({kind: s.name, ref, label: `${s.name}.${ref.columns.join("+")} → ${ref.kind}`})));
  // Every column of the reference is spoilt: a clean row may leave an optional reference empty.
  it.each(references.map((r) => [r.label, r] as const))("references_resolve finds a dangling reference %s", async (_label, {kind, ref, label}) => {
    const {results, found} = await withFault(`UPDATE ${q(kind)} SET ${ref.columns.map((c) => `${q(c)} = ${spoilt(kind, c)}`).join(", ")}`);
    expect(results.get("references_resolve")!.failures).toBeGreaterThan(0);
    expect([...found]).toContain(label);
  });

  const codeColumns = kindOrder.flatMap((kind) => columnsOf(kind).filter((c) => c.meta.type.kind === "code").map((c) => `${kind}.${c.name}`));
  it.each(codeColumns)("accepted_codes finds a code outside its list in %s", async (label) => {
    const [kind, column] = label.split(".") as [KindName, string];
    const {results, found} = await withFault(`UPDATE ${q(kind)} SET ${q(column)} = ${spoilt(kind, column)}`);
    expect(results.get("accepted_codes")).toMatchObject({failures: 1, example: {where: label}});
    expect([...found]).toEqual([label]);
  });
});

// The singular data tests (loaders/sql/tests/*.sql) each find the fault they are written for.
// Mutations: plan_totals comparing the view with itself (`coalesce(v.disbursed, 0) <> v.disbursed`)
// fails the first case; payments_balance no longer comparing the amounts fails it too; rows_balance
// with its condition dropped (`AND false`) fails the second.
describe("singular data tests", () => {
  it("plan_totals finds a plan line's payments that are not the vouchers' own, by the đồng", async () => {
    const {results} = await withFault("UPDATE activity_payments SET disbursed = disbursed + 1000");
    const found = results.get("plan_totals")!;
    expect(found.failures).toBe(1);
    expect(Number(found.example!.view_disbursed) - Number(found.example!.disbursed)).toBe(1000);
    expect(results.get("payments_balance")!.failures).toBe(1);
  });

  it("rows_balance finds a file whose rows read are not its rows loaded and rejected", async () => {
    const {results} = await withFault("UPDATE source_files SET rows_read = rows_read + 1 WHERE kind = 'disbursements'");
    expect(results.get("rows_balance")).toMatchObject({failures: 1, example: {source_file: fileName("disbursements")}});
    expect(results.get("plan_totals")!.failures).toBe(0);
  });
});
