// Unit tests of the site's build-side pieces: the offline cache, the warehouse helper, postbuild.
import {existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync} from "node:fs";
import os from "node:os";
import path from "node:path";
import {pathToFileURL} from "node:url";
import {DuckDBInstance} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {FILLED_PACKAGES, PLACEHOLDER_VERSION, clientNpmNames, nodeToNpmPath, prepareOfflineCache} from "../../scripts/offline-cache.js";
import {findLoaders, runLoaders} from "../../scripts/loaders.js";
import {PLOT, bundlePlot, plotBundlePath} from "../../scripts/plot-bundle.js";
import {postbuild} from "../../scripts/postbuild.js";
import {toJson, withWarehouse} from "../../src/lib/warehouse/json.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "kc-site-unit-"));
afterAll(() => rmSync(tmp, {recursive: true, force: true}));

function installedVersion(name: string): string {
  return (JSON.parse(readFileSync(path.join("node_modules", name, "package.json"), "utf8")) as {version: string}).version;
}

describe("offline cache", () => {
  it("maps Framework's _node paths to _npm paths", () => {
    expect(nodeToNpmPath("/_node/d3@7.9.2/index.js")).toBe("/_npm/d3@7.9.2/_esm.js");
    expect(nodeToNpmPath("/_node/@observablehq/plot@0.6.17/index.js")).toBe("/_npm/@observablehq/plot@0.6.17/_esm.js");
    expect(nodeToNpmPath("/_node/x@1.0.0/dist/y.js")).toBe("/_npm/x@1.0.0/dist/y._esm.js");
    expect(() => nodeToNpmPath("/_npm/x@1/_esm.js")).toThrow();
  });

  it("lists the libraries Framework's client looks up, without its own built-ins", () => {
    const names = clientNpmNames();
    for (const n of ["react", "react-dom", "lodash", "echarts", "leaflet", "d3", "htl", "d3-dsv", "apache-arrow", "@observablehq/plot"]) {
      expect(names).toContain(n);
    }
    expect(names).not.toContain("@observablehq/inputs");
    expect(names).not.toContain("@observablehq/duckdb");
  });

  it("answers look-ups with placeholders and drops loader outputs only when the data changed", async () => {
    const root = path.join(tmp, "site", "src");
    const cache = path.join(root, ".observablehq", "cache");
    // Pretend the libraries are already filled, so this test does not bundle them (the build test does).
    for (const name of FILLED_PACKAGES) {
      const dir = path.join(cache, "_npm", `${name}@${installedVersion(name)}`);
      mkdirSync(dir, {recursive: true});
      writeFileSync(path.join(dir, "_esm.js"), "export {};");
    }
    mkdirSync(path.join(root, "data"), {recursive: true});
    writeFileSync(path.join(root, "data", "x.json.ts"), "console.log('{}')");
    const warehouse = path.join(tmp, "w.duckdb");
    writeFileSync(warehouse, "v1");
    const loaderOutput = path.join(cache, "data", "x.json");
    const put = () => {
      mkdirSync(path.dirname(loaderOutput), {recursive: true});
      writeFileSync(loaderOutput, "{}");
    };

    put();
    const first = await prepareOfflineCache({root, warehouse});
    expect(first.loaderOutputsCleared).toBe(true);
    expect(existsSync(loaderOutput)).toBe(false);
    expect(first.filled).toEqual([]);
    // Plot's npm-cache copy (the implicit `Plot`) is the one-module bundle, not the pretend file.
    const plotVersion = installedVersion(PLOT);
    expect(readFileSync(path.join(cache, "_npm", `${PLOT}@${plotVersion}`, "_esm.js"), "utf8")).toBe(readFileSync(plotBundlePath(root, plotVersion), "utf8"));
    expect(first.placeholders).toContain("react");
    expect(readdirSync(path.join(cache, "_npm"))).toContain(`lodash@${PLACEHOLDER_VERSION}`);
    expect(existsSync(path.join(cache, "_npm", "@observablehq", "sample-datasets@" + PLACEHOLDER_VERSION))).toBe(true);

    put();
    const again = await prepareOfflineCache({root, warehouse});
    expect(again.loaderOutputsCleared).toBe(false);
    expect(again.placeholders).toEqual([]);
    expect(existsSync(loaderOutput)).toBe(true);

    writeFileSync(warehouse, "v2 (a new ingest)");
    utimesSync(warehouse, new Date(), new Date(Date.now() + 5000));
    expect((await prepareOfflineCache({root, warehouse})).loaderOutputsCleared).toBe(true);
    expect(existsSync(loaderOutput)).toBe(false);

    put();
    writeFileSync(path.join(root, "data", "helper.ts"), "export const changed = true;");
    expect((await prepareOfflineCache({root, warehouse})).loaderOutputsCleared).toBe(true);
  });
});

