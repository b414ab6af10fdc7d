// Header matching and code matching (docs/du-lieu.md): case-, space- and diacritic-insensitive,
// and validateRow, the one authority on what a row of cells means.
import {describe, expect, it} from "vitest";
import {codeLists, type CodeEntry} from "../../../src/lib/contract/codes.js";
import {codeIndex, columnMeta, parseCode} from "../../../src/lib/contract/fields.js";
import {kindOfFile, kinds, type KindSpec} from "../../../src/lib/contract/kinds.js";
import {validateRow} from "../../../src/lib/contract/validate.js";
import {foldKey} from "../../../src/lib/parse/text.js";
import {FileRefused} from "../../../loaders/read/errors.js";
import {matchHeaders} from "../../../loaders/read/headers.js";

const disbursements = kinds.disbursements as KindSpec;
const REQUIRED_D = ["Số chứng từ", "Ngày chi", "Mã hoạt động", "Nguồn kinh phí"];

describe("header matching", () => {
  it.each(["Số tiền", "so tien", "SO_TIEN", "SỐ TIỀN", "  Số   tiền ", "so-tien", "amount", "AMOUNT", "Số tiền chi", "Số tiền".normalize("NFD")])(
    "%j is the amount column",
    (header) => {
      const map = matchHeaders(disbursements, [...REQUIRED_D, header], "disbursements.csv");
      expect(map.columns).toEqual(["voucher_no", "paid_on", "activity_id", "funding_source", "amount"]);
      expect(map.extras).toEqual([]);
    }
  );

  it("keeps unknown columns as extras, a blank header as its position", () => {
    const map = matchHeaders(disbursements, ["Ghi chú riêng", ...REQUIRED_D, "Số tiền", ""], "d.csv");
    expect(map.columns).toEqual([null, "voucher_no", "paid_on", "activity_id", "funding_source", "amount", null]);
    expect(map.extras).toEqual([
      {position: 0, header: "Ghi chú riêng"},
      {position: 6, header: "Cột 7"}
    ]);
  });

  it("numbers unknown columns that share a header, so that neither value is lost", () => {
    const map = matchHeaders(disbursements, [...REQUIRED_D, "Số tiền", "Sổ", "sổ ", "Sổ", ""], "d.csv");
    expect(map.extras).toEqual([
      {position: 5, header: "Sổ"},
      {position: 6, header: "sổ"},
      {position: 7, header: "Sổ (2)"},
      {position: 8, header: "Cột 9"}
    ]);
  });

  it("refuses a missing required column, listing what was expected and what was found", () => {
    let error: unknown;
    try {
      matchHeaders(disbursements, ["Số chứng từ", "Ngày chi", "Mã hoạt động", "Nguồn kinh phí", "Ghi chú"], "disbursements_q3.csv");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FileRefused);
    const message = (error as Error).message;
    expect(message).toContain("disbursements_q3.csv");
    expect(message).toContain("thiếu cột bắt buộc: Số tiền (amount)");
    expect(message).toContain(
      "Các cột cần có: Số chứng từ (voucher_no), Ngày chi (paid_on), Mã hoạt động (activity_id), Số tiền (amount), Nguồn kinh phí (funding_source)"
    );
    expect(message).toContain("Các cột tìm thấy: Số chứng từ, Ngày chi, Mã hoạt động, Nguồn kinh phí, Ghi chú");
  });

  it("refuses two columns that mean the same", () => {
    expect(() => matchHeaders(disbursements, [...REQUIRED_D, "Số tiền", "SO TIEN"], "d.csv")).toThrow(/cùng là cột amount/);
  });

  it("every kind's canonical names and office headers match their own column", () => {
    for (const spec of Object.values(kinds) as KindSpec[]) {
      const names = Object.keys(spec.schema.shape);
      const headers = names.map((n) => columnMeta(spec.schema.shape[n]!).header);
      expect(matchHeaders(spec, names, "x.csv").columns).toEqual(names);
      expect(matchHeaders(spec, headers, "x.csv").columns).toEqual(names);
      expect(matchHeaders(spec, names.map((n) => n.toUpperCase()), "x.csv").columns).toEqual(names);
    }
  });

  it("the file's kind comes from its name prefix", () => {
    expect(kindOfFile("disbursements_2026_q3.csv")).toBe("disbursements");
    expect(kindOfFile("Plan_Lines_2026.CSV")).toBe("plan_lines");
    expect(kindOfFile("plan_targets.csv")).toBe("plan_targets");
    expect(kindOfFile("demand_survey-2027.csv")).toBe("demand_survey");
    expect(kindOfFile("chi_tieu.csv")).toBeUndefined();
    expect(kindOfFile("activities.xlsx")).toBeUndefined();
  });
});

