// Prepares Observable Framework's cache so that `observable build` needs no network at all.
// Run before every build (`npm run build:site`), idempotent, a few hundred ms when warm.
//
// What Framework 1.13.4 asks the network for, measured with `unshare -n` and a fetch logger:
//  1. Bundling its own client (/_observablehq/client.js, stdlib…) resolves the *version* of every
//     library the client mentions lazily (react, react-dom, lodash, echarts, leaflet, mapbox-gl,
//     arquero, parquet-wasm, topojson-client, @observablehq/sample-datasets, d3, htl, d3-dsv,
//     apache-arrow, @observablehq/plot, and for stdlib modules exceljs, jszip, sql.js, vega…) on
//     registry.npmjs.org, even when no page uses them. Framework answers such a look-up from the
//     folder names in <root>/.observablehq/cache/_npm/<name>@<version>/, so an empty folder is
//     enough: we create `<name>@0.0.0-offline` for the libraries we do not ship. If a page ever
//     really used one of them, the build would fail on "npm:<name>@0.0.0-offline", which says why.
//  2. Implicit globals (`Plot`, `d3`, `html`, `Arrow`) and FileAttachment's `.csv()`, `.tsv()`,
//     `.arrow()` load `npm:` modules whose code comes from the jsDelivr CDN. For the libraries
//     this project installs (d3, @observablehq/plot, htl, isoformat, d3-dsv, apache-arrow) we fill
//     `_npm/<name>@<version>/_esm.js` from node_modules instead: Framework's own node_modules
//     bundler (resolveNodeImport, the one used for bare imports) writes `_node/…`, and we copy
//     that tree to `_npm/…` with its relative imports rewritten. This uses Framework internals,
//     which is why Framework is pinned to exactly 1.13.4 and the version is checked here.
//     Plot's `_node` file is written first, as one module with d3 inside (scripts/plot-bundle.ts).
//     Pages should still prefer explicit imports (`import * as Plot from "@observablehq/plot"`);
//     for Inputs use `import * as Inputs from "npm:@observablehq/inputs"`: Framework maps it to its
//     own bundled copy (with the file-input glue) and adds the Inputs stylesheet, which the bare
//     "@observablehq/inputs" import does not. That module imports npm:htl and npm:isoformat.
//  3. Not a build input but worth knowing: Framework's telemetry posts to events.observablehq.com;
//     scripts/framework.ts sets OBSERVABLE_TELEMETRY_DISABLE=true.
//
// It also drops cached data-loader outputs when the warehouse (KC_DB) or the loader helpers
// changed: Framework only re-runs a loader when the loader file itself is newer than its cache.
import {createHash} from "node:crypto";
import {existsSync, readFileSync, readdirSync, statSync} from "node:fs";
import {copyFile, mkdir, readFile, readdir, rename, rm, writeFile} from "node:fs/promises";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {PLOT, bundlePlot, plotBundlePath} from "./plot-bundle.js";

export const FRAMEWORK_VERSION = "1.13.4";
export const PLACEHOLDER_VERSION = "0.0.0-offline";
/** Libraries shipped from node_modules for implicit globals and FileAttachment methods: Plot (a
 * copy of the one-module bundle of scripts/plot-bundle.ts), htl, isoformat (what
 * `npm:@observablehq/inputs` imports) and d3-dsv always (small, ~0.1 s); d3 (~10 s of rollup
 * over 30 packages: no page imports it since Plot is one bundle) only when src/ mentions d3;
 * apache-arrow (3.5 s to bundle) only when src/ mentions Arrow. */
