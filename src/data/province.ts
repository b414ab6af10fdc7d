// The province page's data (src/tinh.md): every commune's plan years side by side
// (loaders/sql/marts/province_communes.sql), the same for whichever commune the archive is made.
import {hasRelation, type Sources} from "../lib/warehouse/json.js";

export default async function province({query}: Sources) {
  if (!(await hasRelation(query, "province_communes"))) return {communes: []};
  return {
    communes: await query(
      `SELECT commune_code, commune_name, province, year, planned, approved, disbursed, disbursement_rate, facilities, targets, targets_met
         FROM province_communes ORDER BY year, commune_name`
    )
  };
}
