// The readable end of an ingest: per file, what was read, loaded, rejected and warned about.
import {SAVE_AS_CSV, WORKBOOK, skippedReasonLabel} from "../src/lib/quality-labels.js";
import {kinds} from "../src/lib/contract/kinds.js";
import {formatNumber} from "../src/lib/format.js";
import {columnText, type ShownReject, type ShownWarning} from "../src/lib/rejects.js";
import {INGEST_STEPS, type IngestStep, type IngestSummary} from "./ingest.js";

const STEP_LABELS: Record<IngestStep, string> = {
  files: "đọc và kiểm tra từng ô",
  rows: "trùng khóa, tham chiếu",
  models: "bảng tổng hợp",
  warnings: "cảnh báo",
  tests: "kiểm thử dữ liệu",
  write: "ghi kho",
  other: "việc khác"
};

/** "Thời gian: 5,2 s (đọc và kiểm tra từng ô 3,1 s; …)": where a run spent its time. */
export function formatSeconds(seconds: Record<IngestStep, number>): string {
  const total = INGEST_STEPS.reduce((sum, step) => sum + seconds[step], 0);
  const parts = INGEST_STEPS.map((step) => `${STEP_LABELS[step]} ${formatNumber(seconds[step], 2)} s`);
  return `Thời gian: ${formatNumber(total, 2)} s (${parts.join("; ")})`;
}

/**
 * A text with terminal control codes shown as `\u001b` (an escape sequence, bell, backspace, a
 * carriage return that rewrites the line, C1 codes, bidi overrides that reverse what follows):
 * a file name or cell printed to the terminal never drives it. Tabs and line breaks stay. The
 * form is JSON's own escape, so the same function serves `--json` output, where JSON.stringify
 * escapes only the C0 codes.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export function formatSummary(s: IngestSummary): string {
  const head = ["Tệp", "Loại", "Đọc", "Nạp", "Loại bỏ", "Cảnh báo"];
  const rows = s.files.map((f) => [f.file, kinds[f.kind].title, formatNumber(f.rowsRead), formatNumber(f.rowsLoaded), formatNumber(f.rowsRejected), formatNumber(f.warnings)]);
  const total = s.files.reduce((acc, f) => ({read: acc.read + f.rowsRead, loaded: acc.loaded + f.rowsLoaded, rejected: acc.rejected + f.rowsRejected}), {read: 0, loaded: 0, rejected: 0});
  rows.push(["Tổng", "", formatNumber(total.read), formatNumber(total.loaded), formatNumber(total.rejected), formatNumber(s.warnings)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  const out = [
    `Đã xây dựng kho dữ liệu ${s.dbPath}${s.isSample ? " (DỮ LIỆU MẪU)" : ""} từ ${s.dataDir}`,
    s.dataAsOf ? `Dữ liệu đến ngày ${s.dataAsOf.split("-").reverse().join("/")}` : "Chưa có ngày dữ liệu (không có chứng từ, quyết định nào)",
    "",
    line(head),
    ...rows.map(line),
    ""
  ];
  if (s.files.length === 0) {
    out.push(`Thư mục ${s.dataDir} không có tệp CSV nào để nạp: kho được dựng nhưng trống. Kiểm tra lại thư mục (--data hoặc biến KC_DATA).`, "");
  }
  if (s.rejects > 0) out.push(...listed(`${formatNumber(s.rejects)} lỗi làm loại bỏ dòng`, s.firstRejects.map(rejectLine), s.rejects), "");
  if (s.warnings > 0) out.push(...listed(`${formatNumber(s.warnings)} cảnh báo (dòng vẫn được nạp)`, s.firstWarnings.map(warningLine), s.warnings), "");
  if (s.rejects > 0 || s.warnings > 0) {
    out.push("Xem đủ, lọc và tải về trên trang Chất lượng dữ liệu (npm start); trong kho: bảng rejects và warnings.");
  }
  if (s.skippedFiles.length > 0) {
    const workbook = s.skippedFiles.some((f) => WORKBOOK.test(f.source_file));
    out.push(
      `${s.skippedFiles.length} tệp/thư mục KHÔNG được nạp: ${s.skippedFiles.map((f) => `${f.source_file} (${skippedReasonLabel(f.reason)})`).join("; ")}.` +
        (workbook ? ` ${SAVE_AS_CSV}` : "")
    );
  }
  const passed = s.dataTests.filter((t) => t.failures === 0).length;
  out.push(`Kiểm thử dữ liệu: ${passed}/${s.dataTests.length} đạt.`);
  out.push(formatSeconds(s.seconds));
  return out.join("\n");
}

/** A heading, the lines listed under it, and how many more there are. */
function listed(heading: string, lines: string[], total: number): string[] {
  const more = total - lines.length;
  return [`${heading}${more > 0 ? ` (${formatNumber(lines.length)} đầu tiên)` : ""}:`, ...lines.map((l) => `  ${l}`), ...(more > 0 ? [`  … và ${formatNumber(more)} nữa.`] : [])];
}

/** A whole row's raw line can be long: enough of it to find the row. */
const shorten = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** "disbursements_q3.csv, dòng 6, cột Số chứng từ: trùng Số chứng từ với dòng 5 … (giá trị: PC-014)" */
function rejectLine(r: ShownReject): string {
  const where = r.column_name === null ? "cả dòng" : `cột ${columnText(r)}`;
  // Most reasons quote the cell already; an empty cell needs no value either.
  const value = r.raw_value === null || r.raw_value === "" || r.reason.includes(r.raw_value) ? "" : ` (giá trị: ${shorten(r.raw_value)})`;
  return `${r.source_file}, dòng ${r.source_line}, ${where}: ${r.reason}${value}`;
}

/** "plan_lines_2026.csv, dòng 3: Tổng kinh phí khác Số lượng × Kinh phí hỗ trợ — <message>" */
function warningLine(w: ShownWarning): string {
  return `${w.source_file}, dòng ${w.source_line}: ${w.rule_label} — ${w.message}`;
}
