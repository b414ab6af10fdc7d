// The site's one data loader: every dataset of src/data/ as a file of one archive, which Framework
// unpacks for the pages (`FileAttachment("data/overview.json")` is overview.json in data.zip), plus
// exceljs's prebuilt browser bundle (vendor/exceljs.min.js, loaded by a <script> tag only when
// someone downloads an XLSX: src/components/download.ts). The top-level files are the home
// commune's (the data folder's own, else the first by code); a warehouse of several communes adds
// each commune's under xa/<code>/, which its pages read (scripts/commune-pages.ts).
//
// Why one archive: Framework runs each loader in a process of its own, and each process pays a tsx
// start and a DuckDB load; one loader per dataset doubled a cold build (scripts/SITE.md). Here every
// dataset reads the same read-only connection in one process. A dataset is a module of src/data/
// whose default export takes the warehouse's sources (src/lib/warehouse/json.ts) and returns the
// page's value; bigint money travels as {"$bigint": "…"} (src/lib/plan/json.ts).
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {strToU8, zipSync, type Zippable} from "fflate";
import {stringifyWithBigInt} from "./lib/plan/json.js";
import {withWarehouse, type Sources} from "./lib/warehouse/json.js";
import {communes} from "./lib/warehouse/open.js";
import activities from "./data/activities.js";
import commune from "./data/commune.js";
import dictionary from "./data/dictionary.js";
import draftPlan from "./data/draft-plan.js";
import establishments from "./data/establishments.js";
import evaluation from "./data/evaluation.js";
import {facilitySupportFiles} from "./data/facility-supports.js";
import history from "./data/history.js";
import overviewAlerts from "./data/overview-alerts.js";
import overviewDisbursement from "./data/overview-disbursement.js";
import overview from "./data/overview.js";
import province from "./data/province.js";
import planActivities from "./data/plan-activities.js";
import planLines from "./data/plan-lines.js";
import planMoney from "./data/plan-money.js";
import planVouchers from "./data/plan-vouchers.js";
import quality from "./data/quality.js";
import run from "./data/run.js";
import years from "./data/years.js";

type Dataset = (sources: Sources) => Promise<unknown>;

/** The datasets of one commune, by file name. */
export const COMMUNE_DATASETS: Record<string, Dataset> = {
  "activities.json": activities,
  "commune.json": commune,
  "draft-plan.json": draftPlan,
  "establishments.json": establishments,
  "evaluation.json": evaluation,
  ...facilitySupportFiles,
  "history.json": history,
  "overview-alerts.json": overviewAlerts,
  "overview-disbursement.json": overviewDisbursement,
  "overview.json": overview,
  "plan-activities.json": planActivities,
  "plan-lines.json": planLines,
  "plan-money.json": planMoney,
  "plan-vouchers.json": planVouchers,
  "quality.json": quality,
  "run.json": run,
  "years.json": years
};

/** The datasets of the whole warehouse, at the top level only. */
export const SHARED_DATASETS: Record<string, Dataset> = {
  "dictionary.json": dictionary,
  "province.json": province
};

/** Every file name a page may ask for at the top level. */
export const DATASETS: Record<string, Dataset> = {...COMMUNE_DATASETS, ...SHARED_DATASETS};

/** Every dataset's JSON text by its path in the archive, read from the warehouse at `file` (default KC_DB). */
export async function datasetFiles(file?: string): Promise<Record<string, string>> {
  return withWarehouse(async (sources) => {
    const out: Record<string, string> = {};
    for (const [name, dataset] of Object.entries(DATASETS)) out[name] = stringifyWithBigInt(await dataset(sources));
    const all = await communes(sources.warehouse);
    if (all.length > 1) {
      for (const {code} of all) {
        const own = sources.forCommune(code);
        for (const [name, dataset] of Object.entries(COMMUNE_DATASETS)) out[`xa/${code}/${name}`] = stringifyWithBigInt(await dataset(own));
      }
    }
    return out;
  }, file);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files: Zippable = {};
  for (const [name, text] of Object.entries(await datasetFiles())) files[name] = strToU8(text);
  files["vendor/exceljs.min.js"] = readFileSync(createRequire(import.meta.url).resolve("exceljs/dist/exceljs.min.js"));
  // Deflated: Framework reads the whole archive again for every file it takes out of it, which
  // with a province's communes (a thousand files) cost far more than deflating once.
  process.stdout.write(zipSync(files, {level: 6}));
}
