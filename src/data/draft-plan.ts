// The "Dự thảo kế hoạch năm sau" page's data: the draft's inputs as draftBasis() sums them up from
// the warehouse (reports/plan.ts, the same as the documents' command: the year's requests with
// their facility's last support, the earlier plan by content group, the carry-over proposal, the
// targets; no project, activity or register row), the default envelope (the last plan's new
// money, not chuyển nguồn), what section III says of the year before, and the register by sector.
// The page recomputes the draft live; money is bigint (src/lib/plan/json.ts), the long lists packed.
// Of the requests it carries the labels (facility, wording) of those the page draws at first only
// (drawnFirst): the rest are draft-requests.json, fetched when the user pages, sorts or downloads
// the requests or the list of those a norm reduced, or makes a document (bench:scale, 100×: 2 300
// requests, 500 drawn in the table and 100 of the 1 100 reduced in their list).
import {draftBasis} from "../../reports/plan.js";
import {PAGE_ROWS} from "../lib/columns.js";
import {REDUCED_ROWS, draftPlan, drawnFirst, packDraftInputs, requestLabels, withoutLabels} from "../lib/plan/draft.js";
import {packRows} from "../lib/plan/json.js";
import {ownCommune, runInfo} from "../lib/warehouse/open.js";
import {evaluator} from "./evaluation.js";
import {warehouseCommunes, type Sources} from "../lib/warehouse/json.js";

/** The draft's basis, read once for both datasets. */
function basis(sources: Sources) {
  return sources.once("draft-basis", async () => {
    const run = await runInfo(sources.warehouse);
    return {run, ...(await draftBasis(sources.warehouse, run.dataAsOf ? {dataAsOf: run.dataAsOf} : {}, evaluator(sources, run.dataAsOf)))};
  });
}

export default async function draftPlanInputs(sources: Sources) {
  const {run, inputs, defaultEnvelope, previous, registry} = await basis(sources);
  return {
    run,
    commune: {name: (await ownCommune(sources.warehouse, warehouseCommunes(sources))).name},
    defaultEnvelope,
    // The ranks do not depend on the envelope or the quantities: the first page is the same for any.
    inputs: packDraftInputs(withoutLabels(inputs, drawnFirst(draftPlan(inputs), {requests: PAGE_ROWS, reduced: REDUCED_ROWS}))),
    previous: previous ?? null,
    registry
  };
}

/** Every request's labels (draft-requests.json). */
export async function draftRequestLabels(sources: Sources) {
  const {inputs} = await basis(sources);
  return packRows(requestLabels(inputs));
}
