// Runs the site's TypeScript data loaders in parallel before `observable build`.
// Framework 1.13.4 runs loaders one after another during a build (each one a tsx process that
// opens the warehouse: ~1.5 s), so a build's time would grow by that much per loader. We run the
// stale ones side by side and write their output where Framework caches it
// (<root>/.observablehq/cache/<name>); Framework then finds them fresh and only copies them.
// A loader that fails is left for Framework, which runs it again and reports the error itself.
import {spawn} from "node:child_process";
import {createWriteStream, existsSync, readdirSync, statSync} from "node:fs";
import {mkdir, rename, rm} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {fileURLToPath} from "node:url";

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

function runOne(root: string, loader: string): Promise<LoaderRun> {
  const started = performance.now();
  const target = loader.replace(/\.ts$/, "");
  const cacheFile = path.join(root, ".observablehq", "cache", target);
  const temp = `${cacheFile}.prebuild-${process.pid}`;
  return mkdir(path.dirname(cacheFile), {recursive: true}).then(
    () =>
      new Promise<LoaderRun>((resolve) => {
        const out = createWriteStream(temp);
        const tsx = path.join(projectRoot, "node_modules", ".bin", "tsx");
        const child = spawn(existsSync(tsx) ? tsx : "tsx", [path.join(path.relative(projectRoot, root), loader)], {
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

/** Runs the stale loaders under `root`, `concurrency` at a time. */
export async function runLoaders(options: {root?: string; concurrency?: number} = {}): Promise<LoaderRun[]> {
  const root = path.resolve(options.root ?? path.join(projectRoot, "src"));
  const concurrency = options.concurrency ?? Math.max(2, Math.min(4, os.availableParallelism() + 1));
  const stale = findLoaders(root).filter((l) => !isFresh(path.join(root, l), path.join(root, ".observablehq", "cache", l.replace(/\.ts$/, ""))));
  const results: LoaderRun[] = [];
  let next = 0;
  const worker = async () => {
    while (next < stale.length) {
      const loader = stale[next++]!;
      results.push(await runOne(root, loader));
    }
  };
  await Promise.all(Array.from({length: Math.min(concurrency, stale.length)}, worker));
  return results;
}
