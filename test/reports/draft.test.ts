import {describe, expect, it} from "vitest";
import type {Activity, DemandSurvey, Norm, PlanLine, Project} from "../../src/lib/contract/kinds.js";
import {capFor, carryOver, draftPlan, naturalCompare, percentOf, type DraftInputs} from "../../src/lib/plan/draft.js";

const tr = (n: number) => BigInt(Math.round(n * 1_000_000)); // triệu đồng → đồng

function norm(p: Partial<Norm> & Pick<Norm, "content_group">): Norm {
  return {description: "định mức", legal_basis: "TT 28/2018/TT-BTC", valid_from: "2018-07-01", ...p};
}
function line(line_no: number, content_group: PlanLine["content_group"], quantity: number, unit: number, description: string): PlanLine {
  return {year: 2026, line_no, content_group, description, quantity, unit_amount: tr(unit), total_amount: tr(unit) * BigInt(quantity), funding_source: "xa", note: `ghi chú ${line_no}`};
}
function req(p: Partial<DemandSurvey> & Pick<DemandSurvey, "survey_id" | "content_group" | "requested_support">): DemandSurvey {
  return {for_year: 2027, description: `đề nghị ${p.survey_id}`, ...p};
}
function act(p: Partial<Activity> & Pick<Activity, "activity_id" | "status">): Activity {
  return {year: 2026, content_group: "may_moc_thiet_bi", output_qty: 1, title: `hoạt động ${p.activity_id}`, level: "xa", ...p};
}
function proj(p: Partial<Project> & Pick<Project, "project_id" | "year">): Project {
  return {level: "huyen", content_group: "may_moc_thiet_bi", title: "đề án", support_amount: tr(30), ...p};
}

