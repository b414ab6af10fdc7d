import {spawnSync} from "node:child_process";
import {existsSync, mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {ingest} from "../../loaders/ingest.js";
import {evaluate, evaluationYear} from "../../reports/evaluation.js";
import {draftFromWarehouse} from "../../reports/plan.js";
import {openWarehouse, readAll, type Warehouse} from "../../reports/warehouse.js";
import type {EvaluationModel} from "../../src/lib/documents/models.js";
import {carryOver, unsettled} from "../../src/lib/plan/draft.js";
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

  it("the SQL view and the TypeScript rule pick the same carry-over", async () => {
    const rows = await readAll(w);
    expect(carryOver(rows.activities, rows.disbursements, 2026).map((c) => [c.activity.activity_id, c.remainder])).toEqual(
      model.carryOver.items.map((c) => [c.activity_id, c.remainder])
    );
    expect(unsettled(rows.activities, rows.disbursements, 2026).map((c) => [c.activity.activity_id, c.remainder])).toEqual(
      model.carryOver.unsettled.map((c) => [c.activity_id, c.remainder])
    );
  });

  it("the draft plan of 2027 from the warehouse", async () => {
    const plan = await draftFromWarehouse(w);
    const d = plan.draft;
    expect(d.year).toBe(2027);
    expect(d.totals.envelope).toBe(tr(100)); // default: the 2026 plan's total
    // never supported (S2, a new facility) first; then E4 (project 2024; its cancelled activity is no support); then E5 (2026)
    expect(d.requests.map((r) => [r.survey_id, r.lastSupportedYear, r.capped, r.status])).toEqual([
      ["S2", null, tr(15), "included"], // 50% × 30 tr
      ["S3", 2024, tr(8), "included"], // 80% × 10 tr
      ["S1", 2026, tr(20), "included"] // 20 tr per facility
    ]);
    expect(d.lines.map((l) => [l.key, l.quantity, l.unitAmount, l.totalAmount])).toEqual([
      ["may_moc_thiet_bi", 2, tr(20), tr(40)],
      ["san_pham_thi_truong", 1, tr(8), tr(8)],
      ["nang_cao_nang_luc", 0, tr(20), 0n],
      ["chuyen_nguon:A2", 1, tr(5.4), tr(5.4)]
    ]);
    expect(d.totals.grandTotal).toBe(tr(53.4));
    expect(plan.previous?.year).toBe(2026);
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
    const docx = join(out, "bao-cao-danh-gia-khuyen-cong-2026.docx");
    expect(existsSync(join(out, "kinh-phi-khuyen-cong-2026.xlsx"))).toBe(true);
    const text = paragraphs(unzip(readFileSync(docx)).get("word/document.xml")!.toString("utf8"));
    expect(text).toContain("BÁO CÁO");
    expect(text).toContain("Bằng chữ: Năm triệu bốn trăm nghìn đồng");
    expect(text).toContain("Bằng chữ: Kế hoạch một trăm triệu đồng; đã giải ngân sáu mươi lăm triệu bốn trăm năm mươi nghìn đồng.");
    expect(text).not.toContain("SỐ LIỆU MẪU - CHỈ ĐỂ THỬ, KHÔNG BAN HÀNH"); // no DU_LIEU_MAU.txt in the fixture
  });

  it("plan writes the draft with the year after, an envelope and adjusted quantities", () => {
    const out = join(dir, "out-plan");
    const r = run(["plan", "--out", out, "--envelope", "30.000.000", "--qty", "nang_cao_nang_luc=1"]);
    expect(r.status, r.stderr).toBe(0);
    // 30 tr: S2 20 → 20; S3 8 → 28; S1 needs 20: left out; then the tour adds 20 tr by hand: 48 tr > 30 tr
    expect(r.stdout).toContain("Dự thảo kế hoạch năm 2027: 2/3 đề nghị được bố trí; kinh phí năm 2027 48.000.000 đ / tổng mức 30.000.000 đ; chuyển nguồn 5.400.000 đ; tổng cộng 53.400.000 đ.");
    expect(r.stdout).toContain("Cần xem: Tổng kinh phí năm 2027 (48.000.000 đ) vượt tổng mức dự kiến 30.000.000 đ là 18.000.000 đ.");
    const text = paragraphs(unzip(readFileSync(join(out, "du-thao-ke-hoach-khuyen-cong-2027.docx"))).get("word/document.xml")!.toString("utf8"));
    expect(text).toContain("Bằng chữ: Năm mươi ba triệu bốn trăm nghìn đồng");
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
