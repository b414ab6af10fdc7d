// Plot and the d3 code it uses as ONE browser module, made from node_modules before every build and
// put where Framework keeps `npm:@observablehq/plot` (scripts/npm-cache.ts). Components import
// "npm:@observablehq/plot" (typed as the package by src/npm.d.ts).
//
// Why: bundling the bare import "@observablehq/plot" on its own, Framework ships Plot, d3 and every
// d3-* package d3 re-exports as dozens of modules that each chart page fetches and evaluates one by
// one, and a cold build spends long in rollup on them; one module is smaller and one request
// (figures in scripts/SITE.md; bench:site measures the pages).
import {existsSync, readFileSync} from "node:fs";
import {mkdir, rename, writeFile} from "node:fs/promises";
import path from "node:path";
import {bundle, installedVersion} from "./bundle.js";

export const PLOT = "@observablehq/plot";
/** Beside the bundle: the package.json files of everything inside it, with their versions. */
const STAMP = "kc-bundle.json";

/** Writes `<npmDir>/@observablehq/plot@<version>/_esm.js` unless an up-to-date one is there; says whether it wrote. */
export async function writePlotBundle(npmDir: string): Promise<boolean> {
  const file = path.join(npmDir, `${PLOT}@${installedVersion(PLOT)}`, "_esm.js");
  const stampFile = path.join(path.dirname(file), STAMP);
  if (isCurrent(file, stampFile)) return false;
  const {code, packages} = await bundle(PLOT, {minify: true});
  await mkdir(path.dirname(file), {recursive: true});
  // Temporary names first: an interrupted run must not leave a half file that Framework would trust.
  await writeFile(`${file}.tmp`, code);
  await rename(`${file}.tmp`, file);
  await writeFile(`${stampFile}.tmp`, JSON.stringify(packages, null, 1));
  await rename(`${stampFile}.tmp`, stampFile);
  return true;
}

function isCurrent(file: string, stampFile: string): boolean {
  if (!existsSync(file) || !existsSync(stampFile)) return false;
  const versions = JSON.parse(readFileSync(stampFile, "utf8")) as Record<string, string>;
  return Object.entries(versions).every(
    ([packageJson, version]) => existsSync(packageJson) && (JSON.parse(readFileSync(packageJson, "utf8")) as {version: string}).version === version
  );
}
