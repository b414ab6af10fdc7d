// Many communes in one warehouse (data/<Mã xã>/…): each commune's figures are its own files', even
// when all of them number their lines, activities, vouchers and facilities alike, and a row of one
// commune never reaches another's line, activity or facility.
//
// Three communes, the same numbering everywhere (line 1, line 2; activities A01, A02; vouchers
// PC-001, PC-002; facility CS01), different money. By hand, in triệu đồng:
//   11111 Xã Một: line 1 planned 100, A01 approved 40, paid 25 (PC-001); line 2 planned 50, A02
//                 approved 20, paid 20 (PC-002). Total planned 150, approved 60, paid 45.
//   22222 Xã Hai: line 1 planned 30, A01 approved 30, paid 10 − 2 recovered = 8 (PC-001, PC-002).
//                 Its A02 cites line 2, which only Xã Một has: rejected, never booked to Xã Một.
//                 Total planned 30, approved 30, paid 8.
//   33333 Xã Ba:  line 1 planned 70, A01 approved 70, paid 70 (PC-001). Its xa.csv also has a row
//                 naming another code (44444): rejected. Total planned 70, approved 70, paid 70.
//   Province: planned 250, approved 160, paid 123.
// Mutation: keys and references without the commune (communeKey/communeReference returning the
// written key and reference) made the run itself fail here: the communes' xa.csv rows with no
// former commune became duplicates of each other (unique_keys data test), and every test below
// failed with it.
import {readdirSync, rmSync} from "node:fs";
import path from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {generateCommunes} from "../../scripts/sample/communes.js";
import {cleanup, closeAll, ingestDir, ingestFiles, tempDir, type Warehouse} from "./helpers.js";

const tr = (n: number) => n * 1_000_000;
const xa = (code: string, name: string, ...formerUnits: string[]) =>
  ["Mã xã;Tên xã;Tỉnh;Xã cũ", ...(formerUnits.length ? formerUnits : [""]).map((u) => `${code};${name};Quảng Trị;${u}`)].join("\n");
const lines = (...rows: string[]) => ["Năm;STT;Nhóm nội dung;Nội dung hỗ trợ;Số lượng;Kinh phí hỗ trợ;Tổng kinh phí", ...rows].join("\n");
const activities = (...rows: string[]) =>
  ["Mã hoạt động;Năm;Dòng kế hoạch;Nhóm nội dung;Tên hoạt động;Mã cơ sở;Cấp;Trạng thái;Kinh phí phê duyệt;Ngày quyết định", ...rows].join("\n");
const vouchers = (...rows: string[]) => ["Số chứng từ;Ngày chi;Mã hoạt động;Số tiền;Nguồn kinh phí", ...rows].join("\n");
const register = (...rows: string[]) => ["Mã cơ sở;Tên cơ sở;Loại hình;Ngành nghề;Xã cũ", ...rows].join("\n");

