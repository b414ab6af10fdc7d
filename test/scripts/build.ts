// One site build shared by every site and browser test of a run (and by later runs while the
// inputs are unchanged). Builds into test-results/site/dist so a developer's dist/ is untouched.
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

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const siteDir = path.join(projectRoot, "test-results", "site");
export const distDir = path.join(siteDir, "dist");
export const warehouseFile = path.join(siteDir, "warehouse.duckdb");
const stampFile = path.join(siteDir, "build.json");
const lockDir = path.join(siteDir, "build.lock");
const fixtures = path.join(projectRoot, "test", "scripts", "fixtures");

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
  const skip = (rel: string) => rel.startsWith(".observablehq") || rel.includes("node_modules") || rel.endsWith(".duckdb") || rel.includes(".duckdb.");
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

function readStamp(): BuildStamp | undefined {
  try {
    return JSON.parse(readFileSync(stampFile, "utf8")) as BuildStamp;
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

function build(inputs: string): BuildStamp {
  const started = performance.now();
  const work = path.join(siteDir, "data");
  rmSync(work, {recursive: true, force: true});
  mkdirSync(work, {recursive: true});
  const dataDir = sourceDataDir();
  cpSync(dataDir, work, {recursive: true, filter: (src) => !/\.duckdb/.test(src)});
  cpSync(path.join(fixtures, "extra"), work, {recursive: true});
  rmSync(warehouseFile, {force: true});
  const env = {...process.env, KC_DB: warehouseFile, KC_SITE_OUT: path.relative(projectRoot, distDir), OBSERVABLE_TELEMETRY_DISABLE: "true"};
  let log = run("npx", ["tsx", "loaders/cli.ts", "--data", work, "--db", warehouseFile], env);
  const coldCache = !existsSync(path.join(projectRoot, "src", ".observablehq", "cache"));
  const offline = canUnshare();
  log += offline ? run("unshare", ["-n", "npm", "run", "build:site"], env) : run("npm", ["run", "build:site"], env);
  const stamp: BuildStamp = {
    inputs,
    offline,
    coldCache,
    dataDir: path.relative(projectRoot, dataDir),
    buildMs: Math.round(performance.now() - started),
    builtAt: new Date().toISOString(),
    log
  };
  writeFileSync(stampFile, JSON.stringify(stamp, null, 2));
  return stamp;
}

/** Builds the test site unless an up-to-date build exists; returns how it was built. */
export async function ensureSiteBuilt(): Promise<BuildStamp> {
  if (process.env.KC_SITE_COLD === "1") rmSync(path.join(projectRoot, "src", ".observablehq", "cache"), {recursive: true, force: true});
  const inputs = inputsHash();
  const fresh = () => {
    const stamp = readStamp();
    return stamp && stamp.inputs === inputs && existsSync(path.join(distDir, "index.html")) ? stamp : undefined;
  };
  return fresh() ?? (await withLock(lockDir, () => fresh() ?? build(inputs)));
}

/** Every file under dist/, as paths relative to it. */
export function distFiles(dir = distDir): string[] {
  return listFiles(dir, () => false).map((f) => path.relative(dir, f));
}

export function fileSize(rel: string, dir = distDir): number {
  return statSync(path.join(dir, rel)).size;
}