describe("Plot bundle", () => {
  it("is Plot's whole API in one module with d3 inside, made again only when a bundled version changes", async () => {
    const root = path.join(tmp, "plot-src");
    const plotDir = path.resolve("node_modules", PLOT);
    const frameworkDir = path.resolve("node_modules", "@observablehq", "framework");
    expect(await bundlePlot(root, plotDir, frameworkDir)).toBe(true);
    const file = plotBundlePath(root, installedVersion(PLOT));
    const source = readFileSync(file, "utf8");
    expect(source).not.toMatch(/\bimport\s*[("'{*]|\bfrom\s*["']/); // nothing left for the browser to fetch
    const bundled = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    expect(Object.keys(bundled).sort()).toEqual(Object.keys(await import(PLOT)).sort());
    expect(await bundlePlot(root, plotDir, frameworkDir)).toBe(false);

    // A package inside it changed version (an npm update): the bundle is made again.
    const stampFile = path.join(path.dirname(file), "kc-bundle.json");
    const stamp = JSON.parse(readFileSync(stampFile, "utf8")) as Record<string, string>;
    const d3Array = Object.keys(stamp).find((f) => f.endsWith(path.join("node_modules", "d3-array", "package.json")))!;
    writeFileSync(stampFile, JSON.stringify({...stamp, [d3Array]: "0.0.1"}));
    expect(await bundlePlot(root, plotDir, frameworkDir)).toBe(true);
  });
});

describe("warehouse helper", () => {
  const db = path.join(tmp, "read-only.duckdb");

  beforeAll(async () => {
    const instance = await DuckDBInstance.create(db);
    const c = await instance.connect();
    await c.run(`CREATE TABLE t AS SELECT 20000000::BIGINT AS amount, 12345678901234567::BIGINT AS big, DATE '2026-01-05' AS d,
      TIMESTAMP '2026-01-05 10:11:12' AS ts, 1.25::DECIMAL(10,2) AS dec_value, 'Thủy' AS s, NULL::VARCHAR AS n,
      [1, 2]::BIGINT[] AS l, {'k': DATE '2026-02-03'} AS st, true AS b`);
    c.closeSync();
    instance.closeSync();
  });

  it("returns plain JSON rows", async () => {
    process.env.KC_DB = db;
    try {
      const rows = await withWarehouse((query) => query("SELECT * FROM t"));
      expect(rows).toEqual([
        {
          amount: 20000000,
          big: "12345678901234567",
          d: "2026-01-05",
          ts: "2026-01-05T10:11:12.000Z",
          dec_value: 1.25,
          s: "Thủy",
          n: null,
          l: [1, 2],
          st: {k: "2026-02-03"},
          b: true
        }
      ]);
      const [param] = await withWarehouse((query) => query("SELECT $x + 1 AS y", {x: 41}));
      expect(param).toEqual({y: 42});
    } finally {
      delete process.env.KC_DB;
    }
  });

  it("opens the warehouse read-only", async () => {
    process.env.KC_DB = db;
    try {
      await expect(withWarehouse((query) => query("CREATE TABLE u (x INTEGER)"))).rejects.toThrow(/read-only|read only/i);
    } finally {
      delete process.env.KC_DB;
    }
  });

  it("says in Vietnamese when there is no warehouse", async () => {
    process.env.KC_DB = path.join(tmp, "missing.duckdb");
    try {
      await expect(withWarehouse(async () => 1)).rejects.toThrow(/Chưa có kho dữ liệu/);
    } finally {
      delete process.env.KC_DB;
    }
  });

  it("converts values", () => {
    expect(toJson(5n)).toBe(5);
    expect(toJson(BigInt(Number.MAX_SAFE_INTEGER) + 2n)).toBe("9007199254740993");
    expect(toJson(new Date(Date.UTC(2026, 0, 5)), true)).toBe("2026-01-05");
    expect(toJson(Number.NaN)).toBe(null);
    expect(toJson(new Uint8Array([104, 105]))).toBe("aGk=");
  });
});

describe("parallel data loaders", () => {
  it("finds the site's loaders, not its modules or type declarations", () => {
    const loaders = findLoaders(path.resolve("src"));
    expect(loaders).toContain(path.join("data", "overview.json.ts"));
    expect(loaders).toContain(path.join("data", "vendor", "exceljs.min.js.ts"));
    expect(loaders).not.toContain(path.join("data", "warehouse.ts"));
    expect(loaders.filter((l) => l.endsWith(".d.ts"))).toEqual([]);
  });

  it("writes fresh outputs where Framework caches them and leaves failures to Framework", async () => {
    const root = path.join(tmp, "loaders-src");
    mkdirSync(path.join(root, "data"), {recursive: true});
    writeFileSync(path.join(root, "data", "ok.json.ts"), 'process.stdout.write(JSON.stringify({ok: "Thủy"}));');
    writeFileSync(path.join(root, "data", "bad.json.ts"), "process.exit(3);");
    const runs = await runLoaders({root});
    expect(runs.map((r) => [r.loader, r.ok]).sort()).toEqual([
      [path.join("data", "bad.json.ts"), false],
      [path.join("data", "ok.json.ts"), true]
    ]);
    const cache = path.join(root, ".observablehq", "cache", "data");
    expect(JSON.parse(readFileSync(path.join(cache, "ok.json"), "utf8"))).toEqual({ok: "Thủy"});
    expect(readdirSync(cache)).toEqual(["ok.json"]);
    // fresh outputs are not run again
    expect((await runLoaders({root})).map((r) => r.loader)).toEqual([path.join("data", "bad.json.ts")]);
  });

  it("runs loaders together in one process without mixing their outputs; a late writer runs again on its own", async () => {
    const root = path.join(tmp, "batch-src");
    const data = path.join(root, "data");
    mkdirSync(data, {recursive: true});
    writeFileSync(path.join(root, "package.json"), '{"type": "module"}'); // as the project's: top-level await
    const wait = "await new Promise((r) => setTimeout(r, 30));";
    writeFileSync(path.join(data, "a.json.ts"), `process.stdout.write('{"a":'); ${wait} console.log("1}");`);
    // writes after its module has finished: the shared process cannot know when it is done
    writeFileSync(path.join(data, "b.json.ts"), `process.stdout.write('{"b":'); setTimeout(() => process.stdout.write("2}"), 50);`);
    writeFileSync(path.join(data, "c.json.ts"), `${wait} throw new Error("hỏng");`);
    writeFileSync(path.join(data, "d.json.ts"), `import {writeJson} from "${path.resolve("src", "lib", "warehouse", "json.js")}"; writeJson({d: "Thủy", pid: process.pid});`);
    writeFileSync(path.join(data, "e.json.ts"), "process.stdout.write(JSON.stringify({pid: process.pid}));");
    const runs = await runLoaders({root});
    expect(Object.fromEntries(runs.map((r) => [path.basename(r.loader), r.ok]))).toEqual({
      "a.json.ts": true,
      "b.json.ts": true,
      "c.json.ts": false,
      "d.json.ts": true,
      "e.json.ts": true
    });
    const read = (name: string) => JSON.parse(readFileSync(path.join(root, ".observablehq", "cache", "data", name), "utf8")) as Record<string, unknown>;
    expect([read("a.json"), read("b.json"), read("d.json").d]).toEqual([{a: 1}, {b: 2}, "Thủy"]);
    expect(read("d.json").pid).toBe(read("e.json").pid); // one process for both
    expect(existsSync(path.join(root, ".observablehq", "cache", "data", "c.json"))).toBe(false);
  });
});

describe("postbuild", () => {
  it("adds lang=\"vi\" once", () => {
    const dist = path.join(tmp, "dist");
    mkdirSync(path.join(dist, "sub"), {recursive: true});
    writeFileSync(path.join(dist, "index.html"), "<!DOCTYPE html>\n<html>\n<head></head></html>");
    writeFileSync(path.join(dist, "sub", "a.html"), '<html lang="en"><body></body></html>');
    expect(postbuild(dist)).toBe(1);
    expect(readFileSync(path.join(dist, "index.html"), "utf8")).toContain('<html lang="vi">');
    expect(readFileSync(path.join(dist, "sub", "a.html"), "utf8")).toContain('<html lang="en">');
    expect(postbuild(dist)).toBe(0);
  });
});
