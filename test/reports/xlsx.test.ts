import ExcelJS from "exceljs";
import {describe, expect, it} from "vitest";
import {buildDraftPlanXlsx, buildEvaluationXlsx} from "../../src/lib/documents/index.js";
import {draftOf, inputs} from "./fixtures/draft-inputs.js";
import {evaluationModel} from "./fixtures/evaluation-model.js";

async function read(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb.worksheets[0]!;
}

/** A cell's value, or the cached result of its formula. */
function value(ws: ExcelJS.Worksheet, ref: string): unknown {
  const v = ws.getCell(ref).value;
  return v !== null && typeof v === "object" && "formula" in v ? v.result : v;
}

describe("XLSX of the draft plan's budget table", () => {
  it("same shape as the Word table, amounts as numbers with thousands format, totals as formulas", async () => {
    const draft = draftOf(inputs, {year: 2027, envelope: 100_000_000n, quantities: {tu_van_thiet_ke: 3}});
    const ws = await read(await buildDraftPlanXlsx({draft}));
    expect(ws.name).toBe("Kinh phí 2027");
    expect(value(ws, "A2")).toBe("DỰ KIẾN KINH PHÍ HỖ TRỢ KHUYẾN CÔNG CẤP XÃ NĂM 2027");
    expect(value(ws, "F3")).toBe("ĐVT: Đồng");
    expect(ws.getRow(4).values).toEqual([undefined, "STT", "Nội dung hỗ trợ Khuyến công", "Số lượng", "Kinh phí hỗ trợ", "Tổng kinh phí hỗ trợ", "Ghi chú"]);
    // A: machines S1 20 + S2 15 = 35 (not 2 × 20: a value, with the note); packaging S4 20 + 2 slots × 20 = 60 = 3 × 20: a formula
    // 35 + 60 + 9,6 + 20 + 10 = 134,6
    expect(value(ws, "A5")).toBe("A");
    expect(value(ws, "E5")).toBe(134_600_000);
    expect([value(ws, "A6"), value(ws, "C6"), value(ws, "D6"), value(ws, "E6")]).toEqual([1, 2, 20_000_000, 35_000_000]);
    expect(ws.getCell("E6").value).toBe(35_000_000);
    expect(value(ws, "F6")).toBe("ghi chú 1. Kinh phí hỗ trợ là mức tối đa một cơ sở; tổng theo từng cơ sở tại Phụ lục");
    expect([value(ws, "C7"), value(ws, "E7")]).toEqual([3, 60_000_000]);
    expect((ws.getCell("E7").value as ExcelJS.CellFormulaValue).formula).toBe("C7*D7");
    expect(ws.getCell("D6").numFmt).toBe("#,##0");
    expect(ws.getCell("E6").numFmt).toBe("#,##0");
    // text cells keep the Text format; wrapped rows are as tall as their lines (the note wraps over 3+ lines of 30 characters)
    expect(ws.getCell("B6").numFmt).toBe("@");
    expect(ws.getRow(6).height).toBeGreaterThanOrEqual(3 * 15.75);
    // B: carried over
    expect(value(ws, "A11")).toBe("B");
    expect(value(ws, "E11")).toBe(16_000_000);
    expect(value(ws, "A14")).toBe("TỔNG");
    expect(value(ws, "E14")).toBe(150_600_000);
    expect((ws.getCell("E14").value as ExcelJS.CellFormulaValue).formula).toBe("E5+E11");
    expect(value(ws, "A15")).toBe("Bằng chữ (tổng 150.600.000 đồng khi tải về; sửa số liệu thì viết lại): Một trăm năm mươi triệu sáu trăm nghìn đồng");
  });

  it("without carry-over the TỔNG sums the lines", async () => {
    const draft = draftOf({...inputs, carryOver: []}, {year: 2027});
    const ws = await read(await buildDraftPlanXlsx({draft}));
    expect(value(ws, "A5")).toBe(1);
    const last = ws.rowCount - 1;
    expect(value(ws, `A${last}`)).toBe("TỔNG");
    // 95 + 20 + 9,6 + 20 + 10
    expect(value(ws, `E${last}`)).toBe(154_600_000);
    expect((ws.getCell(`E${last}`).value as ExcelJS.CellFormulaValue).formula).toBe(`SUM(E5:E${last - 1})`);
  });
});

describe("XLSX of the evaluation's budget table", () => {
  it("planned, approved, disbursed and rates per line, with totals", async () => {
    const ws = await read(await buildEvaluationXlsx(evaluationModel));
    expect(value(ws, "A2")).toBe("KẾT QUẢ SỬ DỤNG KINH PHÍ KHUYẾN CÔNG CẤP XÃ NĂM 2026");
    expect(value(ws, "G3")).toBe("ĐVT: Đồng");
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => ws.getRow(5).getCell(c).value).slice(0, 5)).toEqual([1, "Hỗ trợ ứng dụng máy móc, thiết bị tiên tiến vào sản xuất.", 60_000_000, 60_000_000, 54_000_000]);
    expect(value(ws, "G5")).toBe(90);
    expect(value(ws, "A10")).toBe("TỔNG");
    expect([value(ws, "C10"), value(ws, "D10"), value(ws, "E10"), value(ws, "F10"), value(ws, "G10")]).toEqual([130_000_000, 108_000_000, 100_000_000, 83.1, 76.9]);
    expect(ws.getCell("C10").numFmt).toBe("#,##0");
    expect(value(ws, "A11")).toBe("Bằng chữ (số liệu khi tải về): kế hoạch một trăm ba mươi triệu đồng; đã giải ngân một trăm triệu đồng");
  });

  it("the carry-over proposal on its own sheet, with a total row of formulas", async () => {
    const bytes = await buildEvaluationXlsx(evaluationModel, undefined, {words: {zeroTens: "lẻ"}});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const ws = wb.worksheets[1]!;
    expect(ws.name).toBe("Chuyển nguồn 2026");
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => value(ws, `${"ABCDEFG"[c - 1]}5`))).toEqual([1, "HD26-02: Hỗ trợ máy đóng gói nước mắm (Cơ sở nước mắm Hải An)", 1, 20_000_000, 14_000_000, 6_000_000, 6_000_000]);
    // held back: 3 unpaid, 2 proposed
    expect([value(ws, "F6"), value(ws, "G6"), value(ws, "H6")]).toEqual([3_000_000, 2_000_000, "Đã phê duyệt; giữ lại 1.000.000 đồng: phê duyệt 3.000.000 đồng vượt mức hỗ trợ tối đa 2.000.000 đồng"]);
    expect(value(ws, "A7")).toBe("TỔNG");
    // 20 + 3; 14 + 0; 6 + 3; 6 + 2
    expect([value(ws, "D7"), value(ws, "E7"), value(ws, "F7"), value(ws, "G7")]).toEqual([23_000_000, 14_000_000, 9_000_000, 8_000_000]);
    expect((ws.getCell("G7").value as ExcelJS.CellFormulaValue).formula).toBe("SUM(G5:G6)");
    expect(value(ws, "A8")).toBe("Bằng chữ (đề nghị chuyển nguồn 8.000.000 đồng khi tải về): Tám triệu đồng");
  });
});
