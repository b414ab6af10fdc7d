// The site swapped in whole (issue 13, item 2): builds go into a fresh folder renamed over dist/
// only on success (scripts/build-site.ts buildInto), so `npm run serve` keeps serving through a
// rebuild, a failed build and a killed one.
//
// Before the fix Framework emptied dist/ and rewrote it in place: every page 404'd for seconds
// during a build, for good after a failed one, and a file deleted between the server's existence
// check and its stat threw an unhandled ENOENT that stopped the server (5 of 6 builds under load).
// The full `npm test` once caught a 404 here that the isolated run did not: a lookup that the
// swap crossed midway (folder gone for one candidate, back for the check) counted as a miss; the
// server now repeats a lookup unless the same folder stood before and after it.
// Proved by mutation: buildInto building in place (rm dist, build into it) fails the three build
// tests (404s under load, the failed build's pages served, no leftover to find).
import {spawn, spawnSync} from "node:child_process";
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {randomFillSync} from "node:crypto";
import os from "node:os";
import path from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {buildInto} from "../../scripts/build-site.js";
import {projectRoot} from "../scripts/build.js";
import {serveProcess, type ServeProcess} from "./server.js";

const PAGES = ["/", "/hoat-dong", "/co-so", "/chat-luong-du-lieu"];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A build as Framework writes one: pages and hashed files, written one by one, slowly. */
async function fakeBuild(folder: string, n: number, failAfter?: number): Promise<void> {
  mkdirSync(path.join(folder, "_observablehq"), {recursive: true});
  const files = [
    ...PAGES.map((p) => (p === "/" ? "index.html" : `${p.slice(1)}.html`)),
    "404.html",
    `_observablehq/client.${String(n).padStart(8, "0")}.js`
  ];
  for (const [i, file] of files.entries()) {
    if (failAfter !== undefined && i === failAfter) throw new Error("observable build thất bại (mã 1)");
    writeFileSync(path.join(folder, file), `<h1>build ${n}</h1>${"x".repeat(5000)}`);
    await sleep(5);
  }
}

let base: string;
let dist: string;
let serve: ServeProcess;

beforeAll(async () => {
  base = mkdtempSync(path.join(os.tmpdir(), "kc-harden-rebuild-"));
  dist = path.join(base, "dist");
  await buildInto(dist, (folder) => fakeBuild(folder, 0));
  serve = await serveProcess(dist);
});

afterAll(() => {
  serve?.stop();
  rmSync(base, {recursive: true, force: true});
});

const page = async (p: string) => {
  const res = await fetch(`http://127.0.0.1:${serve.port}${p}`);
  return {status: res.status, text: await res.text()};
};

