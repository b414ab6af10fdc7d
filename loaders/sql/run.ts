// Runs the warehouse's SQL files. The models, layered raw (the kinds' tables) → staging (tables
// built once per ingest) → intermediate (shared rules: a date's statuses and payments, committed
// activities) → marts (the views the site and the documents read), each declare the models they
// read in a first-line header, `-- depends: as_of, activity_payments` (none: `-- depends:`), and
// run in that graph's order, whatever their folder or name. Then the warnings (rules of the
// business) and the data tests (the singular ones in tests/, the generic ones generated from the
// contract by generic-tests.ts), which read every model.
import type {DuckDBConnection} from "@duckdb/node-api";
import {readdirSync, readFileSync} from "node:fs";
import {basename, join} from "node:path";
import {fileURLToPath} from "node:url";
import {inDependencyOrder, sideBySide} from "../load/connections.js";
import {genericDataTests, type GenericTest, type TestQuery} from "./generic-tests.js";

const SQL_DIR = fileURLToPath(new URL(".", import.meta.url));

const MODEL_FOLDERS = ["staging", "intermediate", "marts"] as const;

export function sqlFiles(folder: (typeof MODEL_FOLDERS)[number] | "warnings" | "tests"): {name: string; sql: string}[] {
  const dir = join(SQL_DIR, folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((f) => ({name: basename(f, ".sql"), sql: readFileSync(join(dir, f), "utf8")}));
}

export function schemaSql(): string {
  return readFileSync(join(SQL_DIR, "schema.sql"), "utf8");
}

export interface Model {
  name: string;
  folder: (typeof MODEL_FOLDERS)[number];
  sql: string;
  depends: string[];
}

export class ModelGraphError extends Error {
  override name = "ModelGraphError";
}

/** Every model file with the models its header says it reads. */
export function models(): Model[] {
  return MODEL_FOLDERS.flatMap((folder) =>
    sqlFiles(folder).map(({name, sql}) => {
      const header = /^-- depends:(.*)$/m.exec(sql.split("\n", 1)[0] ?? "");
      if (!header) throw new ModelGraphError(`loaders/sql/${folder}/${name}.sql: dòng đầu phải là "-- depends: …" (các model nó đọc).`);
      const depends = header[1]!.split(",").map((d) => d.trim()).filter(Boolean);
      return {name, folder, sql, depends};
    })
  );
}

/**
 * The models in an order where each comes after what it reads (ties by name, so the order is the
 * same on every run). An unknown name or a cycle is refused, naming the models.
 */
export function runOrder(all: readonly Model[]): Model[] {
  const byName = new Map(all.map((m) => [m.name, m]));
  for (const m of all) {
    const unknown = m.depends.filter((d) => !byName.has(d));
    if (unknown.length > 0) throw new ModelGraphError(`Model ${m.name} khai báo đọc model không có: ${unknown.join(", ")}.`);
  }
  const order: Model[] = [];
  const done = new Set<string>();
  let pending = [...all].sort((a, b) => (a.name < b.name ? -1 : 1));
  while (pending.length > 0) {
    const ready = pending.filter((m) => m.depends.every((d) => done.has(d)));
    if (ready.length === 0) throw new ModelGraphError(`Các model đọc lẫn nhau thành vòng: ${pending.map((m) => m.name).join(", ")}.`);
    for (const m of ready) {
      order.push(m);
      done.add(m.name);
    }
    pending = pending.filter((m) => !done.has(m.name));
  }
  return order;
}

/** The models, each after the models it reads; models that do not read each other side by side on the connections given. */
export async function createModels(...connections: [DuckDBConnection, ...DuckDBConnection[]]): Promise<void> {
  await inDependencyOrder(
    connections,
    runOrder(models()).map((m) => ({name: m.name, after: m.depends, run: (c) => c.run(m.sql)}))
  );
}

/**
 * Each warnings file selects (kind, source_file, source_line, message); the rule is its name.
 * The files run side by side on the connections given: most are small queries, each waiting on
 * its own round trip more than on the processors.
 */
export async function collectWarnings(...connections: [DuckDBConnection, ...DuckDBConnection[]]): Promise<void> {
  await sideBySide(
    connections,
    sqlFiles("warnings").map(({name, sql}) => (c) => c.run(`INSERT INTO warnings (kind, source_file, source_line, rule, message) SELECT kind, source_file, source_line, $rule, message FROM (${stripSemicolon(sql)})`, {rule: name}))
  );
}

export interface DataTestResult {
  test: string;
  failures: number;
  example: string | null;
}

/**
 * Each test selects its failing rows; none means it passes. A generic test's example names the
 * query (kind, reference or column) that found it. The tests run side by side on the connections
 * given (collectWarnings); the results are the same in any case.
 */
export async function runDataTests(...connections: [DuckDBConnection, ...DuckDBConnection[]]): Promise<DataTestResult[]> {
  const singular: GenericTest[] = sqlFiles("tests").map(({name, sql}) => ({name, queries: [{label: "", sql: stripSemicolon(sql)}]}));
  const tests = [...singular, ...genericDataTests()].sort((a, b) => (a.name < b.name ? -1 : 1));
  const found = await sideBySide(
    connections,
    tests.map(({queries}) => (c) => failingRows(c, queries))
  );
  return tests.map(({name, queries}, t) => {
    let failures = 0;
    let example: string | null = null;
    queries.forEach(({label}, i) => {
      const rows = found[t]![i]!;
      failures += rows.length;
      if (example === null && rows.length > 0) example = JSON.stringify(label === "" ? rows[0] : {where: label, ...rows[0]});
    });
    return {test: name, failures, example};
  });
}

/**
 * The failing rows of each query. A test's queries (a generic test has one per kind, reference
 * or code column) run as one statement, each row as JSON beside the number of its query: thirty
 * statements of a few rows cost more to plan and commit than to run. Their parameters are merged,
 * so each query names its own (generic-tests.ts). A test of one query (the singular ones, which
 * sum money) keeps the rows as the Node API gives them, large sums as exact text.
 */
async function failingRows(c: DuckDBConnection, queries: readonly TestQuery[]): Promise<Record<string, unknown>[][]> {
  if (queries.length === 1) return [(await c.runAndReadAll(queries[0]!.sql, queries[0]!.values)).getRowObjectsJson() as Record<string, unknown>[]];
  const values = Object.assign({}, ...queries.map((query) => query.values ?? {})) as Record<string, string>;
  const sql = queries.map((query, i) => `SELECT ${i} AS query, CAST(to_json(found) AS VARCHAR) AS row FROM (${query.sql}) found`).join(" UNION ALL ");
  const rows: Record<string, unknown>[][] = queries.map(() => []);
  for (const [query, row] of (await c.runAndReadAll(sql, values)).getRows()) rows[Number(query)]!.push(JSON.parse(String(row)) as Record<string, unknown>);
  return rows;
}

function stripSemicolon(sql: string): string {
  return sql.trim().replace(/;\s*$/, "");
}
