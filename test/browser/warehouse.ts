// The test site's warehouse, for browser tests that compute their expected figures from it.
// Each test file reads a private copy, taken once the test site is built: other test files may
// rebuild the site (and its warehouse) while this one runs.
import {copyFileSync, existsSync, mkdtempSync, rmSync} from "node:fs";
import os from "node:os";
import path from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {afterAll, beforeAll} from "vitest";
import {toJson, type Row} from "../../src/lib/warehouse/json.js";
import {warehouseFile} from "../scripts/build.js";

/** Registers the copy's setup and cleanup; returns a read-only query giving JSON rows. */
export function useTestWarehouse(): <T extends Row>(sql: string) => Promise<T[]> {
  let copy = "";
  beforeAll(async () => {
    const lock = path.join(path.dirname(warehouseFile), "build.lock");
    const deadline = Date.now() + 10 * 60_000;
    while ((existsSync(lock) || !existsSync(warehouseFile)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    const dir = mkdtempSync(path.join(os.tmpdir(), "kc-warehouse-"));
    copy = path.join(dir, "warehouse.duckdb");
    copyFileSync(warehouseFile, copy);
  });
  afterAll(() => {
    if (copy) rmSync(path.dirname(copy), {recursive: true, force: true});
  });
  return async <T extends Row>(sql: string): Promise<T[]> => {
    const instance = await DuckDBInstance.create(copy, {access_mode: "READ_ONLY"});
    const connection = await instance.connect();
    try {
      const reader = await connection.runAndReadAll(sql);
      const names = reader.columnNames();
      return reader.getRowsJS().map((values) => Object.fromEntries(names.map((n, i) => [n, toJson(values[i])])) as T);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  };
}
