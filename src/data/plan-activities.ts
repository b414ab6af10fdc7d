// Data loader for Kế hoạch – Thực hiện: every activity with its facility's name and former commune,
// approved amount, paid amount (net) and decision (view site_plan_activities). No personal field.
import type {Activity} from "../components/budget-model.js";
import type {Row, Sources} from "../lib/warehouse/json.js";

/** An activity row, as the page's model reads it, with its number of vouchers. */
export type PlanActivity = Activity & Row & {vouchers: number};

export default async function planActivities({query}: Sources) {
  return query<PlanActivity>(
    `SELECT year, activity_id, line_no, title, content_group, funding_source, level, status, committed,
            establishment_id, establishment_name, former_unit, approved_amount, disbursed_amount, vouchers,
            decision_no, decision_date
       FROM site_plan_activities WHERE commune_code = $commune ORDER BY year, line_no NULLS LAST, activity_id`
  );
}
