// The programme's cycle on the two-year sample (npm run sample -- --second-year): numbering
// restarted in 2027, carry-over lines, carried activities, a January voucher of plan year 2026 in
// the 2027 file, the 2026 file updated in 2027. Every figure below is worked out by hand from
// scripts/sample/story.ts (2026) and scripts/sample/second-year.ts (2027), in triệu đồng.
import {spawnSync} from "node:child_process";
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {ingest} from "../../../loaders/ingest.js";
import {generateSample} from "../../../scripts/sample/generate.js";
import {evaluate} from "../../../reports/evaluation.js";
import {draftFromWarehouse} from "../../../reports/plan.js";
import {openWarehouse, type Warehouse} from "../../../src/lib/warehouse/open.js";
import {budgetRows, type Cell, type Line} from "../../../src/components/budget-model.js";
import {unpackRows, type PackedRows} from "../../../src/lib/plan/json.js";
import {buildEvaluationDocx, buildEvaluationXlsx, type EvaluationModel} from "../../../src/lib/documents/index.js";
import ExcelJS from "exceljs";
import {datasetFiles} from "../../../src/data.zip.js";
import {paragraphs, unzip} from "../../reports/docx-helpers.js";

/** The site's datasets (the files of src/data.zip.ts), read from the two-year warehouse. */
let siteData: Record<string, string>;

/** A page's dataset (src/data/<name>.ts), as the page parses it. */
function loader<T>(name: string): T {
  return JSON.parse(siteData[`${name}.json`]!) as T;
}

const tr = (n: number) => BigInt(Math.round(n * 1_000_000));
let dir: string;
let one: Warehouse;
let two: Warehouse;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kc-two-years-"));
  for (const [name, secondYear] of [["one", false], ["two", true]] as const) {
    generateSample(join(dir, name), undefined, {secondYear});
    await ingest({dataDir: join(dir, name), dbPath: join(dir, `${name}.duckdb`)});
  }
  one = await openWarehouse(join(dir, "one.duckdb"));
  two = await openWarehouse(join(dir, "two.duckdb"));
}, 120_000);

afterAll(() => {
  one?.close();
  two?.close();
  rmSync(dir, {recursive: true, force: true});
});

const lines = async (w: Warehouse, year: number) =>
  (await w.query(`SELECT line_no, funding_source, planned_amount, approved_amount, disbursed_amount FROM plan_vs_actual WHERE year = ${year} ORDER BY line_no`)).map((l) => [
    l.line_no,
    l.funding_source,
    l.planned_amount,
    l.approved_amount,
    l.disbursed_amount
  ]);

describe("plan_vs_actual of both years, ids restarted", () => {
  it("2027: new money on lines 1–3, the carried activities on the carry-over lines 4–6", async () => {
    expect(await lines(two, 2027)).toEqual([
      [1, "xa", tr(80), tr(60), tr(34)], // HD-01 + HD-02 + HD-03 = 3 × 20; paid 14 + 6 (HD-01) + 14 (HD-02)
      [2, "xa", tr(40), tr(27), tr(19.5)], // HD-05 12 + HD-06 15; paid 12 + 7,5
      [3, "xa", tr(10), 0n, 0n], // HD-07 only proposed
      [4, "chuyen_nguon", tr(6), tr(6), tr(6)], // HD-08 carried from 2026/HD-03
      [5, "chuyen_nguon", tr(5.4), tr(5.4), tr(2)], // HD-09 carried from 2026/HD-05, 2 paid
      [6, "chuyen_nguon", tr(9), tr(9), tr(9)] // HD-10 carried from 2026/HD-08
    ]);
  });

  it("2026: the 2027 files add only the January voucher that names plan year 2026 (line 4)", async () => {
    // 2026 alone: line 1 HD-01 19,5 + HD-02 18 + HD-03 20 (HD-04 cancelled); paid 13,65 + 13,3 + 12,6
    // + 5,85 − 13,3 (recovered) + 5,4 + 14 = 51,5. Line 3: 8,5 + 7 + 9; paid 4,5 + 7 (the 4 tr of
    // 31/02 and the 1,5 tr with a fraction are rejected). Line 4: paid 14 + 5,85 (the double entry rejected).
    const alone = [
      [1, "xa", tr(60), tr(57.5), tr(51.5)],
      [2, "xa", tr(20), tr(18), tr(12.6)],
      [3, "xa", tr(20), tr(24.5), tr(11.5)],
      [4, "xa", tr(20), tr(20), tr(19.85)],
      [5, "xa", tr(10), 0n, 0n]
    ];
    expect(await lines(one, 2026)).toEqual(alone);
    // PC-001 of 12/01/2027, Năm kế hoạch 2026, pays 2026's HD-09 (study tour, line 4) 0,15; 2027's
    // own HD-09 is another activity. Nothing carried lands on 2026.
    expect(await lines(two, 2026)).toEqual(alone.map((l) => (l[0] === 4 ? [4, "xa", tr(20), tr(20), tr(20)] : l)));
  });

  // With the voucher's reference on the id alone (no plan year), HD-11 was found in 2026 and loaded;
  // the data test references_resolve then stopped the ingest, and this file failed.
  it("the voucher citing HD-11 (an id of 2026 only) in 2027 is rejected naming 2027, not booked to 2026", async () => {
    const [r] = await two.query("SELECT source_file, source_line, reason FROM rejects WHERE source_file LIKE 'disbursements_2027%'");
    expect(r).toMatchObject({source_file: "disbursements_2027_q4.csv", source_line: 2});
    expect(String(r!.reason)).toContain("năm 2027");
    expect(await two.query("SELECT count(*) AS n FROM disbursements WHERE activity_id = 'HD-11'")).toEqual([{n: 0n}]);
  });

  it("the plan year every page opens on holds the data date; 2026 is closed", async () => {
    expect(await two.query("SELECT year, is_default, closed, strftime(evaluation_as_of, '%Y-%m-%d') AS d FROM plan_years ORDER BY year")).toEqual([
      {year: 2026, is_default: false, closed: true, d: "2026-12-31"},
      {year: 2027, is_default: true, closed: false, d: "2027-11-19"} // last survey form, 19/11/2027
    ]);
    expect(await one.query("SELECT year, is_default, closed FROM plan_years")).toEqual([{year: 2026, is_default: true, closed: false}]);
  });
});

