// Data loader for Tổng quan (src/index.md): per plan year, the commune budget to date and at the
// same date of the year before (view site_overview_plan_year_to_date), the facility-count targets
// (site_overview_facility_targets), and the yearly planned / approved / disbursed table
// (plan_vs_actual). Runs at build time in Node (tsx), reads the warehouse read-only, prints JSON.
import type {FacilityKpi} from "../components/kpi.js";
import {withWarehouse, writeJson, type Row} from "./warehouse.js";

export interface OverviewYear extends Row {
  year: number;
  planned_amount: number;
  approved_amount: number;
  disbursed_amount: number;
  lines: number;
}

/** One plan year's cards; money in đồng, dates yyyy-mm-dd; prior_* null when there is nothing to compare. */
export interface OverviewKpi extends Row {
  year: number;
  as_of: string;
  prior_as_of: string;
  planned: number;
  approved: number;
  disbursed: number;
  approved_to_date: number;
  approved_undated: number;
  disbursed_to_date: number;
  /** "ke_hoach": the year before has a plan; "de_an": only 2020–2025 projects; null: nothing. */
  prior_basis: "ke_hoach" | "de_an" | null;
  prior_planned: number | null;
  prior_approved_to_date: number | null;
  prior_approved_undated: number | null;
  prior_disbursed_to_date: number | null;
}

/** The facility card's figures, as the card reads them, with the content groups counted. */
export type OverviewFacilities = FacilityKpi & Row & {content_groups: string[]};

export interface Overview {
  years: OverviewYear[];
  kpis: OverviewKpi[];
  facilities: OverviewFacilities[];
}

const overview = await withWarehouse(
  async (query): Promise<Overview> => ({
    years: await query<OverviewYear>(
      `SELECT year,
              CAST(sum(planned_amount) AS BIGINT) AS planned_amount,
              CAST(sum(approved_amount) AS BIGINT) AS approved_amount,
              CAST(sum(disbursed_amount) AS BIGINT) AS disbursed_amount,
              count(*) AS lines
         FROM plan_vs_actual GROUP BY year ORDER BY year`
    ),
    kpis: await query<OverviewKpi>(`SELECT * FROM site_overview_plan_year_to_date ORDER BY year`),
    facilities: await query<OverviewFacilities>(
      `SELECT year, target_min, target_max, targets, supports, supports_completed, facilities, prior_basis,
              supports_to_date, prior_supports_to_date, content_groups
         FROM site_overview_facility_targets ORDER BY year`
    )
  })
);

writeJson(overview);
