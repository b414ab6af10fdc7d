// Tổng quan: the budget warnings of the last ingest, most serious first, in plain Vietnamese, with
// a link to the Chất lượng dữ liệu page for the full list. Text through textContent only.
import {formatNumber} from "../lib/format.js";

export interface BudgetAlert {
  rule: string;
  priority: number;
  heading: string;
  message: string;
}

export interface BudgetAlerts {
  alerts: readonly BudgetAlert[];
  otherWarnings: number;
  rejects: number;
}

/** Priorities 1–4 are money paid out of order or beyond plan/approval: shown red; the rest amber. */
const SERIOUS = 4;

export function budgetAlerts(data: BudgetAlerts, {max = 6, href = "./chat-luong-du-lieu"}: {max?: number; href?: string} = {}): HTMLElement {
  const box = document.createElement("div");
  box.className = "kc-alerts";
  if (data.alerts.length === 0) {
    const ok = document.createElement("p");
    ok.className = "kc-alerts-none";
    ok.textContent = "✓ Không có cảnh báo nào về kinh phí: không dòng nào phê duyệt hay giải ngân vượt kế hoạch, không khoản chi nào vượt phê duyệt hoặc trước quyết định.";
    box.append(ok);
  } else {
    const list = document.createElement("ol");
    list.className = "kc-alerts-list";
    for (const alert of data.alerts.slice(0, max)) {
      const li = document.createElement("li");
      li.className = alert.priority <= SERIOUS ? "kc-alert kc-alert-bad" : "kc-alert kc-alert-warn";
      li.dataset.rule = alert.rule;
      const strong = document.createElement("strong");
      strong.textContent = alert.heading;
      const message = document.createElement("span");
      message.textContent = alert.message;
      li.append(strong, document.createElement("br"), message);
      list.append(li);
    }
    box.append(list);
    if (data.alerts.length > max) {
      const more = document.createElement("p");
      more.className = "kc-muted";
      more.textContent = `… và ${formatNumber(data.alerts.length - max)} cảnh báo kinh phí khác.`;
      box.append(more);
    }
  }
  const footer = document.createElement("p");
  footer.className = "kc-note";
  const others: string[] = [];
  if (data.otherWarnings > 0) others.push(`${formatNumber(data.otherWarnings)} cảnh báo khác về dữ liệu`);
  if (data.rejects > 0) others.push(`${formatNumber(data.rejects)} dòng bị loại khi nạp`);
  if (others.length > 0) footer.append(`Ngoài ra có ${others.join(" và ")}. `);
  const link = document.createElement("a");
  link.href = href;
  link.textContent = "Xem chi tiết trên trang Chất lượng dữ liệu →";
  footer.append(link);
  box.append(footer);
  return box;
}
