// Unit tests of the site's build-side pieces: the npm cache and Plot bundle, the loader cache, the
// data archive, the warehouse helper, the build's shards, postbuild.
import {existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync} from "node:fs";
import os from "node:os";
import path from "node:path";
import {pathToFileURL} from "node:url";
import {DuckDBInstance} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {ingest} from "../../loaders/ingest.js";
import {installedVersion} from "../../scripts/bundle.js";
import {COMMUNE_DATA, writeCommuneData} from "../../scripts/commune-data.js";
import {refreshLoaderOutputs} from "../../scripts/loader-cache.js";
import {NOT_SHIPPED, PLACEHOLDER_VERSION, VENDORED, VENDOR_DIR, clientNpmNames, prepareNpmCache, uncoveredNpmNames, vendoredFolders} from "../../scripts/npm-cache.js";
import {PLOT, writePlotBundle} from "../../scripts/plot-bundle.js";
import {postbuild} from "../../scripts/postbuild.js";
import {communesOf, linkShardRoot, mergeShard, shardCount, shardFromEnv} from "../../scripts/shards.js";
import {generateCommunes} from "../../scripts/sample/communes.js";
import {COMMUNE_DATASETS, DATASETS} from "../../src/data.zip.js";
import {toJson, withWarehouse, type Sources} from "../../src/lib/warehouse/json.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "kc-site-unit-"));
afterAll(() => rmSync(tmp, {recursive: true, force: true}));

/** A module copied outside any node_modules and imported: it can only load if it is self-contained. */
async function importAlone<T>(file: string): Promise<T> {
  const copy = path.join(mkdtempSync(path.join(tmp, "alone-")), "m.js");
  writeFileSync(copy, readFileSync(file));
  return (await import(pathToFileURL(copy).href)) as T;
}

describe("npm cache", () => {
  it("lists the libraries Framework's client looks up, without its own built-ins", () => {
    const names = clientNpmNames();
    for (const n of ["react", "lodash", "echarts", "d3", "htl", "d3-dsv", "apache-arrow", PLOT]) expect(names).toContain(n);
    expect(names).not.toContain("@observablehq/inputs");
    expect(names).not.toContain("@observablehq/duckdb");
  });

  // After a Framework upgrade this names what its client looks up that the build does not answer
  // (vendor it, or add it to NOT_SHIPPED). Mutation: "@duckdb/duckdb-wasm" taken out of NOT_SHIPPED
  // made it fail with ["@duckdb/duckdb-wasm"].
  it("answers every library the installed Framework's client looks up", () => {
    expect(uncoveredNpmNames()).toEqual([]);
  });

  // Mutation: scripts/npm/htl@0.3.1 renamed htl@0.3.0 (as after an npm update of htl) made this fail.
  it("has the committed modules of the installed versions, each one self-contained", async () => {
    expect(vendoredFolders().sort()).toEqual(VENDORED.map((name) => `${name}@${installedVersion(name)}`).sort());
    const esm = (name: string) => path.join(VENDOR_DIR, `${name}@${installedVersion(name)}`, "_esm.js");
    const htl = await importAlone<{html: unknown; svg: unknown}>(esm("htl"));
    expect([typeof htl.html, typeof htl.svg]).toEqual(["function", "function"]);
    const iso = await importAlone<{format: (d: Date) => string}>(esm("isoformat"));
    expect(iso.format(new Date(Date.UTC(2026, 0, 5)))).toBe("2026-01-05");
    const dsv = await importAlone<{csvParse: (s: string) => object[]}>(esm("d3-dsv"));
    expect([...dsv.csvParse("Mã,Tên\nA01,Thủy")]).toEqual([{Mã: "A01", Tên: "Thủy"}]);
  });

  it("fills Framework's npm cache once: the committed modules, Plot, a placeholder for each library not shipped", async () => {
    const root = path.join(tmp, "npm-src");
    const npmDir = path.join(root, ".observablehq", "cache", "_npm");
    const first = await prepareNpmCache(root);
    expect(first.copied.sort()).toEqual(vendoredFolders().sort());
    for (const folder of vendoredFolders()) {
      expect(readFileSync(path.join(npmDir, folder, "_esm.js"), "utf8")).toBe(readFileSync(path.join(VENDOR_DIR, folder, "_esm.js"), "utf8"));
    }
    expect(first.plot).toBe(true);
    expect(first.placeholders.sort()).toEqual([...NOT_SHIPPED].sort());
    expect(readdirSync(npmDir)).toContain(`lodash@${PLACEHOLDER_VERSION}`);
    expect(existsSync(path.join(npmDir, "@observablehq", `sample-datasets@${PLACEHOLDER_VERSION}`))).toBe(true);
    expect(await prepareNpmCache(root)).toEqual({copied: [], plot: false, placeholders: []});
  });
});

