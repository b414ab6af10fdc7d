// Data loader for Tổng quan's alerts: the budget warnings of the last ingest, most serious first
// (view site_overview_alerts), and how many other warnings and rejected rows the data-quality
// page lists.
import {withWarehouse, writeJson, type Row} from "./warehouse.js";

export interface Alert extends Row {
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

const alerts = await withWarehouse(async (query): Promise<Alerts> => {
  const rows = await query<Alert>(
    `SELECT rule, priority, heading, message FROM site_overview_alerts ORDER BY priority, source_file, source_line`
  );
  const [counts] = await query<{warnings: number; rejects: number}>(
    `SELECT (SELECT count(*) FROM warnings) AS warnings, (SELECT count(*) FROM rejects) AS rejects`
  );
  return {alerts: rows, otherWarnings: Number(counts?.warnings ?? 0) - rows.length, rejects: Number(counts?.rejects ?? 0)};
});

writeJson(alerts);
