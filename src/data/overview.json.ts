// Data loader for Tổng quan (src/index.md): the latest ingest run, plan vs actual per year, and
// a few counts. Runs at build time in Node (tsx), reads the warehouse read-only, prints JSON.
import {hasRelation, withWarehouse, writeJson, type Row} from "./warehouse.js";

export interface OverviewYear extends Row {
  year: number;
  planned_amount: number;
  approved_amount: number;
  disbursed_amount: number;
  lines: number;
}

export interface Overview {
  run: {finished_at: string | null; is_sample: boolean; data_as_of: string | null} | null;
  years: OverviewYear[];
  counts: Record<string, number>;
}

const COUNTED = ["establishments", "activities", "projects", "disbursements", "rejects", "warnings"] as const;

const overview = await withWarehouse(async (query): Promise<Overview> => {
  const [run] = await query<{finished_at: string | null; is_sample: boolean; data_as_of: string | null}>(
    `SELECT finished_at, is_sample, data_as_of FROM ingest_runs ORDER BY started_at DESC LIMIT 1`
  );
  const years = (await hasRelation(query, "plan_vs_actual"))
    ? await query<OverviewYear>(
        `SELECT year,
                CAST(sum(planned_amount) AS BIGINT) AS planned_amount,
                CAST(sum(approved_amount) AS BIGINT) AS approved_amount,
                CAST(sum(disbursed_amount) AS BIGINT) AS disbursed_amount,
                count(*) AS lines
           FROM plan_vs_actual GROUP BY year ORDER BY year`
      )
    : [];
  const counts: Record<string, number> = {};
  for (const table of COUNTED) {
    if (!(await hasRelation(query, table))) continue;
    const [row] = await query(`SELECT count(*) AS n FROM "${table}"`);
    counts[table] = Number(row?.n ?? 0);
  }
  return {run: run ?? null, years, counts};
});

writeJson(overview);
