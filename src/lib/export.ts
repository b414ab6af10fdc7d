// Table exports for the site (browser) and tests (Node): CSV for Excel in a Vietnamese locale and
// XLSX. Pure functions, no DOM; src/components/download.ts turns them into buttons.
//
// CSV choices:
// - UTF-8 with a BOM (U+FEFF): without it Excel decodes the file as the ANSI code page and the
//   Vietnamese letters come out garbled. No "sep=;" first line: Excel then ignores the BOM.
// - Separator ";": Windows in Vietnamese uses "," as the decimal mark, so its list separator is
//   ";" and a double-clicked .csv is split on ";" (with "," every row would land in column A).
//   The project's own ingest reads ";" files too, so an exported table can be handed back in.
// - Money and counts are plain integers ("20000000"): no thousands dot for Excel to misread;
//   other numbers use the decimal comma of the locale ("66,7"); dates are dd/mm/yyyy.
// - CRLF line ends, RFC 4180 quoting.
// - Formula injection: a text cell that begins with = + - @ (or their full-width forms), a tab or
//   a carriage return gets a leading apostrophe, so Excel shows it as text and never runs it.
//   Numbers that we format ourselves ("-14000000") are left alone.
// XLSX: the same columns, typed cells (money as numbers shown "#,##0", dates as real dates shown
// dd/mm/yyyy, rates as percentages; a whole number in a text column, such as a year or a row
// number, as a number shown without separators), a bold frozen header row and an auto-filter.
// Text is stored as it reads, without the CSV's apostrophe: a string cell is never a formula, and
// its Text format ("@") keeps Excel from reading it as one when the cell is edited. exceljs is handed in by the caller; in the browser it is loaded only when
// someone clicks "Excel (XLSX)", so it never weighs on a page.
import {formatDate} from "./format.js";

export type CellType = "text" | "integer" | "money" | "number" | "percent" | "date" | "boolean";

export interface ExportColumn<R = Record<string, unknown>> {
  /** Property of the row (used when `value` is not given). */
  key: string;
  /** Vietnamese header, as the office reads it. */
  header: string;
  /** Default "text". "percent" values are already ×100 (66.7 means 66,7%). */
  type?: CellType;
  /** Computes the cell from the row instead of row[key]. */
  value?: (row: R) => unknown;
  /** XLSX column width in characters. */
  width?: number;
}

export interface CsvOptions {
  separator?: ";" | "," | "\t";
  /** Prefix the UTF-8 byte order mark (default true). */
  bom?: boolean;
}

export const BOM = "\uFEFF";
export const CSV_MIME = "text/csv;charset=utf-8";
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const DANGEROUS_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const PLAIN_NUMBER = /^-?\d+(?:[.,]\d+)?$/;

/** Text that a spreadsheet could take for a formula gets a leading apostrophe. */
export function neutralise(text: string): string {
  return DANGEROUS_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

export function cellValue<R>(row: R, column: ExportColumn<R>): unknown {
  return column.value ? column.value(row) : (row as Record<string, unknown>)[column.key];
}

function toNumber(value: unknown): number | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return null;
}

function integerText(value: unknown): string {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string" && /^-?\d+$/.test(value.trim())) return value.trim(); // beyond 2^53
  const n = toNumber(value);
  return n === null ? "" : Math.round(n).toFixed(0);
}

function decimalText(n: number, maxDigits = 2): string {
  const rounded = Number(n.toFixed(maxDigits));
  return String(rounded).replace(".", ",");
}

function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return formatDate(value);
  return String(value).normalize("NFC");
}

/** One cell as the CSV shows it (before quoting). */
export function csvCell(value: unknown, type: CellType = "text"): string {
  if (value === null || value === undefined) return "";
  switch (type) {
    case "integer":
    case "money":
      return integerText(value) || neutralise(text(value));
    case "number":
    case "percent": {
      const n = toNumber(value);
      return n === null ? neutralise(text(value)) : decimalText(n, type === "percent" ? 1 : 2);
    }
    case "date":
      return typeof value === "string" || value instanceof Date ? formatDate(value) || neutralise(text(value)) : "";
    case "boolean":
      return value ? "Có" : "Không";
    default:
      return neutralise(text(value));
  }
}

