// One site build shared by every site and browser test of a run (and by later runs while the
// inputs are unchanged). Builds into test-results/site/dist so a developer's dist/ is untouched.
// A second site, PROVINCE (test-results/province: three communes of sample data, one sub-folder
// each), is built the same way for the province's tests.
//
// The build ingests a temporary copy of the data folder (data/, or test/scripts/fixtures/data while
// data/ does not exist) plus test/scripts/fixtures/extra (hostile text, personal values) into a
// temporary warehouse (KC_DB), then runs `npm run build:site`, under `unshare -n` (no network
// at all) when running as root, as CI does. A content hash of the inputs decides whether a
// previous build can be reused; a lock directory makes parallel test files wait for one build.
import {execFileSync, spawnSync} from "node:child_process";
import {createHash} from "node:crypto";
import {cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from "node:fs";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {withLock} from "../../src/lib/process/lock.js";
import {generateCommunes} from "../../scripts/sample/communes.js";
import {generateScaled} from "../../scripts/sample/scale.js";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const fixtures = path.join(projectRoot, "test", "scripts", "fixtures");

/** A test site: where it is built, and how its data folder is filled. */
export interface SiteVariant {
  dir: string;
  /** Fills the (empty) data folder `work`; returns the folder its data came from, for the stamp. */
  fill: (work: string) => string;
}

export const SITE: SiteVariant = {
  dir: path.join(projectRoot, "test-results", "site"),
  fill(work) {
    const dataDir = sourceDataDir();
    cpSync(dataDir, work, {recursive: true, filter: (src) => !/\.duckdb/.test(src)});
    cpSync(path.join(fixtures, "extra"), work, {recursive: true});
    return path.relative(projectRoot, dataDir);
  }
};

export const PROVINCE: SiteVariant = {
  dir: path.join(projectRoot, "test-results", "province"),
  fill(work) {
    generateCommunes(work, 3);
    return "scripts/sample/communes.ts (3 xã)";
  }
};

/** The sample grown 60 times (scripts/sample/scale.ts): lists longer than a table's first page. */
export const SCALED: SiteVariant = {
  dir: path.join(projectRoot, "test-results", "scaled"),
  fill(work) {
    generateScaled(work, 60);
    return "scripts/sample/scale.ts (60×)";
  }
};

export const siteDir = SITE.dir;
export const distDir = path.join(siteDir, "dist");
export const warehouseFile = path.join(siteDir, "warehouse.duckdb");

export interface BuildStamp {
  inputs: string;
  /** Built inside `unshare -n`: no network interface but loopback. */
  offline: boolean;
  /** src/.observablehq/cache did not exist when the build started (as in a clean clone). */
  coldCache: boolean;
  dataDir: string;
  buildMs: number;
  builtAt: string;
  log: string;
}

export function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

export function canUnshare(): boolean {
  if (!isRoot()) return false;
  return spawnSync("unshare", ["-n", "true"], {stdio: "ignore"}).status === 0;
}

export function sourceDataDir(): string {
  const data = path.join(projectRoot, "data");
  const hasCsv = existsSync(data) && readdirSync(data).some((f) => f.toLowerCase().endsWith(".csv"));
  return hasCsv ? data : path.join(fixtures, "data");
}

function listFiles(dir: string, skip: (rel: string) => boolean, base = dir): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const file = path.join(dir, entry.name);
    const rel = path.relative(base, file);
    if (skip(rel)) continue;
    if (entry.isDirectory()) out.push(...listFiles(file, skip, base));
    else out.push(file);
  }
  return out.sort();
}

