// The draft plan of next year from the warehouse: the same pure draftPlan() the page runs, fed
// with the warehouse's rows, plus last year's evaluation for section III.
import type {DraftPlanModel} from "../src/lib/documents/models.js";
import {draftPlan} from "../src/lib/plan/draft.js";
import {registryBySector} from "../src/lib/plan/registry.js";
import {evaluate} from "./evaluation.js";
import {planYears, readAll, type Warehouse} from "./warehouse.js";

export interface PlanOptions {
  year?: number;
  /** null: no envelope; undefined: the previous plan year's total. */
  envelope?: bigint | null;
  quantities?: Record<string, number>;
  dataAsOf?: string;
}

export async function draftFromWarehouse(w: Warehouse, options: PlanOptions = {}): Promise<DraftPlanModel> {
  const years = await planYears(w);
  const latest = years.at(-1);
  const year = options.year ?? (latest === undefined ? new Date().getFullYear() + 1 : latest + 1);
  const rows = await readAll(w);
  const previousTotal = rows.planLines.filter((l) => l.year === year - 1).reduce((s, l) => s + l.total_amount, 0n);
  const envelope = options.envelope === undefined ? (previousTotal > 0n ? previousTotal : null) : options.envelope;
  const draft = draftPlan(
    {
      survey: rows.survey,
      norms: rows.norms,
      planLines: rows.planLines,
      activities: rows.activities,
      disbursements: rows.disbursements,
      projects: rows.projects,
      establishments: rows.establishments
    },
    {year, envelope, ...(options.quantities ? {quantities: options.quantities} : {})}
  );
  const model: DraftPlanModel = {draft, registry: registryBySector(rows.establishments)};
  if (years.includes(year - 1)) model.previous = await evaluate(w, year - 1, options.dataAsOf ? {dataAsOf: options.dataAsOf} : {});
  return model;
}
