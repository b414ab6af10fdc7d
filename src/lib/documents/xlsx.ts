// The budget tables as Excel workbooks (exceljs, loaded only when asked for: in the browser it is
// a large module). Same shape as the Word tables: title, "ĐVT: Đồng", header, lines, TỔNG,
// "Bằng chữ". Amounts are numbers with a thousands format, so the office can keep calculating;
// line totals and totals are formulas with their values cached. "Bằng chữ" cannot follow a
// formula, so it names the figure it reads. Rows are as tall as their wrapped text, text cells
// have the Text format (an edited "=…" stays text). Browser-safe.
import type {Workbook, Worksheet} from "exceljs";
import {TEXT_FORMAT} from "../export.js";
import {lineNote} from "./plan.js";
import {formatNumber} from "../format.js";
import {moneyToWords} from "../words.js";
import type {DraftLine} from "../plan/draft.js";
import {adjustmentText, issuingCommune, standsOnText, type DocumentMeta, type DraftPlanModel, type EvaluationModel} from "./models.js";

const MONEY = "#,##0";
const FONT = {name: "Times New Roman", size: 12};
const THIN = {style: "thin" as const};
const BOX = {top: THIN, left: THIN, bottom: THIN, right: THIN};

/** What the builders need of exceljs: its Workbook class (the npm module, or the browser's window.ExcelJS). */
export interface ExcelJSLike {
  Workbook: new () => Workbook;
}

/**
 * exceljs, given by the caller (the page passes the browser build it loaded) or imported here in
 * Node. The specifier is not a literal so that the site's bundler leaves this import alone.
 */
async function excelModule(given?: ExcelJSLike): Promise<ExcelJSLike> {
  if (given) return given;
  const specifier = ["excel", "js"].join("");
  const mod = (await import(/* @vite-ignore */ specifier)) as {default?: ExcelJSLike} & Partial<ExcelJSLike>;
  return mod.default ?? (mod as ExcelJSLike);
}

async function newWorkbook(given: ExcelJSLike | undefined, meta: DocumentMeta): Promise<Workbook> {
  const ExcelJS = await excelModule(given);
  const wb = new ExcelJS.Workbook();
  wb.creator = `UBND ${issuingCommune(meta)}`;
  return wb;
}

function heading(ws: Worksheet, columns: number, title: string, meta: DocumentMeta): void {
  const last = String.fromCharCode(64 + columns);
  ws.getCell("A1").value = `UBND ${issuingCommune(meta)}`.toLocaleUpperCase("vi");
  ws.getCell("A1").font = {...FONT, bold: true};
  ws.mergeCells(`A2:${last}2`);
  ws.getCell("A2").value = title;
  ws.getCell("A2").font = {...FONT, size: 13, bold: true};
  ws.getCell("A2").alignment = {horizontal: "center", vertical: "middle", wrapText: true};
  ws.getRow(2).height = 36;
  ws.getCell(`${last}3`).value = "ĐVT: Đồng";
  ws.getCell(`${last}3`).font = {...FONT, italic: true};
  ws.getCell(`${last}3`).alignment = {horizontal: "right"};
}

function headerRow(ws: Worksheet, row: number, headers: readonly string[]): void {
  headers.forEach((h, i) => {
    const cell = ws.getRow(row).getCell(i + 1);
    cell.value = h;
    cell.font = {...FONT, bold: true};
    cell.alignment = {horizontal: "center", vertical: "middle", wrapText: true};
    cell.border = BOX;
  });
  ws.getRow(row).height = 32;
}

function styleRow(ws: Worksheet, row: number, columns: number, moneyColumns: readonly number[], bold = false): void {
  for (let c = 1; c <= columns; c++) {
    const cell = ws.getRow(row).getCell(c);
    cell.font = {...FONT, bold};
    cell.border = BOX;
    cell.alignment = {vertical: "middle", wrapText: true, horizontal: moneyColumns.includes(c) ? "right" : c === 1 ? "center" : undefined};
    if (moneyColumns.includes(c)) cell.numFmt = MONEY;
    else if (typeof cell.value === "string") cell.numFmt = TEXT_FORMAT;
  }
  fitHeight(ws, row, columns);
}

/** Points per line of 12 pt Times New Roman, and characters per unit of column width (about one). */
const LINE_HEIGHT = 15.75;

/** The row as tall as its most wrapped cell (Excel does not grow a row written by a library). */
function fitHeight(ws: Worksheet, row: number, columns: number, widths?: readonly number[]): void {
  let lines = 1;
  for (let c = 1; c <= columns; c++) {
    const v = ws.getRow(row).getCell(c).value;
    if (typeof v !== "string") continue;
    const width = widths?.[c - 1] ?? ws.getColumn(c).width ?? 10;
    const perLine = Math.max(1, Math.floor(width * 1.1) - 1);
    lines = Math.max(lines, v.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0));
  }
  ws.getRow(row).height = Math.ceil(lines * LINE_HEIGHT + 4);
}

