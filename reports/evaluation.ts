// The year-end evaluation (Đánh giá kết quả năm) computed from the warehouse's report_* macros
// (loaders/sql/marts/report_*.sql) into the EvaluationModel the documents and the page use.
// A year's evaluation stands on one date, 31/12 of the year or the data date if earlier
// (plan_years.evaluation_as_of): vouchers paid by then, statuses as they were then. Files of the
// next year added later change none of its figures; its vouchers paid after that date (the budget's
// adjustment period, naming the year in Năm kế hoạch) are given apart.
import {codeLabel} from "../src/lib/contract/codes.js";
import {formatDate} from "../src/lib/format.js";
import {targetStatus, type BudgetLineResult, type CarryOverItem, type CountBy, type EvaluationModel, type TargetResult, type TargetStatus, type YearFigures} from "../src/lib/documents/models.js";
import type {ContentGroup} from "../src/lib/contract/codes.js";
import {reviewEvaluation} from "./review.js";
import {planYears, type Row, type Warehouse} from "../src/lib/warehouse/open.js";

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
  const b: Bound = {w, y, asOf: await evaluationDate(w, y, options.dataAsOf)};
  return reviewEvaluation(w, {
    year: y,
    dataAsOf: b.asOf,
    targets: await targetsReached(b),
    budget: await budgetSpent(b),
    outcomes: await outcomesOf(b),
    history: await comparedWithPastYears(b),
    ...(await paidAfterEvaluationDate(b)),
    carryOver: await carryOverProposed(b)
  });
}

/** Every query of an evaluation stands on the same date and year, bound as $on and $y. */
interface Bound {
  w: Warehouse;
  y: number;
  /** The evaluation date (ISO). */
  asOf: string;
}

const ON = "CAST($on AS DATE)";

function queryOn(b: Bound, sql: string): Promise<Row[]> {
  return b.w.query(sql, {on: b.asOf, y: b.y});
}

/** The commune's rows of the year from a report macro, as they stood on the evaluation date. */
function rowsOn(b: Bound, macro: string, orderBy?: string): Promise<Row[]> {
  return queryOn(b, `SELECT * FROM ${macro}(${ON}) WHERE commune_code = $commune AND year = $y${orderBy === undefined ? "" : ` ORDER BY ${orderBy}`}`);
}

async function targetsReached(b: Bound): Promise<TargetResult[]> {
  return (await rowsOn(b, "target_progress_on", "position")).map(targetResult);
}

function targetResult(t: Row): TargetResult {
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
}

async function budgetSpent(b: Bound): Promise<EvaluationModel["budget"]> {
  const lines = (await rowsOn(b, "plan_vs_actual_on", "line_no")).map(budgetLine);
  const [t] = await rowsOn(b, "report_budget_on");
  return {
    lines,
    planned: big(t?.planned),
    approved: big(t?.approved),
    disbursed: big(t?.disbursed),
    recovered: big(t?.recovered),
    commitment_rate: rate(t?.commitment_rate),
    disbursement_rate: rate(t?.disbursement_rate),
    otherLevels: {activities: num(t?.other_activities), approved: big(t?.other_approved), disbursed: big(t?.other_disbursed)}
  };
}

const budgetLine = (l: Row): BudgetLineResult => ({
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
});

async function outcomesOf(b: Bound): Promise<EvaluationModel["outcomes"]> {
  const [o] = await rowsOn(b, "report_outcomes_on");
  const facilities = await rowsOn(b, "report_facilities_on", "dimension, position");
  const by = (dimension: string): CountBy[] =>
    facilities.filter((f) => f.dimension === dimension).map((f) => ({code: String(f.code), label: String(f.label), count: num(f.facilities)}));
  const support = big(o?.support);
  const counterpart = big(o?.counterpart);
  return {
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
  };
}