describe("Plot bundle", () => {
  it("is Plot's whole API in one module with d3 inside, made again only when a bundled version changes", async () => {
    const npmDir = path.join(tmp, "plot-npm");
    expect(await writePlotBundle(npmDir)).toBe(true);
    const file = path.join(npmDir, `${PLOT}@${installedVersion(PLOT)}`, "_esm.js");
    expect(readFileSync(file, "utf8")).not.toMatch(/\bimport\s*[("'{*]|\bfrom\s*["']/); // nothing left for the browser to fetch
    const bundled = await importAlone<Record<string, unknown>>(file);
    expect(Object.keys(bundled).sort()).toEqual(Object.keys(await import(PLOT)).sort());
    expect(await writePlotBundle(npmDir)).toBe(false);

    // A package inside it changed version (an npm update): the bundle is made again.
    const stampFile = path.join(path.dirname(file), "kc-bundle.json");
    const stamp = JSON.parse(readFileSync(stampFile, "utf8")) as Record<string, string>;
    const d3Array = Object.keys(stamp).find((f) => f.endsWith(path.join("node_modules", "d3-array", "package.json")))!;
    writeFileSync(stampFile, JSON.stringify({...stamp, [d3Array]: "0.0.1"}));
    expect(await writePlotBundle(npmDir)).toBe(true);
  });
});

describe("loader cache", () => {
  it("drops the data loader's cached outputs only when the warehouse or the loaders' code changed", async () => {
    const root = path.join(tmp, "site", "src");
    const cache = path.join(root, ".observablehq", "cache");
    mkdirSync(path.join(root, "data"), {recursive: true});
    writeFileSync(path.join(root, "data.zip.ts"), "export {};");
    const warehouse = path.join(tmp, "w.duckdb");
    writeFileSync(warehouse, "v1");
    const output = path.join(cache, "data.zip");
    const npmFile = path.join(cache, "_npm", "htl@0.3.1", "_esm.js");
    mkdirSync(path.dirname(npmFile), {recursive: true});
    writeFileSync(npmFile, "export {};");
    const put = () => writeFileSync(output, "PK");

    put();
    expect(await refreshLoaderOutputs(root, warehouse)).toBe(true);
    expect([existsSync(output), existsSync(npmFile)]).toEqual([false, true]);
    put();
    expect(await refreshLoaderOutputs(root, warehouse)).toBe(false);
    expect(existsSync(output)).toBe(true);

    writeFileSync(warehouse, "v2 (a new ingest)");
    utimesSync(warehouse, new Date(), new Date(Date.now() + 5000));
    expect(await refreshLoaderOutputs(root, warehouse)).toBe(true);
    expect(existsSync(output)).toBe(false);

    put();
    writeFileSync(path.join(root, "data", "helper.ts"), "export const changed = true;");
    expect(await refreshLoaderOutputs(root, warehouse)).toBe(true);
    put();
    writeFileSync(path.join(root, "data.zip.ts"), "export const changed = true;");
    expect(await refreshLoaderOutputs(root, warehouse)).toBe(true);
  });
});

describe("communes' datasets", () => {
  // Mutation: the loader cache left src/xa/data/ in place when the warehouse changed, and the pages
  // of a new ingest were built on the old ingest's figures (the last expectation failed).
  it("are written once per warehouse, one folder per commune, and again after a new ingest", async () => {
    const root = path.join(tmp, "communes", "src");
    const db = path.join(tmp, "communes", "w.duckdb");
    generateCommunes(path.join(tmp, "communes", "data"), 2);
    await ingest({dataDir: path.join(tmp, "communes", "data"), dbPath: db});
    const read = (code: string, name: string) => JSON.parse(readFileSync(path.join(root, COMMUNE_DATA, code, name), "utf8")) as {code: string; name: string};
    await refreshLoaderOutputs(root, db);

    expect(await writeCommuneData(root, ["20001", "20002"], db)).toBe(true);
    expect([read("20001", "commune.json").name, read("20002", "commune.json").name]).toEqual(["Thử Nghiệm 1", "Thử Nghiệm 2"]);
    expect(readdirSync(path.join(root, COMMUNE_DATA, "20002")).sort()).toEqual(Object.keys(COMMUNE_DATASETS).sort());
    expect(await refreshLoaderOutputs(root, db)).toBe(false);
    expect(await writeCommuneData(root, ["20001", "20002"], db)).toBe(false);

    utimesSync(db, new Date(), new Date(Date.now() + 5000));
    expect(await refreshLoaderOutputs(root, db)).toBe(true);
    expect(existsSync(path.join(root, COMMUNE_DATA))).toBe(false);
  });
});

/** `count` communes of the sample ingested into a warehouse of their own; its path. */
async function ingestCommunes(name: string, count: number): Promise<string> {
  const dir = path.join(tmp, name);
  generateCommunes(path.join(dir, "data"), count);
  await ingest({dataDir: path.join(dir, "data"), dbPath: path.join(dir, "w.duckdb")});
  return path.join(dir, "w.duckdb");
}

/** `sources` noting in `seen` every statement they run, read either way. */
function spiedOn(sources: Sources, seen: string[]): Sources {
  const w = sources.warehouse;
  return {
    ...sources,
    query: (sql, params) => (seen.push(sql), sources.query(sql, params)),
    warehouse: {...w, query: (sql, params) => (seen.push(sql), w.query(sql, params))}
  };
}

describe("datasets made together", () => {
  // Mutations: the draft's dataset evaluating the year before itself (draftBasis without the
  // evaluator) made the first expectation 1; the lists of Đánh giá năm evaluating the years again
  // (evaluate, not the evaluations read once) and the draft's request labels reading the survey
  // again (draftBasis not read once) each failed theirs; each shard reading the supports (no once)
  // made the last 8.
  it("evaluate a year and read the facilities' supports once for a commune", async () => {
    const db = await ingestCommunes("together", 1);
    const seen: string[] = [];
    await withWarehouse(async (sources) => {
      const spied = spiedOn(sources, seen);
      const made = (name: string) => COMMUNE_DATASETS[name]!(spied);
      const asked = (view: string) => seen.filter((sql) => sql.includes(view)).length;
      await made("evaluation.json");
      const evaluated = asked("target_progress_on(");
      expect(evaluated).toBeGreaterThan(0);
      await made("draft-plan.json");
      expect(asked("target_progress_on(") - evaluated).toBe(0);
      // the rest of the two pages' lists, fetched on demand: from what their first paint was made of
      const surveyed = asked("FROM demand_survey");
      expect(surveyed).toBe(1);
      await made("evaluation-lists.json");
      await made("draft-requests.json");
      expect(asked("target_progress_on(") - evaluated).toBe(0);
      expect(asked("FROM demand_survey")).toBe(surveyed);
      for (const name of Object.keys(COMMUNE_DATASETS).filter((n) => n.startsWith("facility-supports-"))) await made(name);
      expect(asked("site_facility_support")).toBe(1);
    }, db);
  });
});

describe("what every commune reads alike", () => {
  // Mutation: `shared` made per commune (memo(made, …) in withWarehouse) asked the catalogue and the
  // communes once per commune, and this failed with 2 for each.
  it("is read once per connection: the warehouse's relations and its communes", async () => {
    const db = await ingestCommunes("alike", 2);
    const seen: string[] = [];
    const names = await withWarehouse(async (home) => {
      const codes = (await home.warehouse.query<{code: string}>("SELECT DISTINCT commune_code AS code FROM communes ORDER BY 1")).map((r) => r.code);
      expect(codes).toHaveLength(2);
      const made: string[] = [];
      for (const code of codes) {
        const spied = spiedOn(home.forCommune(code), seen);
        const commune = (await COMMUNE_DATASETS["commune.json"]!(spied)) as {code: string; communes: number};
        expect(commune).toMatchObject({code, communes: 2});
        await COMMUNE_DATASETS["years.json"]!(spied);
        await COMMUNE_DATASETS["quality.json"]!(spied);
        made.push(commune.code);
      }
      return made;
    }, db);
    expect(names).toHaveLength(2);
    expect(seen.filter((sql) => sql.includes("duckdb_tables()"))).toHaveLength(1);
    expect(seen.filter((sql) => sql.includes("FROM former_units"))).toHaveLength(1);
  });
});

describe("data archive", () => {
  // Mutation: "history.json" taken out of DATASETS made this fail naming data/history.json.
  it("holds every data file a page or component asks for", () => {
    const asked = new Set<string>();
    for (const dir of ["src", "src/components"]) {
      for (const file of readdirSync(dir).filter((f) => /\.(md|ts)$/.test(f))) {
        for (const m of readFileSync(path.join(dir, file), "utf8").matchAll(/FileAttachment\("(?:\.\.\/)?data\/([^"]+)"\)/g)) asked.add(m[1]!);
      }
    }
    expect(asked.size).toBeGreaterThan(10);
    const held = new Set([...Object.keys(DATASETS), "vendor/exceljs.min.js"]);
    expect([...asked].filter((name) => !held.has(name)).map((name) => `data/${name}`)).toEqual([]);
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
      const rows = await withWarehouse(({query}) => query("SELECT * FROM t"));
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
      const [param] = await withWarehouse(({query}) => query("SELECT $x + 1 AS y", {x: 41}));
      expect(param).toEqual({y: 42});
    } finally {
      delete process.env.KC_DB;
    }
  });

  it("opens the warehouse read-only", async () => {
    process.env.KC_DB = db;
    try {
      await expect(withWarehouse(({query}) => query("CREATE TABLE u (x INTEGER)"))).rejects.toThrow(/read-only|read only/i);
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

describe("build shards", () => {
  it("reads the shard from KC_SITE_SHARD, one shard when unset", () => {
    expect(shardFromEnv(undefined)).toEqual({index: 0, count: 1});
    expect(shardFromEnv("1/2")).toEqual({index: 1, count: 2});
    expect(() => shardFromEnv("2/2")).toThrow("KC_SITE_SHARD=2/2");
  });

  // Mutation: `i % count === index` written `i % count <= index` gave shard 1 of 3 the communes of
  // shard 0 as well, and this failed.
  it("gives every commune to exactly one shard, as many to each as the others within one", () => {
    const communes = Array.from({length: 80}, (_, i) => 20001 + i);
    const shares = [0, 1, 2].map((index) => communesOf(communes, {index, count: 3}));
    expect(shares.map((s) => s.length)).toEqual([27, 27, 26]);
    expect(shares.flat().sort((a, b) => a - b)).toEqual(communes);
    expect(communesOf(communes, {index: 0, count: 1})).toEqual(communes);
  });

  // Mutation: the memory left out (one shard per core whatever is free) made the 5 GiB case 8.
  it("runs one shard per core as the free memory allows, never more than the communes, one for a single commune", () => {
    const GiB = 1024 ** 3;
    expect(shardCount(80, {cores: 2, free: 20 * GiB, set: ""})).toBe(2);
    expect(shardCount(80, {cores: 8, free: 5 * GiB, set: ""})).toBe(2);
    expect(shardCount(80, {cores: 8, free: 1 * GiB, set: ""})).toBe(1);
    expect(shardCount(3, {cores: 8, free: 20 * GiB, set: ""})).toBe(3);
    expect(shardCount(1, {cores: 8, free: 20 * GiB, set: ""})).toBe(1);
    expect(shardCount(80, {cores: 8, free: 1 * GiB, set: "3"})).toBe(3);
  });

  // Mutation: the placeholders left out (the site's pages linked as they are) made the first
  // expectation fail; a shard would have built the site's own pages a second time.
  it("links a shard's root: the site's pages as empty placeholders, no data loader, the npm cache shared", () => {
    const root = path.join(tmp, "shard-src");
    const files: Record<string, string> = {
      "index.md": "# Tổng quan",
      "data.zip.ts": "loader",
      "xa/[commune]/index.md": "# Xã",
      "components/chart.js": "export {}",
      ".observablehq/cache/_npm/d3@7/_esm.js": "d3",
      ".observablehq/cache/data.zip": "zip"
    };
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, rel)), {recursive: true});
      writeFileSync(path.join(root, rel), text);
    }
    const target = path.join(tmp, "shard-root");
    linkShardRoot(root, target);
    expect(readFileSync(path.join(target, "index.md"), "utf8")).toBe("");
    expect(existsSync(path.join(target, "data.zip.ts"))).toBe(false);
    expect(existsSync(path.join(target, ".observablehq", "cache", "data.zip"))).toBe(false);
    for (const rel of ["xa/[commune]/index.md", "components/chart.js", ".observablehq/cache/_npm/d3@7/_esm.js"]) {
      expect(statSync(path.join(target, rel)).ino).toBe(statSync(path.join(root, rel)).ino);
    }
    expect(readFileSync(path.join(root, "index.md"), "utf8")).toBe("# Tổng quan");
  });

  // Mutation: the byte comparison dropped (any shared file kept as the site's) let the differing
  // module through and this failed.
  it("merges a shard's pages into the site, keeps one copy of what both built alike, stops on a difference", () => {
    const write = (dir: string, rel: string, text: string) => {
      mkdirSync(path.dirname(path.join(dir, rel)), {recursive: true});
      writeFileSync(path.join(dir, rel), text);
    };
    const site = path.join(tmp, "merge-site");
    const shard = path.join(tmp, "merge-shard");
    write(site, "index.html", "trang chủ");
    write(site, "xa/20001/index.html", "xã 1");
    write(site, "_observablehq/client.abc.js", "client");
    write(shard, "index.html", "");
    write(shard, "xa/20002/index.html", "xã 2");
    write(shard, "_observablehq/client.abc.js", "client");
    mergeShard(shard, site);
    expect(readFileSync(path.join(site, "index.html"), "utf8")).toBe("trang chủ");
    expect(readdirSync(path.join(site, "xa")).sort()).toEqual(["20001", "20002"]);
    expect(readFileSync(path.join(site, "xa/20002/index.html"), "utf8")).toBe("xã 2");

    write(shard, "_observablehq/stdlib.def.js", "một");
    write(site, "_observablehq/stdlib.def.js", "hai");
    expect(() => mergeShard(shard, site)).toThrow("_observablehq/stdlib.def.js");
  });
});
