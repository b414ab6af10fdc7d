// Tổng quan: the plan year's disbursement, month by month and cumulated, against an even monthly
// schedule of the year's plan. The data has no disbursement schedule: the even schedule (plan ÷ 12
// each month) is an ASSUMPTION used as a reference, and the chart says so.
// x is the month as a number: 0 = 1 January, m = end of month m; month names sit mid-month.
import * as Plot from "npm:@observablehq/plot";
import {chartWidth, finishChart, fittingText, textWidth} from "./chart.js";
import {formatDate, formatMoney, formatMoneyShort, formatMonth, formatPercent, ratePercent} from "../lib/format.js";

export interface DisbursementMonth {
  month: number;
  planned: number;
  disbursed: number;
  cumulative: number;
}

export interface CumulativeOptions {
  width: number;
  year: number;
  /** Data date (yyyy-mm-dd): the disbursed line stops there. */
  asOf: string;
  planned: number;
}

const DISBURSED = "#2e7d32";
const SCHEDULE_NAME = "Tiến độ đều theo tháng (giả định)";
const SCHEDULE = "#6b7a90";
/** A background-coloured outline so labels stay readable over lines. */
const HALO = {stroke: "var(--theme-background-alt)", strokeWidth: 4, paintOrder: "stroke"} as const;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Points of the disbursed line: 1 January, each month end up to the data date, the data date. */
export function cumulativePoints(months: readonly DisbursementMonth[], year: number, asOf: string) {
  const [y, m, d] = asOf.split("-").map(Number) as [number, number, number];
  const lastMonth = y > year ? 12 : y < year ? 0 : m;
  const points: {x: number; value: number; label: string}[] = [{x: 0, value: 0, label: `01/01/${year}`}];
  for (const row of months) {
    if (row.month < lastMonth) points.push({x: row.month, value: row.cumulative, label: `hết ${formatMonth(row.month)}/${year}`});
  }
  if (lastMonth > 0) {
    const row = months.find((r) => r.month === lastMonth);
    const x = y === year ? lastMonth - 1 + d / daysInMonth(year, lastMonth) : 12;
    points.push({x, value: row?.cumulative ?? 0, label: y === year ? formatDate(asOf) : `hết ${formatMonth(12)}/${year}`});
  }
  return points;
}