// The hand-computed fixture (figures in the comments are the expected results).
const inputs: DraftInputs = {
  norms: [
    norm({content_group: "may_moc_thiet_bi", max_amount: tr(300), max_percent: 50}),
    // expired before 2027: must not apply
    norm({content_group: "may_moc_thiet_bi", description: "cũ", max_amount: tr(100), valid_from: "2015-01-01", valid_to: "2018-06-30"}),
    norm({content_group: "tu_van_thiet_ke", max_amount: tr(35), max_percent: 50}),
    // starts after 01/01/2027: must not apply
    norm({content_group: "tu_van_thiet_ke", description: "mới", max_amount: tr(10), valid_from: "2027-03-01"}),
    norm({content_group: "san_pham_thi_truong", max_percent: 80})
    // nang_cao_nang_luc and thong_tin_du_lieu: no norm
  ],
  planLines: [
    line(1, "may_moc_thiet_bi", 3, 20, "Hỗ trợ ứng dụng máy móc, thiết bị tiên tiến vào sản xuất."),
    line(2, "tu_van_thiet_ke", 1, 20, "Hỗ trợ thiết kế bao bì, nhãn mác, nhãn hiệu sản phẩm OCOP…"),
    line(3, "san_pham_thi_truong", 2, 10, "Hỗ trợ tham gia hội chợ, triển lãm"),
    line(4, "nang_cao_nang_luc", 1, 20, "Hỗ trợ tham quan, tập huấn"),
    line(5, "thong_tin_du_lieu", 1, 10, "Khảo sát các mô hình CNNT, CSDL, Zalo/Facebook")
  ],
  establishments: [
    {establishment_id: "E1", name: "Cơ sở nước mắm Hải An"},
    {establishment_id: "E2", name: "Cơ khí Tiến Đạt"},
    {establishment_id: "E3", name: "HTX hồ tiêu Vĩnh Lâm"},
    {establishment_id: "E4", name: "Cơ sở bún bánh Thủy Ba"},
    {establishment_id: "E5", name: "Mộc mỹ nghệ Quang Vinh"},
    {establishment_id: "E6", name: "Cơ sở mộc Thủy Lâm"},
    {establishment_id: "E7", name: "Chè vằng Vĩnh Sơn"},
    {establishment_id: "E9", name: "Nhôm kính Hòa Bình"}
  ],
  projects: [
    proj({project_id: "P1", year: 2021, establishment_id: "E2"}),
    proj({project_id: "P2", year: 2023, establishment_id: "E5"}),
    // named only, old tone placement: must resolve to E6
    proj({project_id: "P3", year: 2023, establishment_name: "cơ sở mộc Thuỷ Lâm"}),
    proj({project_id: "P4", year: 2020, establishment_id: "E3"})
  ],
  activities: [
    act({activity_id: "A1", line_no: 1, establishment_id: "E3", status: "hoan_thanh", approved_amount: tr(20), completed_on: "2026-09-01"}),
    act({activity_id: "A2", line_no: 1, establishment_id: "E9", status: "dang_thuc_hien", approved_amount: tr(20), decision_no: "45/QĐ-UBND"}),
    act({activity_id: "A3", line_no: 2, content_group: "tu_van_thiet_ke", status: "hoan_thanh", approved_amount: tr(20), completed_on: "2026-10-01"}),
    // cancelled, and its facility E1 must stay "never supported"
    act({activity_id: "A4", line_no: 1, establishment_id: "E1", status: "huy", approved_amount: tr(20)}),
    // provincial money: not the commune's to carry over
    act({activity_id: "A5", level: "tinh", establishment_id: "E3", status: "dang_thuc_hien", approved_amount: tr(100)}),
    act({activity_id: "A6", line_no: 3, content_group: "san_pham_thi_truong", status: "phe_duyet", approved_amount: tr(10)}),
    // only proposed: not support, E4 stays never supported
    act({activity_id: "A7", line_no: 1, establishment_id: "E4", status: "de_xuat"})
  ],
  disbursements: [
    {activity_id: "A1", amount: tr(20)},
    {activity_id: "A2", amount: tr(14)}, // advance 70%: 6 tr left → carry-over
    {activity_id: "A3", amount: tr(20)},
    {activity_id: "A3", amount: -tr(2)} // recovery from finished work: not carried over
  ],
  survey: [
    req({survey_id: "S1", establishment_id: "E1", content_group: "may_moc_thiet_bi", estimated_cost: tr(100), requested_support: tr(40), priority: 2, surveyed_on: "2026-10-05"}),
    // percent cap: 50% × 30 tr = 15 tr < 20 tr requested
    req({survey_id: "S2", establishment_id: "E2", content_group: "may_moc_thiet_bi", estimated_cost: tr(30), requested_support: tr(20), priority: 1}),
    // amount cap: min(300 tr, 50% × 800 tr) = 300 tr < 400 tr requested
    req({survey_id: "S3", establishment_id: "E3", content_group: "may_moc_thiet_bi", estimated_cost: tr(800), requested_support: tr(400), priority: 1}),
    // tu_van: min(35 tr, 40 tr) = 35 tr
    req({survey_id: "S4", establishment_id: "E4", content_group: "tu_van_thiet_ke", estimated_cost: tr(80), requested_support: tr(40), priority: 1}),
    // commune-wide, no norm for the group
    req({survey_id: "S5", content_group: "thong_tin_du_lieu", requested_support: tr(10)}),
    req({survey_id: "S6", establishment_id: "E5", content_group: "may_moc_thiet_bi", estimated_cost: tr(60), requested_support: tr(25), priority: 1}),
    // named only (new tone placement "Thủy" vs the project's "Thuỷ")
    req({survey_id: "S7", establishment_name: "Cơ sở mộc Thủy Lâm", content_group: "may_moc_thiet_bi", estimated_cost: tr(60), requested_support: tr(25), priority: 2, surveyed_on: "2026-09-01"}),
    req({survey_id: "S8", for_year: 2026, establishment_id: "E1", content_group: "may_moc_thiet_bi", requested_support: tr(20)}),
    // 80% × 12 tr = 9,6 tr
    req({survey_id: "S9", establishment_id: "E7", content_group: "san_pham_thi_truong", estimated_cost: tr(12), requested_support: tr(10), priority: 2, surveyed_on: "2026-10-01"})
  ]
};

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
    expect(n.note).toContain("Chưa có đề nghị");
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
    expect(lineOf(plan, "may_moc_thiet_bi").note).toContain("0/5 đề nghị được bố trí");
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
    // Not: A1 (paid), A3 (finished, recovery returned), A4 (cancelled), A5 (province), A7 (proposal)
    expect(c.map((x) => [x.activity.activity_id, x.remainder])).toEqual([
      ["A2", tr(6)],
      ["A6", tr(10)]
    ]);
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
    expect(carry[0]!.note).toContain("đã chi 14.000.000 đ");
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
    expect(m.note).toContain("số lượng do cán bộ điều chỉnh: 4 (theo quy tắc: 3)");
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
