// The draft plan of next year from the warehouse: the same pure draftPlan() the page runs, fed
// with the warehouse's rows and with the evaluation of the year before (section III and its
// carry-over proposal, by the evaluation's rule).
import type {DraftPlanModel} from "../src/lib/documents/models.js";
import {draftPlan, newMoney} from "../src/lib/plan/draft.js";
import {registryBySector} from "../src/lib/plan/registry.js";
import {evaluate} from "./evaluation.js";
import {planYears, readAll, type Warehouse} from "../src/lib/warehouse/open.js";

export interface PlanOptions {
  year?: number;
  /** null: no envelope; undefined: the new money (not chuyển nguồn) of the year before. */
  envelope?: bigint | null;
  quantities?: Record<string, number>;
  dataAsOf?: string;
}

export async function draftFromWarehouse(w: Warehouse, options: PlanOptions = {}): Promise<DraftPlanModel> {
  const years = await planYears(w);
  const latest = years.at(-1);
  const year = options.year ?? (latest === undefined ? new Date().getFullYear() + 1 : latest + 1);
  const rows = await readAll(w);
  const previousMoney = newMoney(rows.planLines, year - 1);
  const envelope = options.envelope === undefined ? (previousMoney > 0n ? previousMoney : null) : options.envelope;
  const previous = years.includes(year - 1) ? await evaluate(w, year - 1, options.dataAsOf ? {dataAsOf: options.dataAsOf} : {}) : undefined;
  const draft = draftPlan(
    {
      survey: rows.survey,
      norms: rows.norms,
      planLines: rows.planLines,
      planTargets: rows.planTargets,
      activities: rows.activities,
      projects: rows.projects,
      establishments: rows.establishments,
      ...(previous ? {carryOver: previous.carryOver.items} : {})
    },
    {year, envelope, ...(options.quantities ? {quantities: options.quantities} : {})}
  );
  return {draft, registry: registryBySector(rows.establishments), ...(previous ? {previous} : {})};
}
