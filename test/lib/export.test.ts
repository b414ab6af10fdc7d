import ExcelJS from "exceljs";
import {describe, expect, it} from "vitest";
import {BOM, csvBytes, csvCell, neutralise, safeFileName, sheetName, toCsv, toXlsx, xlsxCell, type ExportColumn} from "../../src/lib/export.js";

interface Row {
  name: string;
  amount: number | bigint | null;
  paid_on: string | null;
  rate: number | null;
  note: string | null;
}

const columns: ExportColumn<Row>[] = [
  {key: "name", header: "Tên cơ sở"},
  {key: "amount", header: "Số tiền (đồng)", type: "money"},
  {key: "paid_on", header: "Ngày chi", type: "date"},
  {key: "rate", header: "Tỷ lệ giải ngân (%)", type: "percent"},
  {key: "note", header: "Ghi chú"}
];

const hostile = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx", "＝1+1", '=HYPERLINK("http://x","y")'];

const rows: Row[] = [
  {name: "Cơ sở nước mắm Bà Hai", amount: 20_000_000, paid_on: "2026-01-05", rate: 66.666, note: "Có dấu ; và \"ngoặc\""},
  {name: "<img src=x onerror=alert(1)>", amount: -14_000_000, paid_on: null, rate: null, note: "dòng 1\ndòng 2"},
  {name: "Thuỷ", amount: 12345678901234567n, paid_on: "2026-12-31", rate: 100, note: null},
  ...hostile.map((h, i) => ({name: h, amount: i, paid_on: null, rate: null, note: h}))
];

describe("neutralise", () => {
  it("prefixes an apostrophe to text a spreadsheet could run", () => {
    for (const h of hostile) expect(neutralise(h)).toBe(`'${h}`);
  });
  it("leaves ordinary text and plain numbers alone", () => {
    expect(neutralise("Cơ sở")).toBe("Cơ sở");
    expect(neutralise("-14000000")).toBe("-14000000");
    expect(neutralise("-1,5")).toBe("-1,5");
    expect(neutralise("a=b")).toBe("a=b");
    expect(neutralise("")).toBe("");
  });
});

