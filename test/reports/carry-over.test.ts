// The carry-over rule (src/lib/plan/carry-over.ts) against hand-computed figures.
import {describe, expect, it} from "vitest";
import {heldBack, heldBackText, proposeCarryOver, type CarryOverCandidate, type CarryOverLine} from "../../src/lib/plan/carry-over.js";

const tr = (n: number) => BigInt(Math.round(n * 1_000_000));
const cand = (p: Partial<CarryOverCandidate> & Pick<CarryOverCandidate, "activity_id" | "approved" | "disbursed">): CarryOverCandidate => ({
  title: `hoạt động ${p.activity_id}`,
  status: "Đang thực hiện",
  line_no: 1,
  ...p
});
const line = (line_no: number, planned: number, disbursed: number): CarryOverLine => ({line_no, planned_amount: tr(planned), disbursed_amount: tr(disbursed)});
const pick = (r: ReturnType<typeof proposeCarryOver>) => r.items.map((i) => [i.activity_id, i.unpaid, i.remainder]);

describe("carry-over rule", () => {
  it("the sample's line 3: 9 tr unpaid against 8,5 tr left on the line (plan 20 − paid 11,5)", () => {
    // Mutation check: without the line limit this test failed (9 tr proposed).
    const r = proposeCarryOver([cand({activity_id: "HD-08", line_no: 3, approved: tr(9), disbursed: 0n})], [line(3, 20, 11.5)]);
    expect(pick(r)).toEqual([["HD-08", tr(9), tr(8.5)]]);
    expect(r.items[0]!.limit).toBe("dòng 3 chỉ còn 8.500.000 đồng kế hoạch chưa giải ngân");
    expect(heldBack(r.items).map((i) => i.activity_id)).toEqual(["HD-08"]);
    expect(heldBackText(r.items[0]!)).toContain("500.000 đồng còn lại cần UBND xã quyết định");
  });

  it("an approval above its cap carries at most cap − paid", () => {
    // approved 40, cap 20, paid 14: 26 unpaid, 6 allowed (line has 60 − 14 = 46 left)
    const r = proposeCarryOver([cand({activity_id: "X", approved: tr(40), disbursed: tr(14), cap: tr(20)})], [line(1, 60, 14)]);
    expect(pick(r)).toEqual([["X", tr(26), tr(6)]]);
    expect(r.items[0]!.limit).toContain("vượt mức hỗ trợ tối đa 20.000.000 đồng");
  });

  it("on one line, earlier decisions first; never above the line's plan − payments", () => {
    // line 1: plan 40, paid 25 → 15 left. B (decided 01/03) 10 unpaid → 10; A (decided 01/06) 8 → 5.
    const r = proposeCarryOver(
      [
        cand({activity_id: "A", approved: tr(20), disbursed: tr(12), decision_date: "2026-06-01"}),
        cand({activity_id: "B", approved: tr(23), disbursed: tr(13), decision_date: "2026-03-01"})
      ],
      [line(1, 40, 25)]
    );
    expect(pick(r)).toEqual([
      ["B", tr(10), tr(10)],
      ["A", tr(8), tr(5)]
    ]);
    expect(r.total).toBe(tr(15));
  });

  it("in total never above the year's plan − payments (an overspent line eats the others' room)", () => {
    // line 1: 60 − 50 = 10 left; line 2: 20 − 28 = −8 (overspent). Year: 80 − 78 = 2 left.
    // C on line 1: 10 unpaid, line allows 10, year allows 2 → 2. D without a line: 5 unpaid, year 0 left → 0.
    const r = proposeCarryOver(
      [cand({activity_id: "C", approved: tr(20), disbursed: tr(10)}), cand({activity_id: "D", line_no: undefined, approved: tr(5), disbursed: 0n})],
      [line(1, 60, 50), line(2, 20, 28)]
    );
    expect(r.yearUnspent).toBe(tr(2));
    expect(pick(r)).toEqual([
      ["C", tr(10), tr(2)],
      ["D", tr(5), 0n]
    ]);
    expect(r.total).toBe(tr(2));
    expect(r.items[0]!.limit).toBe("kế hoạch cả năm chỉ còn 2.000.000 đồng chưa giải ngân");
  });

  it("fully paid or overpaid work is no candidate", () => {
    const r = proposeCarryOver([cand({activity_id: "E", approved: tr(10), disbursed: tr(10)}), cand({activity_id: "F", approved: tr(10), disbursed: tr(11)})], [line(1, 60, 21)]);
    expect(r.items).toEqual([]);
    expect(r.total).toBe(0n);
  });

  it("a 2027 activity carried from 2026, on the 2027 carry-over line and still unpaid, is proposed again", () => {
    // 2027 line 6 (chuyển nguồn) plans the 6 tr carried; 2 tr paid in 2027 → 4 tr proposed for 2028
    const r = proposeCarryOver([cand({activity_id: "A01", line_no: 6, approved: tr(6), disbursed: tr(2)})], [line(1, 60, 60), line(6, 6, 2)]);
    expect(pick(r)).toEqual([["A01", tr(4), tr(4)]]);
  });
});
