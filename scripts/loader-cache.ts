// Framework re-runs a data loader only when the loader file is newer than its cached output
// (<root>/.observablehq/cache/<path>). The site's archive loader (src/data.zip.ts) also depends on
// the warehouse, the code it imports and the installed packages: when any of them changed since the
// last build, its cached outputs are dropped here so Framework runs it again, and so are the
// communes' datasets that scripts/commune-data.ts writes with the same code.
import {createHash} from "node:crypto";
import {existsSync, readFileSync, readdirSync, statSync} from "node:fs";
import {mkdir, readdir, rm, writeFile} from "node:fs/promises";
import path from "node:path";
import {fileURLToPath} from "node:url";
import {warehousePath} from "../src/lib/warehouse/open.js";
import {COMMUNE_DATA} from "./commune-data.js";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Deletes the cached loader outputs (every cache entry not starting with "_") and the communes'
 * datasets when the warehouse or the loaders' inputs changed; says whether it deleted any. */
export async function refreshLoaderOutputs(root: string, warehouse = warehousePath()): Promise<boolean> {
  const stampFile = path.join(root, ".observablehq", "kc-loader-stamp.json");
  const stamp = JSON.stringify(loaderStamp(root, warehouse));
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) return false;
  const cacheDir = path.join(root, ".observablehq", "cache");
  let cleared = existsSync(path.join(root, COMMUNE_DATA));
  await rm(path.join(root, COMMUNE_DATA), {recursive: true, force: true});
  for (const entry of existsSync(cacheDir) ? await readdir(cacheDir) : []) {
    if (entry.startsWith("_")) continue; // Framework's own bundles and the npm cache
    await rm(path.join(cacheDir, entry), {recursive: true, force: true});
    cleared = true;
  }
  await mkdir(path.dirname(stampFile), {recursive: true});
  await writeFile(stampFile, stamp);
  return cleared;
}

function loaderStamp(root: string, warehouse: string) {
  const hash = createHash("sha256");
  // The loaders and what they import: the site's lib and reports/ (the evaluation and the draft
  // plan are computed by the same code as the Word documents); package-lock.json for the packages.
  const files = [
    ...listFiles(root).filter((f) => /\.(ts|js)$/.test(f) && path.dirname(f) === root),
    ...[path.join(root, "data"), path.join(root, "lib"), path.join(projectRoot, "reports")].flatMap(listFiles),
    path.join(projectRoot, "package-lock.json")
  ];
  for (const file of files.filter((f) => existsSync(f))) {
    hash.update(path.relative(projectRoot, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  const info = existsSync(warehouse) ? statSync(warehouse) : undefined;
  return {warehouse, size: info?.size ?? null, mtimeMs: info?.mtimeMs ?? null, ino: info?.ino ?? null, code: hash.digest("hex")};
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, {withFileTypes: true})
    .filter((entry) => !entry.name.startsWith("."))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? listFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}