describe("a closed year stays closed", () => {
  let alone: EvaluationModel;
  let later: EvaluationModel;
  beforeAll(async () => {
    alone = await evaluate(one, 2026, {dataAsOf: "2026-12-31"});
    later = await evaluate(two, 2026);
  });

  it("2026 evaluated on 31/12/2026 gives the same figures with the 2027 files added", () => {
    // The 2027 files pay 0,15 more on 2026's line 4 (in January) and mark 2026's HD-03 completed on
    // 28/02/2027: neither was so on 31/12/2026. (Evaluating on the current state instead, as the
    // evaluation once did, makes line 4 20 tr and may_moc_xa 3 completions: this test then fails.)
    expect(later.dataAsOf).toBe("2026-12-31");
    const {adjustment, ...rest} = later;
    expect(rest).toEqual(alone);
    expect(adjustment).toEqual({vouchers: 1, amount: tr(0.15), lastPaidOn: "2027-01-12"});
  });

  it("its figures: 73,4% paid, carry-over 19,9 tr, HD-03 still under way", () => {
    // planned 60 + 20 + 20 + 20 + 10 = 130; paid 51,5 + 12,6 + 11,5 + 19,85 = 95,45 → 73,42%
    expect(later.budget.planned).toBe(tr(130));
    expect(later.budget.disbursed).toBe(tr(95.45));
    expect(later.budget.disbursement_rate).toBeCloseTo(73.423, 3);
    // HD-03 20 − 14 = 6, HD-05 18 − 12,6 = 5,4, HD-08 9 − 0 = 9 but line 3 has only 20 − 11,5 = 8,5
    // unspent (the carry-over rule, src/lib/plan/carry-over.ts): 6 + 5,4 + 8,5 = 19,9 ≤ the year's
    // 130 − 95,45 = 34,55. (The sample's adopted 2027 plan carries 9 for HD-08: it was drafted
    // before the line limit, and stays as the commune's own decision.)
    expect(later.carryOver.items.map((c) => [c.activity_id, c.remainder])).toEqual([
      ["HD-03", tr(6)],
      ["HD-05", tr(5.4)],
      ["HD-08", tr(8.5)]
    ]);
    expect(later.carryOver.total).toBe(tr(19.9));
    expect(later.targets.find((t) => t.indicator === "may_moc_xa")?.achieved).toBe(2); // HD-01, HD-02 (not HD-03)
  });
});

