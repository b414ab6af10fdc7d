// Giai đoạn (the history page): the period's support split along one dimension (content group, sector or
// former commune): one horizontal bar per value, largest first. The name sits above its bar (long
// Vietnamese names are never cut), the amount and the number of projects just after the bar.
import * as Plot from "npm:@observablehq/plot";
import {chartWidth, finishChart, lineCount, lineWidthEms, textWidth, visibleLength} from "./chart.js";
import {formatMoney, formatMoneyShort, formatNumber, formatPercent, ratePercent} from "../lib/format.js";

export interface BreakdownRow {
  label: string;
  projects: number;
  support_amount: number;
}

export function historyBreakdown(rows: readonly BreakdownRow[], {width: available, color = "#4269d0"}: {width: number; color?: string}): SVGSVGElement | HTMLElement {
  const width = chartWidth(available);
  const total = rows.reduce((s, r) => s + r.support_amount, 0);
  const data = rows.map((r, i) => ({...r, key: String(i).padStart(3, "0")}));
  type Row = (typeof data)[number];
  const max = Math.max(1, ...data.map((d) => d.support_amount));
  const marginLeft = 4;
  // Half a tick label: the last tick may fall at the domain's end.
  const marginRight = 16;
  // Room after the longest bar for its "2,5 tỷ · 41 đề án"; where that would leave the bars less than
  // half the width (a phone), the amount alone, the projects left to the tip.
  const plotWidth = Math.max(120, width - marginLeft - marginRight);
  const full = (d: Row) => `${formatMoneyShort(d.support_amount)} · ${formatNumber(d.projects)} đề án`;
  const roomFor = (text: (d: Row) => string) => Math.max(0, ...data.map((d) => textWidth(text(d), 12, true))) + 10;
  const after = roomFor(full) <= plotWidth / 2 ? full : (d: Row) => formatMoneyShort(d.support_amount);
  const top = (max * plotWidth) / (plotWidth - roomFor(after));
  // A name that wraps to a second line pushes its bar down.
  const lines = Math.max(1, ...data.map((d) => lineCount(d.label, width - 12, 12)));
  const step = 44 + (lines - 1) * 15;
  const chart = Plot.plot({
    width,
    height: data.length * step + 44,
    marginLeft,
    marginRight,
    marginTop: 2,
    marginBottom: 40,
    style: {fontSize: "12px"},
    fy: {axis: null, domain: data.map((d) => d.key), padding: 0.05},
    x: {
      domain: [0, top],
      label: "Kinh phí hỗ trợ (đồng)",
      labelAnchor: "center",
      labelArrow: "none",
      labelOffset: 32,
      tickFormat: formatMoneyShort,
      ticks: Math.max(2, Math.floor(width / 130)),
      grid: true
    },
    marks: [
      Plot.text(data, {fy: "key", frameAnchor: "top-left", text: "label", lineWidth: lineWidthEms(width - 12, 12), lineHeight: 1.2, dy: 1}),
      Plot.barX(data, {
        fy: "key",
        x: (d: Row) => visibleLength(d.support_amount, top, plotWidth),
        fill: color,
        insetTop: 18 + (lines - 1) * 15,
        insetBottom: 6,
        title: (d: Row) => `${d.label}\n${formatMoney(d.support_amount)} (${formatPercent(ratePercent(d.support_amount, total))} cả giai đoạn), ${formatNumber(d.projects)} đề án`
      }),
      Plot.text(data, {
        fy: "key",
        x: (d: Row) => visibleLength(d.support_amount, top, plotWidth),
        textAnchor: "start",
        dx: 5,
        dy: 6 + ((lines - 1) * 15) / 2,
        text: after,
        fontWeight: 600
      }),
      Plot.ruleX([0])
    ]
  });
  return finishChart(chart, `Biểu đồ kinh phí hỗ trợ cả giai đoạn, tổng ${formatMoneyShort(total)}: ${rows.map((r) => `${r.label} ${formatMoneyShort(r.support_amount)} (${formatNumber(r.projects)} đề án)`).join("; ")}.`);
}
