// The draft plan of next year from the warehouse: the rows summed up by draftInputs() and the same
// pure draftPlan() the page runs on them, with the evaluation of the year before (section III and
// its carry-over proposal, by the evaluation's rule). The page's data loader (src/data/
// draft-plan.ts) ships what draftBasis() gives; the page recomputes the draft from it.
import {previousYear, type DraftPlanModel, type EvaluationModel, type PreviousYear} from "../src/lib/documents/models.js";
import {draftInputs, draftPlan, newMoney, type DraftInputs} from "../src/lib/plan/draft.js";
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

/** Everything the draft of next year is made from, small enough for the page. */
export interface DraftBasis {
  inputs: DraftInputs;
  /** The new money (not chuyển nguồn) of the year before; null when it had none. */
  defaultEnvelope: bigint | null;
  previous?: PreviousYear;
  registry: NonNullable<DraftPlanModel["registry"]>;
}

/** `evaluateYear`: how the year before is evaluated (a caller that has evaluated it already passes its result). */
export async function draftBasis(
  w: Warehouse,
  options: Pick<PlanOptions, "year" | "dataAsOf"> = {},
  evaluateYear: (year: number) => Promise<EvaluationModel> = (y) => evaluate(w, y, options.dataAsOf ? {dataAsOf: options.dataAsOf} : {})
): Promise<DraftBasis> {
  const years = await planYears(w);
  const latest = years.at(-1);
  const year = options.year ?? (latest === undefined ? new Date().getFullYear() + 1 : latest + 1);
  const rows = await readAll(w);
  const previousMoney = newMoney(rows.planLines, year - 1);
  const evaluation = years.includes(year - 1) ? await evaluateYear(year - 1) : undefined;
  return {
    inputs: draftInputs({...rows, ...(evaluation ? {carryOver: evaluation.carryOver.items} : {})}, {year}),
    defaultEnvelope: previousMoney > 0n ? previousMoney : null,
    ...(evaluation ? {previous: previousYear(evaluation)} : {}),
    registry: registryBySector(rows.establishments)
  };
}

export async function draftFromWarehouse(w: Warehouse, options: PlanOptions = {}): Promise<DraftPlanModel> {
  const {inputs, defaultEnvelope, previous, registry} = await draftBasis(w, options);
  const envelope = options.envelope === undefined ? defaultEnvelope : options.envelope;
  const draft = draftPlan(inputs, {envelope, ...(options.quantities ? {quantities: options.quantities} : {})});
  return {draft, registry, ...(previous ? {previous} : {})};
}