/** The year beside the average of the years before it that have data (the last six when none has). */
async function comparedWithPastYears(b: Bound): Promise<EvaluationModel["history"]> {
  const yearly = await yearlyFigures(b.w);
  const history = yearly.filter((r) => num(r.year) < b.y);
  const fromYear = history.length > 0 ? num(history[0]!.year) : b.y - 6;
  const toYear = history.length > 0 ? num(history.at(-1)!.year) : b.y - 1;
  const years = toYear - fromYear + 1;
  return {
    fromYear,
    toYear,
    average: averageOf(history, years),
    current: figuresOf(yearly.find((r) => num(r.year) === b.y)),
    basis: `Bình quân ${fromYear} - ${toYear} (${years} năm) tính theo ${pastBases(history).join(" và ") || "không có số liệu"}; năm ${b.y} tính theo các hoạt động đã phê duyệt đến ngày ${formatDate(b.asOf)}, không kể hoạt động hủy và hoạt động chuyển nguồn (mọi cấp).`
  };
}

/**
 * Each year's figures counted as report_yearly counts them: the projects file's years, and
 * earlier plan years as they stood at their own year end.
 */
function yearlyFigures(w: Warehouse): Promise<Row[]> {
  return w.query(`SELECT year, sum(supports) AS supports, sum(facilities) AS facilities, sum(support) AS support,
                         sum(counterpart) AS counterpart, sum(jobs) AS jobs, string_agg(DISTINCT source, ',' ORDER BY source) AS sources
                    FROM report_yearly WHERE commune_code = $commune GROUP BY year ORDER BY year`);
}

/** Amounts of money in whole đồng; counts may average to a fraction. */
function averageOf(history: Row[], years: number): YearFigures {
  const totalOf = (key: string) => history.reduce((s, r) => s + big(r[key]), 0n);
  const perYear = (key: string) => Number(totalOf(key)) / years;
  return {
    supports: perYear("supports"),
    facilities: perYear("facilities"),
    support: average(totalOf("support"), years),
    counterpart: average(totalOf("counterpart"), years),
    jobs: perYear("jobs")
  };
}

const figuresOf = (r: Row | undefined): YearFigures => ({
  supports: num(r?.supports),
  facilities: num(r?.facilities),
  support: big(r?.support),
  counterpart: big(r?.counterpart),
  jobs: num(r?.jobs)
});

/** What the past years were counted from, each source with its years. */
function pastBases(history: Row[]): string[] {
  const yearsOf = (source: string) => history.filter((r) => String(r.sources).split(",").includes(source)).map((r) => num(r.year));
  const span = (ys: number[]) => (ys.length === 1 ? `năm ${ys[0]}` : `${ys[0]} - ${ys.at(-1)}`);
  const projects = yearsOf("du_an");
  const activities = yearsOf("hoat_dong");
  return [
    ...(projects.length > 0 ? [`các đề án đã hỗ trợ (${span(projects)}, mọi cấp)`] : []),
    ...(activities.length > 0 ? [`các hoạt động đã phê duyệt đến cuối năm (${span(activities)}, mọi cấp, không kể hoạt động hủy và hoạt động chuyển nguồn)`] : [])
  ];
}

/** The adjustment period: the year's plan-line vouchers paid after the evaluation date, told apart; nothing when none. */
async function paidAfterEvaluationDate(b: Bound): Promise<Pick<EvaluationModel, "adjustment">> {
  const [late] = await queryOn(
    b,
    `SELECT count(*) AS vouchers, CAST(coalesce(sum(d.amount), 0) AS BIGINT) AS amount, strftime(max(d.paid_on), '%Y-%m-%d') AS last_paid_on
       FROM disbursements d JOIN activities a ON a.commune_code = d.commune_code AND a.year = d.plan_year AND a.activity_id = d.activity_id
      WHERE d.commune_code = $commune AND d.plan_year = $y AND d.paid_on > ${ON} AND a.line_no IS NOT NULL`
  );
  return num(late?.vouchers) > 0 ? {adjustment: {vouchers: num(late?.vouchers), amount: big(late?.amount), lastPaidOn: String(late?.last_paid_on)}} : {};
}

/** The money the year leaves: activities proposed to carry over, and those still to settle. */
async function carryOverProposed(b: Bound): Promise<EvaluationModel["carryOver"]> {
  const money = await rowsOn(b, "report_carry_over_on", "coalesce(line_no, 999), activity_id");
  const items = money.filter((c) => c.kind === "chuyen_nguon").map(carryOverItem);
  return {
    items,
    total: items.reduce((s, c) => s + c.remainder, 0n),
    unsettled: money.filter((c) => c.kind === "quyet_toan").map(carryOverItem)
  };
}

const carryOverItem = (c: Row): CarryOverItem => ({
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