export function disbursementCumulative(months: readonly DisbursementMonth[], options: CumulativeOptions): HTMLElement {
  const {year, asOf, planned} = options;
  const width = chartWidth(options.width);
  const points = cumulativePoints(months, year, asOf);
  const schedule = (x: number) => (planned * x) / 12;
  const last = points.at(-1)!;
  const maxValue = Math.max(planned, ...points.map((p) => p.value));
  const fontSize = 13;
  const marginLeft = 78;
  const marginRight = 16;
  const plotWidth = width - marginLeft - marginRight;
  // A phone has room for a month name every few months, and shorter labels.
  const monthStep = Math.max(1, Math.ceil((textWidth(formatMonth(12), fontSize) + 8) / (plotWidth / 12)));
  const plannedText = fittingText([`Kế hoạch năm ${year}: ${formatMoneyShort(planned)}`, `Kế hoạch: ${formatMoneyShort(planned)}`], plotWidth - 8, fontSize);
  const lastRate = formatPercent(ratePercent(last.value, planned));
  // The last point's label runs from the point towards the middle: it must stay clear of the money axis.
  const lastRoom = last.x > 9 ? (plotWidth * last.x) / 12 - 10 : plotWidth * (1 - last.x / 12) - 10;
  const lastText = fittingText([`${formatMoneyShort(last.value)} (${lastRate})`, lastRate], lastRoom, fontSize, true);

  const chart = Plot.plot({
    width,
    height: Math.round(Math.min(360, Math.max(240, width * 0.38))),
    marginLeft,
    marginRight,
    marginTop: 28,
    style: {fontSize: `${fontSize}px`},
    x: {domain: [0, 12], label: null, ticks: [], grid: false},
    y: {domain: [Math.min(0, ...points.map((p) => p.value)), maxValue * 1.05], grid: true, label: null, tickFormat: formatMoneyShort, ticks: 5},
    marks: [
      // Month boundaries and names in the middle of each month.
      Plot.ruleX(Array.from({length: 13}, (_, i) => i), {stroke: "currentColor", strokeOpacity: 0.08}),
      Plot.axisX(
        Array.from({length: 12}, (_, i) => i + 0.5),
        {tickFormat: (x: number) => formatMonth(Math.floor(x) + 1), tickSize: 0, label: null, filter: (x: number) => Math.floor(x) % monthStep === 0}
      ),
      Plot.ruleY([0]),
      Plot.ruleY([planned], {stroke: SCHEDULE, strokeOpacity: 0.6}),
      Plot.text([planned], {x: 0, y: (v: number) => v, text: () => plannedText, textAnchor: "start", dy: -8, dx: 4, fill: SCHEDULE, ...HALO}),
      Plot.line([0, 12], {x: (x: number) => x, y: schedule, stroke: SCHEDULE, strokeDasharray: "6 4", strokeWidth: 1.5}),
      Plot.text([12], {
        x: (x: number) => x,
        y: schedule,
        // Narrow, the long name would run over the money axis; the legend above says the rest.
        text: () => (textWidth(SCHEDULE_NAME, fontSize) < plotWidth * 0.6 ? SCHEDULE_NAME : "Tiến độ đều"),
        textAnchor: "end",
        dy: 16,
        dx: -4,
        fill: SCHEDULE,
        fontStyle: "italic",
        ...HALO
      }),
      Plot.areaY(points, {x: "x", y: "value", fill: DISBURSED, fillOpacity: 0.08}),
      Plot.line(points, {x: "x", y: "value", stroke: DISBURSED, strokeWidth: 2.5}),
      Plot.dot(points.slice(1), {x: "x", y: "value", fill: DISBURSED, r: 3}),
      Plot.text([last], {
        x: "x",
        y: "value",
        text: () => lastText,
        textAnchor: last.x > 9 ? "end" : "start",
        dx: last.x > 9 ? -6 : 6,
        dy: -10,
        fill: DISBURSED,
        fontWeight: 700,
        ...HALO
      }),
      Plot.tip(
        points.slice(1),
        Plot.pointerX({
          x: "x",
          y: "value",
          title: (p: {x: number; value: number; label: string}) =>
            [
              `Đã giải ngân đến ${p.label}: ${formatMoney(p.value)} (${formatPercent(ratePercent(p.value, planned))} kế hoạch)`,
              `Tiến độ đều (giả định): ${formatMoney(Math.round(schedule(p.x)))}`
            ].join("\n")
        })
      )
    ]
  });

  const figure = document.createElement("figure");
  figure.className = "kc-cumulative";
  figure.style.maxWidth = "none";
  figure.style.margin = "0";
  const legend = document.createElement("div");
  legend.className = "kc-chart-legend";
  legend.append(swatch(DISBURSED, false, "Đã giải ngân lũy kế (đã trừ thu hồi)"), swatch(SCHEDULE, true, "Tiến độ đều theo tháng: giả định, vì kế hoạch không có lịch giải ngân"));
  figure.append(legend, finishChart(chart, `Biểu đồ giải ngân lũy kế năm ${year}: đến ${last.label} đã giải ngân ${formatMoneyShort(last.value)}, bằng ${formatPercent(ratePercent(last.value, planned))} kế hoạch ${formatMoneyShort(planned)}; theo tiến độ đều (giả định) là ${formatMoneyShort(Math.round(schedule(last.x)))}.`));
  return figure;
}

function swatch(color: string, dashed: boolean, text: string): HTMLElement {
  const span = document.createElement("span");
  span.className = "kc-swatch";
  const svgNs = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(svgNs, "svg");
  svg.setAttribute("width", "28");
  svg.setAttribute("height", "10");
  svg.setAttribute("aria-hidden", "true");
  const line = document.createElementNS(svgNs, "line");
  line.setAttribute("x1", "0");
  line.setAttribute("x2", "28");
  line.setAttribute("y1", "5");
  line.setAttribute("y2", "5");
  line.setAttribute("stroke", color);
  line.setAttribute("stroke-width", dashed ? "1.5" : "2.5");
  if (dashed) line.setAttribute("stroke-dasharray", "6 4");
  svg.append(line);
  span.append(svg, ` ${text}`);
  return span;
}