export const FILLED_PACKAGES = ["d3", "@observablehq/plot", "htl", "isoformat", "d3-dsv", "apache-arrow"] as const;
const ON_DEMAND: Partial<Record<(typeof FILLED_PACKAGES)[number], RegExp>> = {
  d3: /\bd3\b/,
  "apache-arrow": /\.(arrow|parquet)\s*\(|\bArrow\b|apache-arrow/
};
/** `npm:` names that Framework maps to its own bundled modules: never looked up. */
const FRAMEWORK_BUILTINS = new Set([
  "@observablehq/runtime",
  "@observablehq/stdlib",
  "@observablehq/dot",
  "@observablehq/duckdb",
  "@observablehq/inputs",
  "@observablehq/mermaid",
  "@observablehq/tex",
  "@observablehq/sqlite"
]);

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface OfflineCacheOptions {
  /** Framework's source root (absolute); default <project>/src. */
  root?: string;
  /** The warehouse the data loaders read; default KC_DB or data/warehouse.duckdb. */
  warehouse?: string;
  log?: (line: string) => void;
  /** Started once stale loader outputs are dropped, run while the npm cache is filled (the fill
   * is single-threaded), awaited before returning: scripts/prebuild.ts runs the loaders here. */
  alongside?: () => Promise<unknown>;
}

export interface OfflineCacheReport {
  placeholders: string[];
  filled: string[];
  loaderOutputsCleared: boolean;
}

export function defaultWarehousePath(): string {
  return path.resolve(process.env.KC_DB ?? path.join(projectRoot, "data", "warehouse.duckdb"));
}

export async function prepareOfflineCache(options: OfflineCacheOptions = {}): Promise<OfflineCacheReport> {
  const root = path.resolve(options.root ?? path.join(projectRoot, "src"));
  const log = options.log ?? (() => {});
  const frameworkDir = findFrameworkDir(root);
  checkFrameworkVersion(frameworkDir);
  const cacheDir = path.join(root, ".observablehq", "cache");
  const npmDir = path.join(cacheDir, "_npm");
  await mkdir(npmDir, {recursive: true});

  const loaderOutputsCleared = await refreshLoaderOutputs(root, options.warehouse ?? defaultWarehousePath());
  if (loaderOutputsCleared) log("offline-cache: dữ liệu thay đổi, các tệp do data loader tạo sẽ được dựng lại");
  const parallel = options.alongside?.();

  // Before the fill, which would otherwise copy Framework's own bundle of Plot. A new bundle
  // replaces the npm-cache copy too (for the implicit `Plot`); it imports nothing: a plain copy.
  const plotDir = findPackageDir(root, PLOT);
  const plotVersion = installedVersion(root, PLOT);
  if (plotDir && plotVersion && (await bundlePlot(root, plotDir, frameworkDir))) {
    const npmCopy = path.join(npmDir, `${PLOT}@${plotVersion}`, "_esm.js");
    await mkdir(path.dirname(npmCopy), {recursive: true});
    await copyFile(plotBundlePath(root, plotVersion), `${npmCopy}.tmp`);
    await rename(`${npmCopy}.tmp`, npmCopy);
    log("offline-cache: Plot và d3 gộp thành một mô-đun");
  }

  const filled: string[] = [];
  const sources = ON_DEMAND_SCAN ? sourceText(root) : "";
  for (const name of FILLED_PACKAGES) {
    const needed = ON_DEMAND[name];
    if (needed && !needed.test(sources)) continue;
    const version = installedVersion(root, name);
    if (!version) continue; // not installed: falls back to a placeholder below
    if (existsSync(path.join(npmDir, `${name}@${version}`, "_esm.js"))) continue;
    await fillFromNodeModules(root, name);
    filled.push(`${name}@${version}`);
  }

  const placeholders: string[] = [];
  for (const name of clientNpmNames(frameworkDir)) {
    if (hasAnyVersion(npmDir, name)) continue;
    await mkdir(path.join(npmDir, `${name}@${PLACEHOLDER_VERSION}`), {recursive: true});
    placeholders.push(name);
  }
  await parallel;
  if (filled.length) log(`offline-cache: lấy từ node_modules: ${filled.join(", ")}`);
  if (placeholders.length) log(`offline-cache: ${placeholders.length} thư viện không dùng được đánh dấu ${PLACEHOLDER_VERSION}`);
  return {placeholders, filled, loaderOutputsCleared};
}

const ON_DEMAND_SCAN = Object.keys(ON_DEMAND).length > 0;

/** The text of the site's own code and pages (what could use an implicit library). */
function sourceText(root: string): string {
  return listFiles(root)
    .filter((f) => !f.includes(`${path.sep}.observablehq${path.sep}`) && /\.(md|js|ts|jsx|tsx)$/.test(f))
    .map((f) => readFileSync(f, "utf8"))
    .join("\n");
}

/** node_modules/<name> as Node would find it from `root`, else from this project. */
function findPackageDir(root: string, name: string): string | undefined {
  for (const start of [root, projectRoot]) {
    let dir = start;
    for (;;) {
      const candidate = path.join(dir, "node_modules", name);
      if (existsSync(path.join(candidate, "package.json"))) return candidate;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return undefined;
}

function findFrameworkDir(root: string): string {
  const dir = findPackageDir(root, "@observablehq/framework");
  if (!dir) throw new Error("Không tìm thấy @observablehq/framework trong node_modules: chạy `npm ci`.");
  return dir;
}

function checkFrameworkVersion(frameworkDir: string): void {
  const {version} = JSON.parse(readFileSync(path.join(frameworkDir, "package.json"), "utf8")) as {version: string};
  if (version !== FRAMEWORK_VERSION) {
    throw new Error(
      `scripts/offline-cache.ts was written for Observable Framework ${FRAMEWORK_VERSION} (found ${version}): ` +
        "re-measure what an offline build needs before changing the pinned version."
    );
  }
}

/** Every package name the Framework client mentions as `npm:<name>` (without an exact version). */
export function clientNpmNames(frameworkDir = findFrameworkDir(projectRoot)): string[] {
  const names = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (entry.name.endsWith(".js")) {
        const source = readFileSync(file, "utf8");
        for (const m of source.matchAll(/["'`]npm:((?:@[\w.-]+\/)?[\w.-]+)(@[^/"'`]*)?/g)) {
          const [, name, range] = m;
          if (!name || FRAMEWORK_BUILTINS.has(name)) continue;
          if (range && /^@\d+\.\d+\.\d+/.test(range)) continue; // exact version: no look-up
          names.add(name);
        }
      }
    }
  };
  visit(path.join(frameworkDir, "dist", "client"));
  return [...names].sort();
}

function hasAnyVersion(npmDir: string, name: string): boolean {
  const [scope, base] = name.startsWith("@") ? name.split("/") : [undefined, name];
  const dir = scope ? path.join(npmDir, scope) : npmDir;
  if (!existsSync(dir)) return false;
  return readdirSync(dir).some((entry) => entry.startsWith(`${base}@`));
}

function installedVersion(root: string, name: string): string | undefined {
  const dir = findPackageDir(root, name);
  return dir ? (JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as {version: string}).version : undefined;
}

/** `/_node/<name>@<version>/<sub>` → the matching `/_npm/` path Framework would use. */
export function nodeToNpmPath(nodePath: string): string {
  const parts = nodePath.split("/"); // ["", "_node", name or scope, …]
  if (parts[1] !== "_node") throw new Error(`not a _node path: ${nodePath}`);
  const i = parts[2]!.startsWith("@") ? 4 : 3;
  const nameVersion = parts.slice(2, i).join("/");
  const sub = parts.slice(i).join("/");
  if (sub === "index.js") return `/_npm/${nameVersion}/_esm.js`;
  return `/_npm/${nameVersion}/${sub.endsWith(".js") ? sub.replace(/\.js$/, "._esm.js") : sub}`;
}

/** Framework's own relative-path rule: "./x" or "../x", from one served path to another. */
function relativeServed(from: string, to: string): string {
  const rel = path.posix.relative(path.posix.dirname(from), to);
  return rel.startsWith(".") ? rel : `./${rel}`;
}

async function fillFromNodeModules(root: string, name: string): Promise<void> {
  const {resolveNodeImport} = await import("@observablehq/framework/dist/node.js");
  const {rewriteNpmImports} = await import("@observablehq/framework/dist/npm.js");
  const cacheDir = path.join(root, ".observablehq", "cache");
  const start = await resolveNodeImport(root, name);
  const queue = [start];
  const seen = new Set(queue);
  while (queue.length) {
    const nodePath = queue.shift()!;
    const npmPath = nodeToNpmPath(nodePath);
    const target = path.join(cacheDir, npmPath);
    await mkdir(path.dirname(target), {recursive: true});
    if (!nodePath.endsWith(".js")) {
      await copyFile(path.join(cacheDir, nodePath), target);
      continue;
    }
    const source = await readFile(path.join(cacheDir, nodePath), "utf8");
    const output = rewriteNpmImports(source, (specifier) => {
      if (!/^\.\.?\//.test(specifier)) return specifier;
      const dependency = path.posix.join(path.posix.dirname(nodePath), specifier);
      if (!dependency.startsWith("/_node/")) return specifier;
      if (!seen.has(dependency)) {
        seen.add(dependency);
        queue.push(dependency);
      }
      return relativeServed(npmPath, nodeToNpmPath(dependency));
    });
    // Write to a temporary name first: an interrupted run must not leave a half file that
    // Framework would then trust.
    await writeFile(`${target}.tmp`, output, "utf8");
    await rename(`${target}.tmp`, target);
  }
}

// ------------------------------------------------------------------ loader outputs

/** Deletes Framework's cached loader outputs (every cache entry not starting with "_") when the
 * warehouse or the code the loaders share has changed since the last build. */
async function refreshLoaderOutputs(root: string, warehouse: string): Promise<boolean> {
  const stampFile = path.join(root, ".observablehq", "kc-loader-stamp.json");
  const stamp = JSON.stringify(loaderStamp(root, warehouse));
  const previous = existsSync(stampFile) ? readFileSync(stampFile, "utf8") : "";
  if (previous === stamp) return false;
  const cacheDir = path.join(root, ".observablehq", "cache");
  let cleared = false;
  if (existsSync(cacheDir)) {
    for (const entry of await readdir(cacheDir)) {
      if (entry.startsWith("_")) continue;
      await rm(path.join(cacheDir, entry), {recursive: true, force: true});
      cleared = true;
    }
  }
  await mkdir(path.dirname(stampFile), {recursive: true});
  await writeFile(stampFile, stamp);
  return cleared;
}

function loaderStamp(root: string, warehouse: string) {
  const hash = createHash("sha256");
  // The loaders' own code and what they import: the site's lib, and reports/ (the evaluation and
  // the draft plan are computed by the same code as the Word documents).
  for (const dir of [path.join(root, "data"), path.join(root, "lib"), path.join(projectRoot, "reports")]) {
    for (const file of listFiles(dir)) {
      hash.update(path.relative(projectRoot, file)).update("\0").update(readFileSync(file)).update("\0");
    }
  }
  const info = existsSync(warehouse) ? statSync(warehouse) : undefined;
  return {
    warehouse,
    size: info?.size ?? null,
    mtimeMs: info?.mtimeMs ?? null,
    ino: info?.ino ?? null,
    code: hash.digest("hex")
  };
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, {withFileTypes: true}).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(file));
    else out.push(file);
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  prepareOfflineCache({log: (line) => console.log(line)}).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