describe("code matching", () => {
  it("every code and every Vietnamese label of every list give the code", () => {
    let checked = 0;
    for (const [list, entries] of Object.entries(codeLists)) {
      for (const e of entries as readonly CodeEntry[]) {
        for (const spelling of [e.code, e.label, e.label.toUpperCase(), e.label.normalize("NFD"), ` ${e.code.replaceAll("_", " ")} `]) {
          const parsed = parseCode(list as keyof typeof codeLists, spelling);
          expect(parsed, `${list}: ${spelling}`).toEqual({ok: true, value: e.code});
          checked++;
        }
      }
    }
    expect(checked).toBe(5 * (9 + 4 + 7 + 4 + 6 + 7));
  });

  it.each([
    ["status", "Hoàn thành", "hoan_thanh"],
    ["status", "hoan thanh", "hoan_thanh"],
    ["status", "HOAN_THANH", "hoan_thanh"],
    ["status", "Đã hủy", "huy"],
    ["status", "Đã huỷ", "huy"], // old tone placement
    ["status", "da huy", "huy"],
    ["status", "Đã phê duyệt", "phe_duyet"],
    ["content_group", "Ứng dụng máy móc, thiết bị tiên tiến, mô hình trình diễn", "may_moc_thiet_bi"],
    ["content_group", "ung dung may moc thiet bi tien tien mo hinh trinh dien", "may_moc_thiet_bi"],
    ["funding_source", "Ngân sách xã", "xa"],
    ["funding_source", "ngan sach xa", "xa"],
    ["level", "Khuyến công tỉnh", "tinh"],
    ["kind", "Hộ kinh doanh", "ho_kinh_doanh"],
    ["sector", "Cơ khí, điện, sửa chữa", "co_khi"]
  ] as const)("%s: %j is %s", (list, text, code) => {
    expect(parseCode(list, text)).toEqual({ok: true, value: code});
  });

  it.each([
    ["status", "Xong"],
    ["status", "hoan"],
    ["content_group", "may_moc"],
    ["funding_source", "Ngân sách thôn"],
    ["level", "Khuyến công thôn"],
    ["kind", ""]
  ] as const)("%s: %j is an unknown code", (list, text) => {
    const parsed = parseCode(list, text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toContain("mã không có trong danh mục");
  });

  it("no spelling (code, label or alias) is claimed by two codes of the same list", () => {
    for (const [list, entries] of Object.entries(codeLists)) {
      const index = codeIndex[list as keyof typeof codeLists];
      for (const e of entries as readonly CodeEntry[]) {
        for (const s of [e.code, e.label, ...(e.aliases ?? [])]) expect(index.get(foldKey(s)), `${list}: ${s}`).toBe(e.code);
      }
    }
  });
});

describe("validateRow", () => {
  const d = kinds.disbursements;
  const good = {voucher_no: "PC1", paid_on: "05/03/2026", activity_id: "A1", amount: "14.000.000", funding_source: "Ngân sách xã"};

  it("types a good row", () => {
    expect(validateRow(d, good)).toEqual({
      ok: true,
      // Năm kế hoạch left empty is the year of Ngày chi (05/03/2026 → 2026).
      row: {voucher_no: "PC1", paid_on: "2026-03-05", activity_id: "A1", amount: 14_000_000n, funding_source: "xa", plan_year: 2026}
    });
  });

  it("keeps a plan year written on a January voucher of last year's activity", () => {
    const r = validateRow(d, {...good, paid_on: "15/01/2027", plan_year: "2026"});
    expect(r.ok && r.row.plan_year).toBe(2026);
  });

  it("a carried activity names both its origin year and id, or neither", () => {
    const a = kinds.activities;
    const base = {activity_id: "HD-01", year: "2027", content_group: "Hội chợ", title: "x", level: "Xã", status: "Đề xuất"};
    expect(validateRow(a, base).ok).toBe(true);
    expect(validateRow(a, {...base, carried_from_year: "2026", carried_from_id: "HD-08"}).ok).toBe(true);
    const half = validateRow(a, {...base, carried_from_year: "2026"});
    expect(!half.ok && half.issues.map((i) => i.column)).toEqual(["carried_from_id"]);
    const later = validateRow(a, {...base, carried_from_year: "2027", carried_from_id: "HD-08"});
    expect(!later.ok && later.issues.map((i) => i.column)).toEqual(["carried_from_year"]);
  });

  it("names the column and the reason of each bad cell", () => {
    const r = validateRow(d, {...good, paid_on: "31/02/2026", amount: "1.000,5", funding_source: undefined});
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues).toEqual([
      {column: "paid_on", reason: 'ngày không có thật: "31/02/2026"'},
      {column: "amount", reason: 'số tiền có phần lẻ đồng: "1.000,5" (tiền tính bằng đồng, số nguyên)'},
      {column: "funding_source", reason: "thiếu giá trị bắt buộc"}
    ]);
  });

  it("applies the rules across cells once the cells are good", () => {
    const r = validateRow(d, {...good, amount: "0"});
    expect(!r.ok && r.issues).toEqual([{column: "amount", reason: "số tiền bằng 0"}]);
    const a = validateRow(kinds.activities, {activity_id: "A", year: "2026", content_group: "tu_van_thiet_ke", title: "t", level: "xa", status: "Đã phê duyệt"});
    expect(!a.ok && a.issues).toEqual([{column: "approved_amount", reason: "thiếu kinh phí phê duyệt (bắt buộc từ trạng thái Đã phê duyệt trở đi)"}]);
  });

  it("fills the defaults of empty cells", () => {
    const r = validateRow(kinds.plan_lines, {year: "2026", line_no: "1", content_group: "Máy móc thiết bị", description: "x", quantity: "3", unit_amount: "20.000.000", total_amount: "60.000.000"});
    expect(r).toEqual({
      ok: true,
      row: {year: 2026, line_no: 1, content_group: "may_moc_thiet_bi", description: "x", quantity: 3, unit_amount: 20_000_000n, total_amount: 60_000_000n, funding_source: "xa"}
    });
  });
});
