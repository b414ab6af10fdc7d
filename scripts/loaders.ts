// Runs the site's TypeScript data loaders before `observable build`, several in one process.
// Framework 1.13.4 runs loaders one after another during a build, each one a tsx process that
// loads DuckDB and opens the warehouse: ~1.5 s of CPU each, so ~20 s for the site's loaders on a
// busy 2-core machine. We run the stale ones here, together in one process
// (scripts/loader-batch.ts: one tsx start and one DuckDB load for all), and write their output
// where Framework caches them (<root>/.observablehq/cache/<name>); Framework then finds them fresh
// and only copies them. A loader the batch could not finish cleanly (it ended the process, or
// wrote after its module had finished) runs again in a process of its own, as Framework would
// run it. A loader that fails is left for Framework, which runs it again and reports the error.
import {spawn} from "node:child_process";
import {createWriteStream, existsSync, readdirSync, statSync} from "node:fs";
import {mkdir, rename, rm} from "node:fs/promises";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {tsxArgs} from "./framework.js";
import type {BatchResult} from "./loader-batch.js";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Outputs we treat as data-loader targets: `name.<ext>.ts` → `name.<ext>`. */
const TARGET_EXTENSIONS = new Set(["json", "csv", "tsv", "txt", "arrow", "parquet", "html", "svg", "png", "docx", "xlsx", "zip", "js"]);

export interface LoaderRun {
  loader: string;
  ok: boolean;
  ms: number;
}

/** Every `*.<ext>.ts` loader under `root` (relative paths), skipping dot folders and node_modules. */
export function findLoaders(root: string, dir = root): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...findLoaders(root, file));
    else {
      const m = /\.([a-z0-9]+)\.ts$/i.exec(entry.name);
      if (m && !entry.name.endsWith(".d.ts") && TARGET_EXTENSIONS.has(m[1]!.toLowerCase())) out.push(path.relative(root, file));
    }
  }
  return out.sort();
}

function isFresh(loaderFile: string, cacheFile: string): boolean {
  if (!existsSync(cacheFile)) return false;
  return statSync(cacheFile).mtimeMs >= statSync(loaderFile).mtimeMs;
}

/** One loader in a process of its own, as Framework runs it. */
function runOne(root: string, loader: string): Promise<LoaderRun> {
  const started = performance.now();
  const target = loader.replace(/\.ts$/, "");
  const cacheFile = path.join(root, ".observablehq", "cache", target);
  const temp = `${cacheFile}.prebuild-${process.pid}`;
  return mkdir(path.dirname(cacheFile), {recursive: true}).then(
    () =>
      new Promise<LoaderRun>((resolve) => {
        const out = createWriteStream(temp);
        const child = spawn(process.execPath, tsxArgs(path.join(path.relative(projectRoot, root), loader)), {
          cwd: projectRoot,
          stdio: ["ignore", "pipe", "pipe"],
          env: process.env
        });
        let stderr = "";
        child.stdout.pipe(out);
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        const finish = async (ok: boolean) => {
          await new Promise((r) => out.close(r));
          if (ok) await rename(temp, cacheFile);
          else await rm(temp, {force: true});
          if (!ok) process.stderr.write(`prebuild: ${loader} lỗi, Framework sẽ chạy lại và báo lỗi khi dựng trang\n${stderr.slice(0, 2000)}`);
          resolve({loader, ok, ms: Math.round(performance.now() - started)});
        };
        child.on("error", () => void finish(false));
        child.on("close", (code) => void finish(code === 0));
      })
  );
}

/** Runs `loaders` in one scripts/loader-batch.ts process; its results by loader (none for the
 * loaders it did not get to report, e.g. when one of them ended the process). */
function runBatch(root: string, loaders: string[]): Promise<Map<string, BatchResult>> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, tsxArgs(path.join(projectRoot, "scripts", "loader-batch.ts"), root, ...loaders), {
      cwd: projectRoot,
      stdio: ["ignore", "pipe", "pipe"],
      env: process.env
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const finish = () => {
      const results = new Map<string, BatchResult>();
      const last = stdout.trim().split("\n").pop() ?? "";
      try {
        for (const r of JSON.parse(last) as BatchResult[]) results.set(r.loader, r);
      } catch {
        // no report: every loader of the batch runs again on its own
      }
      for (const r of results.values()) {
        if (r.error) process.stderr.write(`prebuild: ${r.loader} lỗi, Framework sẽ chạy lại và báo lỗi khi dựng trang\n${r.error.slice(0, 2000)}\n`);
      }
      if (stderr.trim() && [...results.values()].some((r) => r.error)) process.stderr.write(stderr.slice(0, 2000));
      resolve(results);
    };
    child.on("error", finish);
    child.on("close", finish);
  });
}

/** Runs the stale loaders under `root`: all in one batch process (measured on 2 cores with the
 * site's 15 loaders: one batch 2.7 s, two batches side by side 3.1 s, three 4.3 s; one
 * process each, three at a time, as before: ~9 s, ~20 s on a busy machine), then on their own
 * the ones the batch could not finish cleanly. */
export async function runLoaders(options: {root?: string} = {}): Promise<LoaderRun[]> {
  const root = path.resolve(options.root ?? path.join(projectRoot, "src"));
  const stale = findLoaders(root).filter((l) => !isFresh(path.join(root, l), path.join(root, ".observablehq", "cache", l.replace(/\.ts$/, ""))));
  if (!stale.length) return [];
  const reported = await runBatch(root, stale);
  const results: LoaderRun[] = [];
  for (const loader of stale) {
    const r = reported.get(loader);
    results.push(r && !r.late ? {loader, ok: r.ok, ms: r.ms} : await runOne(root, loader));
  }
  return results;
}
