// Data loader of the "Đánh giá năm" page: the evaluation of every plan year in the warehouse
// (reports/evaluation.ts), money as {"$bigint": "…"} (src/lib/plan/json.ts). Runs in Node.
import {evaluate} from "../../reports/evaluation.js";
import {openWarehouse, planYears, runInfo} from "../lib/warehouse/open.js";
import {stringifyWithBigInt} from "../lib/plan/json.js";

const w = await openWarehouse();
try {
  const run = await runInfo(w);
  const years = await planYears(w);
  const evaluations = [];
  for (const year of years) evaluations.push(await evaluate(w, year, run.dataAsOf ? {dataAsOf: run.dataAsOf} : {}));
  process.stdout.write(stringifyWithBigInt({run, years, evaluations}));
} finally {
  w.close();
}
