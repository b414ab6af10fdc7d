// Warnings (docs/du-lieu.md): a rule of the business that does not make a row unusable loads the
// row and lists it in `warnings`. Every rule in loaders/sql/warnings/ fires on a case built for it,
// stays quiet on the near misses next to it (equal to a cap, net of a recovery, a cancelled
// activity, a norm no longer in force), and a clean folder gives no warning at all.
import {readdirSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {cleanup, closeAll, ingestFiles, type Warehouse} from "./helpers.js";

const norms = [
  "Nhóm nội dung;Nội dung;Mức tối đa;Tỷ lệ tối đa;Căn cứ;Hiệu lực từ;Hiệu lực đến",
  "may_moc_thiet_bi;Máy móc;50.000.000;50%;TT 28/2018;01/07/2018;",
  "tu_van_thiet_ke;Bao bì;20.000.000;;TT 28/2018;01/07/2018;31/12/2025",
  "tu_van_thiet_ke;Bao bì mới;30.000.000;;NQ 2026;01/01/2026;"
];
const planHeader = "Năm;STT;Nhóm nội dung;Nội dung hỗ trợ;Số lượng;Kinh phí hỗ trợ;Tổng kinh phí;Nguồn kinh phí";
const plan = {
  1: "2026;1;may_moc_thiet_bi;Máy móc;2;50.000.000;100.000.000;",
  2: "2026;2;tu_van_thiet_ke;Bao bì;2;30.000.000;60.000.000;",
  3: "2026;3;san_pham_thi_truong;Hội chợ;2;10.000.000;25.000.000;", // 2 × 10 ≠ 25: total mismatch
  4: "2026;4;nang_cao_nang_luc;Tập huấn;1;10.000.000;10.000.000;", // N1 + N2 = 11 > 10: over committed
  5: "2026;5;thong_tin_du_lieu;Khảo sát;1;10.000.000;10.000.000;", // K1 10 + K2 1 = 11 > 10: over disbursed
  6: "2026;6;may_moc_thiet_bi;Chuyển nguồn năm 2025: máy Z1;1;4.000.000;4.000.000;Kinh phí năm trước chuyển sang"
};
const actHeader =
  "Mã hoạt động;Năm;Dòng kế hoạch;Nhóm nội dung;Tên hoạt động;Cấp;Trạng thái;Kinh phí phê duyệt;Vốn đối ứng;Ngày quyết định;Ngày hoàn thành;Chuyển từ năm;Mã hoạt động năm trước";
const act = {
  M1: "M1;2026;1;may_moc_thiet_bi;Máy 1;xa;dang_thuc_hien;50.000.000;50.000.000;01/03/2026;", // = cap 50 tr, = 50%: quiet
  M2: "M2;2026;1;may_moc_thiet_bi;Máy 2;xa;phe_duyet;30.000.000;20.000.000;01/04/2026;", // 30 / (30 + 20) = 60% > 50%
  T1: "T1;2026;2;tu_van_thiet_ke;Bao bì 1;xa;hoan_thanh;30.000.000;;10/01/2026;30/06/2026", // = new cap 30 tr: quiet
  T2: "T2;2026;2;tu_van_thiet_ke;Bao bì 2;xa;dang_thuc_hien;25.000.000;;10/12/2025;", // decided under the old cap 20 tr
  T3: "T3;2026;2;may_moc_thiet_bi;Nhóm lệch;xa;de_xuat;;;;", // group of line 1 on line 2
  S1: "S1;2026;3;san_pham_thi_truong;Hội chợ 1;xa;hoan_thanh;8.000.000;;01/02/2026;15/05/2026", // completed, nothing paid
  S2: "S2;2026;;san_pham_thi_truong;Hội chợ tỉnh;tinh;hoan_thanh;5.000.000;;01/02/2026;15/05/2026", // not the commune's budget: quiet
  S3: "S3;2026;3;san_pham_thi_truong;Hội chợ 3;xa;hoan_thanh;6.000.000;;01/02/2026;15/05/2026",
  N1: "N1;2026;4;nang_cao_nang_luc;Tập huấn 1;xa;phe_duyet;6.000.000;;01/03/2026;",
  N2: "N2;2026;4;nang_cao_nang_luc;Tập huấn 2;xa;dang_thuc_hien;5.000.000;;01/03/2026;",
  T4: "T4;2026;2;tu_van_thiet_ke;Bao bì hủy;xa;huy;35.000.000;;01/03/2026;", // cancelled: over the cap, yet quiet; not committed
  K1: "K1;2026;5;thong_tin_du_lieu;Khảo sát 1;xa;dang_thuc_hien;10.000.000;;01/03/2026;", // committed = planned: quiet
  K2: "K2;2026;5;thong_tin_du_lieu;Khảo sát hủy;xa;huy;3.000.000;;01/03/2026;",
  O1: "O1;2026;1;may_moc_thiet_bi;Máy O1;xa;dang_thuc_hien;10.000.000;10.000.000;01/03/2026;", // paid 6 + 5 = 11 > 10
  O2: "O2;2026;1;may_moc_thiet_bi;Máy O2;xa;dang_thuc_hien;10.000.000;10.000.000;01/03/2026;", // paid 12 − 2 = 10: quiet
  Q1: "Q1;2026;2;tu_van_thiet_ke;Chưa duyệt;xa;de_xuat;;;;",
  Z1: "Z1;2025;;may_moc_thiet_bi;Máy năm 2025;xa;dang_thuc_hien;10.000.000;;01/03/2025;", // the origin of C1 and C2
  C1: "C1;2026;6;may_moc_thiet_bi;Máy Z1 (chuyển nguồn);xa;phe_duyet;4.000.000;;05/01/2026;;2025;Z1", // on the carry-over line: quiet (the rule without its source condition fired here: the test failed so)
  C2: "C2;2026;1;may_moc_thiet_bi;Máy Z1 (chuyển nguồn, ghi nhầm dòng);xa;de_xuat;;;;;2025;Z1" // carried, on line 1 (Ngân sách xã)
};
const payHeader = "Số chứng từ;Ngày chi;Mã hoạt động;Số tiền;Nguồn kinh phí";
const pay = {
  V01: "V01;05/03/2026;M1;20.000.000;xa",
  V02: "V02;15/03/2026;M2;10.000.000;xa", // before M2's decision of 01/04/2026
  V03: "V03;01/04/2026;M2;5.000.000;xa", // on the day of the decision: quiet
  V04: "V04;01/07/2026;T1;30.000.000;xa",
  V05: "V05;15/01/2026;T2;10.000.000;xa",
  V06: "V06;20/05/2026;S3;6.000.000;xa",
  V07: "V07;05/03/2026;K1;10.000.000;xa",
  V08: "V08;02/03/2026;K2;1.000.000;xa", // paid to an activity since cancelled, not recovered
  V09: "V09;05/03/2026;O1;6.000.000;xa",
  V10: "V10;06/03/2026;O1;5.000.000;xa",
  V11: "V11;05/03/2026;O2;12.000.000;xa",
  V12: "V12;06/03/2026;O2;-2.000.000;xa",
  V13: "V13;05/03/2026;Q1;2.000.000;xa", // paid to a proposal
  V14: "V14;06/03/2026;Q1;-1.000.000;xa", // a recovery from it: quiet
  V15: "V15;02/03/2026;T4;3.000.000;xa", // an advance to T4 before it was cancelled …
  V16: "V16;20/03/2026;T4;-3.000.000;xa" // … recovered in full: quiet
};
const estHeader = "Mã cơ sở;Tên cơ sở;Loại hình;Ngành nghề;Điện thoại;CCCD";
const est = {
  CS01: "CS01;Cơ sở A;HKD;moc;0912 345 678;044090001234", // 10-digit phone (spaced), 12-digit CCCD: quiet
  CS02: "CS02;Cơ sở B;HKD;moc;0912.345.678;44090001234", // CCCD lost its leading zero
  CS03: "CS03;Cơ sở C;HKD;moc;912345678;" // phone lost its leading zero
};

function folder(
  lines: (keyof typeof plan)[],
  acts: (keyof typeof act)[],
  pays: (keyof typeof pay)[],
  ests: (keyof typeof est)[],
  planOverride: Partial<typeof plan> = {},
  projects: string[] = []
) {
  const p = {...plan, ...planOverride};
  return {
    "xa.csv": COMMUNE,
    ...(projects.length > 0 ? {"projects.csv": ["Mã đề án;Năm;Cấp;Nhóm nội dung;Tên đề án;Kinh phí hỗ trợ;Mã cơ sở", ...projects].join("\n")} : {}),
    "establishments.csv": [estHeader, ...ests.map((e) => est[e])].join("\n"),
    "norms.csv": norms.join("\n"),
    "plan_lines_2026.csv": [planHeader, ...lines.map((l) => p[l])].join("\n"),
    // The two carry-over columns are left empty (";;") on the rows that are not carried.
    "activities.csv": [actHeader, ...acts.map((a) => (a.startsWith("C") ? act[a] : `${act[a]};;`))].join("\n"),
    "disbursements.csv": [payHeader, ...pays.map((v) => pay[v])].join("\n")
  };
}

/** A folder that names its commune warns of nothing for it. */
const COMMUNE = "Mã xã;Tên xã;Tỉnh\n19393;Thử Nghiệm;Quảng Trị";

let all: Warehouse;
let clean: Warehouse;
beforeAll(async () => {
  all = await ingestFiles(
    folder([1, 2, 3, 4, 5, 6], Object.keys(act) as (keyof typeof act)[], Object.keys(pay) as (keyof typeof pay)[], ["CS01", "CS02", "CS03"], {}, [
      "P1;2024;huyen;may_moc_thiet_bi;Đề án 2024;30.000.000;CS01", // a year without a plan: quiet (a rule on every project failed this test)
      "P2;2026;tinh;may_moc_thiet_bi;Đề án 2026;40.000.000;CS01" // 2026 has a plan: its supports are the activities'
    ])
  );
  // The clean folder: rows that break no rule, line 3 with its right total.
  clean = await ingestFiles(folder([1, 2, 3], ["M1", "T1", "S3", "O2"], ["V01", "V04", "V06", "V11", "V12"], ["CS01"], {3: "2026;3;san_pham_thi_truong;Hội chợ;2;10.000.000;20.000.000;"}));
});
afterAll(() => {
  closeAll();
  cleanup();
});

// [rule, file, spreadsheet row, figures the message must show]; rows: plan line n is row n + 1,
// activities in the order of `act` from row 2, vouchers in the order of `pay` from row 2.
const expected: [string, string, number, string[]][] = [
  ["plan_line_total_mismatch", "plan_lines_2026.csv", 4, ["Dòng 3", "25.000.000 đ", "2 × 10.000.000 đ = 20.000.000 đ"]],
  ["line_over_committed", "plan_lines_2026.csv", 5, ["Dòng 4", "11.000.000 đ", "10.000.000 đ", "1.000.000 đ"]],
  ["line_over_disbursed", "plan_lines_2026.csv", 6, ["Dòng 5", "11.000.000 đ", "10.000.000 đ"]],
  ["approved_over_norm", "activities.csv", 3, ["M2", "30.000.000 đ", "60,0%", "50,0%", "TT 28/2018"]],
  ["approved_over_norm", "activities.csv", 5, ["T2", "25.000.000 đ", "20.000.000 đ", "TT 28/2018"]],
  ["activity_group_mismatch", "activities.csv", 6, ["T3", "dòng 2"]],
  ["completed_nothing_paid", "activities.csv", 7, ["S1"]],
  ["activity_over_disbursed", "activities.csv", 15, ["O1", "11.000.000 đ", "10.000.000 đ"]],
  ["payment_before_approval", "disbursements.csv", 3, ["V02", "15/03/2026", "01/04/2026", "M2"]],
  ["payment_without_approval", "activities.csv", 14, ["K2", "1.000.000 đ"]], // V08 not recovered
  ["payment_without_approval", "disbursements.csv", 14, ["V13", "Q1", "Đề xuất"]],
  ["carried_line_not_carry_over", "activities.csv", 20, ["C2 năm 2026", "Z1 năm 2025", "dòng 1", "Ngân sách xã"]],
  ["project_in_plan_year", "projects.csv", 3, ["P2", "năm 2026"]],
  ["personal_id_format", "establishments.csv", 3, ["CS02", "CCCD", "12 chữ số"]],
  ["personal_id_format", "establishments.csv", 4, ["CS03", "điện thoại", "10 chữ số"]]
];

describe("warning rules", () => {
  it("every row loaded: warnings never reject", async () => {
    expect(await all.query("SELECT * FROM rejects")).toEqual([]);
    expect(await all.scalar("SELECT count(*) FROM activities")).toBe(String(Object.keys(act).length));
    expect(await all.scalar("SELECT count(*) FROM disbursements")).toBe(String(Object.keys(pay).length));
  });

  it("fire exactly on the rows built for them, not on the near misses", async () => {
    const rows = await all.query("SELECT rule, source_file, source_line FROM warnings ORDER BY source_file, source_line, rule");
    const want = expected
      .map(([rule, source_file, source_line]) => ({rule, source_file, source_line}))
      .sort((a, b) => a.source_file.localeCompare(b.source_file) || a.source_line - b.source_line || a.rule.localeCompare(b.rule));
    expect(rows).toEqual(want);
  });

  it("every rule file of loaders/sql/warnings has a case here", () => {
    const dir = fileURLToPath(new URL("../../loaders/sql/warnings/", import.meta.url));
    const rules = readdirSync(dir).filter((f) => f.endsWith(".sql")).map((f) => f.slice(0, -4)).sort();
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.filter((r) => !expected.some(([rule]) => rule === r))).toEqual([]);
  });

  it.each(expected)("%s on %s row %i says what and how much", async (rule, file, line, figures) => {
    const message = String(await all.scalar(`SELECT message FROM warnings WHERE rule = '${rule}' AND source_file = '${file}' AND source_line = ${line}`));
    for (const f of figures) expect(message).toContain(f);
  });

  it("the warnings are counted per file", async () => {
    expect(await all.query("SELECT source_file, warnings FROM source_files ORDER BY source_file")).toEqual([
      {source_file: "activities.csv", warnings: 7},
      {source_file: "disbursements.csv", warnings: 2},
      {source_file: "establishments.csv", warnings: 2},
      {source_file: "norms.csv", warnings: 0},
      {source_file: "plan_lines_2026.csv", warnings: 3},
      {source_file: "projects.csv", warnings: 1},
      {source_file: "xa.csv", warnings: 0}
    ]);
  });

  it("a project of a plan year is counted once: not in the history, not in the facility's supports", async () => {
    // CS01 has P1 (2024) and P2 (2026, a plan year; its supports are the activities file's).
    expect(await all.query("SELECT project_id FROM site_history_projects")).toEqual([{project_id: "P1"}]);
    expect(await all.query("SELECT supports, support_total FROM site_facility_register WHERE establishment_id = 'CS01'")).toEqual([{supports: 1, support_total: "30000000"}]);
  });

  it("a clean folder gives no warning", async () => {
    expect(await clean.query("SELECT * FROM rejects")).toEqual([]);
    expect(await clean.query("SELECT rule, source_file, source_line, message FROM warnings")).toEqual([]);
    expect(await clean.scalar("SELECT count(*) FROM disbursements")).toBe("5");
  });
});

describe("plan line totals beyond BIGINT", () => {
  // 922.338 × 9.999.999.999.999 đồng (both within the contract's ranges) overflows BIGINT: the
  // rule must still load the row with its warning rather than stop the run.
  it("a huge plan line loads with a total-mismatch warning instead of stopping the run", async () => {
    const w = await ingestFiles({
      "xa.csv": COMMUNE,
      "plan_lines_2026.csv": "Năm;STT;Nhóm nội dung;Nội dung hỗ trợ;Số lượng;Kinh phí hỗ trợ;Tổng kinh phí\n2026;1;may_moc_thiet_bi;Máy;922.338;9.999.999.999.999;1\n"
    });
    expect(await w.query("SELECT rule, source_line FROM warnings")).toEqual([{rule: "plan_line_total_mismatch", source_line: 2}]);
  });
});
