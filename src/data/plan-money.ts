// Data loader for Kế hoạch – Thực hiện, what the page draws at once: the activities' money summed
// over what the page filters on (view site_plan_cells), from which the budget table and the table
// by source are added up in the browser, and the work booked on no plan line (province, nation,
// or local work missing its line), listed whole. The plan lines are plan-lines.json; a line's
// activities and an activity's vouchers are fetched at the first click (plan-activities.json,
// plan-vouchers.json).
import {ACTIVITY_COLUMNS, type PlanActivity} from "./plan-activities.js";
import type {Cell} from "../components/budget-model.js";
import {packRows} from "../lib/plan/json.js";
import type {Row, Sources} from "../lib/warehouse/json.js";

export default async function planMoney({query}: Sources) {
  const cells = await query<Cell & Row>(
    `SELECT year, line_no, content_group, funding_source, level, former_unit, facility, approved_amount, paid
       FROM site_plan_cells WHERE commune_code = $commune
      ORDER BY year, line_no NULLS LAST, content_group, funding_source, level, former_unit NULLS FIRST, facility`
  );
  const unlinked = await query<PlanActivity>(
    `SELECT ${ACTIVITY_COLUMNS} FROM site_plan_activities
      WHERE commune_code = $commune AND line_no IS NULL ORDER BY year, activity_id`
  );
  return {cells: packRows(cells), unlinked: packRows(unlinked)};
}
