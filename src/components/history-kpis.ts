// Giai đoạn (the history page): the period's key figures as cards (Framework's .card/.big look).
import {statCard} from "./stat-card.js";
import {formatMoney, formatMoneyShort, formatNumber, formatPeriod} from "../lib/format.js";

export interface HistoryTotals {
  from_year: number | null;
  to_year: number | null;
  projects: number;
  facilities: number;
  projects_without_facility: number;
  support_amount: number;
  counterpart_amount: number;
  leverage: number | null;
  jobs_created: number;
  repeat_facilities: number;
}

/** Leverage as words: "2,38 đồng" (counterpart per đồng of support). */
export function formatLeverage(value: number | null | undefined): string {
  return value == null ? "–" : `${formatNumber(value, 2)} đồng`;
}

export function historyKpis(t: HistoryTotals): HTMLElement {
  const grid = document.createElement("div");
  grid.className = "grid grid-cols-3";
  const withoutFacility = t.projects_without_facility > 0 ? `; ${formatNumber(t.projects_without_facility)} đề án không gắn với một cơ sở` : "";
  grid.append(
    statCard("Số đề án được hỗ trợ", formatNumber(t.projects), `năm ${formatPeriod(t.from_year, t.to_year) || "–"}, mọi cấp`, {id: "projects"}),
    statCard("Kinh phí khuyến công hỗ trợ", formatMoneyShort(t.support_amount), formatMoney(t.support_amount), {id: "support"}),
    statCard("Vốn đối ứng của cơ sở", formatMoneyShort(t.counterpart_amount), formatMoney(t.counterpart_amount), {id: "counterpart"}),
    statCard("Vốn đối ứng trên 1 đồng hỗ trợ", formatLeverage(t.leverage), "tổng vốn đối ứng / tổng kinh phí hỗ trợ", {id: "leverage"}),
    statCard("Lao động tạo thêm", `${formatNumber(t.jobs_created)} người`, "theo báo cáo kết quả của các đề án", {id: "jobs"}),
    statCard("Cơ sở CNNT được hỗ trợ", formatNumber(t.facilities), `${formatNumber(t.repeat_facilities)} cơ sở được hỗ trợ từ 2 lần trở lên${withoutFacility}`, {id: "facilities"})
  );
  return grid;
}
