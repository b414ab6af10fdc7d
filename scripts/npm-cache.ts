// Framework's `npm:` imports answered from this repository, so `observable build` needs no network.
//
// Framework self-hosts `npm:` imports: it keeps each library in <root>/.observablehq/cache/_npm/
// <name>@<version>/ and, when a folder for a name is there, takes that version instead of asking
// registry.npmjs.org, and that file instead of downloading it from jsDelivr. Before every build we
// put three kinds of folder there:
//  - VENDORED: the few modules the pages load (`npm:@observablehq/inputs` imports npm:htl and
//    npm:isoformat; FileAttachment's .csv()/.tsv() import npm:d3-dsv), committed in scripts/npm/
//    as <name>@<version>/_esm.js and copied. `npm run vendor` makes them again from node_modules.
//  - Plot, as one module with the d3 code it uses (scripts/plot-bundle.ts), made from node_modules.
//  - NOT_SHIPPED: every other library Framework's client mentions. Framework looks up their
//    versions even when no page uses them; an empty `<name>@0.0.0-offline` folder answers. A page
//    that really used one fails to build on "npm:<name>@0.0.0-offline", which says why.
// After a Framework upgrade, test/scripts/infrastructure.test.ts lists what its client mentions that is
// in none of these lists (uncoveredNpmNames): vendor it or add it to NOT_SHIPPED.
import {existsSync, readFileSync, readdirSync} from "node:fs";
import {cp, mkdir, rename, rm, writeFile} from "node:fs/promises";
import {createRequire} from "node:module";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {bundle, installedVersion, packageDir} from "./bundle.js";
import {PLOT, writePlotBundle} from "./plot-bundle.js";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The committed modules: scripts/npm/<name>@<version>/_esm.js. */
export const VENDOR_DIR = path.join(projectRoot, "scripts", "npm");
export const VENDORED = ["htl", "isoformat", "d3-dsv"] as const;
export const PLACEHOLDER_VERSION = "0.0.0-offline";

/** Libraries Framework's client mentions that the site does not ship. */
export const NOT_SHIPPED = [
  "@duckdb/duckdb-wasm", "@observablehq/sample-datasets", "@uwdata/vgplot", "@viz-js/viz", "apache-arrow", "arquero", "d3",
  "echarts", "exceljs", "jszip", "katex", "leaflet", "lodash", "mapbox-gl", "mermaid", "parquet-wasm", "react", "react-dom",
  "sql.js", "topojson-client", "vega", "vega-lite", "vega-lite-api"
] as const;

/** `npm:` names Framework maps to modules of its own: never looked up. */
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

/** Fills <root>/.observablehq/cache/_npm; returns what it wrote. */
export async function prepareNpmCache(root: string): Promise<{copied: string[]; plot: boolean; placeholders: string[]}> {
  const npmDir = path.join(root, ".observablehq", "cache", "_npm");
  const copied = await copyVendored(npmDir);
  const plot = await writePlotBundle(npmDir);
  await copyExcelJs(root);
  const placeholders: string[] = [];
  for (const name of NOT_SHIPPED) {
    if (hasAnyVersion(npmDir, name)) continue;
    await mkdir(path.join(npmDir, `${name}@${PLACEHOLDER_VERSION}`), {recursive: true});
    placeholders.push(name);
  }
  return {copied, plot, placeholders};
}

/**
 * exceljs's prebuilt browser file as a plain file src/data/vendor/exceljs.min.js (gitignored),
 * which src/components/download.ts names. Not from the data loader's archive: every page importing
 * the component makes Framework look the file up several times, and a file inside an archive is
 * looked up by searching the source folders, a plain one by its path alone.
 */
async function copyExcelJs(root: string): Promise<void> {
  const target = path.join(root, "data", "vendor", "exceljs.min.js");
  const source = createRequire(import.meta.url).resolve("exceljs/dist/exceljs.min.js");
  const contents = readFileSync(source);
  if (existsSync(target) && readFileSync(target).equals(contents)) return;
  await mkdir(path.dirname(target), {recursive: true});
  await writeFile(target, contents);
}

/** Copies each committed module whose folder the cache lacks (a folder is copied whole, then renamed). */
async function copyVendored(npmDir: string): Promise<string[]> {
  const copied: string[] = [];
  for (const folder of vendoredFolders()) {
    const target = path.join(npmDir, folder);
    if (existsSync(path.join(target, "_esm.js"))) continue;
    await mkdir(path.dirname(target), {recursive: true});
    await rm(`${target}.tmp`, {recursive: true, force: true});
    await cp(path.join(VENDOR_DIR, folder), `${target}.tmp`, {recursive: true});
    await rm(target, {recursive: true, force: true});
    await rename(`${target}.tmp`, target);
    copied.push(folder);
  }
  return copied;
}

/** The committed folders, "<name>@<version>" (scoped names as "@scope/<name>@<version>"). */
export function vendoredFolders(): string[] {
  if (!existsSync(VENDOR_DIR)) return [];
  return readdirSync(VENDOR_DIR, {withFileTypes: true}).flatMap((entry) =>
    !entry.isDirectory() ? [] : entry.name.startsWith("@") ? readdirSync(path.join(VENDOR_DIR, entry.name)).map((n) => `${entry.name}/${n}`) : [entry.name]
  );
}

/** Writes scripts/npm/<name>@<installed version>/_esm.js for every VENDORED name, removing older versions. */
export async function vendorFromNodeModules(): Promise<string[]> {
  const written: string[] = [];
  for (const name of VENDORED) {
    const version = installedVersion(name);
    for (const old of vendoredFolders().filter((f) => f.startsWith(`${name}@`) && f !== `${name}@${version}`)) {
      await rm(path.join(VENDOR_DIR, old), {recursive: true, force: true});
    }
    const file = path.join(VENDOR_DIR, `${name}@${version}`, "_esm.js");
    await mkdir(path.dirname(file), {recursive: true});
    await writeFile(file, `// ${name}@${version}, bundled from node_modules by \`npm run vendor\` (scripts/npm-cache.ts).\n${(await bundle(name, {minify: true})).code}`);
    written.push(`${name}@${version}`);
  }
  return written;
}

/** Every package name the installed Framework's client mentions as `npm:<name>` without an exact version. */
export function clientNpmNames(): string[] {
  const names = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (entry.name.endsWith(".js")) {
        for (const m of readFileSync(file, "utf8").matchAll(/["'`]npm:((?:@[\w.-]+\/)?[\w.-]+)(@[^/"'`]*)?/g)) {
          const [, name, range] = m;
          if (!name || FRAMEWORK_BUILTINS.has(name)) continue;
          if (range && /^@\d+\.\d+\.\d+/.test(range)) continue; // an exact version: nothing to look up
          names.add(name);
        }
      }
    }
  };
  visit(path.join(packageDir("@observablehq/framework"), "dist", "client"));
  return [...names].sort();
}

/** What the installed Framework's client looks up that nothing here answers. */
export function uncoveredNpmNames(): string[] {
  const covered = new Set<string>([...VENDORED, PLOT, ...NOT_SHIPPED]);
  return clientNpmNames().filter((name) => !covered.has(name));
}

function hasAnyVersion(npmDir: string, name: string): boolean {
  const [scope, base] = name.startsWith("@") ? name.split("/") : [undefined, name];
  const dir = scope ? path.join(npmDir, scope) : npmDir;
  return existsSync(dir) && readdirSync(dir).some((entry) => entry.startsWith(`${base}@`));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const written = await vendorFromNodeModules();
  console.log(`Đã viết lại scripts/npm/: ${written.join(", ")}`);
}
