import {describe, expect, it} from "vitest";
import {capFor, carryOver, draftPlan, naturalCompare, normsFor, percentOf, unsettled} from "../../src/lib/plan/draft.js";
import {act, inputs, norm, tr} from "./fixtures/draft-inputs.js";

const byId = (plan: ReturnType<typeof draftPlan>, id: string) => plan.requests.find((r) => r.survey_id === id)!;
const lineOf = (plan: ReturnType<typeof draftPlan>, key: string) => plan.lines.find((l) => l.key === key)!;

describe("draft plan: caps", () => {
  const plan = draftPlan(inputs, {year: 2027});
  it("ignores requests for other years", () => {
    expect(plan.requests.map((r) => r.survey_id)).not.toContain("S8");
    expect(plan.requests).toHaveLength(8);
  });
  it("amount cap", () => {
    expect(byId(plan, "S3").cap).toBe(tr(300));
    expect(byId(plan, "S3").capped).toBe(tr(300));
    expect(byId(plan, "S4").capped).toBe(tr(35));
    expect(byId(plan, "S4").capNote).toContain("mức tối đa 35.000.000 đ");
  });
  it("percent cap", () => {
    expect(byId(plan, "S2").cap).toBe(tr(15));
    expect(byId(plan, "S2").capped).toBe(tr(15));
    expect(byId(plan, "S2").capNote).toContain("50% × 30.000.000 đ = 15.000.000 đ");
    expect(byId(plan, "S9").capped).toBe(9_600_000n);
    expect(byId(plan, "S1").capped).toBe(tr(40)); // under both caps (50 tr, 300 tr)
  });
  it("no norm: not capped, reported", () => {
    expect(byId(plan, "S5").cap).toBeUndefined();
    expect(byId(plan, "S5").capped).toBe(tr(10));
    expect(plan.warnings.some((w) => w.includes("S5") && w.includes("Chưa có định mức"))).toBe(true);
  });
  it("percent arithmetic is exact bigint, rounded down", () => {
    expect(percentOf(tr(30), 50)).toBe(tr(15));
    expect(percentOf(999n, 33.33)).toBe(332n);
    expect(percentOf(tr(12), 80)).toBe(9_600_000n);
    const c = capFor({requested_support: tr(50)}, [norm({content_group: "may_moc_thiet_bi", max_percent: 50})]);
    expect(c.cap).toBeUndefined();
    expect(c.note).toContain("Thiếu tổng chi phí dự kiến");
  });
});

describe("draft plan: which norm governs", () => {
  const national = norm({content_group: "may_moc_thiet_bi", description: "quốc gia", max_amount: tr(300), max_percent: 50, valid_from: "2018-07-01"});
  const district = norm({content_group: "may_moc_thiet_bi", description: "huyện", level: "huyen", max_amount: tr(35), max_percent: 50, valid_from: "2020-01-01", valid_to: "2025-06-30"});
  const province = norm({content_group: "may_moc_thiet_bi", description: "tỉnh", level: "tinh", max_amount: tr(5), valid_from: "2026-06-01"});
  const commune = norm({content_group: "may_moc_thiet_bi", description: "xã", level: "xa", max_amount: tr(20), max_percent: 50, valid_from: "2026-01-01"});
  it("the commune's own norm, when there is one in force", () => {
    expect(normsFor([national, district, province, commune], "may_moc_thiet_bi", "2027-01-01").map((n) => n.description)).toEqual(["xã"]);
  });
  it("otherwise the norms for every level; never another level's", () => {
    expect(normsFor([national, district, province], "may_moc_thiet_bi", "2027-01-01").map((n) => n.description)).toEqual(["quốc gia"]);
    expect(normsFor([national, district, province, commune], "may_moc_thiet_bi", "2025-01-01", "huyen").map((n) => n.description)).toEqual(["huyện"]);
    expect(normsFor([national, commune], "may_moc_thiet_bi", "2025-12-31").map((n) => n.description)).toEqual(["quốc gia"]);
  });
  it("caps a request by the commune norm", () => {
    const plan = draftPlan({...inputs, norms: [national, province, commune]}, {year: 2027});
    // S3: 400 tr asked on 800 tr: commune cap 20 tr (not 300 tr, and not the province's 5 tr)
    expect(byId(plan, "S3").capped).toBe(tr(20));
    // S2: 20 tr asked on 30 tr: 50% = 15 tr
    expect(byId(plan, "S2").capped).toBe(tr(15));
  });
});

