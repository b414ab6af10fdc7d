// Each commune's datasets, for its pages (scripts/commune-pages.ts), when the warehouse holds
// several: the datasets of src/data.zip.ts (communeFiles) computed for every commune on one
// read-only connection, written as plain files src/xa/data/<code>/<name>.json before the build.
// Plain files, not the archive: Framework finds a plain file by its path alone, whereas each file
// it takes out of an archive costs it a search of the folders for parameterized names and a read
// of the whole archive, for every page that names the file (scripts/SITE.md has the figures).
// Build output (src/xa/ is gitignored), written again only after scripts/loader-cache.ts removed it
// because the warehouse or the datasets' code changed.
import {existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync} from "node:fs";
import path from "node:path";
import {communeFiles} from "../src/data.zip.js";
import {withWarehouse} from "../src/lib/warehouse/json.js";
import {warehousePath} from "../src/lib/warehouse/open.js";

/** Where the communes' datasets go, under the source root. */
export const COMMUNE_DATA = path.join("xa", "data");

/** Writes every commune's datasets under `root` unless they are there already; says whether it wrote them. */
export async function writeCommuneData(root: string, codes: readonly string[], file = warehousePath()): Promise<boolean> {
  const dir = path.join(root, COMMUNE_DATA);
  if (existsSync(dir)) return false;
  // Written aside and renamed: a build stopped half-way leaves no folder that looks complete.
  const fresh = `${dir}.tmp-${process.pid}`;
  removeLeftovers(path.dirname(dir));
  try {
    await withWarehouse(async (sources) => {
      for (const code of codes) {
        const folder = path.join(fresh, code);
        mkdirSync(folder, {recursive: true});
        for (const [name, text] of Object.entries(await communeFiles(sources.forCommune(code)))) writeFileSync(path.join(folder, name), text);
      }
    }, file);
    renameSync(fresh, dir);
  } finally {
    rmSync(fresh, {recursive: true, force: true});
  }
  return true;
}

/** Folders left by a build that was stopped while writing. */
function removeLeftovers(parent: string): void {
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) if (name.startsWith("data.tmp-")) rmSync(path.join(parent, name), {recursive: true, force: true});
}