let w: Warehouse;
beforeAll(async () => {
  w = await ingestFiles({
    "11111/xa.csv": xa("11111", "Một", "Một Đông", "Một Tây"),
    "11111/establishments.csv": register("CS01;Cơ sở mộc Hòa Bình;ho_kinh_doanh;moc;xã Mot Tay"),
    "11111/plan_lines_2026.csv": lines("2026;1;may_moc_thiet_bi;Máy;1;100.000.000;100.000.000", "2026;2;tu_van_thiet_ke;Bao bì;1;50.000.000;50.000.000"),
    "11111/activities_2026.csv": activities(
      "A01;2026;1;may_moc_thiet_bi;Máy cưa;CS01;xa;dang_thuc_hien;40.000.000;01/03/2026",
      "A02;2026;2;tu_van_thiet_ke;Bao bì;CS01;xa;dang_thuc_hien;20.000.000;01/03/2026"
    ),
    "11111/disbursements_2026.csv": vouchers("PC-001;05/04/2026;A01;25.000.000;xa", "PC-002;06/04/2026;A02;20.000.000;xa"),
    "11111/projects_2024.csv": ["Mã đề án;Năm;Cấp;Nhóm nội dung;Tên đề án;Mã cơ sở;Kinh phí hỗ trợ", "DA01;2024;huyen;may_moc_thiet_bi;Máy;CS01;12.000.000"].join("\n"),
    "22222/xa.csv": xa("22222", "Hai"),
    "22222/establishments.csv": register("CS01;Cơ sở rèn Hai;ho_kinh_doanh;co_khi;"),
    "22222/plan_lines_2026.csv": lines("2026;1;may_moc_thiet_bi;Máy;1;30.000.000;30.000.000"),
    "22222/activities_2026.csv": activities(
      "A01;2026;1;may_moc_thiet_bi;Máy rèn;CS01;xa;dang_thuc_hien;30.000.000;01/02/2026",
      "A02;2026;2;tu_van_thiet_ke;Bao bì;CS01;xa;phe_duyet;15.000.000;01/02/2026"
    ),
    "22222/disbursements_2026.csv": vouchers("PC-001;10/02/2026;A01;10.000.000;xa", "PC-002;20/02/2026;A01;-2.000.000;xa"),
    "22222/projects_2024.csv": ["Mã đề án;Năm;Cấp;Nhóm nội dung;Tên đề án;Tên cơ sở;Kinh phí hỗ trợ", "DA01;2024;huyen;may_moc_thiet_bi;Máy;Cơ sở mộc Hoà Bình;10.000.000"].join("\n"),
    "33333/xa.csv": xa("33333", "Ba") + "\n44444;Bốn;Quảng Trị;",
    "33333/plan_lines_2026.csv": lines("2026;1;may_moc_thiet_bi;Máy;1;70.000.000;70.000.000"),
    "33333/activities_2026.csv": activities("A01;2026;1;may_moc_thiet_bi;Máy;;xa;dang_thuc_hien;70.000.000;01/02/2026"),
    "33333/disbursements_2026.csv": vouchers("PC-001;10/03/2026;A01;70.000.000;xa"),
    "luu_tru/plan_lines_2026.csv": lines("2026;1;may_moc_thiet_bi;Máy;1;999.000.000;999.000.000")
  });
});
afterAll(() => {
  closeAll();
  cleanup();
});

