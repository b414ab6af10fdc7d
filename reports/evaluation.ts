// The year-end evaluation (Đánh giá kết quả năm) computed from the warehouse's report_* macros
// (loaders/sql/marts/report_*.sql) into the EvaluationModel the documents and the page use.
// A year's evaluation stands on one date, 31/12 of the year or the data date if earlier
// (plan_years.evaluation_as_of): vouchers paid by then, statuses as they were then. Files of the
// next year added later change none of its figures; its vouchers paid after that date (the budget's
// adjustment period, naming the year in Năm kế hoạch) are given apart.
import {codeLabel} from "../src/lib/contract/codes.js";
import {formatDate} from "../src/lib/format.js";
import {targetStatus, type BudgetLineResult, type CarryOverItem, type EvaluationModel, type TargetStatus, type YearFigures} from "../src/lib/documents/models.js";
import type {ContentGroup} from "../src/lib/contract/codes.js";
import {reviewEvaluation} from "./review.js";
import {planYears, type Warehouse} from "../src/lib/warehouse/open.js";

export class NoPlanYear extends Error {
  override name = "NoPlanYear";
}

/** The year asked for when it is there; by default the year the pages open on (plan_years.is_default). */
export async function evaluationYear(w: Warehouse, year?: number): Promise<number> {
  const years = await planYears(w);
  if (years.length === 0) throw new NoPlanYear("Kho dữ liệu chưa có kế hoạch năm nào (plan_lines, plan_targets).");
  if (year === undefined) {
    const [d] = await w.query("SELECT year FROM plan_years WHERE commune_code = $commune AND is_default");
    return d?.year === undefined ? years.at(-1)! : Number(d.year);
  }
  if (!years.includes(year)) throw new NoPlanYear(`Kho dữ liệu không có kế hoạch năm ${year} (có: ${years.join(", ")}).`);
  return year;
}

const big = (v: unknown): bigint => (v === undefined || v === null ? 0n : BigInt(v as bigint | number | string));
const num = (v: unknown): number => (v === undefined || v === null ? 0 : Number(v));
const rate = (v: unknown): number | null => (v === undefined || v === null ? null : Number(v));

/** Whole-đồng average, rounded half up. */
function average(total: bigint, n: number): bigint {
  if (n <= 0) return 0n;
  const d = BigInt(n);
  return (total * 2n + d) / (2n * d);
}

/** The date the evaluation of `year` stands on (ISO): 31/12 of the year, or the data date if earlier. */
async function evaluationDate(w: Warehouse, year: number, dataAsOf?: string): Promise<string> {
  const yearEnd = `${year}-12-31`;
  if (dataAsOf !== undefined) return dataAsOf < yearEnd ? dataAsOf : yearEnd;
  const [row] = await w.query("SELECT strftime(evaluation_as_of, '%Y-%m-%d') AS d FROM plan_years WHERE commune_code = $commune AND year = $year", {year});
  return row?.d === undefined ? yearEnd : String(row.d);
}