describe("the closed year's documents say the date they stand on and keep the adjustment period apart", () => {
  // The one voucher of plan year 2026 paid on 12/01/2027 (0,15 tr, second-year.ts) is shown apart
  // in the Word report, the Excel table and the command's output, as on the page; the figures
  // stay those of 31/12/2026. Mutation: dropping the adjustment paragraph from report.ts made the
  // Word test fail.
  const adjustment = "Các khoản chi sau ngày đó cho kế hoạch năm 2026 (thời gian chỉnh lý, ghi Năm kế hoạch 2026): 1 chứng từ, 150.000 đ, đến ngày 12/01/2027, không tính vào các số liệu của năm.";
  let model: EvaluationModel;
  beforeAll(async () => {
    model = await evaluate(two, 2026);
  });

  it("Word: the opening names 31/12/2026 and the next paragraph the adjustment voucher", async () => {
    const text = paragraphs(unzip(await buildEvaluationDocx(model)).get("word/document.xml")!.toString("utf8"));
    const opening = text.findIndex((p) => p.includes("đến ngày 31/12/2026):"));
    expect(opening).toBeGreaterThan(-1);
    expect(text[opening + 1]).toBe(adjustment);
  });

  it("Excel: the budget sheet's last row says the date and the adjustment voucher", async () => {
    const bytes = await buildEvaluationXlsx(model);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell(`A${ws.rowCount}`).value).toBe(`Số liệu đến ngày 31/12/2026. ${adjustment}`);
  });

  it("npm run report: prints the date and the adjustment voucher; the figures are 31/12/2026's", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "reports/cli.ts", "evaluation", "--year", "2026", "--out", join(dir, "van-ban")], {
      env: {...process.env, KC_DB: join(dir, "two.duckdb")},
      encoding: "utf8"
    });
    expect(run.status).toBe(0);
    const out = run.stdout.split("\n");
    expect(out).toContain("Số liệu đến ngày 31/12/2026.");
    expect(out).toContain(adjustment);
    // 95,45 of 130 paid by 31/12/2026 (not 95,6 with the January voucher).
    expect(run.stdout).toContain("giải ngân 95.450.000 đ / 130.000.000 đ (73,4%)");
  });
});

describe("evaluation of 2027", () => {
  let e: EvaluationModel;
  beforeAll(async () => {
    e = await evaluate(two, 2027);
  });

  it("stands on the data date and sums the 2027 lines", () => {
    expect(e.dataAsOf).toBe("2027-11-19");
    expect([e.budget.planned, e.budget.approved, e.budget.disbursed]).toEqual([tr(150.4), tr(107.4), tr(70.5)]);
    expect(e.adjustment).toBeUndefined();
  });

  it("the carried packaging still unfinished is proposed again, with its chain", () => {
    // Unfinished commune work: HD-02 20 − 14, HD-03 20 − 0, HD-06 15 − 7,5, HD-09 5,4 − 2
    expect(e.carryOver.items.map((c) => [c.activity_id, c.remainder])).toEqual([
      ["HD-02", tr(6)],
      ["HD-03", tr(20)],
      ["HD-06", tr(7.5)],
      ["HD-09", tr(3.4)]
    ]);
    expect(e.carryOver.total).toBe(tr(36.9));
    expect(e.carryOver.items.find((c) => c.activity_id === "HD-09")?.carriedFrom).toEqual({year: 2026, activity_id: "HD-05"});
  });

  it("compares with the average of 2020–2026, the plan year 2026 counted from its activities", () => {
    // Projects 2020–2025: 15 + 17 + 19 + 17 + 16 + 14 = 98 supports, 650 + 1010 + 870 + 1030 + 670
    // + 803,5 = 5033,5 tr; 2026 as of 31/12/2026: 12 approved, not cancelled activities (8 commune,
    // 4 provincial/national) for 19,5 + 18 + 20 + 18 + 8,5 + 7 + 9 + 20 + 90 + 25 + 30 + 250 = 515 tr.
    expect([e.history.fromYear, e.history.toYear]).toEqual([2020, 2026]);
    expect(e.history.average.supports).toBeCloseTo(110 / 7, 6);
    expect(e.history.average.support).toBe(792_642_857n); // 5 548 500 000 / 7 = 792 642 857,14
    // 2027: HD-01, 02, 03, 05, 06 and HD-T01; carried HD-08–10 continue 2026's supports
    expect([e.history.current.supports, e.history.current.support]).toEqual([6, tr(167)]);
    expect(e.history.basis).toContain("Bình quân 2020 - 2026 (7 năm)");
  });
});

