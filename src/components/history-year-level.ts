// Giai đoạn (the history page): support per year, stacked by programme level (quốc gia, tỉnh, huyện, xã),
// with each year's total written above its bar.
import * as Plot from "npm:@observablehq/plot";
import {codeLabel, codeLists} from "../lib/contract/codes.js";
import {bandAxis, chartWidth, finishChart, textWidth} from "./chart.js";
import {formatMoney, formatMoneyShort, formatNumber} from "../lib/format.js";

export interface YearLevelRow {
  year: number;
  level: string;
  projects: number;
  support_amount: number;
}

export const LEVEL_COLOR: Record<string, string> = {quoc_gia: "#a0435b", tinh: "#4269d0", huyen: "#efb118", xa: "#3ca951"};

/** A year's total in millions, precise enough to tell 1.010 from 1.030 triệu: "803,5 triệu". */
function millions(amount: number): string {
  const m = amount / 1e6;
  return `${formatNumber(m, Number.isInteger(Math.round(m * 10) / 10) ? 0 : 1)} triệu`;
}

export function historyYearLevel(rows: readonly YearLevelRow[], {width: available}: {width: number}): SVGSVGElement | HTMLElement {
  const width = chartWidth(available);
  const levels = codeLists.level.map((l) => l.code).filter((code) => rows.some((r) => r.level === code));
  const data = rows.map((r) => ({...r, yearText: String(r.year), levelLabel: codeLabel("level", r.level)}));
  const totals = [...new Set(data.map((d) => d.yearText))].map((yearText) => {
    const inYear = data.filter((d) => d.yearText === yearText);
    return {yearText, amount: inYear.reduce((s, d) => s + d.support_amount, 0), projects: inYear.reduce((s, d) => s + d.projects, 0)};
  });
  const column = ((width - 64 - 20) / Math.max(1, totals.length)) * 0.9;
  const stacked = totals.some((t) => textWidth(millions(t.amount), 12, true) > column);
  const years = bandAxis(totals.map((t) => t.yearText), width - 64 - 20);
  // Headroom above the tallest column for its total (two lines where stacked): at the top it ran
  // into the axis label.
  const top = Math.max(1, ...totals.map((t) => t.amount)) * (stacked ? 1.25 : 1.12);
  const chart = Plot.plot({
    width,
    height: 300 + (years.marginBottom ?? 0),
    marginLeft: 64,
    marginTop: 24,
    ...(years.marginBottom ? {marginBottom: years.marginBottom} : {}),
    style: {fontSize: "12px"},
    x: {label: null, type: "band", padding: 0.25, tickRotate: years.tickRotate ?? 0},
    y: {label: "Kinh phí hỗ trợ (đồng)", domain: [0, top], grid: true, tickFormat: formatMoneyShort, ticks: 5},
    color: {
      domain: levels.map((l) => codeLabel("level", l)),
      range: levels.map((l) => LEVEL_COLOR[l] ?? "#999"),
      legend: true
    },
    marks: [
      Plot.barY(data, {
        x: "yearText",
        y: "support_amount",
        fill: "levelLabel",
        order: levels.map((l) => codeLabel("level", l)),
        title: (d: (typeof data)[number]) => `Năm ${d.yearText}, ${d.levelLabel}: ${formatMoney(d.support_amount)} (${formatNumber(d.projects)} đề án)`
      }),
      // Where a column is narrower than "1.010 triệu", the unit goes on a second line.
      Plot.text(totals, {
        x: "yearText",
        y: "amount",
        text: (d: (typeof totals)[number]) => (stacked ? millions(d.amount).replace(" ", "\n") : millions(d.amount)),
        lineAnchor: "bottom",
        dy: -4,
        fontWeight: 600
      }),
      Plot.ruleY([0])
    ]
  });
  return finishChart(chart, `Biểu đồ kinh phí hỗ trợ theo năm và cấp: ${totals.map((t) => `năm ${t.yearText} ${millions(t.amount)} (${formatNumber(t.projects)} đề án)`).join(", ")}.`);
}