/** Hash of everything the test build depends on. */
export function inputsHash(): string {
  const hash = createHash("sha256");
  // src/xa/ is build output (scripts/commune-pages.ts): the province site's build writes it and the
  // standard site's removes it; hashed, each build made the other site stale and rebuilt it while
  // another test file was reading it (CI saw its pages 404). src/data/vendor/ is build output too
  // (scripts/npm-cache.ts): hashed, a clean clone's first build made its own site stale.
  const skip = (rel: string) =>
    rel.startsWith(".observablehq") || rel === "xa" || rel.startsWith(`xa${path.sep}`) || rel.startsWith(path.join("data", "vendor")) || rel.includes("node_modules") || rel.endsWith(".duckdb") || rel.includes(".duckdb.");
  const files = [
    ...["src", "loaders", "reports", "scripts", path.join("test", "scripts", "fixtures")].flatMap((d) => listFiles(path.join(projectRoot, d), skip)),
    ...listFiles(sourceDataDir(), skip),
    ...["observablehq.config.ts", "package.json", "package-lock.json"].map((f) => path.join(projectRoot, f))
  ];
  for (const file of files) {
    if (!existsSync(file)) continue;
    hash.update(path.relative(projectRoot, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  hash.update(`offline=${canUnshare()}`);
  return hash.digest("hex");
}

function readStamp(variant: SiteVariant): BuildStamp | undefined {
  try {
    return JSON.parse(readFileSync(path.join(variant.dir, "build.json"), "utf8")) as BuildStamp;
  } catch {
    return undefined;
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): string {
  try {
    return execFileSync(command, args, {cwd: projectRoot, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024});
  } catch (error) {
    const e = error as {stdout?: string; stderr?: string; message: string};
    throw new Error(`${command} ${args.join(" ")} failed:\n${e.stdout ?? ""}\n${e.stderr ?? ""}\n${e.message}`);
  }
}

function build(variant: SiteVariant, inputs: string): BuildStamp {
  const started = performance.now();
  const work = path.join(variant.dir, "data");
  rmSync(work, {recursive: true, force: true});
  mkdirSync(work, {recursive: true});
  const dataDir = variant.fill(work);
  const warehouse = path.join(variant.dir, "warehouse.duckdb");
  rmSync(warehouse, {force: true});
  // Two build shards whatever the machine's cores, so that a province's site is always tested as merged from shards (scripts/shards.ts).
  const env = {...process.env, KC_SITE_SHARDS: process.env.KC_SITE_SHARDS ?? "2", KC_DB: warehouse, KC_SITE_OUT: path.relative(projectRoot, path.join(variant.dir, "dist")), OBSERVABLE_TELEMETRY_DISABLE: "true"};
  let log = run("npx", ["tsx", "loaders/cli.ts", "--data", work, "--db", warehouse], env);
  const coldCache = !existsSync(path.join(projectRoot, "src", ".observablehq", "cache"));
  const offline = canUnshare();
  log += offline ? run("unshare", ["-n", "npm", "run", "build:site"], env) : run("npm", ["run", "build:site"], env);
  const stamp: BuildStamp = {
    inputs,
    offline,
    coldCache,
    dataDir,
    buildMs: Math.round(performance.now() - started),
    builtAt: new Date().toISOString(),
    log
  };
  writeFileSync(path.join(variant.dir, "build.json"), JSON.stringify(stamp, null, 2));
  return stamp;
}

/** Builds a test site (the standard one by default) unless an up-to-date build exists; returns how it was built. */
export async function ensureSiteBuilt(variant: SiteVariant = SITE): Promise<BuildStamp> {
  if (process.env.KC_SITE_COLD === "1") rmSync(path.join(projectRoot, "src", ".observablehq", "cache"), {recursive: true, force: true});
  const inputs = inputsHash();
  const fresh = () => {
    const stamp = readStamp(variant);
    return stamp && stamp.inputs === inputs && existsSync(path.join(variant.dir, "dist", "index.html")) ? stamp : undefined;
  };
  mkdirSync(variant.dir, {recursive: true});
  return fresh() ?? (await withLock(path.join(variant.dir, "build.lock"), () => fresh() ?? build(variant, inputs)));
}

/** Every file under dist/, as paths relative to it. */
export function distFiles(dir = distDir): string[] {
  return listFiles(dir, () => false).map((f) => path.relative(dir, f));
}

export function fileSize(rel: string, dir = distDir): number {
  return statSync(path.join(dir, rel)).size;
}
