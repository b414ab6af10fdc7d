// The "Dự thảo kế hoạch năm sau" page's data: the draft's inputs as draftBasis() sums them up from
// the warehouse (reports/plan.ts, the same as the documents' command: the year's requests with
// their facility's last support, the earlier plan by content group, the carry-over proposal, the
// targets; no project, activity or register row), the default envelope (the last plan's new
// money, not chuyển nguồn), what section III says of the year before, and the register by sector.
// The page recomputes the draft live; money is bigint (src/lib/plan/json.ts), the long lists packed.
import {draftBasis} from "../../reports/plan.js";
import {packDraftInputs} from "../lib/plan/draft.js";
import {ownCommune, runInfo} from "../lib/warehouse/open.js";
import {evaluator} from "./evaluation.js";
import type {Sources} from "../lib/warehouse/json.js";

export default async function draftPlanInputs(sources: Sources) {
  const w = sources.warehouse;
  const run = await runInfo(w);
  const {inputs, defaultEnvelope, previous, registry} = await draftBasis(w, run.dataAsOf ? {dataAsOf: run.dataAsOf} : {}, evaluator(sources, run.dataAsOf));
  return {
    run,
    commune: {name: (await ownCommune(w)).name},
    defaultEnvelope,
    inputs: packDraftInputs(inputs),
    previous: previous ?? null,
    registry
  };
}