function quote(cell: string, separator: string): string {
  return cell.includes(separator) || /["\r\n]/.test(cell) || /^\s|\s$/.test(cell)
    ? `"${cell.replace(/"/g, '""')}"`
    : cell;
}

/** The whole CSV file as a string (starting with the BOM unless `bom: false`). */
export function toCsv<R>(rows: readonly R[], columns: readonly ExportColumn<R>[], options: CsvOptions = {}): string {
  const separator = options.separator ?? ";";
  const lines = [columns.map((c) => quote(neutralise(c.header), separator)).join(separator)];
  for (const row of rows) {
    lines.push(columns.map((c) => quote(csvCell(cellValue(row, c), c.type), separator)).join(separator));
  }
  return (options.bom === false ? "" : BOM) + lines.join("\r\n") + "\r\n";
}

/** UTF-8 bytes of the CSV (the BOM becomes EF BB BF). */
export function csvBytes<R>(rows: readonly R[], columns: readonly ExportColumn<R>[], options?: CsvOptions): Uint8Array {
  return new TextEncoder().encode(toCsv(rows, columns, options));
}

// ------------------------------------------------------------------------------------- XLSX

export interface XlsxOptions {
  /** Worksheet name (Excel allows 31 characters, no : \ / ? * [ ]). */
  sheetName?: string;
  /** Optional title line above the table (e.g. "Danh sách hoạt động năm 2026"). */
  title?: string;
}

/** The exceljs module: `import ExcelJS from "exceljs"` in Node, `window.ExcelJS` in the browser
 * (src/components/download.ts loads exceljs's prebuilt browser file on demand). Passed in rather
 * than imported here so that no page bundles exceljs. */
export type ExcelJSModule = typeof import("exceljs");

/** A worksheet name Excel accepts, keeping Vietnamese: at most 31 characters, none of : \ / ? * [ ],
 * not beginning or ending with an apostrophe (Excel refuses such a workbook) or a space. */
export function sheetName(name: string): string {
  const cleaned = name.normalize("NFC").replace(/[:\\/?*[\]]/g, " ").replace(/\s+/g, " ").trim().slice(0, 31).replace(/^['\s]+|['\s]+$/g, "");
  return cleaned || "Dữ liệu";
}

/** An ISO date "2026-01-05" (or a Date) as a Date at UTC midnight, which exceljs stores exactly. */
function excelDate(value: unknown): Date | null {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : new Date(Date.UTC(value.getFullYear(), value.getMonth(), value.getDate()));
  }
  if (typeof value !== "string") return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

const NUMBER_FORMATS: Partial<Record<CellType, string>> = {
  integer: "#,##0",
  money: "#,##0",
  number: "#,##0.##",
  percent: "0.0%",
  date: "dd/mm/yyyy"
};

/** Text for an XLSX cell, line breaks as LF (what Excel uses inside a cell; XML would turn a bare
 * CR into LF anyway). Stored as a string with the Text format, so it needs no apostrophe. */
function xlsxText(value: unknown): string {
  return text(value).replace(/\r\n?/g, "\n");
}

/** Number format of a cell holding text: Excel keeps an edited "=…" as text. */
export const TEXT_FORMAT = "@";
/** A whole number in a text column (a year, a row number): no thousands separator. */
const PLAIN_WHOLE = "0";

/** An XLSX cell value for exceljs. */
export function xlsxCell(value: unknown, type: CellType = "text"): string | number | Date | null {
  if (value === null || value === undefined || value === "") return null;
  switch (type) {
    case "integer":
    case "money": {
      const n = toNumber(value);
      return n === null ? xlsxText(value) : Math.round(n);
    }
    case "number":
      return toNumber(value) ?? xlsxText(value);
    case "percent": {
      const n = toNumber(value);
      return n === null ? xlsxText(value) : n / 100;
    }
    case "date":
      return excelDate(value) ?? xlsxText(value);
    case "boolean":
      return value ? "Có" : "Không";
    default:
      return (typeof value === "number" && Number.isSafeInteger(value)) || typeof value === "bigint" ? Number(value) : xlsxText(value);
  }
}

/** The XLSX file's bytes. */
export async function toXlsx<R>(
  ExcelJS: ExcelJSModule,
  rows: readonly R[],
  columns: readonly ExportColumn<R>[],
  options: XlsxOptions = {}
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Khuyến công";
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(sheetName(options.sheetName ?? "Dữ liệu"), {
    pageSetup: {paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0}
  });
  let headerRowNumber = 1;
  if (options.title) {
    const titleRow = sheet.addRow([xlsxText(options.title)]);
    titleRow.font = {bold: true, size: 13};
    titleRow.getCell(1).numFmt = TEXT_FORMAT;
    sheet.addRow([]);
    headerRowNumber = 3;
  }
  const header = sheet.addRow(columns.map((c) => xlsxText(c.header)));
  header.font = {bold: true};
  header.alignment = {vertical: "middle", wrapText: true};
  header.eachCell((cell) => (cell.numFmt = TEXT_FORMAT));
  for (const row of rows) {
    const added = sheet.addRow(columns.map((c) => xlsxCell(cellValue(row, c), c.type)));
    // Per cell: a column's format would not tell a text from a number that landed in it.
    added.eachCell((cell, n) => {
      if (typeof cell.value === "string") cell.numFmt = TEXT_FORMAT;
      else if ((columns[n - 1]?.type ?? "text") === "text") cell.numFmt = PLAIN_WHOLE;
      else cell.numFmt = NUMBER_FORMATS[columns[n - 1]!.type!] ?? "General";
    });
  }
  columns.forEach((c, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = c.width ?? Math.min(60, Math.max(10, c.header.length + 2, ...rows.slice(0, 200).map((r) => csvCell(cellValue(r, c), c.type).length + 2)));
  });
  sheet.views = [{state: "frozen", ySplit: headerRowNumber}];
  if (columns.length > 0) {
    sheet.autoFilter = {from: {row: headerRowNumber, column: 1}, to: {row: headerRowNumber, column: columns.length}};
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** A file name safe on Windows, keeping Vietnamese letters: "Hoạt động 2026" → "Hoạt động 2026". */
export function safeFileName(name: string): string {
  const cleaned = name.normalize("NFC").replace(/[<>:"/\\|?*\u0000-\u001f]/g, " ").replace(/\s+/g, " ").trim();
  return cleaned.replace(/[. ]+$/, "") || "du-lieu";
}
