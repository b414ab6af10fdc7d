// What the signer of the year-end report must see, added to the evaluation (reports/evaluation.ts
// calls reviewEvaluation on the model it built): the carry-over proposal by the one rule
// (src/lib/plan/carry-over.ts) over the evaluation's own figures, and the findings for "Tồn tại,
// hạn chế" and the page's alerts: lines and totals above 100% of plan, approvals above their cap,
// carry-over held back, and the year's ingest warnings.
import {formatNumber, formatPercent, withoutFinalDots} from "../src/lib/format.js";
import type {EvaluationModel, Finding} from "../src/lib/documents/models.js";
import {heldBack, heldBackText, proposeCarryOver, type CarryOverCandidate} from "../src/lib/plan/carry-over.js";
import type {Warehouse} from "../src/lib/warehouse/open.js";

const dong = (v: bigint) => `${formatNumber(v)} đồng`;

/** Warnings whose facts the findings already state from the evaluation's own figures. */
const RESTATED = ["line_over_committed", "line_over_disbursed"];

export async function reviewEvaluation(w: Warehouse, model: EvaluationModel): Promise<EvaluationModel> {
  const y = Number(model.year);
  const facts = new Map(
    (await w.query(`SELECT activity_id, line_no, strftime(decision_date, '%Y-%m-%d') AS decision_date, cap FROM report_carry_over_on(CAST($on AS DATE)) WHERE commune_code = $commune AND year = $y AND kind = 'chuyen_nguon'`, {on: model.dataAsOf ?? null, y})).map((r) => [
      String(r.activity_id),
      r
    ])
  );
  const candidates: CarryOverCandidate[] = model.carryOver.items.map((i) => {
    const f = facts.get(i.activity_id);
    return {
      ...i,
      ...(f?.line_no === undefined ? {} : {line_no: Number(f.line_no)}),
      ...(f?.decision_date === undefined ? {} : {decision_date: String(f.decision_date)}),
      ...(f?.cap === undefined ? {} : {cap: BigInt(f.cap)})
    };
  });
  const proposal = proposeCarryOver(candidates, model.budget.lines);

  const findings: Finding[] = [];
  const over = (what: string, amount: bigint, planned: bigint, rate: number | null) =>
    `${what} ${dong(amount)}, bằng ${formatPercent(rate)} kế hoạch ${dong(planned)}, vượt ${dong(amount - planned)}`;
  for (const l of model.budget.lines) {
    const name = `Dòng ${l.line_no} (${withoutFinalDots(l.description)})`;
    if (l.approved_amount > l.planned_amount) findings.push({kind: "line_over_plan", text: `${name}: ${over("đã phê duyệt", l.approved_amount, l.planned_amount, l.commitment_rate)}`});
    if (l.disbursed_amount > l.planned_amount) findings.push({kind: "line_over_plan", text: `${name}: ${over("đã giải ngân", l.disbursed_amount, l.planned_amount, l.disbursement_rate)}`});
  }
  const b = model.budget;
  if (b.approved > b.planned) findings.push({kind: "total_over_plan", text: `Tổng kinh phí ${over("đã phê duyệt", b.approved, b.planned, b.commitment_rate)}`});
  if (b.disbursed > b.planned) findings.push({kind: "total_over_plan", text: `Tổng kinh phí ${over("đã giải ngân", b.disbursed, b.planned, b.disbursement_rate)}`});
  for (const i of heldBack(proposal.items)) findings.push({kind: "carry_over_held_back", text: heldBackText(i)});
  for (const r of await yearWarnings(w, y)) {
    if (RESTATED.includes(String(r.rule))) continue;
    findings.push({kind: r.rule === "approved_over_norm" ? "over_cap" : "warning", text: String(r.message)});
  }

  return {...model, carryOver: {...model.carryOver, items: proposal.items, total: proposal.total, yearUnspent: proposal.yearUnspent}, findings};
}

/** The ingest's warnings on the rows of plan year `y` (plan lines, targets, activities; vouchers by the plan year they name). */
async function yearWarnings(w: Warehouse, y: number) {
  return w.query(`
    SELECT w.rule, w.message
    FROM warnings w
    LEFT JOIN plan_lines p ON w.kind = 'plan_lines' AND p.source_file = w.source_file AND p.source_line = w.source_line
    LEFT JOIN plan_targets t ON w.kind = 'plan_targets' AND t.source_file = w.source_file AND t.source_line = w.source_line
    LEFT JOIN activities a ON w.kind = 'activities' AND a.source_file = w.source_file AND a.source_line = w.source_line
    LEFT JOIN disbursements d ON w.kind = 'disbursements' AND d.source_file = w.source_file AND d.source_line = w.source_line
    WHERE w.commune_code = $commune AND coalesce(p.year, t.year, a.year, d.plan_year) = $y
    ORDER BY CASE w.rule WHEN 'approved_over_norm' THEN 0 ELSE 1 END, w.source_file, w.source_line, w.message`, {y});
}
