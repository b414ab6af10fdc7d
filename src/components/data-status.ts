// The line every page opens with: how fresh the data is, and a banner when it is sample data.
import {formatDate, formatDateTime, formatNumber} from "../lib/format.js";

export interface RunStatus {
  finished_at: string | null;
  data_as_of: string | null;
  is_sample: boolean;
  rejects: number;
  warnings: number;
}

export function dataStatus(run: RunStatus | null): HTMLElement {
  const box = document.createElement("div");
  box.className = "kc-status";
  if (run === null) {
    box.append(paragraph("kc-banner", "Kho dữ liệu chưa có lần nạp nào: hãy chạy npm run ingest."));
    return box;
  }
  if (run.is_sample) {
    const banner = paragraph("kc-banner", "");
    const strong = document.createElement("strong");
    strong.textContent = "Dữ liệu mẫu. ";
    banner.append(strong, "Các số liệu trên trang được tạo để minh họa, không phải số liệu thật của xã.");
    box.append(banner);
  }
  const note = paragraph("kc-note", `Dữ liệu đến ngày ${formatDate(run.data_as_of) || "–"} · nạp vào kho lúc ${formatDateTime(run.finished_at) || "–"}`);
  if (run.rejects > 0 || run.warnings > 0) {
    note.append(" · ");
    const link = document.createElement("a");
    link.href = "./chat-luong-du-lieu";
    link.textContent = `${formatNumber(run.rejects)} dòng bị loại, ${formatNumber(run.warnings)} cảnh báo`;
    note.append(link);
  }
  box.append(note);
  return box;
}

function paragraph(className: string, text: string): HTMLParagraphElement {
  const p = document.createElement("p");
  p.className = className;
  p.textContent = text;
  return p;
}