describe("many communes in one warehouse", () => {
  it("each commune's budget is its own files', and the province total is theirs added up", async () => {
    const rows = await w.query(
      `SELECT commune_code, sum(planned_amount) AS planned, sum(approved_amount) AS approved, sum(disbursed_amount) AS disbursed
         FROM plan_vs_actual GROUP BY ALL ORDER BY commune_code`
    );
    expect(rows).toEqual([
      {commune_code: "11111", planned: String(tr(150)), approved: String(tr(60)), disbursed: String(tr(45))},
      {commune_code: "22222", planned: String(tr(30)), approved: String(tr(30)), disbursed: String(tr(8))},
      {commune_code: "33333", planned: String(tr(70)), approved: String(tr(70)), disbursed: String(tr(70))}
    ]);
    const [province] = await w.query("SELECT sum(planned_amount) AS planned, sum(approved_amount) AS approved, sum(disbursed_amount) AS disbursed FROM plan_vs_actual");
    expect(province).toEqual({planned: String(tr(250)), approved: String(tr(160)), disbursed: String(tr(123))});
  });

  it("numbering that clashes across communes is no duplicate; a line one commune lacks is never another's", async () => {
    // Mutation: the row of 33333/xa.csv naming another code left in communes (its removal skipped:
    // communes.ts settleCommunes) failed this test.
    expect(await w.query("SELECT commune_code, year, activity_id FROM activities ORDER BY ALL")).toEqual([
      {commune_code: "11111", year: 2026, activity_id: "A01"},
      {commune_code: "11111", year: 2026, activity_id: "A02"},
      {commune_code: "22222", year: 2026, activity_id: "A01"},
      {commune_code: "33333", year: 2026, activity_id: "A01"}
    ]);
    const rejects = await w.query("SELECT commune_code, source_file, source_line, column_name, reason FROM rejects ORDER BY source_file, source_line");
    expect(rejects).toEqual([
      {
        commune_code: "22222",
        source_file: "22222/activities_2026.csv",
        source_line: 3,
        column_name: "line_no",
        reason: "dòng kế hoạch không có trong bảng kinh phí năm 2026 (plan_lines)"
      },
      {
        commune_code: "33333",
        source_file: "33333/xa.csv",
        source_line: 3,
        column_name: "commune_code",
        reason: "Mã xã khác tên thư mục của xã (33333): thư mục của một xã mang đúng Mã xã của xã đó"
      }
    ]);
  });

  it("names each commune from its xa.csv, and a facility's name is matched in its own commune only", async () => {
    expect(await w.query("SELECT commune_code, name, province FROM commune_names ORDER BY commune_code")).toEqual([
      {commune_code: "11111", name: "Một", province: "Quảng Trị"},
      {commune_code: "22222", name: "Hai", province: "Quảng Trị"},
      {commune_code: "33333", name: "Ba", province: "Quảng Trị"}
    ]);
    // "Cơ sở mộc Hoà Bình" is Xã Một's CS01 by name, but the project is Xã Hai's: not matched.
    expect(await w.query("SELECT commune_code, establishment_id FROM projects ORDER BY ALL")).toEqual([
      {commune_code: "11111", establishment_id: "CS01"},
      {commune_code: "22222", establishment_id: null}
    ]);
    expect(await w.query("SELECT commune_code, rule FROM warnings ORDER BY ALL")).toEqual([{commune_code: "22222", rule: "establishment_name_unresolved"}]);
    // The former communes in their file's order; one written "xã Mot Tay" is Xã Một's "Một Tây".
    expect(await w.query("SELECT former_unit, position FROM former_units WHERE commune_code = '11111' ORDER BY position")).toEqual([
      {former_unit: "Một Đông", position: 1},
      {former_unit: "Một Tây", position: 2}
    ]);
    expect(await w.query("SELECT commune_code, project_id, former_unit FROM site_history_projects ORDER BY ALL")).toEqual([
      {commune_code: "11111", project_id: "DA01", former_unit: "Một Tây"},
      {commune_code: "22222", project_id: "DA01", former_unit: null}
    ]);
  });

  it("lists a folder that holds no xa.csv as skipped, and loads nothing of it", async () => {
    expect(await w.query("SELECT source_file, reason FROM skipped_files")).toEqual([{source_file: "luu_tru", reason: "folder"}]);
    expect(await w.query("SELECT DISTINCT commune_code FROM plan_lines ORDER BY 1")).toEqual([
      {commune_code: "11111"},
      {commune_code: "22222"},
      {commune_code: "33333"}
    ]);
  });
});

// The province's layout at its full size: 80 communes of the sample (scripts/sample/communes.ts),
// each the founding plan: planned 130 triệu, approved 120, paid 95,45 (test/scripts/sample). Two
// are changed by hand: 20002 hands in no vouchers (130, 120, 0); 20003 no activities and no
// vouchers (130, 0, 0). Province: planned 80 × 130 = 10.400 triệu, approved 79 × 120 = 9.480,
// paid 78 × 95,45 = 7.445,1.
// Mutation: plan_vs_actual.sql joining the committed activities summed by (year, line_no), without
// commune_code, booked every commune's approvals to each commune's lines, and this failed.
describe("the data folder's own commune beside a commune's folder", () => {
  it("gives the data folder's own rows the code its xa.csv writes, whatever its characters, and a folder's rows the folder's", async () => {
    // Each row takes its commune as it goes in (typed.ts, communes.ts communeOf): a folder's rows
    // the folder's code, the data folder's own the code its xa.csv writes, bound ("3'0"). The two
    // plan_lines files, written alike, go in by one statement. Mutation: communeOf giving every
    // row the data folder's code (the folder ignored) failed this test. The folder's amounts are
    // written with "đ", which the SQL leaves to zod: its row goes in after the load (typed.ts,
    // settleUnsure), in its folder's commune too. Mutation: that insert giving its rows the data
    // folder's code failed this test.
    const both = await ingestFiles({
      "xa.csv": xa("3'0", "Ba Mươi"),
      "plan_lines_2026.csv": lines("2026;1;may_moc_thiet_bi;Máy;1;10.000.000;10.000.000"),
      "20001/xa.csv": xa("20001", "Hai Mươi"),
      "20001/plan_lines_2026.csv": lines("2026;1;may_moc_thiet_bi;Máy;1;20.000.000 đ;20.000.000 đ")
    });
    expect(await both.query("SELECT source_file, commune_code, total_amount FROM plan_lines ORDER BY source_file")).toEqual([
      {source_file: "20001/plan_lines_2026.csv", commune_code: "20001", total_amount: String(tr(20))},
      {source_file: "plan_lines_2026.csv", commune_code: "3'0", total_amount: String(tr(10))}
    ]);
  });
});

