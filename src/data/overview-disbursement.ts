// Data loader for Tổng quan's monthly disbursement chart: per plan year and month, the commune
// budget's payments (net of recoveries) and their running total (view site_overview_disbursement_by_month).
import type {Row, Sources} from "../lib/warehouse/json.js";

export interface DisbursementMonth extends Row {
  year: number;
  month: number;
  planned: number;
  disbursed: number;
  cumulative: number;
}

export default async function overviewDisbursement({query}: Sources) {
  return query<DisbursementMonth>(`SELECT year, month, planned, disbursed, cumulative FROM site_overview_disbursement_by_month WHERE commune_code = $commune ORDER BY year, month`);
}
