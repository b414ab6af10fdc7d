// Page "Chất lượng dữ liệu": the cards and the facts of the last ingest run.
import {formatDate, formatDateTime, formatNumber} from "../lib/format.js";
import {runStatusLabel} from "../lib/quality-labels.js";
import {statCard} from "./stat-card.js";

export interface Run {
  run_id: string;
  started_at: string;
  finished_at: string | null;
  data_dir: string;
  status: string;
  is_sample: boolean;
  data_as_of: string | null;
}

export interface FileRow {
  source_file: string;
  kind: string;
  sha256: string;
  bytes: number;
  encoding: string;
  delimiter: string;
  reader: string;
  rows_read: number | null;
  rows_loaded: number | null;
  rows_rejected: number | null;
  blank_rows: number | null;
  warnings: number | null;
}

export interface TestRow {
  test: string;
  label: string;
  failures: number;
  example: string | null;
}

export interface Quality {
  run: Run | null;
  kinds: Record<string, string>;
  files: FileRow[];
  tests: TestRow[];
  rejects: unknown[];
  warnings: unknown[];
}

const sum = (files: readonly FileRow[], key: "rows_read" | "rows_loaded" | "rows_rejected" | "warnings") => files.reduce((s, f) => s + (f[key] ?? 0), 0);

export function qualityCards(q: Quality, _options: {width?: number} = {}): HTMLElement {
  const grid = document.createElement("div");
  grid.className = "grid grid-cols-4";
  if (!q.run) {
    grid.append(statCard("Lần nạp gần nhất", "Chưa có", "Chạy npm run ingest để nạp dữ liệu."));
    return grid;
  }
  const passed = q.tests.filter((t) => t.failures === 0).length;
  const read = sum(q.files, "rows_read");
  const filesWithRejects = q.files.filter((f) => (f.rows_rejected ?? 0) > 0).length;
  grid.append(
    statCard(
      "Lần nạp gần nhất",
      runStatusLabel(q.run.status),
      `kết thúc lúc ${formatDateTime(q.run.finished_at) || "–"} · ${passed}/${q.tests.length} kiểm tra đạt`,
      {tone: q.run.status === "ok" && passed === q.tests.length ? "good" : "bad"}
    ),
    statCard("Dòng đã nạp", `${formatNumber(sum(q.files, "rows_loaded"))} / ${formatNumber(read)}`, `dòng đọc được từ ${formatNumber(q.files.length)} tệp CSV`),
    statCard(
      "Dòng bị loại",
      formatNumber(q.rejects.length === 0 ? 0 : sum(q.files, "rows_rejected")),
      q.rejects.length === 0 ? "Không có dòng nào bị loại." : `${formatNumber(q.rejects.length)} lỗi trong ${formatNumber(filesWithRejects)} tệp: cần sửa và nộp lại`,
      {tone: q.rejects.length === 0 ? "good" : "bad"}
    ),
    statCard(
      "Cảnh báo",
      formatNumber(q.warnings.length),
      q.warnings.length === 0 ? "Không có cảnh báo nào." : "dòng vẫn được nạp, cần xem lại",
      {tone: q.warnings.length === 0 ? "good" : "warn"}
    )
  );
  return grid;
}

function duration(run: Run): string {
  if (!run.finished_at) return "";
  const ms = new Date(run.finished_at).getTime() - new Date(run.started_at).getTime();
  if (!Number.isFinite(ms) || ms < 0) return "";
  return ms < 60_000 ? `${formatNumber(ms / 1000, 1)} giây` : `${formatNumber(ms / 60_000, 1)} phút`;
}

/** The facts of the run as a two-column table. */
export function runFacts(run: Run | null, _options: {width?: number} = {}): HTMLElement {
  const table = document.createElement("table");
  table.className = "kc-facts";
  const rows: [string, string][] = run
    ? [
        ["Kết quả", runStatusLabel(run.status)],
        ["Bắt đầu", formatDateTime(run.started_at)],
        ["Kết thúc", [formatDateTime(run.finished_at), duration(run) ? `(mất ${duration(run)})` : ""].filter((s) => s).join(" ")],
        ["Thư mục dữ liệu", run.data_dir],
        ["Loại dữ liệu", run.is_sample ? "Dữ liệu mẫu (có tệp DU_LIEU_MAU.txt): không phải số liệu thật của xã" : "Số liệu của xã"],
        ["Số liệu đến ngày", formatDate(run.data_as_of) || "–"],
        ["Mã lần nạp", run.run_id]
      ]
    : [["Kết quả", "Kho dữ liệu chưa có lần nạp nào."]];
  for (const [label, value] of rows) {
    const tr = table.insertRow();
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = label;
    const td = tr.insertCell();
    td.textContent = value;
    tr.prepend(th);
  }
  return table;
}
