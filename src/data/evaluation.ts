// The "Đánh giá năm" page's data: the evaluation of every plan year in the warehouse
// (reports/evaluation.ts), the model the documents are made from; its money is bigint, which the
// archive writes as {"$bigint": "…"} (src/lib/plan/json.ts), and its long lists travel packed
// (packEvaluation). The page's first paint carries what it draws at once (evaluationHead: the
// targets' first page, the first findings, the counts of both); the whole lists are
// evaluation-lists.json, fetched when the user pages, sorts or downloads the targets, opens the
// findings or makes a document (bench:scale, 100×: 900 targets, 500 drawn; 200 findings, 20).
import {evaluate} from "../../reports/evaluation.js";
import {PAGE_ROWS} from "../lib/columns.js";
import {FINDINGS_SHOWN, evaluationHead, evaluationLists, type EvaluationModel} from "../lib/documents/models.js";
import {ownCommune, planYears, runInfo} from "../lib/warehouse/open.js";
import {warehouseCommunes, type Sources} from "../lib/warehouse/json.js";

/** Every plan year's evaluation, made once for both datasets. */
function evaluations(sources: Sources) {
  return sources.once("evaluations", async () => {
    const run = await runInfo(sources.warehouse);
    const years = await planYears(sources.warehouse);
    const evaluateYear = evaluator(sources, run.dataAsOf);
    const all: EvaluationModel[] = [];
    for (const year of years) all.push(await evaluateYear(year));
    return {run, years, all};
  });
}

export default async function evaluation(sources: Sources) {
  const {run, years, all} = await evaluations(sources);
  return {run, years, evaluations: all.map((e) => evaluationHead(e, {targets: PAGE_ROWS, findings: FINDINGS_SHOWN})), commune: {name: (await ownCommune(sources.warehouse, warehouseCommunes(sources))).name}};
}

/** The whole lists of every year (evaluation-lists.json). */
export async function evaluationListsData(sources: Sources) {
  return (await evaluations(sources)).all.map(evaluationLists);
}

/** A year's evaluation as of the data date, made once for these sources: the draft's dataset reads
 * the year before's again. */
export function evaluator(sources: Sources, dataAsOf: string | null | undefined): (year: number) => Promise<EvaluationModel> {
  return (year) => sources.once(`evaluation:${year}:${dataAsOf ?? ""}`, () => evaluate(sources.warehouse, year, dataAsOf ? {dataAsOf} : {}));
}
