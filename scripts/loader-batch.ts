// Runs several data loaders one after another in THIS process (started by scripts/loaders.ts as
// `tsx scripts/loader-batch.ts <root> <loader>…`), so they share one tsx start and one load of
// DuckDB instead of paying ~1.5 s of CPU each as separate processes.
//
// A loader is a module that writes its output to stdout while it runs (top-level await). Each
// one is imported inside its own AsyncLocalStorage context, so every write to process.stdout is
// charged to the loader whose code (or callbacks) made it. A write that comes after the loader's
// module has finished (a stream still piping, a timer) marks it "late": its output would not be
// complete, so it is not written and scripts/loaders.ts runs that loader in its own process.
// Outputs are written when the event loop is empty (beforeExit), when no write can come any more.
// On that, the process prints one JSON line to the real stdout: [{loader, ok, ms}], late loaders
// marked ok=false with late=true. A loader that throws is reported failed; one that ends the
// process (process.exit) leaves the rest without a result, and scripts/loaders.ts runs those
// again one process each.
import {AsyncLocalStorage} from "node:async_hooks";
import {mkdirSync, renameSync, writeFileSync, writeSync} from "node:fs";
import path from "node:path";
import {pathToFileURL} from "node:url";

export interface BatchResult {
  loader: string;
  ok: boolean;
  ms: number;
  late?: boolean;
  error?: string;
}

interface Run {
  loader: string;
  chunks: Buffer[];
  done: boolean;
  late: boolean;
  error?: string;
  ms: number;
}

const [rootArg, ...loaders] = process.argv.slice(2);
const root = path.resolve(rootArg!);
const context = new AsyncLocalStorage<Run>();
const runs: Run[] = [];

const realWrite = process.stdout.write.bind(process.stdout);
process.stdout.write = ((chunk: string | Uint8Array, encoding?: BufferEncoding | ((error?: Error | null) => void), callback?: (error?: Error | null) => void) => {
  const run = context.getStore();
  if (!run) return realWrite(chunk, encoding as BufferEncoding, callback);
  if (run.done) run.late = true;
  else run.chunks.push(typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8") : Buffer.from(chunk));
  const done = typeof encoding === "function" ? encoding : callback;
  if (done) process.nextTick(done);
  return true;
}) as typeof process.stdout.write;

for (const loader of loaders) {
  const run: Run = {loader, chunks: [], done: false, late: false, ms: 0};
  runs.push(run);
  const started = performance.now();
  try {
    await context.run(run, () => import(pathToFileURL(path.join(root, loader)).href));
  } catch (error) {
    run.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  run.ms = Math.round(performance.now() - started);
  run.done = true;
}

let finished = false;
process.on("beforeExit", () => {
  if (finished) return;
  finished = true;
  const results: BatchResult[] = runs.map((run) => {
    const ok = !run.error && !run.late;
    if (ok) {
      const cacheFile = path.join(root, ".observablehq", "cache", run.loader.replace(/\.ts$/, ""));
      mkdirSync(path.dirname(cacheFile), {recursive: true});
      // A temporary name first: an interrupted run must not leave a half file Framework would trust.
      writeFileSync(`${cacheFile}.batch-${process.pid}`, Buffer.concat(run.chunks));
      renameSync(`${cacheFile}.batch-${process.pid}`, cacheFile);
    }
    return {loader: run.loader, ok, ms: run.ms, ...(run.late ? {late: true} : {}), ...(run.error ? {error: run.error} : {})};
  });
  writeSync(1, `${JSON.stringify(results)}\n`);
});