describe("draft plan: pricing and lines", () => {
  const plan = draftPlan(inputs, {year: 2027});
  it("lines follow the earlier plan's order with its wording", () => {
    expect(plan.lines.filter((l) => l.kind === "new").map((l) => l.key)).toEqual([
      "may_moc_thiet_bi",
      "tu_van_thiet_ke",
      "san_pham_thi_truong",
      "nang_cao_nang_luc",
      "thong_tin_du_lieu"
    ]);
    expect(lineOf(plan, "may_moc_thiet_bi").description).toBe("Hỗ trợ ứng dụng máy móc, thiết bị tiên tiến vào sản xuất.");
  });
  it("unit from the earlier plan, capped by the largest request", () => {
    const m = lineOf(plan, "may_moc_thiet_bi");
    expect(m.unitAmount).toBe(tr(20));
    expect(m.quantity).toBe(5); // S1 S2 S3 S6 S7
    expect(m.totalAmount).toBe(tr(100));
    expect(m.pricing).toContain("kế hoạch năm 2026");
    expect(lineOf(plan, "tu_van_thiet_ke").unitAmount).toBe(tr(20));
    // 10 tr last year, but nobody asked for more than 9,6 tr
    const s = lineOf(plan, "san_pham_thi_truong");
    expect(s.unitAmount).toBe(9_600_000n);
    expect(s.pricing).toContain("không vượt đề nghị lớn nhất");
    expect(s.totalAmount).toBe(9_600_000n);
  });
  it("a line nobody asked for keeps its unit and quantity 0, and is not numbered", () => {
    const n = lineOf(plan, "nang_cao_nang_luc");
    expect(n.quantity).toBe(0);
    expect(n.unitAmount).toBe(tr(20));
    expect(n.stt).toBeNull();
    expect(n.explanation).toContain("Chưa có đề nghị");
    expect(n.note).toBe("ghi chú 4");
    expect(plan.lines.map((l) => l.stt)).toEqual([1, 2, 3, null, 4, 5, 6]);
  });
  it("requests are proposed at min(capped, unit)", () => {
    expect(byId(plan, "S2").proposed).toBe(tr(15));
    expect(byId(plan, "S3").proposed).toBe(tr(20));
  });
  it("totals without envelope", () => {
    // 100 + 20 + 9,6 + 0 + 10 = 139,6 tr new; 6 + 10 tr carried over
    expect(plan.totals.newTotal).toBe(139_600_000n);
    expect(plan.totals.carryOverTotal).toBe(tr(16));
    expect(plan.totals.grandTotal).toBe(155_600_000n);
    expect(plan.totals.envelope).toBeNull();
    expect(plan.totals.overEnvelope).toBe(false);
  });
  it("pricing falls back to past approved amounts, then to requests, rounded down to triệu", () => {
    const noPlan = draftPlan({...inputs, planLines: []}, {year: 2027});
    // seed order without an earlier plan
    expect(noPlan.lines.filter((l) => l.kind === "new").map((l) => l.key)).toEqual([
      "may_moc_thiet_bi",
      "tu_van_thiet_ke",
      "san_pham_thi_truong",
      "nang_cao_nang_luc",
      "thong_tin_du_lieu"
    ]);
    // machines: committed commune activities before 2027: A1 20, A2 20 → 20 tr
    expect(lineOf(noPlan, "may_moc_thiet_bi").unitAmount).toBe(tr(20));
    // tu_van: A3 20 tr approved → 20 tr
    expect(lineOf(noPlan, "tu_van_thiet_ke").unitAmount).toBe(tr(20));
    // san_pham: A6 10 tr, but the largest request is 9,6 tr
    expect(lineOf(noPlan, "san_pham_thi_truong").unitAmount).toBe(9_600_000n);
    // thong_tin: no history, mean of requests = 10 tr
    expect(lineOf(noPlan, "thong_tin_du_lieu").unitAmount).toBe(tr(10));
    const noHistory = draftPlan({...inputs, planLines: [], activities: []}, {year: 2027});
    // machines: mean of capped requests (40+15+300+25+25)/5 = 81 tr, capped by the norm (300) → 81 tr
    expect(lineOf(noHistory, "may_moc_thiet_bi").unitAmount).toBe(tr(81));
    // nang_cao: nothing at all → 0
    expect(lineOf(noHistory, "nang_cao_nang_luc").unitAmount).toBe(0n);
  });
});

