// The site's one data loader: every dataset of src/data/ as a file of one archive, which Framework
// unpacks for the pages (`FileAttachment("data/overview.json")` is overview.json in data.zip). The
// files are the home commune's (the data folder's own, else the first by code). The other
// communes' pages of a province read the same datasets written as plain files by
// scripts/commune-data.ts (communeFiles), not from here.
//
// Why one archive: Framework runs each loader in a process of its own, and each process pays a tsx
// start and a DuckDB load; one loader per dataset doubled a cold build (scripts/SITE.md). Here every
// dataset reads the same read-only connection in one process. A dataset is a module of src/data/
// whose default export takes the warehouse's sources (src/lib/warehouse/json.ts) and returns the
// page's value; bigint money travels as {"$bigint": "…"} (src/lib/plan/json.ts).
import {resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {strToU8, zipSync, type Zippable} from "fflate";
import {stringifyWithBigInt} from "./lib/plan/json.js";
import {withWarehouse, type Sources} from "./lib/warehouse/json.js";
import activities from "./data/activities.js";
import commune from "./data/commune.js";
import dictionary from "./data/dictionary.js";
import draftPlan, {draftRequestLabels} from "./data/draft-plan.js";
import establishments from "./data/establishments.js";
import evaluation, {evaluationListsData} from "./data/evaluation.js";
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
  "draft-requests.json": draftRequestLabels,
  "establishments.json": establishments,
  "evaluation.json": evaluation,
  "evaluation-lists.json": evaluationListsData,
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

/** One commune's datasets as JSON text by file name. */
export async function communeFiles(sources: Sources): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, dataset] of Object.entries(COMMUNE_DATASETS)) out[name] = stringifyWithBigInt(await dataset(sources));
  return out;
}

/** The archive's datasets as JSON text by file name (the home commune's and the warehouse's), read from the warehouse at `file` (default KC_DB). */
export async function datasetFiles(file?: string): Promise<Record<string, string>> {
  return withWarehouse(async (sources) => {
    const out = await communeFiles(sources);
    for (const [name, dataset] of Object.entries(SHARED_DATASETS)) out[name] = stringifyWithBigInt(await dataset(sources));
    return out;
  }, file);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files: Zippable = {};
  for (const [name, text] of Object.entries(await datasetFiles())) files[name] = strToU8(text);
  // Deflated: Framework reads the whole archive again for every file it takes out of it.
  process.stdout.write(zipSync(files, {level: 6}));
}
