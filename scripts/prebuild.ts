// Before `observable build` / `observable preview`: the npm cache that keeps the build offline
// (scripts/npm-cache.ts), the data loader's outputs dropped when the warehouse changed
// (scripts/loader-cache.ts) and each commune's pages and datasets when there are several
// (scripts/commune-pages.ts, scripts/commune-data.ts).
import path from "node:path";
import {fileURLToPath} from "node:url";
import {siteFacts, warehousePath} from "../src/lib/warehouse/open.js";
import {writeCommuneData} from "./commune-data.js";
import {writeCommunePages} from "./commune-pages.js";
import {refreshLoaderOutputs} from "./loader-cache.js";
import {prepareNpmCache} from "./npm-cache.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "src");

/** Prepares the build; says how many communes the site has. */
export async function prebuild(): Promise<number> {
  const npm = await prepareNpmCache(root);
  if (npm.copied.length) console.log(`prebuild: thư viện từ scripts/npm: ${npm.copied.join(", ")}`);
  if (npm.plot) console.log("prebuild: Plot và d3 gộp thành một mô-đun");
  if (npm.placeholders.length) console.log(`prebuild: ${npm.placeholders.length} thư viện không dùng được đánh dấu 0.0.0-offline`);
  if (await refreshLoaderOutputs(root)) console.log("prebuild: dữ liệu thay đổi, data loader sẽ chạy lại");
  const file = warehousePath();
  const {communes} = await readWarehouse(file);
  if (!writeCommunePages(root, communes.length)) return communes.length;
  console.log(`prebuild: trang riêng của ${communes.length} xã (xa/[commune]/)`);
  const started = performance.now();
  if (await writeCommuneData(root, communes.map((c) => c.code), file)) console.log(`prebuild: số liệu của ${communes.length} xã (xa/data/) trong ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return communes.length;
}

/** The warehouse's communes, or a Vietnamese reason to stop before Framework starts. */
async function readWarehouse(file: string): ReturnType<typeof siteFacts> {
  try {
    return await siteFacts(file);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0];
    throw new Error(`Không đọc được kho dữ liệu ${file} (${reason}): chạy lại npm run ingest. Trang cũ được giữ nguyên.`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await prebuild();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