describe("rebuilding while serving", () => {
  it("200 clients reading pages through 20 rebuilds: every request answered 200, the server still up", async () => {
    let building = true;
    const failures: string[] = [];
    let served = 0;
    const client = async (id: number) => {
      for (let i = 0; building; i++) {
        const p = PAGES[(id + i) % PAGES.length]!;
        try {
          const {status} = await page(p);
          if (status !== 200) failures.push(`${p}: ${status}`);
          else served++;
        } catch (error) {
          failures.push(`${p}: ${(error as Error).message}`);
        }
      }
    };
    const clients = Array.from({length: 200}, (_, id) => client(id));
    for (let n = 1; n <= 20; n++) await buildInto(dist, (folder) => fakeBuild(folder, n));
    building = false;
    await Promise.all(clients);
    expect(failures.slice(0, 5)).toEqual([]);
    expect(served).toBeGreaterThan(200);
    expect(serve.alive()).toBe(true);
    expect((await page("/")).text).toContain("build 20");
    // Nothing left beside dist/.
    expect(readdirSync(base)).toEqual(["dist"]);
  });

  it("a request that comes while dist/ is missing between the swap's two renames waits for it (not a 404)", async () => {
    // The swap's window is microseconds; widened here to 150 ms so the test sees it every time.
    // With the server's wait removed (SWAP_WAIT_MS = 0) this request got 404.
    const aside = `${dist}.old-${process.pid}`;
    const {renameSync} = await import("node:fs");
    renameSync(dist, aside);
    const answer = page("/co-so");
    await sleep(150);
    renameSync(aside, dist);
    expect((await answer).status).toBe(200);
  });

  it("a failed build leaves the previous site served, and its folder is gone at once", async () => {
    const before = (await page("/hoat-dong")).text;
    await expect(buildInto(dist, (folder) => fakeBuild(folder, 99, 3))).rejects.toThrow("observable build thất bại");
    expect((await page("/hoat-dong")).text).toBe(before);
    for (const p of PAGES) expect((await page(p)).status, p).toBe(200);
    expect(readdirSync(base)).toEqual(["dist"]);
    // A "build" that wrote no index.html (Framework found no page) is a failure too.
    await expect(buildInto(dist, async () => {})).rejects.toThrow("index.html");
    expect((await page("/")).status).toBe(200);
  });

  // Mutation: SIDE in build-site.ts without its shard suffix (`(?:-\d+)?`) left dist.tmp-<pid>-1 behind.
  it("a build killed half-way leaves the previous site; the next build removes what it left", async () => {
    const before = readFileSync(path.join(dist, "index.html"), "utf8");
    // A build process that writes part of a site, then is killed with SIGKILL (no cleanup runs).
    const script = `
      import {buildInto} from ${JSON.stringify(path.join(projectRoot, "scripts", "build-site.ts"))};
      await buildInto(${JSON.stringify(dist)}, async (folder) => {
        const fs = await import("node:fs");
        fs.mkdirSync(folder, {recursive: true});
        fs.writeFileSync(folder + "/index.html", "half");
        // a province's second build shard (scripts/shards.ts) writes beside it
        fs.mkdirSync(folder + "-1", {recursive: true});
        fs.writeFileSync(folder + "-1/index.html", "");
        console.log("written");
        await new Promise(() => setInterval(() => {}, 1000));
      });`;
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {cwd: projectRoot, stdio: ["ignore", "pipe", "inherit"]});
    await new Promise<void>((resolve) => child.stdout.on("data", (d: Buffer) => d.toString().includes("written") && resolve()));
    child.kill("SIGKILL");
    await new Promise((resolve) => child.on("exit", resolve));
    expect(readdirSync(base).sort()).toEqual(["dist", `dist.tmp-${child.pid}`, `dist.tmp-${child.pid}-1`]);
    expect(readFileSync(path.join(dist, "index.html"), "utf8")).toBe(before);
    expect((await page("/")).text).toBe(before);
    await buildInto(dist, (folder) => fakeBuild(folder, 7));
    expect(readdirSync(base)).toEqual(["dist"]);
    expect(existsSync(path.join(dist, "_observablehq", "client.00000007.js"))).toBe(true);
  });

  it("the real build failing (a garbage warehouse) leaves the previous site in place, and no build folder", () => {
    // Before: Framework had emptied dist/ first: the failed build left two CSS files, every page 404.
    // test-results/ may not exist yet (a fresh clone running this file first, as a two-core run
    // under load once did): without this line mkdtemp failed with ENOENT there.
    const results = path.join(projectRoot, "test-results");
    mkdirSync(results, {recursive: true});
    const work = mkdtempSync(path.join(results, "kc-harden-build-"));
    try {
      const out = path.join(work, "dist");
      mkdirSync(out);
      writeFileSync(path.join(out, "index.html"), "<h1>trang cũ</h1>");
      const garbage = path.join(work, "rac.duckdb");
      writeFileSync(garbage, randomFillSync(Buffer.alloc(64 * 1024)));
      const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/build-site.ts"], {
        cwd: projectRoot,
        env: {...process.env, KC_DB: garbage, KC_SITE_OUT: path.relative(projectRoot, out)},
        encoding: "utf8",
        timeout: 240_000
      });
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr.trim().split("\n").at(-1)).toMatch(/^Không đọc được kho dữ liệu .*rac\.duckdb .*: chạy lại npm run ingest\. Trang cũ được giữ nguyên\.$/);
      expect(readFileSync(path.join(out, "index.html"), "utf8")).toBe("<h1>trang cũ</h1>");
      expect(readdirSync(work).sort()).toEqual(["dist", "rac.duckdb"]);
    } finally {
      rmSync(work, {recursive: true, force: true});
    }
  });
});
