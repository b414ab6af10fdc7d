// Data loader of the "Dự thảo kế hoạch năm sau" page: the rows the pure draftPlan() needs (no
// personal data: facilities by id and name only, payments by activity and amount only), the
// default envelope (the last plan's total), last year's evaluation and the register by sector.
// The page recomputes the draft live. Runs in Node.
import {evaluate} from "../../reports/evaluation.js";
import {openWarehouse, planYears, readAll, runInfo} from "../../reports/warehouse.js";
import {stringifyWithBigInt} from "../lib/plan/json.js";
import {registryBySector} from "../lib/plan/registry.js";

const w = await openWarehouse();
try {
  const run = await runInfo(w);
  const years = await planYears(w);
  const latest = years.at(-1);
  const fromYear = latest ?? new Date().getFullYear();
  const year = fromYear + 1;
  const rows = await readAll(w);
  const defaultEnvelope = rows.planLines.filter((l) => l.year === fromYear).reduce((s, l) => s + l.total_amount, 0n);
  const previous = latest === undefined ? null : await evaluate(w, latest, run.dataAsOf ? {dataAsOf: run.dataAsOf} : {});
  process.stdout.write(
    stringifyWithBigInt({
      run,
      year,
      fromYear,
      defaultEnvelope: defaultEnvelope > 0n ? defaultEnvelope : null,
      inputs: {
        survey: rows.survey,
        norms: rows.norms,
        planLines: rows.planLines,
        activities: rows.activities,
        // An activity is (plan year, id): ids restart each year, so a voucher carries its plan year.
        disbursements: rows.disbursements.map((d) => ({activity_id: d.activity_id, plan_year: d.plan_year, paid_on: d.paid_on, amount: d.amount})),
        projects: rows.projects,
        establishments: rows.establishments.map((e) => ({establishment_id: e.establishment_id, name: e.name}))
      },
      previous,
      registry: registryBySector(rows.establishments)
    })
  );
} finally {
  w.close();
}
