// Data loader for "Cơ sở CNNT" (src/co-so.md): every project and plan-year activity of the
// register's facilities, cut into FACILITY_SUPPORT_SHARDS files by the facility's id (shardOf), so
// the page fetches one shard when it shows a facility instead of every facility's history. Why a
// fixed number of files: a page names each file it may fetch as a literal FileAttachment, and the
// build copies only the files named. Only the columns the facility's card shows, packed column by
// column (src/lib/columns.ts). Reads the view site_facility_support (loaders/sql/marts/site_facility.sql).
import type {DetailSupport} from "../components/facility-detail.js";
import {pack, shardOf} from "../lib/columns.js";
import {type Row, type Sources} from "../lib/warehouse/json.js";

export const FACILITY_SUPPORT_SHARDS = 8;

const COLUMNS = [
  "source",
  "establishment_id",
  "support_id",
  "year",
  "level",
  "content_group",
  "title",
  "status",
  "amount",
  "counterpart_amount",
  "jobs_created",
  "result",
  "paid_amount"
] as const satisfies readonly (keyof DetailSupport)[];

/** The file name of shard `k`, as the page names it. */
export const shardFile = (k: number) => `facility-supports-${k}.json`;

async function facilitySupports({query, once}: Sources, shard: number) {
  // Read once for all the shards.
  const rows = await once("facility-supports", () =>
    query<DetailSupport & Row>(
      `SELECT ${COLUMNS.join(", ")} FROM site_facility_support
        WHERE commune_code = $commune ORDER BY establishment_id, year, source, support_id`
    )
  );
  const mine = rows.filter((r) => shardOf(r.establishment_id, FACILITY_SUPPORT_SHARDS) === shard);
  return pack(mine, COLUMNS, ["source", "establishment_id", "level", "content_group", "status"]);
}

/** Every shard's dataset, by file name. */
export const facilitySupportFiles: Record<string, (sources: Sources) => Promise<unknown>> = Object.fromEntries(
  Array.from({length: FACILITY_SUPPORT_SHARDS}, (_, k) => [shardFile(k), (sources: Sources) => facilitySupports(sources, k)])
);
