import {spawnSync} from "node:child_process";
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {ingest} from "../../loaders/ingest.js";
import {evaluate, evaluationYear} from "../../reports/evaluation.js";
import {draftFromWarehouse} from "../../reports/plan.js";
import draftPlanData, {draftRequestLabels} from "../../src/data/draft-plan.js";
import {draftPlan, labelRequests, unpackDraftInputs, type RequestLabel} from "../../src/lib/plan/draft.js";
import {parseWithBigInt, stringifyWithBigInt, unpackRows} from "../../src/lib/plan/json.js";
import {withWarehouse} from "../../src/lib/warehouse/json.js";
import {openWarehouse, planYears, type Warehouse} from "../../src/lib/warehouse/open.js";
import {generateSample} from "../../scripts/sample/generate.js";
import {appendixRows} from "../../src/lib/documents/plan.js";
import {buildEvaluationDocx, evaluationHead, evaluationLists, packEvaluation, unpackEvaluation, withLists, type EvaluationModel} from "../../src/lib/documents/index.js";
import {paragraphs, unzip} from "./docx-helpers.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const fixture = fileURLToPath(new URL("./fixtures/warehouse", import.meta.url));
const tr = (n: number) => BigInt(Math.round(n * 1_000_000));

let dir: string;
let db: string;
let w: Warehouse;
let model: EvaluationModel;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kc-eval-"));
  db = join(dir, "warehouse.duckdb");
  const summary = await ingest({dataDir: fixture, dbPath: db});
  expect(summary.rejects).toBe(0);
  w = await openWarehouse(db);
  model = await evaluate(w, 2026);
});

afterAll(() => {
  w?.close();
  rmSync(dir, {recursive: true, force: true});
});

