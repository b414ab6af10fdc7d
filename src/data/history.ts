// Data loader for the history page (src/giai-doan.md): every support of the history through the
// last closed plan year (projects, then the approved activities of closed plan years: view
// site_history_projects) summed in DuckDB by year and level, by content group, sector and former
// commune, per year with counterpart leverage and jobs, the period totals and the date of the
// last district decision; and the two long lists, the facilities supported more than once and
// the projects, packed column by column (src/lib/columns.ts) with the columns the lists show.
// Reads the site_history_* views (loaders/sql/marts). Facilities by name only (never owner,
// phone or CCCD); money in đồng; dates "yyyy-mm-dd".
import {pack} from "../lib/columns.js";
import {type Row, type Sources, hasRelation} from "../lib/warehouse/json.js";

const REPEAT_COLUMNS = ["facility_name", "former_unit", "sector", "times", "years", "levels", "support_amount", "counterpart_amount"] as const;
const PROJECT_COLUMNS = [
  "project_id",
  "year",
  "level",
  "content_group",
  "title",
  "facility_name",
  "former_unit",
  "decision_no",
  "decision_date",
  "support_amount",
  "counterpart_amount",
  "jobs_created"
] as const;

export default async function history(sources: Sources) {
  const {query} = sources;
  if (!(await hasRelation(sources, "site_history_projects"))) return null;
  const [totals] = await query("SELECT * EXCLUDE (commune_code) FROM site_history_totals WHERE commune_code = $commune");
  const yearly = await query("SELECT * EXCLUDE (commune_code) FROM site_history_yearly WHERE commune_code = $commune ORDER BY year");
  const byYearLevel = await query(
    "SELECT year, level, projects, support_amount FROM site_history_support_by_year_level WHERE commune_code = $commune ORDER BY year, position"
  );
  const breakdown = await query(
    `SELECT dimension, code, projects, facilities, support_amount, counterpart_amount, jobs_created
       FROM site_history_support_breakdown WHERE commune_code = $commune ORDER BY dimension, position, code`
  );
  const [district] = await query(
    "SELECT max(decision_date) AS last_decision FROM site_history_projects WHERE commune_code = $commune AND level = 'huyen'"
  );
  const repeat = await query<Row>(
    `SELECT ${REPEAT_COLUMNS.join(", ")}
       FROM site_history_repeat_facilities
      WHERE commune_code = $commune
      ORDER BY times DESC, support_amount DESC, facility_name`
  );
  const projects = await query<Row>(
    `SELECT ${PROJECT_COLUMNS.join(", ")} FROM site_history_projects WHERE commune_code = $commune ORDER BY year, project_id`
  );
  return {
    totals: totals ?? null,
    yearly,
    byYearLevel,
    breakdown,
    lastDistrictDecision: district?.last_decision ?? null,
    repeat: pack(repeat, REPEAT_COLUMNS, ["former_unit", "sector", "years", "levels"]),
    // A facility's name on each of its projects, a decision on the many projects it approved, a
    // title on the class or project held again year after year.
    projects: pack(projects, PROJECT_COLUMNS, ["year", "level", "content_group", "title", "facility_name", "former_unit", "decision_no", "decision_date"])
  };
}
