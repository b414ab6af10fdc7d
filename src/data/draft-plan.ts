// The "Dự thảo kế hoạch năm sau" page's data: the rows the pure draftPlan() needs (no
// personal data: facilities by id and name only), the default envelope (the last plan's new
// money, not chuyển nguồn), last year's evaluation (with its carry-over proposal) and the
// register by sector. The page recomputes the draft live; money is bigint (src/lib/plan/json.ts).
import {evaluate} from "../../reports/evaluation.js";
import {ownCommune, planYears, readAll, runInfo} from "../lib/warehouse/open.js";
import type {Sources} from "../lib/warehouse/json.js";
import {newMoney} from "../lib/plan/draft.js";
import {registryBySector} from "../lib/plan/registry.js";

export default async function draftPlanInputs({warehouse: w}: Sources) {
  const run = await runInfo(w);
  const years = await planYears(w);
  const latest = years.at(-1);
  const fromYear = latest ?? new Date().getFullYear();
  const year = fromYear + 1;
  const rows = await readAll(w);
  const defaultEnvelope = newMoney(rows.planLines, fromYear);
  const previous = latest === undefined ? null : await evaluate(w, latest, run.dataAsOf ? {dataAsOf: run.dataAsOf} : {});
  return {
    run,
    commune: {name: (await ownCommune(w)).name},
    year,
    fromYear,
    defaultEnvelope: defaultEnvelope > 0n ? defaultEnvelope : null,
    inputs: {
      survey: rows.survey,
      norms: rows.norms,
      planLines: rows.planLines,
      planTargets: rows.planTargets,
      activities: rows.activities,
      carryOver: previous?.carryOver.items ?? [],
      projects: rows.projects,
      establishments: rows.establishments.map((e) => ({establishment_id: e.establishment_id, name: e.name}))
    },
    previous,
    registry: registryBySector(rows.establishments)
  };
}