describe("evaluation of 2026 against the hand-computed fixture", () => {
  it("the plan year is the latest in the data", async () => {
    expect(await evaluationYear(w)).toBe(2026);
    await expect(evaluationYear(w, 2030)).rejects.toThrow("không có kế hoạch năm 2030");
  });

  it("targets: one missed, one exceeded, one met (completed activities only)", () => {
    expect(model.targets.map((t) => [t.indicator, t.target_min, t.target_max, t.achieved, t.status, t.activities])).toEqual([
      ["may_moc", 2, 5, 1, "chua_dat", 1], // A1 done; A2 in progress, A3 cancelled do not count
      ["hoi_cho", 1, 2, 3, "vuot", 2], // A4 counts 2, A5 counts 1
      ["tham_quan", 1, 1, 1, "dat", 1]
    ]);
  });

  it("budget lines: planned, approved (not cancelled), disbursed net of the recovery, rates", () => {
    const b = model.budget;
    expect(b.lines.map((l) => [l.line_no, l.planned_amount, l.approved_amount, l.disbursed_amount])).toEqual([
      [1, tr(60), tr(38), tr(32.6)], // A1 20 + A2 18; paid 14 + 6 + 12,6 + 13,3 − 13,3
      [2, tr(20), tr(14), tr(13)], // A4 8 + A5 6; paid 7 + 6
      [3, tr(20), tr(20), tr(19.85)] // A6; A8 only proposed
    ]);
    expect(b.lines[0]!.commitment_rate).toBeCloseTo(63.333, 3);
    expect(b.lines[0]!.disbursement_rate).toBeCloseTo(54.333, 3);
    expect(b.lines[2]!.disbursement_rate).toBeCloseTo(99.25, 6);
    expect([b.planned, b.approved, b.disbursed, b.recovered]).toEqual([tr(100), tr(72), tr(65.45), tr(13.3)]);
    expect(b.commitment_rate).toBeCloseTo(72, 6);
    expect(b.disbursement_rate).toBeCloseTo(65.45, 6);
    expect(b.otherLevels).toEqual({activities: 1, approved: tr(90), disbursed: tr(90)});
  });

  it("outcomes: facilities by kind and sector, participants, jobs, leverage", () => {
    const o = model.outcomes;
    // completed: A1 (E1), A4 (E3), A5 (E5), A6 (no facility), A7 (E2, province)
    expect(o.facilities).toBe(4);
    expect(o.byKind.map((k) => [k.code, k.count])).toEqual([
      ["doanh_nghiep", 1],
      ["hop_tac_xa", 1],
      ["to_hop_tac", 1],
      ["ho_kinh_doanh", 1]
    ]);
    expect(o.bySector.filter((s) => s.count > 0).map((s) => [s.code, s.count])).toEqual([
      ["che_bien_nlts", 3],
      ["co_khi", 1]
    ]);
    expect([o.activitiesCompleted, o.activitiesInProgress, o.activitiesCancelled]).toEqual([5, 1, 1]);
    expect(o.participants).toBe(26); // 4 + 2 + 20
    expect(o.jobs).toBe(7); // 3 + 4
    expect(o.support).toBe(tr(144)); // 20 + 8 + 6 + 20 + 90
    expect(o.counterpart).toBe(tr(193)); // 40 + 2 + 1 + 150
    expect(o.leverage).toBeCloseTo(193 / 144, 10);
  });

  it("comparison with the yearly averages of the history (years without projects count as zero)", () => {
    const h = model.history;
    expect([h.fromYear, h.toYear]).toEqual([2020, 2025]);
    // 5 projects over 6 years; facilities per year 0 + 2 + 1 + 1; 125 tr; 180 tr; 5 jobs
    expect(h.average.supports).toBeCloseTo(5 / 6, 10);
    expect(h.average.facilities).toBeCloseTo(4 / 6, 10);
    expect(h.average.support).toBe(20_833_333n);
    expect(h.average.counterpart).toBe(tr(30));
    expect(h.average.jobs).toBeCloseTo(5 / 6, 10);
    // 2026: approved, not cancelled: A1 A2 A4 A5 A6 A7
    expect(h.current).toEqual({supports: 6, facilities: 4, support: tr(162), counterpart: tr(223), jobs: 7});
  });

  it("carry-over: unfinished A2's unpaid 5,4 tr; completed A4 and A6 listed for settlement only", () => {
    expect(model.carryOver.items.map((c) => [c.activity_id, c.status, c.decision_no, c.approved, c.disbursed, c.remainder, c.establishment_name])).toEqual([
      ["A2", "Đang thực hiện", "11/QĐ-UBND", tr(18), tr(12.6), tr(5.4), "Cơ khí Tiến Đạt"]
    ]);
    expect(model.carryOver.total).toBe(tr(5.4));
    expect(model.carryOver.unsettled.map((c) => [c.activity_id, c.remainder])).toEqual([
      ["A4", tr(1)],
      ["A6", 150_000n]
    ]);
  });

  it("carry-over by the rule: A2's 5,4 tr fits line 1's 27,4 tr left (60 − 32,6) and the year's 34,55 tr (100 − 65,45)", () => {
    expect(model.carryOver.yearUnspent).toBe(34_550_000n);
    expect(model.carryOver.items.map((c) => [c.activity_id, c.line_no, c.unpaid, c.remainder, c.limit])).toEqual([["A2", 1, tr(5.4), tr(5.4), undefined]]);
  });

  it("the year's ingest warnings become findings: A5 at 6/(6 + 1) = 85,7% > 80%; A7 90 tr > 20 tr (a norm without a level binds every level)", () => {
    expect(model.findings).toEqual([
      {kind: "over_cap", text: "Hoạt động A5 năm 2026: kinh phí phê duyệt 6.000.000 đ bằng 85,7% tổng chi phí, vượt tỷ lệ tối đa 80,0% (Mức khuyến công xã)"},
      {kind: "over_cap", text: "Hoạt động A7 năm 2026: kinh phí phê duyệt 90.000.000 đ vượt mức tối đa 20.000.000 đ (Mức khuyến công xã)"}
    ]);
  });
  // The page's first paint: the targets' first page and the first findings, with the counts of
  // the whole lists (statuses above: chua_dat, vuot, dat; findings A5, A7). Proved by breaking it
  // once each: evaluationHead counting the cut targets only, and withLists leaving the findings
  // cut, failed it.
  it("the page's first paint carries the first rows and the counts; the whole lists make the model again", () => {
    const head = parseWithBigInt<ReturnType<typeof evaluationHead>>(stringifyWithBigInt(evaluationHead(model, {targets: 1, findings: 1})));
    expect(head.counts).toEqual({targets: {dat: 1, vuot: 1, chua_dat: 1}, findings: 2});
    const first = unpackEvaluation(head.first);
    expect(first.targets.map((t) => t.indicator)).toEqual(["may_moc"]);
    expect(first.findings!.map((f) => f.text.slice(0, 14))).toEqual(["Hoạt động A5 n"]);
    expect({...first, targets: [], findings: []}).toStrictEqual({...model, targets: [], findings: []});
    const lists = parseWithBigInt<ReturnType<typeof evaluationLists>>(stringifyWithBigInt(evaluationLists(model)));
    expect(withLists(first, lists)).toStrictEqual(model);
  });

  it("the draft plan of 2027 from the warehouse", async () => {
    const plan = await draftFromWarehouse(w);
    const d = plan.draft;
    expect(d.year).toBe(2027);
    expect(d.totals.envelope).toBe(tr(100)); // default: the 2026 plan's new money (no line is chuyển nguồn)
    // never supported (S2, a new facility) first; then E4 (project 2024; its cancelled activity is no support); then E5 (2026)
    expect(d.requests.map((r) => [r.survey_id, r.lastSupportedYear, r.capped, r.status])).toEqual([
      ["S2", null, tr(15), "included"], // 50% × 30 tr
      ["S3", 2024, tr(8), "included"], // 80% × 10 tr
      ["S1", 2026, tr(20), "included"] // 20 tr per facility
    ]);
    // line 3 (tour, A6 without a facility) is standing: 1 × 20 tr; S2 at its cap 15 tr, S1 at the unit 20 tr
    expect(d.lines.map((l) => [l.key, l.origin, l.quantity, l.unitAmount, l.totalAmount])).toEqual([
      ["may_moc_thiet_bi", "requests", 2, tr(20), tr(35)],
      ["san_pham_thi_truong", "requests", 1, tr(8), tr(8)],
      ["nang_cao_nang_luc", "standing", 1, tr(20), tr(20)],
      ["chuyen_nguon:A2", "carry_over", 1, tr(5.4), tr(5.4)]
    ]);
    // 35 + 8 + 20 = 63 new; + 5,4 carried over
    expect(d.totals.grandTotal).toBe(tr(68.4));
    // section IV: may_moc (A1, A2 on line 1): 2 funded → 2 – 2 + 3; hoi_cho (A4, A5 on line 2): 1 → 1 – 2; tham_quan (A6 on line 3, standing 1) → 1 – 1
    expect(d.targets.map((t) => [t.indicator, t.target_min, t.target_max])).toEqual([
      ["may_moc", 2, 5],
      ["hoi_cho", 1, 2],
      ["tham_quan", 1, 1]
    ]);
    // section III: the 2026 evaluation's figures (above): hoi_cho vượt and tham_quan đạt of 3 targets; 4 facilities
    expect(plan.previous).toEqual({
      budget: {planned: tr(100), approved: tr(72), disbursed: tr(65.45), commitment_rate: 72, disbursement_rate: 65.45},
      targetsMet: 2,
      targets: 3,
      facilities: 4
    });
    expect(plan.registry?.total).toBe(5);
  });
});

