// Data loader for the history page (src/giai-doan.md): every support of the history through the
// last closed plan year (projects, then the approved activities of closed plan years: view
// site_history_projects) summed by year and level, by content group, sector and former commune,
// per year with counterpart leverage and jobs, the period totals, the facilities supported more
// than once, and the list of projects. Reads the site_history_* views (loaders/sql/marts).
// Facilities by name only (never owner, phone or CCCD); money in đồng; dates "yyyy-mm-dd".
import {type Sources, hasRelation} from "../lib/warehouse/json.js";

export default async function history({query}: Sources) {
  if (!(await hasRelation(query, "site_history_projects"))) return null;
  const [totals] = await query("SELECT * EXCLUDE (commune_code) FROM site_history_totals WHERE commune_code = $commune");
  const yearly = await query("SELECT * EXCLUDE (commune_code) FROM site_history_yearly WHERE commune_code = $commune ORDER BY year");
  const byYearLevel = await query(
    "SELECT year, level, projects, support_amount FROM site_history_support_by_year_level WHERE commune_code = $commune ORDER BY year, position"
  );
  const breakdown = await query(
    `SELECT dimension, code, projects, facilities, support_amount, counterpart_amount, jobs_created
       FROM site_history_support_breakdown WHERE commune_code = $commune ORDER BY dimension, position, code`
  );
  const repeat = await query(
    `SELECT facility_name, former_unit, sector, times, years, levels, support_amount, counterpart_amount
       FROM site_history_repeat_facilities
      WHERE commune_code = $commune
      ORDER BY times DESC, support_amount DESC, facility_name`
  );
  const projects = await query(
    `SELECT project_id, year, level, content_group, title, facility_name, former_unit, decision_no, decision_date,
            support_amount, counterpart_amount, jobs_created
       FROM site_history_projects WHERE commune_code = $commune ORDER BY year, project_id`
  );
  return {totals: totals ?? null, yearly, byYearLevel, breakdown, repeat, projects};
}
