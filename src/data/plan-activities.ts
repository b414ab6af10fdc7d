// Data loader for Kế hoạch – Thực hiện's drill-down: the activities of the plan lines with what
// their table shows and the filters read (view site_plan_activities). The page fetches it at the
// first click on a line; the work on no line is in plan-money.json, drawn at once. No personal field.
import type {Activity} from "../components/budget-model.js";
import type {Row, Sources} from "../lib/warehouse/json.js";

/** An activity row, as the page's model reads it. */
export type PlanActivity = Activity & Row;

/** The columns of an activity row (site_plan_activities), here and in plan-money.json. */
export const ACTIVITY_COLUMNS = `year, activity_id, line_no, title, content_group, funding_source, level, status, committed,
  establishment_id IS NOT NULL AS facility, establishment_name, former_unit, approved_amount, disbursed_amount,
  decision_no, decision_date`;

export default async function planActivities({query}: Sources) {
  return query<PlanActivity>(
    `SELECT ${ACTIVITY_COLUMNS} FROM site_plan_activities
      WHERE commune_code = $commune AND line_no IS NOT NULL ORDER BY year, line_no, activity_id`
  );
}