describe("npm run report (command line)", () => {
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ["--import", "tsx", join(root, "reports/cli.ts"), ...args], {cwd: root, encoding: "utf8", env: {...process.env, KC_DB: db, ...env}, timeout: 120_000});

  it("evaluation writes the report and the budget workbook", () => {
    const out = join(dir, "out-eval");
    const r = run(["evaluation", "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("Báo cáo đánh giá năm 2026: 2/3 chỉ tiêu đạt hoặc vượt; giải ngân 65.450.000 đ / 100.000.000 đ (65,5%); đề nghị chuyển nguồn 5.400.000 đ.");
    expect(r.stdout).toContain("Cách đọc số tiền bằng chữ: linh");
    const docx = join(out, "bao-cao-danh-gia-khuyen-cong-2026.docx");
    expect(existsSync(join(out, "kinh-phi-khuyen-cong-2026.xlsx"))).toBe(true);
    const text = paragraphs(unzip(readFileSync(docx)).get("word/document.xml")!.toString("utf8"));
    expect(text).toContain("BÁO CÁO");
    expect(text).toContain("Bằng chữ: Năm triệu bốn trăm nghìn đồng");
    expect(text).toContain("Bằng chữ: Kế hoạch một trăm triệu đồng; đã giải ngân sáu mươi lăm triệu bốn trăm năm mươi nghìn đồng.");
    // 5.400.000 has no zero tens; the option shows in 105.000 (see words.test.ts) and is passed through here
    const le = run(["evaluation", "--out", join(dir, "out-le"), "--zero-tens", "le"]);
    expect(le.status, le.stderr).toBe(0);
    expect(le.stdout).toContain("Cách đọc số tiền bằng chữ: lẻ");
    expect(text).not.toContain("SỐ LIỆU MẪU - CHỈ ĐỂ THỬ, KHÔNG BAN HÀNH"); // no DU_LIEU_MAU.txt in the fixture
  });

  it("plan writes the draft with the year after, an envelope and adjusted quantities", () => {
    const out = join(dir, "out-plan");
    const r = run(["plan", "--out", out, "--envelope", "45.000.000", "--qty", "nang_cao_nang_luc=2"]);
    expect(r.status, r.stderr).toBe(0);
    // tour raised to 2 × 20 = 40 tr; S2 15 → 55 > 45: out; S3 8 → 48 > 45: out; S1 20: out; 40 tr ≤ 45 tr
    expect(r.stdout).toContain("Dự thảo kế hoạch năm 2027: 0/3 đề nghị được bố trí; kinh phí năm 2027 40.000.000 đ / tổng mức 45.000.000 đ; chuyển nguồn 5.400.000 đ; tổng cộng 45.400.000 đ.");
    const over = run(["plan", "--out", out, "--envelope", "30.000.000", "--qty", "nang_cao_nang_luc=2"]);
    expect(over.stdout).toContain("Cần xem: Tổng kinh phí năm 2027 (40.000.000 đ) vượt tổng mức dự kiến 30.000.000 đ là 10.000.000 đ.");
    const text = paragraphs(unzip(readFileSync(join(out, "du-thao-ke-hoach-khuyen-cong-2027.docx"))).get("word/document.xml")!.toString("utf8"));
    expect(text).toContain("Bằng chữ: Bốn mươi lăm triệu bốn trăm nghìn đồng");
    // staff notes stay in the command's output, never in the document
    expect(text.join("\n")).not.toMatch(/Cần xem|Lưu ý khi hoàn thiện|Cán bộ có thể điều chỉnh|thứ tự ưu tiên:/);
    expect(existsSync(join(out, "du-thao-kinh-phi-khuyen-cong-2027.xlsx"))).toBe(true);
  });

  it("says in Vietnamese what is wrong", () => {
    const missing = run(["evaluation"], {KC_DB: join(dir, "khong-co.duckdb")});
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("Chưa có kho dữ liệu");
    const year = run(["evaluation", "--year", "2030", "--out", join(dir, "x")]);
    expect(year.status).toBe(1);
    expect(year.stderr).toContain("không có kế hoạch năm 2030 (có: 2026)");
    const usage = run(["bao-cao"]);
    expect(usage.status).toBe(1);
    expect(usage.stdout).toContain("npm run report -- evaluation");
    const envelope = run(["plan", "--envelope", "mười triệu", "--out", join(dir, "x")]);
    expect(envelope.status).toBe(1);
    expect(envelope.stderr).toContain("tổng mức kinh phí không đúng");
  });
});

describe("a hand-in with an activity approved at twice its plan line and above its cap", () => {
  // The fixture with A2 approved 120 tr (line 1 plans 60 tr; the commune norm caps machines at
  // 20 tr and 50%: counterpart 30 tr allows 30 tr, so the cap is 20 tr). Paid 12,6 tr.
  let handIn: EvaluationModel;
  let hw: Warehouse;
  let text: string[];
  beforeAll(async () => {
    const data = join(dir, "hand-in");
    cpSync(fixture, data, {recursive: true});
    const file = join(data, "activities_2026.csv");
    const csv = readFileSync(file, "utf8");
    writeFileSync(file, csv.replace("A2,2026,1,may_moc_thiet_bi,may_moc,1,Máy cắt,E2,xa,dang_thuc_hien,18000000,30000000", "A2,2026,1,may_moc_thiet_bi,may_moc,1,Máy cắt,E2,xa,dang_thuc_hien,120000000,30000000"));
    const hdb = join(dir, "hand-in.duckdb");
    await ingest({dataDir: data, dbPath: hdb});
    hw = await openWarehouse(hdb);
    handIn = await evaluate(hw, 2026);
    text = paragraphs(unzip(await buildEvaluationDocx(handIn)).get("word/document.xml")!.toString("utf8"));
  });
  afterAll(() => hw?.close());

  it("carries over only what the cap allows: 20 − 12,6 = 7,4 tr, within line 1's 27,4 tr and the year's 34,55 tr", () => {
    // Mutation check: without the cap limit in carry-over.ts this failed (27,4 tr, the line's room).
    expect(handIn.carryOver.items.map((c) => [c.activity_id, c.unpaid, c.remainder])).toEqual([["A2", tr(107.4), tr(7.4)]]);
    expect(handIn.carryOver.total).toBe(tr(7.4));
    expect(handIn.carryOver.total <= handIn.carryOver.yearUnspent!).toBe(true);
  });

  it("every overspending appears under Tồn tại, hạn chế, with its amounts", () => {
    // line 1: 20 (A1) + 120 (A2) = 140 tr approved = 233,3% of 60; total 140 + 14 + 20 = 174 tr = 174,0% of 100
    const expected = [
      "- Dòng 1 (Hỗ trợ ứng dụng máy móc thiết bị): đã phê duyệt 140.000.000 đồng, bằng 233,3% kế hoạch 60.000.000 đồng, vượt 80.000.000 đồng.",
      "- Tổng kinh phí đã phê duyệt 174.000.000 đồng, bằng 174,0% kế hoạch 100.000.000 đồng, vượt 74.000.000 đồng.",
      "- Hoạt động A2 (Máy cắt, Cơ khí Tiến Đạt): còn 107.400.000 đồng chưa giải ngân, chỉ đề nghị chuyển nguồn 7.400.000 đồng vì phê duyệt 120.000.000 đồng vượt mức hỗ trợ tối đa 20.000.000 đồng; 100.000.000 đồng còn lại cần UBND xã quyết định.",
      "- Hoạt động A2 năm 2026: kinh phí phê duyệt 120.000.000 đ vượt mức tối đa 20.000.000 đ (Mức khuyến công xã)."
    ];
    const from = text.indexOf("2. Tồn tại, hạn chế");
    const to = text.indexOf("3. Nguyên nhân");
    const section = text.slice(from, to);
    for (const line of expected) expect(section).toContain(line);
    expect(handIn.findings!.map((f) => f.kind)).toEqual(["line_over_plan", "total_over_plan", "carry_over_held_back", "over_cap", "over_cap", "over_cap"]);
  });

  it("never says đạt for a figure above the plan", () => {
    expect(text.join("\n")).toContain("đã phê duyệt 174.000.000 đồng, bằng 174,0% kế hoạch, vượt kế hoạch 74.000.000 đồng");
    expect(text.join("\n")).not.toMatch(/đạt 174,0%/);
  });
});

describe("on the sample data, every plan year", () => {
  // The rule's limits hold whatever the sample holds (its hand-computed line 3 is in carry-over.test.ts).
  let sw: Warehouse;
  let sdb: string;
  beforeAll(async () => {
    const data = join(dir, "sample");
    generateSample(data);
    sdb = join(dir, "sample.duckdb");
    await ingest({dataDir: data, dbPath: sdb});
    sw = await openWarehouse(sdb);
  });
  afterAll(() => sw?.close());

  it("carries over no more than each line's and the year's unspent money, and reports every line above its plan", async () => {
    const years = await planYears(sw);
    expect(years.length).toBeGreaterThan(0);
    for (const y of years) {
      const e = await evaluate(sw, y);
      for (const l of e.budget.lines) {
        const carried = e.carryOver.items.filter((c) => c.line_no === l.line_no).reduce((s, c) => s + c.remainder, 0n);
        const left = l.planned_amount - l.disbursed_amount;
        expect(carried <= (left > 0n ? left : 0n), `${y} dòng ${l.line_no}`).toBe(true);
        if (l.approved_amount > l.planned_amount) expect(e.findings!.some((f) => f.kind === "line_over_plan" && f.text.startsWith(`Dòng ${l.line_no} (`)), `${y} dòng ${l.line_no}`).toBe(true);
      }
      expect(e.carryOver.total <= e.carryOver.yearUnspent!).toBe(true);
      for (const c of e.carryOver.items) expect(c.remainder <= c.unpaid!).toBe(true);
    }
  });

  // Proved by breaking it once: unpackRows leaving money columns as numbers failed it.
  it("the page recomputes from its data the draft the documents' command makes, with the same quantities", async () => {
    const shipped = parseWithBigInt<Awaited<ReturnType<typeof draftPlanData>>>(stringifyWithBigInt(await withWarehouse(draftPlanData, sdb)));
    const labels = unpackRows<RequestLabel>(parseWithBigInt(stringifyWithBigInt(await withWarehouse(draftRequestLabels, sdb))));
    const inputs = unpackDraftInputs(shipped.inputs);
    const quantities = {may_moc_thiet_bi: 1, nang_cao_nang_luc: 3};
    const command = await draftFromWarehouse(sw, {quantities});
    // with the labels the page fetches for the documents (draft-requests.json)
    expect(labelRequests(draftPlan(inputs, {envelope: shipped.defaultEnvelope, quantities}), labels)).toEqual(command.draft);
    expect(shipped.previous).toEqual(command.previous);
    expect(shipped.registry).toEqual(command.registry);
    // what the page gets is the year's requests, not the survey, projects or register
    expect(inputs.requests.length).toBe(command.draft.requests.length);
    expect(Object.keys(shipped.inputs).sort()).toEqual(["carryOver", "fromYear", "groups", "norms", "pastUnits", "requests", "targetYear", "targets", "year"]);
  });

  // Proved by breaking it once: unpackRows leaving money columns as numbers failed it.
  it("the page's evaluation (packed for the way) is the model the documents are made from", async () => {
    for (const y of await planYears(sw)) {
      const e = await evaluate(sw, y);
      const shipped = parseWithBigInt<ReturnType<typeof packEvaluation>>(stringifyWithBigInt(packEvaluation(e)));
      expect(unpackEvaluation(shipped)).toStrictEqual(e);
    }
  });

  it("the draft keeps the plan's lines that are not facility requests, and its appendix adds up to the facility lines", async () => {
    const plan = await draftFromWarehouse(sw);
    const d = plan.draft;
    expect(d.lines.some((l) => l.origin === "standing" && l.quantity > 0)).toBe(true);
    const facilityLines = d.lines.filter((l) => l.origin === "requests").reduce((s, l) => s + l.totalAmount, 0n);
    expect(appendixRows(d).total).toBe(facilityLines);
    expect(d.totals.newTotal).toBe(d.lines.filter((l) => l.kind === "new").reduce((s, l) => s + l.totalAmount, 0n));
    // the carry-over lines are the evaluation's proposal of the year before, item for item
    expect(d.lines.filter((l) => l.kind === "carry_over").map((l) => [l.sources[0], l.totalAmount])).toEqual(
      (await evaluate(sw, d.fromYear)).carryOver.items.filter((c) => c.remainder > 0n).map((c) => [c.activity_id, c.remainder])
    );
  });
});
