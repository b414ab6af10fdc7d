// Data loader for the budget lines (Kế hoạch – Thực hiện, Tổng quan): every plan line of every
// plan year as plan_vs_actual has it: planned quantity, unit amount and total, approved
// (committed) and disbursed amounts in đồng.
import type {Line} from "../components/budget-model.js";
import type {Row, Sources} from "../lib/warehouse/json.js";

/** A budget line, as the page's model reads it, with its committed and disbursed money. */
export type PlanLine = Line & Row & {approved_amount: number; disbursed_amount: number};

export default async function planLines({query}: Sources) {
  return query<PlanLine>(
    `SELECT year, line_no, content_group, description, funding_source, planned_quantity, planned_unit_amount,
            planned_amount, approved_amount, disbursed_amount
       FROM plan_vs_actual WHERE commune_code = $commune ORDER BY year, line_no`
  );
}
