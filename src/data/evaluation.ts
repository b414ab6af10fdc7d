// The "Đánh giá năm" page's data: the evaluation of every plan year in the warehouse
// (reports/evaluation.ts), the model the documents are made from; its money is bigint, which the
// archive writes as {"$bigint": "…"} (src/lib/plan/json.ts), and its long lists travel packed
// (packEvaluation): the page draws every row of them.
import {evaluate} from "../../reports/evaluation.js";
import {packEvaluation} from "../lib/documents/models.js";
import {ownCommune, planYears, runInfo} from "../lib/warehouse/open.js";
import type {Sources} from "../lib/warehouse/json.js";

export default async function evaluation({warehouse}: Sources) {
  const run = await runInfo(warehouse);
  const years = await planYears(warehouse);
  const evaluations = [];
  for (const year of years) evaluations.push(packEvaluation(await evaluate(warehouse, year, run.dataAsOf ? {dataAsOf: run.dataAsOf} : {})));
  return {run, years, evaluations, commune: {name: (await ownCommune(warehouse)).name}};
}