/** `options.dataAsOf`: the data date (ISO); by default the latest ingest's. */
export async function evaluate(w: Warehouse, year: number, options: {dataAsOf?: string} = {}): Promise<EvaluationModel> {
  const y = Number(year);
  const asOf = await evaluationDate(w, y, options.dataAsOf);
  // Every query of the evaluation stands on the same date and year, bound.
  const at = {on: asOf, y};
  const on = "CAST($on AS DATE)";

  const targets = (await w.query(`SELECT * FROM target_progress_on(${on}) WHERE commune_code = $commune AND year = $y ORDER BY position`, at)).map((t) => {
    const achieved = num(t.achieved);
    const status = String(t.status) as TargetStatus;
    // The view and the shared rule must agree.
    if (status !== targetStatus(achieved, num(t.target_min), num(t.target_max))) throw new Error(`target_progress: trạng thái lệch ở chỉ tiêu ${String(t.indicator)}`);
    return {
      indicator: String(t.indicator),
      content_group: String(t.content_group) as ContentGroup,
      description: String(t.description),
      unit: String(t.unit),
      target_min: num(t.target_min),
      target_max: num(t.target_max),
      achieved,
      status,
      activities: num(t.completed_activities)
    };
  });

  const lines: BudgetLineResult[] = (await w.query(`SELECT * FROM plan_vs_actual_on(${on}) WHERE commune_code = $commune AND year = $y ORDER BY line_no`, at)).map((l) => ({
    line_no: num(l.line_no),
    content_group: String(l.content_group) as ContentGroup,
    description: String(l.description),
    planned_quantity: num(l.planned_quantity),
    planned_unit: big(l.planned_unit_amount),
    planned_amount: big(l.planned_amount),
    approved_amount: big(l.approved_amount),
    disbursed_amount: big(l.disbursed_amount),
    commitment_rate: rate(l.commitment_rate),
    disbursement_rate: rate(l.disbursement_rate)
  }));
  const [b] = await w.query(`SELECT * FROM report_budget_on(${on}) WHERE commune_code = $commune AND year = $y`, at);

  const [o] = await w.query(`SELECT * FROM report_outcomes_on(${on}) WHERE commune_code = $commune AND year = $y`, at);
  const facilities = await w.query(`SELECT * FROM report_facilities_on(${on}) WHERE commune_code = $commune AND year = $y ORDER BY dimension, position`, at);
  const by = (dimension: string) =>
    facilities.filter((f) => f.dimension === dimension).map((f) => ({code: String(f.code), label: String(f.label), count: num(f.facilities)}));
  const support = big(o?.support);
  const counterpart = big(o?.counterpart);

  // The years before this one that have data, each counted as report_yearly counts it: the
  // projects file's years, and earlier plan years as they stood at their own year end.
  const yearly = await w.query(`SELECT year, sum(supports) AS supports, sum(facilities) AS facilities, sum(support) AS support,
                                       sum(counterpart) AS counterpart, sum(jobs) AS jobs, string_agg(DISTINCT source, ',' ORDER BY source) AS sources
                                  FROM report_yearly WHERE commune_code = $commune GROUP BY year ORDER BY year`);
  const history = yearly.filter((r) => num(r.year) < y);
  const fromYear = history.length > 0 ? num(history[0]!.year) : y - 6;
  const toYear = history.length > 0 ? num(history.at(-1)!.year) : y - 1;
  const years = toYear - fromYear + 1;
  const totalOf = (key: string) => history.reduce((s, r) => s + big(r[key]), 0n);
  const average2 = (key: string) => Number(totalOf(key)) / years;
  const avg: YearFigures = {
    supports: average2("supports"),
    facilities: average2("facilities"),
    support: average(totalOf("support"), years),
    counterpart: average(totalOf("counterpart"), years),
    jobs: average2("jobs")
  };
  const cur = yearly.find((r) => num(r.year) === y);
  const current: YearFigures = {
    supports: num(cur?.supports),
    facilities: num(cur?.facilities),
    support: big(cur?.support),
    counterpart: big(cur?.counterpart),
    jobs: num(cur?.jobs)
  };
  const yearsOf = (source: string) => history.filter((r) => String(r.sources).split(",").includes(source)).map((r) => num(r.year));
  const span = (ys: number[]) => (ys.length === 1 ? `năm ${ys[0]}` : `${ys[0]} - ${ys.at(-1)}`);
  const bases = [
    ...(yearsOf("du_an").length > 0 ? [`các đề án đã hỗ trợ (${span(yearsOf("du_an"))}, mọi cấp)`] : []),
    ...(yearsOf("hoat_dong").length > 0 ? [`các hoạt động đã phê duyệt đến cuối năm (${span(yearsOf("hoat_dong"))}, mọi cấp, không kể hoạt động hủy và hoạt động chuyển nguồn)`] : [])
  ];

  const money = await w.query(`SELECT * FROM report_carry_over_on(${on}) WHERE commune_code = $commune AND year = $y ORDER BY coalesce(line_no, 999), activity_id`, at);
  const item = (c: (typeof money)[number]): CarryOverItem => ({
    activity_id: String(c.activity_id),
    ...(c.carried_from_id === undefined ? {} : {carriedFrom: {year: num(c.carried_from_year), activity_id: String(c.carried_from_id)}}),
    title: String(c.title),
    ...(c.establishment_name === undefined ? {} : {establishment_name: String(c.establishment_name)}),
    status: codeLabel("status", String(c.status)),
    ...(c.decision_no === undefined ? {} : {decision_no: String(c.decision_no)}),
    approved: big(c.approved),
    disbursed: big(c.disbursed),
    remainder: big(c.remainder)
  });
  const items = money.filter((c) => c.kind === "chuyen_nguon").map(item);

  const [late] = await w.query(
    `SELECT count(*) AS vouchers, CAST(coalesce(sum(d.amount), 0) AS BIGINT) AS amount, strftime(max(d.paid_on), '%Y-%m-%d') AS last_paid_on
       FROM disbursements d JOIN activities a ON a.commune_code = d.commune_code AND a.year = d.plan_year AND a.activity_id = d.activity_id
      WHERE d.commune_code = $commune AND d.plan_year = $y AND d.paid_on > ${on} AND a.line_no IS NOT NULL`,
    at
  );

  return reviewEvaluation(w, {
    year: y,
    dataAsOf: asOf,
    targets,
    budget: {
      lines,
      planned: big(b?.planned),
      approved: big(b?.approved),
      disbursed: big(b?.disbursed),
      recovered: big(b?.recovered),
      commitment_rate: rate(b?.commitment_rate),
      disbursement_rate: rate(b?.disbursement_rate),
      otherLevels: {activities: num(b?.other_activities), approved: big(b?.other_approved), disbursed: big(b?.other_disbursed)}
    },
    outcomes: {
      facilities: num(o?.facilities),
      byKind: by("kind"),
      bySector: by("sector"),
      activitiesCompleted: num(o?.completed),
      activitiesInProgress: num(o?.in_progress),
      activitiesCancelled: num(o?.cancelled),
      participants: num(o?.participants),
      jobs: num(o?.jobs),
      support,
      counterpart,
      leverage: support > 0n ? Number(counterpart) / Number(support) : null
    },
    history: {
      fromYear,
      toYear,
      average: avg,
      current,
      basis: `Bình quân ${fromYear} - ${toYear} (${years} năm) tính theo ${bases.join(" và ") || "không có số liệu"}; năm ${y} tính theo các hoạt động đã phê duyệt đến ngày ${formatDate(asOf)}, không kể hoạt động hủy và hoạt động chuyển nguồn (mọi cấp).`
    },
    ...(num(late?.vouchers) > 0
      ? {adjustment: {vouchers: num(late?.vouchers), amount: big(late?.amount), lastPaidOn: String(late?.last_paid_on)}}
      : {}),
    carryOver: {
      items,
      total: items.reduce((s, c) => s + c.remainder, 0n),
      unsettled: money.filter((c) => c.kind === "quyet_toan").map(item)
    }
  });
}
