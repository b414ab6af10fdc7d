// Data loader for Tổng quan (src/index.md): per plan year, the commune budget to date and at the
// same date of the year before (view site_overview_plan_year_to_date), the facility-count targets
// (site_overview_facility_targets), and the yearly planned / approved / disbursed table
// (plan_vs_actual). Runs at build time in Node (tsx), reads the warehouse read-only, prints JSON.
import type {FacilityKpi, PlanYearKpi} from "../components/kpi.js";
import type {Row, Sources} from "../lib/warehouse/json.js";

export interface OverviewYear extends Row {
  year: number;
  planned_amount: number;
  approved_amount: number;
  disbursed_amount: number;
  lines: number;
}

/** One plan year's cards, as the cards read them. */
export type OverviewKpi = PlanYearKpi & Row;

/** The facility card's figures, as the card reads them, with the content groups counted. */
export type OverviewFacilities = FacilityKpi & Row & {content_groups: string[]};

export interface Overview {
  years: OverviewYear[];
  kpis: OverviewKpi[];
  facilities: OverviewFacilities[];
}

export default async function overview({query}: Sources): Promise<Overview> {
  return {
    years: await query<OverviewYear>(
      `SELECT year,
              CAST(sum(planned_amount) AS BIGINT) AS planned_amount,
              CAST(sum(approved_amount) AS BIGINT) AS approved_amount,
              CAST(sum(disbursed_amount) AS BIGINT) AS disbursed_amount,
              count(*) AS lines
         FROM plan_vs_actual WHERE commune_code = $commune GROUP BY year ORDER BY year`
    ),
    kpis: await query<OverviewKpi>(`SELECT * EXCLUDE (commune_code) FROM site_overview_plan_year_to_date WHERE commune_code = $commune ORDER BY year`),
    facilities: await query<OverviewFacilities>(
      `SELECT year, target_min, target_max, targets, supports, supports_completed, facilities, prior_basis,
              supports_to_date, prior_supports_to_date, content_groups
         FROM site_overview_facility_targets WHERE commune_code = $commune ORDER BY year`
    )
  };
}
