// The province page's data (src/tinh.md): every commune's plan years side by side
// (loaders/sql/marts/province_communes.sql), and the last run over all of them (its status line
// counts every commune's rejected rows and warnings), the same for whichever commune the archive
// is made.
import type {RunStatus} from "../components/data-status.js";
import {hasRelation, type Row, type Sources} from "../lib/warehouse/json.js";

export default async function province(sources: Sources) {
  const {query} = sources;
  if (!(await hasRelation(sources, "province_communes"))) return {run: null, communes: []};
  const [run] = await query<RunStatus & Row>(
    `SELECT finished_at, data_as_of, is_sample, (SELECT count(*) FROM rejects) AS rejects, (SELECT count(*) FROM warnings) AS warnings
       FROM ingest_runs ORDER BY started_at DESC LIMIT 1`
  );
  return {
    run: run ?? null,
    communes: await query(
      `SELECT commune_code, commune_name, province, year, planned, approved, disbursed, disbursement_rate, facilities, targets, targets_met
         FROM province_communes ORDER BY year, commune_name`
    )
  };
}
