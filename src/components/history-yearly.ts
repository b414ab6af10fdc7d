// Giai đoạn (the history page): one measure per year as columns with the value on top, and optionally a
// dashed line for the whole period (e.g. the leverage of the period, or the yearly average),
// explained in the chart's caption.
import * as Plot from "npm:@observablehq/plot";
import {bandAxis, chartWidth, finishChart, labelsFit} from "./chart.js";

export interface YearlyBarsOptions<R> {
  width: number;
  value: (row: R) => number | null;
  /** Text of a value on the bars (a vi-VN formatter); also the axis unless `tickFormat`. */
  format: (value: number) => string;
  tickFormat?: (value: number) => string;
  label: string;
  title: (row: R) => string;
  color?: string;
  height?: number;
  /** A reference value drawn across the years, with its caption. */
  reference?: {value: number; label: string} | null;
}

export function historyYearlyBars<R extends {year: number}>(rows: readonly R[], options: YearlyBarsOptions<R>): SVGSVGElement | HTMLElement {
  const width = chartWidth(options.width);
  const {value, format, tickFormat = format, label, title, color = "#4269d0", height = 240, reference = null} = options;
  const data = rows.map((r) => ({row: r, yearText: String(r.year), value: value(r) ?? 0}));
  // Headroom above the tallest bar for its value label.
  const top = Math.max(reference?.value ?? 0, ...data.map((d) => d.value)) * 1.15 || 1;
  const marginLeft = 56;
  const marginRight = 8;
  const plotWidth = width - marginLeft - marginRight;
  const years = bandAxis(data.map((d) => d.yearText), plotWidth);
  // Values that would run into each other (a phone) are left to the tips and the text alternative.
  const valuesFit = labelsFit(data.map((d) => format(d.value)), plotWidth / Math.max(1, data.length), 12, true);
  type D = (typeof data)[number];
  const chart = Plot.plot({
    ...(reference ? {caption: `Đường gạch ngang: ${reference.label}.`} : {}),
    width,
    height: height + (years.marginBottom ?? 0),
    marginLeft,
    marginTop: 22,
    marginRight,
    ...(years.marginBottom ? {marginBottom: years.marginBottom} : {}),
    style: {fontSize: "12px"},
    // The years name themselves; an axis label "Năm" only sat on top of them.
    x: {label: null, type: "band", padding: 0.3, tickRotate: years.tickRotate ?? 0},
    y: {label, domain: [0, top], grid: true, tickFormat, ticks: 5, nice: true},
    marks: [
      Plot.barY(data, {x: "yearText", y: "value", fill: color, title: (d: D) => title(d.row)}),
      ...(valuesFit ? [Plot.text(data, {x: "yearText", y: "value", text: (d: D) => format(d.value), dy: -8, fontWeight: 600})] : []),
      ...(reference
        ? [
            Plot.ruleY([reference.value], {stroke: "#b26a00", strokeDasharray: "5,3", strokeWidth: 1.5, title: () => reference.label})
          ]
        : []),
      Plot.ruleY([0])
    ]
  });
  return finishChart(chart, `Biểu đồ ${label} theo năm: ${data.map((d) => `năm ${d.yearText} ${format(d.value)}`).join(", ")}${reference ? `; ${reference.label}` : ""}.`);
}