describe("the draft of 2028, the year after next", () => {
  it("takes 2027's new money as its envelope and 2027's carry-over proposal as its carried lines", async () => {
    const {draft} = await draftFromWarehouse(two);
    expect(draft.year).toBe(2028);
    // 2027's new money: lines 1–3, 80 + 40 + 10 = 130 (not 150,4 with the carry-over lines 4–6:
    // mutation: summing every 2027 line in reports/plan.ts made this read 150,4)
    expect(draft.totals.envelope).toBe(tr(130));
    // 2027's proposal (above): HD-02 6, HD-03 20, HD-06 7,5, HD-09 3,4 = 36,9, listed apart
    const carried = draft.lines.filter((l) => l.kind === "carry_over");
    expect(carried.map((l) => [l.sources, l.totalAmount])).toEqual([
      [["HD-02"], tr(6)],
      [["HD-03"], tr(20)],
      [["HD-06"], tr(7.5)],
      [["HD-09"], tr(3.4)]
    ]);
    expect(draft.totals.carryOverTotal).toBe(tr(36.9));
    // No new line is templated from a carry-over line: every new line is of a content group, at the commune's money.
    expect(draft.lines.filter((l) => l.kind === "new").every((l) => l.funding_source === "xa" && !l.description.startsWith("Chuyển nguồn"))).toBe(true);
  });
});

describe("history through the last closed year", () => {
  it("the history views count 2026 from its activities, once", async () => {
    expect(await two.query("SELECT from_year, to_year, projects, support_amount FROM site_history_totals")).toEqual([
      {from_year: 2020, to_year: 2026, projects: 110, support_amount: tr(5548.5)}
    ]);
    // One year: 2026 is not closed yet, the history stops at 2025.
    expect(await one.query("SELECT from_year, to_year, projects FROM site_history_totals")).toEqual([{from_year: 2020, to_year: 2025, projects: 98}]);
  });
});

describe("what the pages are given, two years in the warehouse", () => {
  beforeAll(async () => {
    siteData = await datasetFiles(join(dir, "two.duckdb"));
  });

  it("every page opens on 2027, the plan year holding the data date", () => {
    expect(loader("years")).toEqual({years: [2026, 2027], defaultYear: 2027});
  });

  it("Tổng quan: each year's cards, the 2026 ones as of 31/12/2026", () => {
    const o = loader<{kpis: {year: number; as_of: string; planned: number; approved: number; disbursed: number}[]}>("overview");
    expect(o.kpis.map((k) => [k.year, k.as_of, k.planned, k.approved, k.disbursed])).toEqual([
      // 2026 as it stands now: its line 4 has the January voucher (19,85 + 0,15)
      [2026, "2026-12-31", 130_000_000, 120_000_000, 95_600_000],
      [2027, "2027-11-19", 150_400_000, 107_400_000, 70_500_000]
    ]);
  });

  it("Tổng quan: the alerts carry their plan year", () => {
    const a = loader<{alerts: {year: number | null; rule: string}[]}>("overview-alerts");
    // 2026 line 3 is over-committed (24,5 > 20); 2027 raises no budget alert
    expect(a.alerts.map((x) => [x.year, x.rule])).toEqual([[2026, "line_over_committed"]]);
  });

  it("Kế hoạch – Thực hiện: the page's model keeps 2027's HD-09 apart from 2026's HD-09", () => {
    const lines = loader<Line[]>("plan-lines");
    const cells = unpackRows<Cell>(loader<{cells: PackedRows}>("plan-money").cells);
    const f = (year: number) => ({year, group: null, source: null, level: null, formerUnit: null});
    const shown = (year: number) => budgetRows(lines, cells, f(year)).rows.map((r) => [r.line_no, r.planned, r.approved, r.disbursed]);
    // The same figures as plan_vs_actual above. Keyed by id alone, 2027's line 5 (HD-09) took 2026's
    // study-tour vouchers (14 + 5,85 + 0,15) and 2026's line 4 took 2027's HD-09 voucher (2): this
    // test failed so before the model keyed activities by (year, id).
    expect(shown(2027)).toEqual([
      [1, 80_000_000, 60_000_000, 34_000_000],
      [2, 40_000_000, 27_000_000, 19_500_000],
      [3, 10_000_000, 0, 0],
      [4, 6_000_000, 6_000_000, 6_000_000],
      [5, 5_400_000, 5_400_000, 2_000_000],
      [6, 9_000_000, 9_000_000, 9_000_000]
    ]);
    expect(shown(2026)).toEqual([
      [1, 60_000_000, 57_500_000, 51_500_000],
      [2, 20_000_000, 18_000_000, 12_600_000],
      [3, 20_000_000, 24_500_000, 11_500_000],
      [4, 20_000_000, 20_000_000, 20_000_000],
      [5, 10_000_000, 0, 0]
    ]);
  });
});
