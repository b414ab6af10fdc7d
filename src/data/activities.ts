// Data loader for Hoạt động (src/hoat-dong.md): the plan year's activities with their status,
// the count and money per status, and the year's output targets against the completed work as
// they stood on the year's evaluation date (31/12, or the data date if earlier: plan_years), so a
// closed year shows the results its evaluation reports, whatever later files add.
// Reads the site_activity_* views (loaders/sql/marts). Only what the page shows: the facility by
// name (never owner, phone or CCCD), money in đồng, dates "yyyy-mm-dd". The activities and the
// targets, which grow with the data, travel packed (packRows).
import {packRows} from "../lib/plan/json.js";
import {type Sources, hasRelation} from "../lib/warehouse/json.js";

export default async function activities(sources: Sources) {
  const {query} = sources;
  if (!(await hasRelation(sources, "site_activity_list"))) return {years: [], statuses: [], activities: packRows([]), targets: packRows([]), asOf: []};
  const activities = await query(
    `SELECT year, activity_id, title, content_group, establishment_name, level, status,
            approved_amount, disbursed_amount, decision_date, completed_on, participants, jobs_created
       FROM site_activity_list
      WHERE commune_code = $commune
      ORDER BY year, activity_id`
  );
  const statuses = await query(
    `SELECT year, status, activities, approved_amount, disbursed_amount
       FROM site_activity_status WHERE commune_code = $commune ORDER BY year, position`
  );
  const asOf = await query<{year: number; as_of: string; closed: boolean}>(
    "SELECT year, strftime(evaluation_as_of, '%Y-%m-%d') AS as_of, closed FROM plan_years WHERE commune_code = $commune ORDER BY year"
  );
  const targets = [];
  for (const {year, as_of} of asOf) {
    targets.push(
      ...(await query(
        `SELECT year, indicator, description, unit, target_min, target_max,
                achieved, completed_activities, in_progress, in_progress_activities, status
           FROM target_progress_on(CAST($asOf AS DATE)) WHERE commune_code = $commune AND year = $year ORDER BY position`,
        {asOf: as_of, year}
      ))
    );
  }
  const years = [...new Set([...activities, ...targets].map((r) => Number(r.year)))].sort((a, b) => a - b);
  return {years, statuses, activities: packRows(activities), targets: packRows(targets), asOf};
}
