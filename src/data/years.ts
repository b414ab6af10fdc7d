// Data loader of the plan years and the one every page opens on (view plan_years: the plan year
// holding the data date, failing that the latest), so that Tổng quan, Kế hoạch – Thực hiện, Hoạt
// động and Đánh giá năm all open on the same year.
import {type Sources, hasRelation} from "../lib/warehouse/json.js";

export default async function years(sources: Sources) {
  const {query} = sources;
  if (!(await hasRelation(sources, "plan_years"))) return {years: [], defaultYear: null};
  const rows = await query<{year: number; is_default: boolean}>("SELECT year, is_default FROM plan_years WHERE commune_code = $commune ORDER BY year");
  return {years: rows.map((r) => r.year), defaultYear: rows.find((r) => r.is_default)?.year ?? null};
}
