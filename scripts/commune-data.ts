// Each commune's datasets, for its pages (scripts/commune-pages.ts), when the warehouse holds
// several: the datasets of src/data.zip.ts (communeFiles) computed for every commune, read-only,
// written as plain files src/xa/data/<code>/<name>.json before the build.
// Plain files, not the archive: Framework finds a plain file by its path alone, whereas each file
// it takes out of an archive costs it a search of the folders for parameterized names and a read
// of the whole archive, for every page that names the file (scripts/SITE.md has the figures).
// Build output (src/xa/ is gitignored), written again only after scripts/loader-cache.ts removed it
// because the warehouse or the datasets' code changed.
import {existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync} from "node:fs";
import path from "node:path";
import {communeFiles} from "../src/data.zip.js";
import {withWarehouse, type Sources} from "../src/lib/warehouse/json.js";
import {warehousePath} from "../src/lib/warehouse/open.js";

/** Where the communes' datasets go, under the source root. */
export const COMMUNE_DATA = path.join("xa", "data");

/** Connections reading the communes at once. */
const CONNECTIONS = 4;

/** Writes every commune's datasets under `root` unless they are there already; says whether it wrote them. */
export async function writeCommuneData(root: string, codes: readonly string[], file = warehousePath()): Promise<boolean> {
  const dir = path.join(root, COMMUNE_DATA);
  if (existsSync(dir)) return false;
  // Written aside and renamed: a build stopped half-way leaves no folder that looks complete.
  const fresh = `${dir}.tmp-${process.pid}`;
  removeLeftovers(path.dirname(dir));
  try {
    // A few read-only connections side by side, each taking every CONNECTIONS-th commune: a
    // dataset's queries are small and spend their time in DuckDB, one statement at a time per
    // connection, which left the cores mostly idle. One DuckDB thread each (ConnectOptions): a
    // pool of threads per connection spent more time handing tiny tasks around than it saved.
    await Promise.all(
      Array.from({length: CONNECTIONS}, (_, k) =>
        withWarehouse(async (sources) => {
          for (const code of codes.filter((_, i) => i % CONNECTIONS === k)) await writeCommune(path.join(fresh, code), sources.forCommune(code));
        }, file, undefined, {threads: 1})
      )
    );
    renameSync(fresh, dir);
  } finally {
    rmSync(fresh, {recursive: true, force: true});
  }
  return true;
}

/** One commune's datasets into `folder`. */
async function writeCommune(folder: string, sources: Sources): Promise<void> {
  mkdirSync(folder, {recursive: true});
  for (const [name, text] of Object.entries(await communeFiles(sources))) writeFileSync(path.join(folder, name), text);
}

/** Folders left by a build that was stopped while writing. */
function removeLeftovers(parent: string): void {
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) if (name.startsWith("data.tmp-")) rmSync(path.join(parent, name), {recursive: true, force: true});
}