describe("draft plan: priority", () => {
  const plan = draftPlan(inputs, {year: 2027});
  it("never supported first, then oldest support; priority; date; id", () => {
    // never/none: S4 (p1), S9 (p2, 01/10), S1 (p2, 05/10), S5 (no priority);
    // E2 last 2021: S2; E5, E6 last 2023: S6 (p1), S7 (p2); E3 last 2026: S3
    expect(plan.requests.map((r) => r.survey_id)).toEqual(["S4", "S9", "S1", "S5", "S2", "S6", "S7", "S3"]);
    expect(plan.requests.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
  it("support history: projects, approved activities, names with either tone placement", () => {
    expect(byId(plan, "S1").lastSupportedYear).toBeNull(); // cancelled activity is not support
    expect(byId(plan, "S1").supportNote).toBe("Chưa từng được hỗ trợ");
    expect(byId(plan, "S4").lastSupportedYear).toBeNull(); // a proposal is not support
    expect(byId(plan, "S5").supportNote).toBe("Đề nghị chung của xã");
    expect(byId(plan, "S2").lastSupportedYear).toBe(2021);
    expect(byId(plan, "S7").lastSupportedYear).toBe(2023);
    expect(byId(plan, "S7").establishment_name).toBe("Cơ sở mộc Thủy Lâm");
    expect(byId(plan, "S3").lastSupportedYear).toBe(2026); // project 2020, activity 2026
    expect(byId(plan, "S3").supportNote).toBe("Hỗ trợ gần nhất năm 2026");
  });
  it("ids compare naturally", () => {
    expect(["KS-10", "KS-2", "KS-1", "KS-02b"].sort(naturalCompare)).toEqual(["KS-1", "KS-2", "KS-02b", "KS-10"]);
  });
  it("order does not depend on input order", () => {
    const reversed = draftPlan({...inputs, survey: [...inputs.survey].reverse()}, {year: 2027});
    expect(reversed.requests.map((r) => r.survey_id)).toEqual(plan.requests.map((r) => r.survey_id));
  });
});

describe("draft plan: envelope", () => {
  it("keeps whole requests in rank order until the envelope is used", () => {
    // S4 20 → 20; S9 9,6 → 29,6; S1 20 → 49,6; S5 10 → 59,6; S2 20 → 79,6; S6 20 → 99,6; S7, S3 out
    const plan = draftPlan(inputs, {year: 2027, envelope: tr(100)});
    expect(plan.requests.filter((r) => r.status === "left_out").map((r) => r.survey_id)).toEqual(["S7", "S3"]);
    expect(byId(plan, "S7").reason).toContain("còn lại 400.000 đ");
    expect(lineOf(plan, "may_moc_thiet_bi").quantity).toBe(3);
    expect(plan.totals.newTotal).toBe(99_600_000n);
    expect(plan.totals.remaining).toBe(400_000n);
    expect(plan.totals.overEnvelope).toBe(false);
    // carry-over is outside the envelope
    expect(plan.totals.carryOverTotal).toBe(tr(16));
  });
  it("a smaller request further down still fits when a larger one does not", () => {
    // S4 20; S9 → 29,6; S1 needs 20 (49,6 > 45): out; S5 10 → 39,6; S2, S6, S7, S3 out (20 each)
    const plan = draftPlan(inputs, {year: 2027, envelope: tr(45)});
    expect(plan.requests.filter((r) => r.status === "included").map((r) => r.survey_id)).toEqual(["S4", "S9", "S5"]);
    expect(plan.totals.newTotal).toBe(39_600_000n);
    expect(plan.totals.remaining).toBe(5_400_000n);
    expect(lineOf(plan, "may_moc_thiet_bi").quantity).toBe(0);
    expect(lineOf(plan, "may_moc_thiet_bi").explanation).toContain("0/5 đề nghị được bố trí");
  });
  it("a zero envelope funds nothing new", () => {
    const plan = draftPlan(inputs, {year: 2027, envelope: 0n});
    expect(plan.requests.every((r) => r.status === "left_out")).toBe(true);
    expect(plan.totals.newTotal).toBe(0n);
    expect(plan.totals.grandTotal).toBe(tr(16));
  });
  it("an envelope larger than the demand changes nothing", () => {
    const plan = draftPlan(inputs, {year: 2027, envelope: tr(500)});
    expect(plan.totals.newTotal).toBe(139_600_000n);
    expect(plan.totals.remaining).toBe(360_400_000n);
  });
});

describe("draft plan: carry-over", () => {
  it("approved commune activities not fully paid, with the unpaid remainder", () => {
    const c = carryOver(inputs.activities, inputs.disbursements, 2026);
    // A2: 20 − 14 = 6 tr (in progress); A6: 10 − 0 (approved, nothing paid).
    // Not: A1 (paid), A3 (finished: settled, not carried), A4 (cancelled), A5 (province), A7 (proposal)
    expect(c.map((x) => [x.activity.activity_id, x.remainder])).toEqual([
      ["A2", tr(6)],
      ["A6", tr(10)]
    ]);
  });
  it("completed work with money left is listed for settlement, not carried over", () => {
    const u = unsettled(inputs.activities, inputs.disbursements, 2026);
    // A3: approved 20, paid 20, recovered 2 → 2 tr left at settlement
    expect(u.map((x) => [x.activity.activity_id, x.disbursed, x.remainder])).toEqual([["A3", tr(18), tr(2)]]);
  });
  it("an unfinished activity with a recovery carries over approved − net paid", () => {
    const acts = [act({activity_id: "X", line_no: 1, status: "dang_thuc_hien", approved_amount: tr(20)})];
    const c = carryOver(acts, [{activity_id: "X", amount: tr(14)}, {activity_id: "X", amount: -tr(4)}], 2026);
    expect(c[0]!.remainder).toBe(tr(10));
    expect(c[0]!.disbursed).toBe(tr(10));
  });
  it("become their own lines after the new ones", () => {
    const plan = draftPlan(inputs, {year: 2027});
    const carry = plan.lines.filter((l) => l.kind === "carry_over");
    expect(carry.map((l) => [l.key, l.stt, l.quantity, l.unitAmount, l.totalAmount])).toEqual([
      ["chuyen_nguon:A2", 5, 1, tr(6), tr(6)],
      ["chuyen_nguon:A6", 6, 1, tr(10), tr(10)]
    ]);
    expect(carry[0]!.description).toBe("Chuyển nguồn năm 2026: hoạt động A2 (Nhôm kính Hòa Bình)");
    expect(carry[0]!.note).toContain("QĐ số 45/QĐ-UBND");
    expect(carry[0]!.explanation).toContain("đã chi 14.000.000 đ");
    expect(carry[0]!.note).toBe("Kinh phí năm 2026 chuyển sang; QĐ số 45/QĐ-UBND");
    expect(carry[0]!.funding_source).toBe("chuyen_nguon");
  });
});

describe("draft plan: quantity adjustments", () => {
  it("recompute line totals and totals, and report an overrun", () => {
    const plan = draftPlan(inputs, {
      year: 2027,
      envelope: tr(100),
      quantities: {may_moc_thiet_bi: 4, nang_cao_nang_luc: 1, "chuyen_nguon:A6": 0, khong_co: 2}
    });
    const m = lineOf(plan, "may_moc_thiet_bi");
    expect(m.suggestedQuantity).toBe(3);
    expect(m.quantity).toBe(4);
    expect(m.totalAmount).toBe(tr(80));
    expect(m.adjusted).toBe(true);
    expect(m.explanation).toContain("số lượng do cán bộ điều chỉnh: 4 (theo quy tắc: 3)");
    const n = lineOf(plan, "nang_cao_nang_luc");
    expect(n.totalAmount).toBe(tr(20));
    expect(n.stt).toBe(4);
    expect(lineOf(plan, "chuyen_nguon:A6").stt).toBeNull();
    // 80 + 20 + 9,6 + 20 + 10 = 139,6 tr > 100 tr
    expect(plan.totals.newTotal).toBe(139_600_000n);
    expect(plan.totals.overEnvelope).toBe(true);
    expect(plan.totals.remaining).toBe(-39_600_000n);
    expect(plan.totals.carryOverTotal).toBe(tr(6));
    expect(plan.warnings.some((w) => w.includes("vượt tổng mức dự kiến 100.000.000 đ là 39.600.000 đ"))).toBe(true);
    expect(plan.warnings.some((w) => w.includes("khong_co"))).toBe(true);
  });
  it("ignore nonsense quantities safely", () => {
    const plan = draftPlan(inputs, {year: 2027, quantities: {may_moc_thiet_bi: -3, tu_van_thiet_ke: 2.7, san_pham_thi_truong: Number.NaN}});
    expect(lineOf(plan, "may_moc_thiet_bi").quantity).toBe(0);
    expect(lineOf(plan, "tu_van_thiet_ke").quantity).toBe(2);
    expect(lineOf(plan, "san_pham_thi_truong").quantity).toBe(1);
  });
  it("same quantity as suggested is not an adjustment", () => {
    const plan = draftPlan(inputs, {year: 2027, quantities: {may_moc_thiet_bi: 5}});
    expect(lineOf(plan, "may_moc_thiet_bi").adjusted).toBe(false);
  });
});
