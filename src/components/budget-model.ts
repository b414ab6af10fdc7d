// Kế hoạch – Thực hiện: the budget table in the plan's shape and the same money by funding source,
// computed in the browser under the page's filters from the plan lines and the activities' money
// summed over what the filters read (cells, view site_plan_cells), not from every activity and
// voucher. Pure functions (no DOM). Unfiltered, a line's figures are those of plan_vs_actual:
// approved = activities from "Đã phê duyệt" on, not cancelled; disbursed = every voucher, net of
// recoveries.
//
// What each filter selects:
// - year, content group: plan lines (by their own year and group), activities and vouchers (by the
//   activity's year and its group: the plan line's group for work on a plan line);
// - programme level (cấp): activities and their vouchers by the activity's level; plan lines are
//   the commune's own budget (level xã), so they stay only for "Tất cả" or "Khuyến công xã";
// - funding source: planned and approved money by the line's source (for work without a plan line,
//   the source of its programme level), disbursed money by each voucher's own source;
// - former commune (xã cũ): activities and vouchers by the activity's facility; a plan line is
//   not split by former commune, so its planned amount stays whole and "Còn lại" is left empty.
import {codeLists} from "../lib/contract/codes.js";

export interface Line {
  year: number;
  line_no: number;
  content_group: string;
  description: string;
  funding_source: string;
  planned_quantity: number;
  planned_unit_amount: number;
  planned_amount: number;
}

export interface Activity {
  year: number;
  activity_id: string;
  line_no: number | null;
  title: string;
  content_group: string;
  funding_source: string;
  level: string;
  status: string;
  committed: boolean;
  /** Tied to a facility (the former-commune filter's "Không gắn cơ sở" picks those not). */
  facility: boolean;
  establishment_name: string | null;
  former_unit: string | null;
  approved_amount: number | null;
  disbursed_amount: number;
  decision_no: string | null;
  decision_date: string | null;
}

export interface Voucher {
  year: number;
  voucher_no: string;
  paid_on: string;
  activity_id: string;
  amount: number;
  funding_source: string;
  payee: string | null;
  description: string | null;
}

/** What the activity filters read of an activity or a cell. */
export type Filterable = Pick<Activity, "year" | "content_group" | "level" | "facility" | "former_unit">;

/**
 * The activities that share year, plan line (null: none), content group, funding source, level,
 * former commune and facility or not: their approved money (committed ones only) and what was paid
 * on them by each voucher's funding source.
 */
export interface Cell extends Filterable {
  line_no: number | null;
  funding_source: string;
  approved_amount: number;
  paid: {funding_source: string; amount: number}[];
}

/** The former-commune option for activities without a facility. */
export const NO_FACILITY = "__khong_gan_co_so__";

export interface Filters {
  year: number | null;
  group: string | null;
  source: string | null;
  level: string | null;
  formerUnit: string | null;
}

/** Money of a budget line or a funding source, with what withRates() adds. */
export interface BudgetAmounts {
  planned: number;
  approved: number;
  disbursed: number;
  remaining: number | null;
  commitment_rate: number | null;
  disbursement_rate: number | null;
}

export interface BudgetRow extends BudgetAmounts {
  line_no: number | null;
  description: string;
  quantity: number | null;
  unit_amount: number | null;
}

export interface SourceRow extends BudgetAmounts {
  funding_source: string;
}

const rate = (part: number, whole: number): number | null => (whole > 0 ? (part / whole) * 100 : null);

/** Activity filters (everything but the funding source, which is applied per amount). */
export function activityPasses(a: Filterable, f: Filters): boolean {
  if (f.year !== null && a.year !== f.year) return false;
  if (f.group !== null && a.content_group !== f.group) return false;
  if (f.level !== null && a.level !== f.level) return false;
  if (f.formerUnit !== null) {
    if (f.formerUnit === NO_FACILITY ? a.facility : a.former_unit !== f.formerUnit) return false;
  }
  return true;
}

function linePasses(l: Line, f: Filters): boolean {
  if (f.year !== null && l.year !== f.year) return false;
  if (f.group !== null && l.content_group !== f.group) return false;
  return f.level === null || f.level === "xa";
}

const sourcePasses = (source: string, f: Filters) => f.source === null || source === f.source;

/** A plan line is its number within its plan year. */
const lineKey = (year: number, lineNo: number | null) => `${year}|${lineNo ?? ""}`;

function indexCells(cells: readonly Cell[]): Map<string, Cell[]> {
  const byLine = new Map<string, Cell[]>();
  for (const c of cells) {
    const list = byLine.get(lineKey(c.year, c.line_no));
    if (list) list.push(c);
    else byLine.set(lineKey(c.year, c.line_no), [c]);
  }
  return byLine;
}

