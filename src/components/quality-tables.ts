// Page "Chất lượng dữ liệu": the rejected rows and the warnings, searchable and filterable.
import {foldKey} from "../lib/parse/text.js";
import {columnText, valueText, type ShownReject, type ShownWarning} from "../lib/rejects.js";
import {WARNING_RULES} from "../lib/quality-labels.js";
import {dataTable} from "./table.js";

export interface RowFilter {
  query?: string;
  kind?: string | null;
  file?: string | null;
  rule?: string | null;
}

/** Every word of the query (case and diacritics folded) must appear in one of the row's texts. */
export function filterRows<R extends {kind: string; source_file: string; rule?: string}>(rows: readonly R[], texts: (row: R) => unknown[], filter: RowFilter): R[] {
  const words = foldKey(filter.query ?? "").split(" ").filter((w) => w !== "");
  return rows.filter((r) => {
    if (filter.kind != null && r.kind !== filter.kind) return false;
    if (filter.file != null && r.source_file !== filter.file) return false;
    if (filter.rule != null && r.rule !== filter.rule) return false;
    if (words.length === 0) return true;
    const text = foldKey(texts(r).filter((t) => t != null).join(" | "));
    return words.every((w) => text.includes(w));
  });
}

export const rejectTexts = (r: ShownReject, kinds: Record<string, string>) => [r.source_file, kinds[r.kind], r.source_line, r.column_header, r.column_name, r.raw_value, r.reason];
export const warningTexts = (w: ShownWarning, kinds: Record<string, string>) => [w.source_file, kinds[w.kind], w.source_line, w.rule, w.rule_label, w.message];


export function rejectsTable(rows: readonly ShownReject[], kinds: Record<string, string>, _options: {width?: number} = {}): HTMLElement {
  const figure = dataTable(rows, {
    fileName: "Dong bi loai",
    title: "Các dòng bị loại khi nạp dữ liệu",
    caption: "Dòng bị loại",
    empty: "Không có dòng nào bị loại.",
    columns: [
      {key: "source_file", header: "Tệp", type: "text"},
      {key: "kind", header: "Loại tệp", type: "text", value: (r) => kinds[r.kind] ?? r.kind},
      {key: "source_line", header: "Dòng", type: "text"},
      {key: "column_header", header: "Cột", type: "text", value: columnText},
      {key: "column_name", header: "Tên cột trong hệ thống", type: "text"},
      {key: "raw_value", header: "Giá trị", type: "text", value: valueText},
      {key: "reason", header: "Lý do", type: "text", breakAnywhere: true}
    ]
  });
  figure.classList.add("kc-rejects-table");
  return figure;
}

export function warningsTable(rows: readonly ShownWarning[], kinds: Record<string, string>, _options: {width?: number} = {}): HTMLElement {
  const figure = dataTable(rows, {
    fileName: "Canh bao",
    title: "Các cảnh báo khi nạp dữ liệu",
    caption: "Cảnh báo",
    empty: "Không có cảnh báo nào.",
    columns: [
      {key: "source_file", header: "Tệp", type: "text"},
      {key: "kind", header: "Loại tệp", type: "text", value: (w) => kinds[w.kind] ?? w.kind},
      {key: "source_line", header: "Dòng", type: "text"},
      {key: "rule_label", header: "Quy tắc", type: "text"},
      {key: "message", header: "Nội dung", type: "text", breakAnywhere: true},
      {key: "fix", header: "Gợi ý xử lý", type: "text", value: (w) => WARNING_RULES[w.rule]?.fix ?? ""}
    ]
  });
  figure.classList.add("kc-warnings-table");
  return figure;
}
