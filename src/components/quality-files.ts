// Page "Chất lượng dữ liệu": the files of the last ingest, with their counts and fingerprints.
import {formatNumber} from "../lib/format.js";
import {delimiterLabel, encodingLabel, readerLabel} from "../lib/quality-labels.js";
import type {FileRow} from "./quality-summary.js";
import {dataTable} from "./table.js";

/** 8698 → "8,5 KB"; 2 400 000 → "2,3 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} byte`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 1)} KB`;
  return `${formatNumber(bytes / 1024 / 1024, 1)} MB`;
}

export function shortHash(sha: string): string {
  return sha.length > 12 ? `${sha.slice(0, 12)}…` : sha;
}

/** Rows read = loaded + rejected, as the contract promises for every file. */
export function balances(f: FileRow): boolean {
  return (f.rows_read ?? 0) === (f.rows_loaded ?? 0) + (f.rows_rejected ?? 0);
}

export function filesTable(files: readonly FileRow[], kinds: Record<string, string>, _options: {width?: number} = {}): HTMLElement {
  const figure = dataTable(files, {
    fileName: "Tep du lieu da nap",
    title: "Các tệp dữ liệu của lần nạp gần nhất",
    caption: "Các tệp đã nạp",
    empty: "Lần nạp không đọc tệp nào.",
    columns: [
      {key: "source_file", header: "Tên tệp", type: "text"},
      {key: "kind", header: "Loại tệp", type: "text", value: (f) => kinds[f.kind] ?? f.kind},
      // The counts the office checks come first; how the file was read, after (it scrolls sideways).
      {key: "rows_read", header: "Dòng đọc", type: "integer"},
      {key: "rows_loaded", header: "Đã nạp", type: "integer"},
      {key: "rows_rejected", header: "Bị loại", type: "integer"},
      {key: "balance", header: "Đọc = nạp + loại", type: "text", value: (f) => (balances(f) ? "khớp" : "LỆCH")},
      {key: "blank_rows", header: "Dòng trống", type: "integer"},
      {key: "warnings", header: "Cảnh báo", type: "integer"},
      {key: "encoding", header: "Mã hóa", type: "text", value: (f) => encodingLabel(f.encoding)},
      {key: "delimiter", header: "Dấu phân cách", type: "text", value: (f) => delimiterLabel(f.delimiter)},
      {key: "reader", header: "Cách đọc", type: "text", value: (f) => readerLabel(f.reader)},
      {key: "bytes", header: "Kích thước (byte)", type: "integer", format: (v) => formatBytes(Number(v))},
      {key: "sha256", header: "SHA-256", type: "text", format: (v) => shortHash(String(v))}
    ]
  });
  figure.classList.add("kc-files-table");
  return figure;
}

/** The full SHA-256 of every file, selectable, to check a file against the one handed in. */
export function hashList(files: readonly FileRow[], _options: {width?: number} = {}): HTMLElement {
  const details = document.createElement("details");
  details.className = "kc-hashes";
  const summary = document.createElement("summary");
  summary.textContent = "Mã SHA-256 đầy đủ của từng tệp (để đối chiếu đúng tệp đã nộp)";
  const list = document.createElement("dl");
  for (const f of files) {
    const dt = document.createElement("dt");
    dt.textContent = f.source_file;
    const dd = document.createElement("dd");
    const code = document.createElement("code");
    code.textContent = f.sha256;
    code.title = `SHA-256 của ${f.source_file}`;
    dd.append(code);
    list.append(dt, dd);
  }
  details.append(summary, list);
  return details;
}