describe("one commune a folder", () => {
  it("rejects a row of xa.csv naming another commune than its first row, keeps the first, and files the data folder's rows under it", async () => {
    // Mutation: the rejected row left in communes (its removal skipped: communes.ts settleCommunes)
    // failed this test: the data test of unique keys refused the run.
    const w2 = await ingestFiles({
      "xa.csv": ["Mã xã;Tên xã;Tỉnh;Xã cũ", "44444;Bốn;Quảng Trị;", "55555;Năm;Quảng Trị;"].join("\n"),
      "plan_lines_2026.csv": lines("2026;1;may_moc_thiet_bi;Máy;1;10.000.000;10.000.000")
    });
    expect(await w2.query("SELECT commune_code, name FROM communes")).toEqual([{commune_code: "44444", name: "Bốn"}]);
    expect(await w2.query("SELECT source_line, column_name, reason FROM rejects")).toEqual([
      {source_line: 3, column_name: "commune_code", reason: "Mã xã khác dòng 2 của tệp xa.csv (44444): một thư mục chỉ chứa một xã"}
    ]);
    expect(await w2.query("SELECT commune_code FROM plan_lines")).toEqual([{commune_code: "44444"}]);
  });
});

describe("a province of 80 communes", () => {
  let province: Warehouse;
  beforeAll(async () => {
    const data = path.join(tempDir("kc-80-"), "data");
    generateCommunes(data, 80);
    const drop = (code: string, kinds: string[]) => {
      for (const file of readdirSync(path.join(data, code))) if (kinds.some((k) => file.startsWith(`${k}_`))) rmSync(path.join(data, code, file));
    };
    drop("20002", ["disbursements"]);
    drop("20003", ["activities", "disbursements"]);
    province = await ingestDir(data);
  }, 120_000);

  it("books each commune's figures from its own files, and adds them up for the province", async () => {
    const byCommune = await province.query(
      `SELECT commune_code, sum(planned_amount) AS planned, sum(approved_amount) AS approved, sum(disbursed_amount) AS disbursed
         FROM plan_vs_actual WHERE year = 2026 GROUP BY ALL ORDER BY commune_code`
    );
    expect(byCommune).toHaveLength(80);
    const row = (code: string, planned: number, approved: number, disbursed: number) => ({
      commune_code: code,
      planned: String(planned * 1_000_000),
      approved: String(approved * 1_000_000),
      disbursed: String(disbursed * 1_000_000)
    });
    expect(byCommune.slice(0, 4)).toEqual([row("20001", 130, 120, 95.45), row("20002", 130, 120, 0), row("20003", 130, 0, 0), row("20004", 130, 120, 95.45)]);
    expect(byCommune[79]).toEqual(row("20080", 130, 120, 95.45));
    const [total] = await province.query("SELECT sum(planned_amount) AS planned, sum(approved_amount) AS approved, sum(disbursed_amount) AS disbursed FROM plan_vs_actual WHERE year = 2026");
    expect(total).toEqual({planned: String(10_400_000_000), approved: String(9_480_000_000), disbursed: String(7_445_100_000)});
  });
});
