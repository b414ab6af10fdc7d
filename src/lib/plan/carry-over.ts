// The carry-over rule (chuyển nguồn), written once: the evaluation of a plan year computes its
// proposal with it (reports/review.ts), and the page, the Word report, the Excel workbook and next
// year's draft all show that proposal. Browser-safe.
//
// The rule (CARRY_OVER_RULE says it to the office):
// 1. Approved, unfinished commune work (phê duyệt, đang thực hiện) not fully paid may carry its
//    unpaid money over: approved − paid, net of recoveries.
// 2. Never more than the plan allows: an approval above its support cap carries at most cap − paid;
//    on one plan line the carry-over never exceeds the line's plan − the line's payments (earlier
//    decisions first); in total it never exceeds the year's plan − the year's payments.
// 3. What the limits hold back is named as needing a decision by the commune (never dropped
//    silently). Completed work is settled, never carried over.
// Activity years and lines are whatever the evaluation hands in: a 2027 activity carried from 2026
// on a 2027 carry-over line that is still unpaid at the end of 2027 is proposed again, limited by
// that line as any other.
import {formatNumber} from "../format.js";

/** An activity of the year's carry-over proposal, as the evaluation lists it. */
export interface CarryOverItem {
  activity_id: string;
  /** A carried activity's origin (Chuyển từ năm, Mã hoạt động năm trước): the chain to follow. */
  carriedFrom?: {year: number; activity_id: string};
  title: string;
  establishment_name?: string;
  status: string;
  decision_no?: string;
  line_no?: number;
  approved: bigint;
  disbursed: bigint;
  /** approved − disbursed; absent on settlement items (where `remainder` is that difference). */
  unpaid?: bigint;
  /** Proposed for carry-over (below); for settlement items, approved − disbursed. */
  remainder: bigint;
  /** Why less than `unpaid` is proposed (Vietnamese); absent when nothing is held back. */
  limit?: string;
}

export const CARRY_OVER_RULE: readonly string[] = [
  "Hoạt động cấp xã đã phê duyệt, chưa hoàn thành và chưa giải ngân hết được đề nghị chuyển nguồn phần chưa giải ngân (kinh phí phê duyệt trừ số đã chi, đã trừ thu hồi).",
  "Không vượt mức cho phép: hoạt động phê duyệt vượt định mức hỗ trợ tối đa chỉ chuyển đến mức tối đa; trên mỗi dòng kế hoạch, tổng chuyển nguồn không vượt kế hoạch của dòng trừ số dòng đó đã giải ngân (xét theo thứ tự ngày quyết định); tổng cả năm không vượt kế hoạch năm trừ số đã giải ngân.",
  "Phần không được chuyển vì vượt mức được nêu rõ để UBND xã quyết định; hoạt động đã hoàn thành không chuyển nguồn (phần chưa chi xử lý khi quyết toán)."
];

/** An unfinished, approved commune activity as the evaluation sees it at its date. */
export interface CarryOverCandidate {
  activity_id: string;
  title: string;
  establishment_name?: string;
  /** Status label (Vietnamese). */
  status: string;
  decision_no?: string;
  /** ISO date of the approving decision; orders the activities of one line. */
  decision_date?: string;
  line_no?: number;
  approved: bigint;
  /** Net of recoveries. */
  disbursed: bigint;
  /** The most the norms in force allow for this activity; undefined when no norm applies. */
  cap?: bigint;
}

/** A plan line of the year: its plan and its payments (net). */
export interface CarryOverLine {
  line_no: number;
  planned_amount: bigint;
  disbursed_amount: bigint;
}

export interface CarryOverProposal {
  items: CarryOverItem[];
  total: bigint;
  /** max(0, Σ planned − Σ disbursed) of the year's plan lines. */
  yearUnspent: bigint;
}

/** Amounts as the documents write them: "8.500.000 đồng". */
const dong = (v: bigint) => `${formatNumber(v)} đồng`;
const max0 = (v: bigint) => (v > 0n ? v : 0n);
const min = (a: bigint, b: bigint) => (a < b ? a : b);

export function proposeCarryOver(candidates: readonly CarryOverCandidate[], lines: readonly CarryOverLine[]): CarryOverProposal {
  const lineLeft = new Map(lines.map((l) => [l.line_no, max0(l.planned_amount - l.disbursed_amount)]));
  const yearUnspent = max0(lines.reduce((s, l) => s + l.planned_amount - l.disbursed_amount, 0n));
  let yearLeft = yearUnspent;
  const ordered = candidates
    .filter((c) => c.approved > c.disbursed)
    .sort(
      (a, b) =>
        (a.line_no ?? Infinity) - (b.line_no ?? Infinity) ||
        (a.decision_date ?? "9999").localeCompare(b.decision_date ?? "9999") ||
        a.activity_id.localeCompare(b.activity_id)
    );
  const items = ordered.map((c): CarryOverItem => {
    const unpaid = c.approved - c.disbursed;
    const limits: string[] = [];
    let proposed = unpaid;
    if (c.cap !== undefined && c.approved > c.cap) {
      proposed = min(proposed, max0(c.cap - c.disbursed));
      limits.push(`phê duyệt ${dong(c.approved)} vượt mức hỗ trợ tối đa ${dong(c.cap)}`);
    }
    if (c.line_no !== undefined) {
      const left = lineLeft.get(c.line_no) ?? 0n;
      if (proposed > left) {
        proposed = left;
        limits.push(`dòng ${c.line_no} chỉ còn ${dong(left)} kế hoạch chưa giải ngân`);
      }
      lineLeft.set(c.line_no, left - proposed);
    }
    if (proposed > yearLeft) {
      proposed = yearLeft;
      limits.push(`kế hoạch cả năm chỉ còn ${dong(yearLeft)} chưa giải ngân`);
    }
    yearLeft -= proposed;
    const {cap: _cap, decision_date: _date, ...shown} = c;
    return {...shown, unpaid, remainder: proposed, ...(limits.length > 0 ? {limit: limits.join("; ")} : {})};
  });
  return {items, total: items.reduce((s, i) => s + i.remainder, 0n), yearUnspent};
}

/** Items whose unpaid money the rule holds back in part or whole: the commune decides on them. */
export function heldBack(items: readonly CarryOverItem[]): CarryOverItem[] {
  return items.filter((i) => i.unpaid !== undefined && i.remainder < i.unpaid);
}

/** One sentence for the report and the page about an item held back. */
export function heldBackText(i: CarryOverItem): string {
  const unpaid = i.unpaid ?? i.remainder;
  return (
    `Hoạt động ${i.activity_id} (${i.title}${i.establishment_name ? `, ${i.establishment_name}` : ""}): còn ${dong(unpaid)} chưa giải ngân, ` +
    `chỉ đề nghị chuyển nguồn ${dong(i.remainder)} vì ${i.limit ?? "vượt mức cho phép"}; ${dong(unpaid - i.remainder)} còn lại cần UBND xã quyết định`
  );
}