describe("CSV", () => {
  const csv = toCsv(rows, columns);
  const lines = csv.slice(1).split("\r\n");

  it("starts with the UTF-8 BOM, no sep= line, and ends every line with CRLF", () => {
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).not.toMatch(/^\uFEFF?sep=/);
    const bytes = csvBytes(rows, columns);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("has Vietnamese headers separated by ;", () => {
    expect(lines[0]).toBe("Tên cơ sở;Số tiền (đồng);Ngày chi;Tỷ lệ giải ngân (%);Ghi chú");
  });

  it("writes money as plain integers, dates dd/mm/yyyy, rates with a decimal comma", () => {
    expect(lines[1]).toBe('Cơ sở nước mắm Bà Hai;20000000;05/01/2026;66,7;"Có dấu ; và ""ngoặc"""');
    expect(csvCell(-14_000_000, "money")).toBe("-14000000");
    expect(csvCell(12345678901234567n, "money")).toBe("12345678901234567");
    expect(csvCell("12345678901234567", "money")).toBe("12345678901234567");
    expect(csvCell(1.25, "number")).toBe("1,25");
    expect(csvCell(true, "boolean")).toBe("Có");
    expect(csvCell(null, "money")).toBe("");
  });

  it("keeps hostile text as text and quotes line breaks", () => {
    expect(lines[2]).toBe('<img src=x onerror=alert(1)>;-14000000;;;"dòng 1\ndòng 2"');
    for (const h of hostile) expect(csv).toContain(`'${h.startsWith("\t") || h.startsWith("\r") ? h : h.replace(/"/g, '""')}`);
    expect(csv).not.toMatch(/(^|;)=/m);
    expect(csv).not.toMatch(/(^|;)"=/m);
  });

  it("normalises text to NFC", () => {
    const decomposed = "Thu\u0079\u0309"; // y + combining hook above
    expect(csvCell(decomposed)).toBe("Thuỷ");
  });

  it("supports , and tab separators on request", () => {
    expect(toCsv([{a: "x,y"}], [{key: "a", header: "A"}], {separator: ",", bom: false})).toBe('A\r\n"x,y"\r\n');
  });
});

describe("XLSX", () => {
  it("round-trips rows through exceljs with typed cells, text stored as text without an apostrophe", async () => {
    const bytes = await toXlsx(ExcelJS, rows, columns, {sheetName: "Chi tiết: năm 2026", title: "Danh sách thử"});
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]); // a zip file
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("Chi tiết năm 2026");
    expect(sheet.getCell("A1").value).toBe("Danh sách thử");
    const header = sheet.getRow(3).values as unknown[];
    expect(header.slice(1)).toEqual(columns.map((c) => c.header));
    const first = sheet.getRow(4);
    expect(first.getCell(1).value).toBe("Cơ sở nước mắm Bà Hai");
    expect(first.getCell(2).value).toBe(20_000_000);
    expect(first.getCell(2).numFmt).toBe("#,##0");
    const date = first.getCell(3).value as Date;
    expect(date instanceof Date ? date.toISOString().slice(0, 10) : date).toBe("2026-01-05");
    expect(first.getCell(3).numFmt).toBe("dd/mm/yyyy");
    expect(first.getCell(4).value).toBeCloseTo(0.66666, 4);
    expect(first.getCell(5).value).toBe('Có dấu ; và "ngoặc"');
    const second = sheet.getRow(5);
    expect(second.getCell(1).value).toBe("<img src=x onerror=alert(1)>");
    expect(second.getCell(2).value).toBe(-14_000_000);
    expect(second.getCell(3).value).toBe(null);
    // hostile text: strings as they read (no visible apostrophe), never formulas, in the Text
    // format so that Excel keeps an edited cell as text too
    // Mutation check: with the apostrophe put back (neutralise in xlsxText) this failed.
    hostile.forEach((h, i) => {
      const row = sheet.getRow(7 + i);
      const expected = h.replace(/\r/g, "\n");
      expect(row.getCell(1).value).toBe(expected);
      expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String);
      expect(row.getCell(1).numFmt).toBe("@");
      expect(row.getCell(5).value).toBe(expected);
    });
    expect(sheet.views[0]).toMatchObject({state: "frozen", ySplit: 3});
    expect(sheet.rowCount).toBe(3 + rows.length);
  });

  it("maps cell types", () => {
    expect(xlsxCell("2026-02-03", "date")).toEqual(new Date(Date.UTC(2026, 1, 3)));
    expect(xlsxCell("50", "percent")).toBe(0.5);
    expect(xlsxCell("=1", "money")).toBe("=1");
    // a year or a row number in a text column is a number; a code with leading zeros stays text
    expect(xlsxCell(2026, "text")).toBe(2026);
    expect(xlsxCell(17n, "text")).toBe(17);
    expect(xlsxCell("007", "text")).toBe("007");
    expect(xlsxCell("", "text")).toBe(null);
  });
});

describe("names", () => {
  it("makes safe file and sheet names", () => {
    expect(safeFileName('Hoạt động: năm 2026 / "xã"?')).toBe("Hoạt động năm 2026 xã");
    expect(sheetName("a".repeat(40))).toHaveLength(31);
    expect(sheetName("[]:*?/\\")).toBe("Dữ liệu");
    // Vietnamese kept; Excel refuses a sheet name that begins or ends with an apostrophe, or a cut that ends in a space
    expect(sheetName("Đề án hỗ trợ CS01'")).toBe("Đề án hỗ trợ CS01");
    expect(sheetName("'Kinh phí'")).toBe("Kinh phí");
    expect(sheetName("Kết quả thực hiện chỉ tiêu năm 2026")).toBe("Kết quả thực hiện chỉ tiêu năm");
  });

  it("years and row numbers in a text column are numbers without separators", async () => {
    const bytes = await toXlsx(ExcelJS, [{year: 2026, line: 4, code: "007"}], [{key: "year", header: "Năm"}, {key: "line", header: "Dòng"}, {key: "code", header: "Mã"}], {sheetName: "Thử"});
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const row = workbook.worksheets[0]!.getRow(2);
    expect([row.getCell(1).value, row.getCell(1).numFmt, row.getCell(2).value, row.getCell(3).value, row.getCell(3).numFmt]).toEqual([2026, "0", 4, "007", "@"]);
  });
});
