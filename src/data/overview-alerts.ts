// Data loader for Tổng quan's alerts: the budget warnings of the last ingest with their plan year,
// most serious first (view site_overview_alerts), and how many other warnings and rejected rows the data-quality
// page lists.
import type {Row, Sources} from "../lib/warehouse/json.js";

export interface Alert extends Row {
  /** The plan year of the warned row (null: a row of no plan year). */
  year: number | null;
  rule: string;
  priority: number;
  heading: string;
  message: string;
}

export interface Alerts {
  alerts: Alert[];
  otherWarnings: number;
  rejects: number;
}

export default async function overviewAlerts({query}: Sources): Promise<Alerts> {
  const rows = await query<Alert>(
    `SELECT year, rule, priority, heading, message FROM site_overview_alerts WHERE commune_code = $commune ORDER BY priority, source_file, source_line`
  );
  const [counts] = await query<{warnings: number; rejects: number}>(
    `SELECT (SELECT count(*) FROM warnings WHERE commune_code = $commune) AS warnings, (SELECT count(*) FROM rejects WHERE commune_code = $commune) AS rejects`
  );
  return {alerts: rows, otherWarnings: Number(counts?.warnings ?? 0) - rows.length, rejects: Number(counts?.rejects ?? 0)};
}