export function withRates<R extends {planned: number; approved: number; disbursed: number}>(row: R, splitPlan: boolean) {
  return {
    ...row,
    remaining: splitPlan && row.planned > 0 ? row.planned - row.disbursed : null,
    commitment_rate: rate(row.approved, row.planned),
    disbursement_rate: rate(row.disbursed, row.planned)
  };
}

/** Rows of the plan-shaped table, in line order, and their total. */
export function budgetRows(lines: readonly Line[], cells: readonly Cell[], f: Filters) {
  const byLine = indexCells(cells);
  const splitPlan = f.formerUnit === null;
  const rows: BudgetRow[] = [];
  for (const line of [...lines].sort((a, b) => a.year - b.year || a.line_no - b.line_no)) {
    if (!linePasses(line, f)) continue;
    const planCounts = sourcePasses(line.funding_source, f);
    let approved = 0;
    let disbursed = 0;
    let paidFromSource = false;
    for (const c of byLine.get(lineKey(line.year, line.line_no)) ?? []) {
      if (!activityPasses(c, f)) continue;
      if (planCounts) approved += c.approved_amount;
      for (const p of c.paid) {
        if (!sourcePasses(p.funding_source, f)) continue;
        disbursed += p.amount;
        paidFromSource = true;
      }
    }
    if (!planCounts && !paidFromSource) continue;
    rows.push(
      withRates(
        {
          line_no: line.line_no,
          description: line.description,
          quantity: planCounts ? line.planned_quantity : null,
          unit_amount: planCounts ? line.planned_unit_amount : null,
          planned: planCounts ? line.planned_amount : 0,
          approved,
          disbursed
        },
        splitPlan
      )
    );
  }
  const total = withRates(
    {
      line_no: null,
      description: "TỔNG CỘNG",
      quantity: null,
      unit_amount: null,
      planned: rows.reduce((s, r) => s + r.planned, 0),
      approved: rows.reduce((s, r) => s + r.approved, 0),
      disbursed: rows.reduce((s, r) => s + r.disbursed, 0)
    },
    splitPlan
  );
  return {rows, total};
}

/** The same money by funding source (every programme level, plan lines or not), in code-list order. */
export function sourceRows(lines: readonly Line[], cells: readonly Cell[], f: Filters) {
  const splitPlan = f.formerUnit === null;
  const sums = new Map<string, {planned: number; approved: number; disbursed: number}>();
  const at = (source: string) => {
    let s = sums.get(source);
    if (!s) sums.set(source, (s = {planned: 0, approved: 0, disbursed: 0}));
    return s;
  };
  for (const line of lines) if (linePasses(line, f) && sourcePasses(line.funding_source, f)) at(line.funding_source).planned += line.planned_amount;
  for (const c of cells) {
    if (!activityPasses(c, f)) continue;
    if (sourcePasses(c.funding_source, f)) at(c.funding_source).approved += c.approved_amount;
    for (const p of c.paid) if (sourcePasses(p.funding_source, f)) at(p.funding_source).disbursed += p.amount;
  }
  const order = codeLists.funding_source.map((e) => e.code as string);
  const rows: SourceRow[] = [...sums.entries()]
    .filter(([, s]) => s.planned !== 0 || s.approved !== 0 || s.disbursed !== 0)
    .sort(([a], [b]) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99))
    .map(([funding_source, s]) => withRates({funding_source, ...s}, splitPlan));
  // Rates and "còn lại" of the total only mean something when every source in it has a plan.
  const allPlanned = rows.every((r) => r.planned > 0);
  const total = withRates(
    {
      funding_source: "",
      planned: rows.reduce((s, r) => s + r.planned, 0),
      approved: rows.reduce((s, r) => s + r.approved, 0),
      disbursed: rows.reduce((s, r) => s + r.disbursed, 0)
    },
    splitPlan && allPlanned
  );
  if (!allPlanned) Object.assign(total, {commitment_rate: null, disbursement_rate: null});
  return {rows, total};
}

/** Activities of one plan line under the activity filters (every status, so proposals and cancellations show). */
export function lineActivities(activities: readonly Activity[], year: number, lineNo: number, f: Filters): Activity[] {
  return activities.filter((a) => a.year === year && a.line_no === lineNo && activityPasses(a, f));
}

/** Work without a plan line: funded by the province or the nation, or (rarely) local work not booked on a line. */
export function otherActivities(activities: readonly Activity[], f: Filters) {
  const rows = activities.filter((a) => a.line_no === null && activityPasses(a, f) && sourcePasses(a.funding_source, f));
  return {
    higher: rows.filter((a) => a.level === "tinh" || a.level === "quoc_gia"),
    local: rows.filter((a) => a.level !== "tinh" && a.level !== "quoc_gia")
  };
}
