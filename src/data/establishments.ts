// Data loader for "Cơ sở CNNT" (src/co-so.md): the facility register with its support counts, and
// every project (the projects file's years: `projectYears`) and plan-year activity of each
// facility. Reads the views of loaders/sql/marts/site_facility.sql, column by column: owner names,
// phones, CCCD, tax codes and extra columns never leave the warehouse.
import type {DetailFacility, DetailSupport} from "../components/facility-detail.js";
import {type Row, type Sources, hasRelation} from "../lib/warehouse/json.js";

/** A facility of the register, as the detail card reads it, with its other activities. */
export type FacilityRow = DetailFacility & Row & {other_activities: number};

/** One project or activity of a facility, as the detail card reads it, with its decision. */
export type SupportRow = DetailSupport & Row & {decision_no: string | null; decision_date: string | null; completed_on: string | null};

export default async function establishments({query}: Sources) {
  if (!(await hasRelation(query, "site_facility_register"))) {
    throw new Error("Kho dữ liệu được dựng trước khi có view site_facility_register: chạy lại npm run ingest.");
  }
  const facilities = await query<FacilityRow>(
    `SELECT establishment_id, name, kind, sector, village, former_unit, workers, founded_year, main_products,
            ocop_stars, supports, support_total, last_support_year, other_activities
       FROM site_facility_register
      WHERE commune_code = $commune
      ORDER BY establishment_id`
  );
  const supports = await query<SupportRow>(
    `SELECT source, establishment_id, support_id, year, level, content_group, title, status, amount,
            counterpart_amount, jobs_created, result, decision_no, decision_date, paid_amount, completed_on, counted
       FROM site_facility_support
      WHERE commune_code = $commune
      ORDER BY establishment_id, year, source, support_id`
  );
  // The projects counted (a project of a plan year is left to the activities file, and not counted).
  const projectYears = supports.filter((s) => s.source === "du_an" && s.counted).map((s) => Number(s.year));
  return {facilities, supports, projectYears: projectYears.length ? {from: Math.min(...projectYears), to: Math.max(...projectYears)} : null};
}
