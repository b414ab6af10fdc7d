// Data loader for Kế hoạch – Thực hiện: every activity with its facility's name and former commune,
// approved amount, paid amount (net) and decision (view site_plan_activities). No personal field.
import {withWarehouse, writeJson, type Row} from "./warehouse.js";

export interface PlanActivity extends Row {
  year: number;
  activity_id: string;
  line_no: number | null;
  title: string;
  content_group: string;
  funding_source: string;
  level: string;
  status: string;
  committed: boolean;
  establishment_id: string | null;
  establishment_name: string | null;
  former_unit: string | null;
  approved_amount: number | null;
  disbursed_amount: number;
  vouchers: number;
  decision_no: string | null;
  decision_date: string | null;
}

const activities = await withWarehouse((query) =>
  query<PlanActivity>(
    `SELECT year, activity_id, line_no, title, content_group, funding_source, level, status, committed,
            establishment_id, establishment_name, former_unit, approved_amount, disbursed_amount, vouchers,
            decision_no, decision_date
       FROM site_plan_activities ORDER BY year, line_no NULLS LAST, activity_id`
  )
);

writeJson(activities);
