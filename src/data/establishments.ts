// Data loader for "Cơ sở CNNT" (src/co-so.md): what the page draws, summed in DuckDB (the cards'
// figures, the counts the charts show), and the register as a compact index packed column by
// column (src/lib/columns.ts) holding only the columns the list shows and searches. A facility's
// projects and activities are not here: they come in shards (src/data/facility-supports.ts),
// fetched when a facility is shown. Reads the views of loaders/sql/marts/site_facility.sql,
// column by column: owner names, phones, CCCD, tax codes and extra columns never leave the
// warehouse.
import type {FacilityCounts} from "../components/facility-cards.js";
import type {FacilityCount, OcopCount} from "../components/facility-charts.js";
import type {DetailFacility} from "../components/facility-detail.js";
import {pack} from "../lib/columns.js";
import {type Row, type Sources, hasRelation} from "../lib/warehouse/json.js";

/** A facility of the register as the list, the search and the detail card read it. */
export type FacilityRow = DetailFacility & Row;

const LIST_COLUMNS = [
  "establishment_id",
  "name",
  "kind",
  "sector",
  "village",
  "former_unit",
  "workers",
  "founded_year",
  "main_products",
  "ocop_stars",
  "supports",
  "support_total",
  "last_support_year"
] as const satisfies readonly (keyof FacilityRow)[];

export default async function establishments(sources: Sources) {
  const {query} = sources;
  if (!(await hasRelation(sources, "site_facility_register"))) {
    throw new Error("Kho dữ liệu được dựng trước khi có view site_facility_register: chạy lại npm run ingest.");
  }
  const facilities = await query<FacilityRow>(
    `SELECT ${LIST_COLUMNS.join(", ")} FROM site_facility_register WHERE commune_code = $commune ORDER BY establishment_id`
  );
  const [totals] = await query<FacilityCounts & Row>(
    `SELECT count(*) AS facilities,
            count(workers) AS with_workers,
            CAST(coalesce(sum(workers), 0) AS BIGINT) AS workers,
            count(*) FILTER (WHERE ocop_stars >= 3) AS ocop3,
            count(*) FILTER (WHERE ocop_stars >= 4) AS ocop4,
            count(*) FILTER (WHERE supports > 0) AS supported,
            CAST(coalesce(sum(support_total), 0) AS BIGINT) AS support_total
       FROM site_facility_register WHERE commune_code = $commune`
  );
  // Each facility counted once along each chart's dimension, split by kind.
  const counts = await query<FacilityCount & Row>(
    `WITH r AS (SELECT kind, sector, former_unit FROM site_facility_register WHERE commune_code = $commune)
     SELECT 'sector' AS dimension, sector AS code, kind, count(*) AS n FROM r GROUP BY ALL
     UNION ALL
     SELECT 'former_unit', former_unit, kind, count(*) FROM r GROUP BY ALL
     ORDER BY dimension, code, kind`
  );
  const kinds = await query<{kind: string; n: number} & Row>(
    "SELECT kind, count(*) AS n FROM site_facility_register WHERE commune_code = $commune GROUP BY ALL ORDER BY kind"
  );
  const ocop = await query<OcopCount & Row>(
    `SELECT ocop_stars AS stars, count(*) AS n FROM site_facility_register
      WHERE commune_code = $commune AND ocop_stars > 0 GROUP BY ALL ORDER BY stars`
  );
  const [years] = await query<{from: number | null; to: number | null} & Row>(
    // The projects counted (a project of a plan year is left to the activities file, and not counted).
    `SELECT min(year) AS "from", max(year) AS "to" FROM site_facility_support
      WHERE commune_code = $commune AND source = 'du_an' AND counted`
  );
  return {
    totals: {...totals!, kinds},
    counts,
    ocop,
    projectYears: years?.from == null ? null : years,
    list: pack(facilities, LIST_COLUMNS, ["kind", "sector", "village", "former_unit"])
  };
}
