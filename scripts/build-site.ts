// npm run build:site: prebuild (offline cache, Plot bundle, stale data loaders), `observable
// build`, postbuild (lang="vi"), in one process that holds a lock for the whole build. Two builds
// in one checkout (a developer's `npm start` and the test site's build, say) share
// src/.observablehq/cache: without the lock they would rename files under each other.
//
// The site is swapped in whole, as the warehouse is: Framework builds into a fresh folder beside
// dist/ (`dist.tmp-<pid>`; it empties its output folder first, which on dist/ itself made every
// page 404 for seconds, and for good when the build failed), and only a finished build is renamed
// over dist/. A failed or killed build leaves the previous site served; its folder is removed at
// once, or by the next build if the process was killed.
import {existsSync, readdirSync, renameSync, rmSync} from "node:fs";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {runFramework} from "./framework.js";
import {linkShardRoot, mergeShard, shardCount, shardRoot} from "./shards.js";
import {processAlive, withLock} from "../src/lib/process/lock.js";
import {postbuild} from "./postbuild.js";
import {prebuild} from "./prebuild.js";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const lockDir = path.join(projectRoot, "src", ".observablehq", "build.lock");

/** Folders beside `out` that builds and swaps use: `<out>.tmp-<pid>` (being built, `<out>.tmp-<pid>-<k>` by shard k), `<out>.old-<pid>` (being replaced). */
const SIDE = /^(.*)\.(tmp|old)-(\d+)(?:-\d+)?$/;

/**
 * Runs `build(folder)` into a fresh folder beside `out` and, only if it succeeds, puts that
 * folder in place of `out`. `out` is missing only between two renames (a server waits for it:
 * scripts/serve.ts); a file already open is still read whole.
 */
export async function buildInto(out: string, build: (folder: string) => Promise<void>): Promise<void> {
  removeLeftovers(out);
  const fresh = `${out}.tmp-${process.pid}`;
  const old = `${out}.old-${process.pid}`;
  rmSync(fresh, {recursive: true, force: true});
  try {
    await build(fresh);
    if (!existsSync(path.join(fresh, "index.html"))) throw new Error(`Lần dựng không tạo ra index.html; trang cũ được giữ nguyên.`);
    if (existsSync(out)) renameWithRetry(out, old);
    renameWithRetry(fresh, out);
  } finally {
    rmSync(fresh, {recursive: true, force: true});
    rmSync(old, {recursive: true, force: true});
  }
}

/**
 * `observable build` into `folder`: in `count` processes side by side when a province's communes
 * give them work (scripts/shards.ts), each shard into a folder of its own beside `folder`, merged
 * into it once every shard has finished.
 */
async function buildShards(folder: string, count: number): Promise<void> {
  const root = path.join(projectRoot, "src");
  const shardsDir = path.dirname(shardRoot(root, 0));
  rmSync(shardsDir, {recursive: true, force: true});
  const env = {KC_BUILT_AT: new Date().toISOString()};
  const shards = Array.from({length: count}, (_, index) => {
    if (index === 0) return {index, out: folder, env: {}};
    linkShardRoot(root, shardRoot(root, index));
    return {index, out: `${folder}-${index}`, env: {KC_SITE_ROOT: path.relative(projectRoot, shardRoot(root, index))}};
  });
  try {
    // Relative to the project, where Framework runs: it clears only an output folder inside it.
    const codes = await Promise.all(
      shards.map((s) => runFramework("build", {...env, ...s.env, KC_SITE_SHARD: `${s.index}/${count}`, KC_SITE_OUT: path.relative(projectRoot, s.out)}, {quiet: s.index > 0}))
    );
    const failed = codes.findIndex((code) => code !== 0);
    if (failed >= 0) throw new Error(`observable build thất bại (mã ${codes[failed]}${count > 1 ? `, phần ${failed + 1}/${count}` : ""}); trang cũ được giữ nguyên.`);
    for (const s of shards.slice(1)) mergeShard(s.out, folder);
  } finally {
    for (const s of shards.slice(1)) rmSync(s.out, {recursive: true, force: true});
    rmSync(shardsDir, {recursive: true, force: true});
  }
}

/** Folders left beside `out` by a build whose process is gone (killed, or the machine turned off). */
function removeLeftovers(out: string): void {
  const dir = path.dirname(out);
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const m = SIDE.exec(name);
    if (m && m[1] === path.basename(out) && !processAlive(Number(m[3]))) rmSync(path.join(dir, name), {recursive: true, force: true});
  }
}

/** Windows refuses to rename a folder while a reader has a file in it open: a moment later it can. */
function renameWithRetry(from: string, to: string): void {
  for (let attempt = 0; ; attempt++) {
    try {
      return renameSync(from, to);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt >= 50 || (code !== "EPERM" && code !== "EBUSY" && code !== "EACCES")) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = path.resolve(projectRoot, process.env.KC_SITE_OUT ?? "dist");
  try {
    await withLock(
      lockDir,
      () =>
        buildInto(out, async (folder) => {
          const communes = await prebuild();
          await buildShards(folder, shardCount(communes));
          postbuild(folder);
        }),
      {onWait: (owner) => console.log(`Đang chờ một lần dựng trang khác (tiến trình ${owner}) dùng chung thư mục src/.observablehq xong…`)}
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
