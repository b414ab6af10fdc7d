import ExcelJS from "exceljs";
import {describe, expect, it} from "vitest";
import {buildDraftPlanXlsx, buildEvaluationXlsx} from "../../src/lib/documents/index.js";
import {draftPlan} from "../../src/lib/plan/draft.js";
import {inputs} from "./fixtures/draft-inputs.js";
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
    const draft = draftPlan(inputs, {year: 2027, envelope: 100_000_000n, quantities: {may_moc_thiet_bi: 4}});
    const ws = await read(await buildDraftPlanXlsx({draft}));
    expect(ws.name).toBe("Kinh phí 2027");
    expect(value(ws, "A2")).toBe("DỰ KIẾN KINH PHÍ HỖ TRỢ KHUYẾN CÔNG CẤP XÃ NĂM 2027");
    expect(value(ws, "F3")).toBe("ĐVT: Đồng");
    expect(ws.getRow(4).values).toEqual([undefined, "STT", "Nội dung hỗ trợ Khuyến công", "Số lượng", "Kinh phí hỗ trợ", "Tổng kinh phí hỗ trợ", "Ghi chú"]);
    // A: new lines; 4 machines after the adjustment
    expect(value(ws, "A5")).toBe("A");
    expect(value(ws, "E5")).toBe(119_600_000);
    expect([value(ws, "A6"), value(ws, "C6"), value(ws, "D6"), value(ws, "E6")]).toEqual([1, 4, 20_000_000, 80_000_000]);
    expect((ws.getCell("E6").value as ExcelJS.CellFormulaValue).formula).toBe("C6*D6");
    expect(ws.getCell("D6").numFmt).toBe("#,##0");
    expect(ws.getCell("E6").numFmt).toBe("#,##0");
    // B: carried over
    expect(value(ws, "A10")).toBe("B");
    expect(value(ws, "E10")).toBe(16_000_000);
    expect(value(ws, "A13")).toBe("TỔNG");
    expect(value(ws, "E13")).toBe(135_600_000);
    expect((ws.getCell("E13").value as ExcelJS.CellFormulaValue).formula).toBe("E5+E10");
    expect(value(ws, "A14")).toBe("Bằng chữ: Một trăm ba mươi lăm triệu sáu trăm nghìn đồng");
  });

  it("without carry-over the TỔNG sums the lines", async () => {
    const draft = draftPlan({...inputs, activities: []}, {year: 2027});
    const ws = await read(await buildDraftPlanXlsx({draft}));
    expect(value(ws, "A5")).toBe(1);
    const last = ws.rowCount - 1;
    expect(value(ws, `A${last}`)).toBe("TỔNG");
    expect(value(ws, `E${last}`)).toBe(139_600_000);
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
    expect(value(ws, "A11")).toBe("Bằng chữ: kế hoạch một trăm ba mươi triệu đồng; đã giải ngân một trăm triệu đồng");
  });
});
