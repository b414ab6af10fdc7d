// Runs the warehouse's SQL files: staging (tables built once per ingest from the kinds' tables),
// marts (views), warnings (rules of the business) and data tests (the singular ones in tests/,
// the generic ones generated from the contract by generic-tests.ts).
import type {DuckDBConnection} from "@duckdb/node-api";
import {readdirSync, readFileSync} from "node:fs";
import {basename, join} from "node:path";
import {fileURLToPath} from "node:url";
import {genericDataTests, type GenericTest} from "./generic-tests.js";

const SQL_DIR = fileURLToPath(new URL(".", import.meta.url));

export function sqlFiles(folder: "staging" | "marts" | "warnings" | "tests"): {name: string; sql: string}[] {
  const dir = join(SQL_DIR, folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((f) => ({name: basename(f, ".sql"), sql: readFileSync(join(dir, f), "utf8")}));
}

export function schemaSql(): string {
  return readFileSync(join(SQL_DIR, "schema.sql"), "utf8");
}

/** The staging tables, then the marts (views over the kinds' tables and the staging tables). */
export async function createModels(conn: DuckDBConnection): Promise<void> {
  for (const {sql} of [...sqlFiles("staging"), ...sqlFiles("marts")]) await conn.run(sql);
}

/** Each warnings file selects (kind, source_file, source_line, message); the rule is its name. */
export async function collectWarnings(conn: DuckDBConnection): Promise<void> {
  for (const {name, sql} of sqlFiles("warnings")) {
    await conn.run(`INSERT INTO warnings SELECT kind, source_file, source_line, $rule, message FROM (${stripSemicolon(sql)})`, {rule: name});
  }
}

export interface DataTestResult {
  test: string;
  failures: number;
  example: string | null;
}

/**
 * Each test selects its failing rows; none means it passes. A generic test's example names the
 * query (kind, reference or column) that found it.
 */
export async function runDataTests(conn: DuckDBConnection): Promise<DataTestResult[]> {
  const singular: GenericTest[] = sqlFiles("tests").map(({name, sql}) => ({name, queries: [{label: "", sql: stripSemicolon(sql)}]}));
  const tests = [...singular, ...genericDataTests()].sort((a, b) => (a.name < b.name ? -1 : 1));
  const results: DataTestResult[] = [];
  for (const {name, queries} of tests) {
    let failures = 0;
    let example: string | null = null;
    for (const {label, sql, values} of queries) {
      const rows = (await conn.runAndReadAll(sql, values)).getRowObjectsJson();
      failures += rows.length;
      if (example === null && rows.length > 0) example = JSON.stringify(label === "" ? rows[0] : {where: label, ...rows[0]});
    }
    results.push({test: name, failures, example});
  }
  return results;
}

function stripSemicolon(sql: string): string {
  return sql.trim().replace(/;\s*$/, "");
}
