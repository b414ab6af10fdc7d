// The latest ingest run, for the "Dữ liệu đến ngày …" line and the sample-data banner that every
// page shows (src/components/data-status.ts).
import type {RunStatus} from "../components/data-status.js";
import type {Sources} from "../lib/warehouse/json.js";

export default async function run({query}: Sources): Promise<RunStatus | null> {
  const [row] = await query<{finished_at: string | null; data_as_of: string | null; is_sample: boolean}>(
    `SELECT finished_at, (SELECT data_as_of FROM commune_dates WHERE commune_code = $commune) AS data_as_of, is_sample
       FROM ingest_runs ORDER BY started_at DESC LIMIT 1`
  );
  if (!row) return null;
  const [counts] = await query<{rejects: number; warnings: number}>(
    "SELECT (SELECT count(*) FROM rejects WHERE commune_code = $commune) AS rejects, (SELECT count(*) FROM warnings WHERE commune_code = $commune) AS warnings"
  );
  return {...row, rejects: counts?.rejects ?? 0, warnings: counts?.warnings ?? 0};
}