/** "Bằng chữ" under a formula total: it reads the figure of the download, and says which. */
function wordsRow(ws: Worksheet, row: number, columns: number, text: string): void {
  const last = String.fromCharCode(64 + columns);
  ws.mergeCells(`A${row}:${last}${row}`);
  ws.getCell(`A${row}`).value = text;
  ws.getCell(`A${row}`).font = {...FONT, italic: true};
  ws.getCell(`A${row}`).alignment = {wrapText: true, vertical: "top"};
  ws.getCell(`A${row}`).numFmt = TEXT_FORMAT;
  const width = ws.columns.slice(0, columns).reduce((s, c) => s + (c.width ?? 10), 0);
  fitHeight(ws, row, 1, [width]);
}

async function toBytes(wb: Workbook): Promise<Uint8Array> {
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

const num = (v: bigint) => Number(v);

/** The draft plan's budget table: STT, Nội dung hỗ trợ, Số lượng, Kinh phí hỗ trợ, Tổng kinh phí, Ghi chú. */
export async function buildDraftPlanXlsx(model: DraftPlanModel, excel?: ExcelJSLike, meta: DocumentMeta = {}): Promise<Uint8Array> {
  const {draft} = model;
  const wb = await newWorkbook(excel, meta);
  const ws = wb.addWorksheet(`Kinh phí ${draft.year}`, {pageSetup: {paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0}});
  ws.columns = [{width: 6}, {width: 48}, {width: 10}, {width: 16}, {width: 18}, {width: 30}];
  heading(ws, 6, `DỰ KIẾN KINH PHÍ HỖ TRỢ KHUYẾN CÔNG CẤP XÃ NĂM ${draft.year}`, meta);
  headerRow(ws, 4, ["STT", "Nội dung hỗ trợ Khuyến công", "Số lượng", "Kinh phí hỗ trợ", "Tổng kinh phí hỗ trợ", "Ghi chú"]);
  let r = 5;
  const printed = draft.lines.filter((l) => l.stt !== null);
  const fresh = printed.filter((l) => l.kind === "new");
  const carried = printed.filter((l) => l.kind === "carry_over");
  const lineRows = (lines: readonly DraftLine[]): [number, number] => {
    const first = r;
    for (const l of lines) {
      // A line whose facilities are proposed less than the unit adds up their amounts (Phụ lục of the plan), not C × D.
      const total = l.totalAmount === BigInt(l.quantity) * l.unitAmount ? {formula: `C${r}*D${r}`, result: num(l.totalAmount)} : num(l.totalAmount);
      ws.getRow(r).values = [l.stt ?? "", l.description, l.quantity, num(l.unitAmount), total, lineNote(l)];
      styleRow(ws, r, 6, [4, 5]);
      ws.getRow(r).getCell(3).alignment = {horizontal: "center", vertical: "middle"};
      r++;
    }
    return [first, r - 1];
  };
  const subtotals: string[] = [];
  const group = (label: string, name: string, lines: readonly DraftLine[], total: bigint) => {
    const at = r++;
    const [first, last] = lineRows(lines);
    ws.getRow(at).values = [label, name, "", "", {formula: lines.length > 0 ? `SUM(E${first}:E${last})` : "0", result: num(total)}, ""];
    styleRow(ws, at, 6, [5], true);
    subtotals.push(`E${at}`);
  };
  if (carried.length > 0) {
    group("A", `Kinh phí khuyến công năm ${draft.year}`, fresh, draft.totals.newTotal);
    group("B", `Kinh phí năm ${draft.fromYear} chuyển sang`, carried, draft.totals.carryOverTotal);
  } else {
    const [first, last] = lineRows(fresh);
    if (fresh.length > 0) subtotals.push(`SUM(E${first}:E${last})`);
  }
  ws.mergeCells(`A${r}:B${r}`);
  ws.getRow(r).values = ["TỔNG", "", "", "", {formula: subtotals.length > 0 ? subtotals.join("+") : "0", result: num(draft.totals.grandTotal)}, ""];
  styleRow(ws, r, 6, [5], true);
  r++;
  wordsRow(ws, r, 6, `Bằng chữ (tổng ${formatNumber(draft.totals.grandTotal)} đồng khi tải về; sửa số liệu thì viết lại): ${moneyToWords(draft.totals.grandTotal, meta.words)}`);
  return toBytes(wb);
}

/** The evaluation's budget table: planned, approved, disbursed and rates per plan line. */
export async function buildEvaluationXlsx(model: EvaluationModel, excel?: ExcelJSLike, meta: DocumentMeta = {}): Promise<Uint8Array> {
  const b = model.budget;
  const wb = await newWorkbook(excel, meta);
  const ws = wb.addWorksheet(`Kinh phí ${model.year}`, {pageSetup: {paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0}});
  ws.columns = [{width: 6}, {width: 46}, {width: 17}, {width: 17}, {width: 17}, {width: 12}, {width: 12}];
  heading(ws, 7, `KẾT QUẢ SỬ DỤNG KINH PHÍ KHUYẾN CÔNG CẤP XÃ NĂM ${model.year}`, meta);
  headerRow(ws, 4, ["STT", "Nội dung hỗ trợ", "Kế hoạch", "Đã phê duyệt", "Đã giải ngân", "Tỷ lệ phê duyệt (%)", "Tỷ lệ giải ngân (%)"]);
  let r = 5;
  const first = r;
  const rate = (part: string, whole: string, value: number | null) => ({formula: `IF(${whole}=0,"",ROUND(${part}/${whole}*100,1))`, result: value === null ? "" : Math.round(value * 10) / 10});
  for (const l of b.lines) {
    ws.getRow(r).values = [l.line_no, l.description, num(l.planned_amount), num(l.approved_amount), num(l.disbursed_amount), rate(`D${r}`, `C${r}`, l.commitment_rate), rate(`E${r}`, `C${r}`, l.disbursement_rate)];
    styleRow(ws, r, 7, [3, 4, 5]);
    r++;
  }
  const last = r - 1;
  const sum = (col: string, value: bigint) => ({formula: b.lines.length > 0 ? `SUM(${col}${first}:${col}${last})` : "0", result: num(value)});
  ws.mergeCells(`A${r}:B${r}`);
  ws.getRow(r).values = ["TỔNG", "", sum("C", b.planned), sum("D", b.approved), sum("E", b.disbursed), rate(`D${r}`, `C${r}`, b.commitment_rate), rate(`E${r}`, `C${r}`, b.disbursement_rate)];
  styleRow(ws, r, 7, [3, 4, 5], true);
  for (const c of [6, 7]) ws.getRow(r).getCell(c).numFmt = "0.0";
  for (let i = first; i <= last; i++) for (const c of [6, 7]) ws.getRow(i).getCell(c).numFmt = "0.0";
  r++;
  wordsRow(ws, r, 7, `Bằng chữ (số liệu khi tải về): kế hoạch ${moneyToWords(b.planned, meta.words).toLowerCase()}; đã giải ngân ${moneyToWords(b.disbursed, meta.words).toLowerCase()}`);
  wordsRow(ws, r + 1, 7, [standsOnText(model), adjustmentText(model)].filter(Boolean).join(". ") + ".");
  carryOverSheet(wb, model, meta);
  return toBytes(wb);
}

/** The carry-over proposal with its total row (SUM formulas). */
function carryOverSheet(wb: Workbook, model: EvaluationModel, meta: DocumentMeta): void {
  const co = model.carryOver;
  const ws = wb.addWorksheet(`Chuyển nguồn ${model.year}`, {pageSetup: {paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0}});
  ws.columns = [{width: 6}, {width: 44}, {width: 8}, {width: 15}, {width: 15}, {width: 15}, {width: 15}, {width: 36}];
  heading(ws, 8, `KINH PHÍ NĂM ${model.year} ĐỀ NGHỊ CHUYỂN NGUỒN SANG NĂM ${model.year + 1}`, meta);
  headerRow(ws, 4, ["STT", "Hoạt động", "Dòng KH", "Phê duyệt", "Đã giải ngân", "Chưa giải ngân", "Đề nghị chuyển nguồn", "Ghi chú"]);
  let r = 5;
  co.items.forEach((c, i) => {
    const unpaid = c.unpaid ?? c.remainder;
    ws.getRow(r).values = [
      i + 1,
      `${c.activity_id}: ${c.title}${c.establishment_name ? ` (${c.establishment_name})` : ""}`,
      c.line_no ?? "",
      num(c.approved),
      num(c.disbursed),
      {formula: `D${r}-E${r}`, result: num(unpaid)},
      num(c.remainder),
      [c.status, c.decision_no ? `QĐ ${c.decision_no}` : "", c.limit ? `giữ lại ${formatNumber(unpaid - c.remainder)} đồng: ${c.limit}` : ""].filter(Boolean).join("; ")
    ];
    styleRow(ws, r, 8, [4, 5, 6, 7]);
    r++;
  });
  const first = 5;
  const last = r - 1;
  const sum = (col: string, value: bigint) => ({formula: co.items.length > 0 ? `SUM(${col}${first}:${col}${last})` : "0", result: num(value)});
  const total = (f: (c: (typeof co.items)[number]) => bigint) => co.items.reduce((s, c) => s + f(c), 0n);
  ws.mergeCells(`A${r}:B${r}`);
  ws.getRow(r).values = ["TỔNG", "", "", sum("D", total((c) => c.approved)), sum("E", total((c) => c.disbursed)), sum("F", total((c) => c.unpaid ?? c.remainder)), sum("G", co.total), ""];
  styleRow(ws, r, 8, [4, 5, 6, 7], true);
  r++;
  wordsRow(ws, r, 8, `Bằng chữ (đề nghị chuyển nguồn ${formatNumber(co.total)} đồng khi tải về): ${moneyToWords(co.total, meta.words)}`);
}
