// Plot and the d3 code it uses as ONE browser module, made from node_modules before every build.
//
// Why: Framework bundles each package of a bare import on its own, so `import * as Plot from
// "@observablehq/plot"` reached the browser as ~45 modules (Plot, d3 and every d3-* package d3
// re-exports, even d3-force, d3-zoom, d3-brush…): ~620 kB that each chart page fetched and
// evaluated module by module, about 0.9 s of a chart page's 1–1.4 s (bench/site.ts). A cold build
// also spent ~10 s in rollup on them. One esbuild bundle of Plot with only the d3 functions Plot
// needs is ~385 kB, one request, ~0.25 s to make.
//
// How: Framework resolves a bare import to <root>/.observablehq/cache/_node/<name>@<version>/
// index.js and bundles the package only when that file does not exist yet (resolveNodeImport in
// its dist/node.js). We write that file first, so pages and components keep importing
// "@observablehq/plot" (same API, same types) and Framework serves our bundle as is. Nothing is
// committed or downloaded: the bundle is rebuilt whenever a package in it changes version. Like
// scripts/offline-cache.ts this relies on Framework 1.13.4's cache layout (checked there).
import {existsSync, readFileSync} from "node:fs";
import {mkdir, rename, writeFile} from "node:fs/promises";
import {createRequire} from "node:module";
import path from "node:path";
import {pathToFileURL} from "node:url";

export const PLOT = "@observablehq/plot";
/** Next to the bundle: the package.json files of everything inside it and their versions. */
const STAMP = "kc-bundle.json";

type Esbuild = typeof import("esbuild");

/** The bundle's path in Framework's cache for the installed Plot `version`,
 * e.g. <root>/.observablehq/cache/_node/@observablehq/plot@0.6.17/index.js. */
export function plotBundlePath(root: string, version: string): string {
  return path.join(root, ".observablehq", "cache", "_node", `${PLOT}@${version}`, "index.js");
}

function isCurrent(file: string): boolean {
  const stampFile = path.join(path.dirname(file), STAMP);
  if (!existsSync(file) || !existsSync(stampFile)) return false;
  const versions = JSON.parse(readFileSync(stampFile, "utf8")) as Record<string, string>;
  return Object.entries(versions).every(
    ([packageJson, version]) => existsSync(packageJson) && (JSON.parse(readFileSync(packageJson, "utf8")) as {version: string}).version === version
  );
}

/** Writes the bundle of the installed Plot (`packageDir`, its folder in node_modules) into the
 * Framework cache under `root` unless an up-to-date one is there. Returns whether it wrote one.
 * `frameworkDir` locates esbuild: Framework's own copy, so its version moves with the pinned
 * Framework and the project needs no extra dependency. */
export async function bundlePlot(root: string, packageDir: string, frameworkDir: string): Promise<boolean> {
  const {version} = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as {version: string};
  const file = plotBundlePath(root, version);
  if (isCurrent(file)) return false;
  // Resolve from the folder holding that node_modules, so the bundle is of this very Plot.
  const parts = packageDir.split(path.sep);
  const resolveDir = parts.slice(0, parts.lastIndexOf("node_modules")).join(path.sep);
  const esbuild = (await import(pathToFileURL(createRequire(path.join(frameworkDir, "package.json")).resolve("esbuild")).href)) as Esbuild;
  const result = await esbuild.build({
    stdin: {contents: `export * from "${PLOT}";`, resolveDir, loader: "js"},
    absWorkingDir: resolveDir, // the metafile's input paths are relative to it
    bundle: true,
    write: false,
    metafile: true,
    format: "esm",
    platform: "browser",
    // Framework's settings for node_modules bundles (dist/node.js), browsers only; like its
    // bundles, no licence comments (they would put outside URLs in dist/).
    target: ["es2022", "chrome96", "firefox96", "safari16"],
    define: {"process.env.NODE_ENV": JSON.stringify("production")},
    minify: true,
    legalComments: "none",
    logLevel: "error"
  });
  const versions: Record<string, string> = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    const packageJson = owningPackageJson(path.resolve(resolveDir, input));
    if (packageJson) versions[packageJson] = (JSON.parse(readFileSync(packageJson, "utf8")) as {version: string}).version;
  }
  await mkdir(path.dirname(file), {recursive: true});
  // Temporary names first: an interrupted run must not leave a half file that Framework would trust.
  await writeFile(`${file}.tmp`, result.outputFiles[0]!.contents);
  await rename(`${file}.tmp`, file);
  const stampFile = path.join(path.dirname(file), STAMP);
  await writeFile(`${stampFile}.tmp`, JSON.stringify(versions, null, 1));
  await rename(`${stampFile}.tmp`, stampFile);
  return true;
}

/** node_modules/<name>/package.json (scoped names too) of the package a bundled file belongs to. */
function owningPackageJson(file: string): string | undefined {
  const parts = file.split(path.sep);
  const i = parts.lastIndexOf("node_modules");
  if (i < 0) return undefined;
  const nameParts = parts[i + 1]?.startsWith("@") ? 2 : 1;
  const packageJson = [...parts.slice(0, i + 1 + nameParts), "package.json"].join(path.sep);
  return existsSync(packageJson) ? packageJson : undefined;
}
