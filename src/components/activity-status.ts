// Hoạt động: where the year's activities stand along the pipeline
// Đề xuất → Đã thẩm định → Đã phê duyệt → Đang thực hiện → Hoàn thành (Đã hủy apart).
// activityPipeline: an HTML strip, one box per status (count, approved money);
// activityMoneyBar: one stacked bar of the approved money by status (Plot).
import * as Plot from "npm:@observablehq/plot";
import {codeLabel, statusOrder} from "../lib/contract/codes.js";
import {formatMoney, formatMoneyShort, formatNumber, formatPercent, ratePercent} from "../lib/format.js";
import {chartWidth, finishChart, spacedTicks} from "./chart.js";

export interface StatusRow {
  status: string;
  activities: number;
  approved_amount: number;
  disbursed_amount: number;
}

/** One colour per status, the same in the strip, the bar and the table's legend. */
export const STATUS_COLOR: Record<string, string> = {
  de_xuat: "#bab0ac",
  tham_dinh: "#9bb4e0",
  phe_duyet: "#efb118",
  dang_thuc_hien: "#4269d0",
  hoan_thanh: "#3ca951",
  huy: "#d65f5f"
};

const PIPELINE = statusOrder.filter((s) => s !== "huy");

function el<K extends keyof HTMLElementTagNameMap>(tag: K, style: Partial<CSSStyleDeclaration> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node.style, style);
  if (text !== undefined) node.textContent = text;
  return node;
}

function box(row: StatusRow, cancelled: boolean): HTMLElement {
  const div = el("div", {
    flex: "1 1 0",
    minWidth: "6.5rem",
    boxSizing: "border-box",
    padding: "0.5rem 0.65rem",
    border: `1px ${cancelled ? "dashed" : "solid"} var(--theme-foreground-faint)`,
    borderTop: `4px solid ${STATUS_COLOR[row.status] ?? "#999"}`,
    borderRadius: "0.375rem",
    background: "var(--theme-background-alt)",
    breakInside: "avoid"
  });
  div.className = "kc-status-box";
  div.dataset.status = row.status;
  const label = el("div", {fontSize: "13px", fontWeight: "600"}, codeLabel("status", row.status));
  label.className = "kc-status-label";
  const count = el("div", {font: "700 26px/1.15 var(--sans-serif)", fontVariantNumeric: "tabular-nums"});
  const n = el("span", {}, formatNumber(row.activities));
  n.className = "kc-status-count";
  const unit = el("span", {fontSize: "13px", fontWeight: "400", marginLeft: "0.25rem"}, "hoạt động");
  count.append(n, unit);
  const money = el(
    "div",
    {fontSize: "13px", color: "var(--theme-foreground-muted)", fontVariantNumeric: "tabular-nums"},
    row.approved_amount === 0
      ? "Chưa có kinh phí phê duyệt"
      : cancelled
        ? `Phê duyệt trước khi hủy ${formatMoneyShort(row.approved_amount)}`
        : `Phê duyệt ${formatMoneyShort(row.approved_amount)}`
  );
  money.className = "kc-status-money";
  money.title = formatMoney(row.approved_amount);
  div.append(label, count, money);
  if (row.disbursed_amount !== 0) {
    const paid = el("div", {fontSize: "13px", color: "var(--theme-foreground-muted)"}, `Đã chi ${formatMoneyShort(row.disbursed_amount)}`);
    paid.title = formatMoney(row.disbursed_amount);
    div.append(paid);
  }
  return div;
}

/** The pipeline strip: the five stages joined by arrows, and the cancelled ones apart. */
export function activityPipeline(rows: readonly StatusRow[], {width}: {width: number}): HTMLElement {
  const byStatus = new Map(rows.map((r) => [r.status, r]));
  const get = (s: string): StatusRow => byStatus.get(s) ?? {status: s, activities: 0, approved_amount: 0, disbursed_amount: 0};
  // Six boxes and four arrows need about 780 px. Below that the boxes sit in an even grid
  // without arrows (the dashed border still sets the cancelled ones apart).
  const narrow = width < 800;
  const wrap = narrow
    ? el("div", {display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(8.5rem, 1fr))", gap: "0.4rem", margin: "0.5rem 0 1rem"})
    : el("div", {display: "flex", alignItems: "stretch", gap: "0.4rem", margin: "0.5rem 0 1rem"});
  wrap.className = "kc-pipeline";
  wrap.setAttribute("role", "list");
  wrap.setAttribute("aria-label", "Số hoạt động theo trạng thái");
  PIPELINE.forEach((s, i) => {
    if (i > 0 && !narrow) {
      const arrow = el("div", {alignSelf: "center", color: "var(--theme-foreground-muted)", fontSize: "18px"}, "→");
      arrow.setAttribute("aria-hidden", "true");
      wrap.append(arrow);
    }
    const b = box(get(s), false);
    b.setAttribute("role", "listitem");
    wrap.append(b);
  });
  if (!narrow) {
    const gap = el("div", {flex: "0 0 0.6rem"});
    gap.setAttribute("aria-hidden", "true");
    wrap.append(gap);
  }
  const cancelled = box(get("huy"), true);
  cancelled.setAttribute("role", "listitem");
  wrap.append(cancelled);
  return wrap;
}

/** One horizontal bar: the approved money of the activities still standing, by status. */
export function activityMoneyBar(rows: readonly StatusRow[], {width: available}: {width: number}): SVGSVGElement | HTMLElement {
  const width = chartWidth(available);
  const data = rows
    .filter((r) => r.status !== "huy" && r.approved_amount > 0)
    .map((r) => ({status: codeLabel("status", r.status), code: r.status, amount: r.approved_amount, paid: r.disbursed_amount}));
  const total = data.reduce((s, d) => s + d.amount, 0);
  const domain = PIPELINE.filter((s) => data.some((d) => d.code === s));
  const chart = Plot.plot({
    width,
    height: 100,
    marginBottom: 40,
    marginLeft: 10,
    marginRight: 10,
    style: {fontSize: "12px"},
    x: {label: "Kinh phí đã phê duyệt (đồng)", labelAnchor: "center", labelArrow: "none", labelOffset: 32, tickFormat: formatMoneyShort, ticks: spacedTicks(0, total, width - 20, formatMoneyShort), grid: false},
    color: {domain: domain.map((s) => codeLabel("status", s)), range: domain.map((s) => STATUS_COLOR[s] ?? "#999"), legend: true},
    marks: [
      Plot.barX(data, Plot.stackX({
        x: "amount",
        fill: "status",
        order: domain.map((s) => codeLabel("status", s)),
        insetTop: 2,
        insetBottom: 2,
        title: (d: (typeof data)[number]) =>
          `${d.status}: ${formatMoney(d.amount)} (${formatPercent(ratePercent(d.amount, total))} tổng phê duyệt); đã chi ${formatMoney(d.paid)}`
      })),
      Plot.text(data, Plot.stackX({
        x: "amount",
        z: "status",
        order: domain.map((s) => codeLabel("status", s)),
        text: (d: (typeof data)[number]) => ((d.amount / total) * width > 70 ? formatMoneyShort(d.amount) : ""),
        fill: "white",
        fontWeight: 600
      })),
      Plot.ruleX([0])
    ]
  });
  return finishChart(chart, `Kinh phí đã phê duyệt ${formatMoneyShort(total)} theo trạng thái: ${data.map((d) => `${d.status} ${formatMoneyShort(d.amount)}`).join(", ")}.`);
}
