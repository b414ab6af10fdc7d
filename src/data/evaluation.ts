// The "Đánh giá năm" page's data: the evaluation of every plan year in the warehouse
// (reports/evaluation.ts), the model the documents are made from; its money is bigint, which the
// archive writes as {"$bigint": "…"} (src/lib/plan/json.ts), and its long lists travel packed
// (packEvaluation): the page draws every row of them.
import {evaluate} from "../../reports/evaluation.js";
import {packEvaluation, type EvaluationModel} from "../lib/documents/models.js";
import {ownCommune, planYears, runInfo} from "../lib/warehouse/open.js";
import type {Sources} from "../lib/warehouse/json.js";

export default async function evaluation(sources: Sources) {
  const {warehouse} = sources;
  const run = await runInfo(warehouse);
  const years = await planYears(warehouse);
  const evaluateYear = evaluator(sources, run.dataAsOf);
  const evaluations = [];
  for (const year of years) evaluations.push(packEvaluation(await evaluateYear(year)));
  return {run, years, evaluations, commune: {name: (await ownCommune(warehouse)).name}};
}

/** A year's evaluation as of the data date, made once for these sources: the draft's dataset reads
 * the year before's again. */
export function evaluator(sources: Sources, dataAsOf: string | null | undefined): (year: number) => Promise<EvaluationModel> {
  return (year) => sources.once(`evaluation:${year}:${dataAsOf ?? ""}`, () => evaluate(sources.warehouse, year, dataAsOf ? {dataAsOf} : {}));
}
