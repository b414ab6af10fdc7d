// Hoạt động: the year's output targets as bullet charts, one line per target. The grey band is
// the planned range (target_min–target_max), the solid bar what completed activities achieved
// (coloured by Đạt / Vượt / Chưa đạt), the pale extension what approved or ongoing activities
// will add once completed. The label above each line names the target in full.
import * as Plot from "npm:@observablehq/plot";
import {TARGET_STATUS_LABEL, type TargetStatus} from "../lib/documents/models.js";
import {formatNumber} from "../lib/format.js";
import {chartWidth, finishChart, fittingText, lineCount, lineWidthEms} from "./chart.js";

export interface TargetRow {
  indicator: string;
  description: string;
  unit: string;
  target_min: number;
  target_max: number;
  achieved: number;
  in_progress: number;
  status: TargetStatus;
}

/**
 * Targets one chart draws, in plan order: each is a line of its own, so past a few dozen the chart
 * is taller than any screen and its thousands of marks kept the page from drawing within a second;
 * the table under it lists every target.
 */
export const CHART_TARGETS = 40;

export const TARGET_STATUS_COLOR: Record<TargetStatus, string> = {dat: "#3ca951", vuot: "#4269d0", chua_dat: "#d65f5f"};

/** "2 – 5 cơ sở", or "1 cơ sở" when the range is a single value. */
export function targetRange(t: Pick<TargetRow, "target_min" | "target_max" | "unit">): string {
  const range = t.target_min === t.target_max ? formatNumber(t.target_min) : `${formatNumber(t.target_min)} – ${formatNumber(t.target_max)}`;
  return `${range} ${t.unit}`;
}

export function activityTargets(targets: readonly TargetRow[], {width: available}: {width: number}): SVGSVGElement | HTMLElement {
  const width = chartWidth(available);
  const rows = targets.map((t, i) => ({...t, key: String(i + 1).padStart(3, "0"), label: `${i + 1}. ${t.description}`}));
  const top = Math.max(1, ...rows.map((t) => Math.max(t.target_max, t.achieved + t.in_progress)));
  const integerTicks = top <= 12 ? Array.from({length: top + 1}, (_, i) => i) : undefined;
  // Wide, "Chưa đạt: 0 / 1 cơ sở dữ liệu" sits right of its bar; narrow (a phone), on its own line
  // under the target's name, and the bar takes the whole width. Names wrap in full, never cut:
  // two targets of one group differ only in their last words.
  const verdict = (t: TargetRow) => `${TARGET_STATUS_LABEL[t.status]}: ${formatNumber(t.achieved)} / ${targetRange(t)}`;
  const narrow = width < 560;
  const side = narrow ? 12 : Math.round(Math.min(width * 0.4, 14 + 7 * Math.max(10, ...targets.map((t) => verdict(t).length))));
  const titleLines = Math.max(1, ...rows.map((t) => lineCount(t.label, width - 16, 12, true)));
  const head = (titleLines + (narrow ? 1 : 0)) * 15 + 4;
  const band = head + 24;
  const padding = 0.08;
  type Row = (typeof rows)[number];
  const tip = (t: Row) =>
    `${t.description}\nKế hoạch: ${targetRange(t)}\nĐã hoàn thành: ${formatNumber(t.achieved)} ${t.unit}` +
    (t.in_progress > 0 ? `\nĐang thực hiện thêm: ${formatNumber(t.in_progress)} ${t.unit}` : "") +
    `\nĐánh giá: ${TARGET_STATUS_LABEL[t.status]}`;
  const chart = Plot.plot({
    width,
    height: Math.round((rows.length * band) / (1 - padding)) + 44,
    marginLeft: 8,
    marginRight: side,
    marginTop: 4,
    marginBottom: 40,
    style: {fontSize: "12px"},
    fy: {axis: null, domain: rows.map((t) => t.key), padding},
    x: {
      domain: [0, top],
      label: fittingText(["Số lượng theo đơn vị tính của từng chỉ tiêu", "Số lượng (đơn vị của chỉ tiêu)", "Số lượng"], width - 8 - side, 12),
      labelAnchor: "center",
      labelArrow: "none",
      labelOffset: 32,
      ...(integerTicks ? {ticks: integerTicks} : {}),
      tickFormat: (v: number) => formatNumber(v),
      grid: true
    },
    marks: [
      Plot.text(rows, {
        fy: "key",
        frameAnchor: "top-left",
        text: "label",
        lineWidth: lineWidthEms(width - 16, 12, true),
        lineHeight: 1.2,
        fontWeight: 600,
        dy: 1
      }),
      Plot.text(rows, {
        fy: "key",
        ...(narrow ? {frameAnchor: "top-left", dy: titleLines * 15 + 1} : {frameAnchor: "right", dx: 10, dy: head / 2}),
        textAnchor: "start",
        text: verdict,
        fill: (t: Row) => TARGET_STATUS_COLOR[t.status],
        fontWeight: 600
      }),
      Plot.barX(rows, {fy: "key", x1: "target_min", x2: "target_max", fill: "#dfe3ea", insetTop: head, insetBottom: 2, title: tip}),
      Plot.tickX(rows, {fy: "key", x: "target_min", stroke: "#8a94a6", strokeWidth: 2, insetTop: head, insetBottom: 2}),
      Plot.tickX(rows, {fy: "key", x: "target_max", stroke: "#8a94a6", strokeWidth: 2, insetTop: head, insetBottom: 2}),
      Plot.barX(rows.filter((t) => t.in_progress > 0), {
        fy: "key",
        x1: "achieved",
        x2: (t: Row) => t.achieved + t.in_progress,
        fill: (t: Row) => TARGET_STATUS_COLOR[t.status],
        fillOpacity: 0.3,
        title: tip,
        insetTop: head + 5,
        insetBottom: 7
      }),
      Plot.barX(rows.filter((t) => t.achieved > 0), {
        title: tip,
        fy: "key",
        x1: 0,
        x2: "achieved",
        fill: (t: Row) => TARGET_STATUS_COLOR[t.status],
        insetTop: head + 5,
        insetBottom: 7
      }),
    ]
  });
  return finishChart(chart, `Biểu đồ kết quả ${rows.length} chỉ tiêu: ${rows.map((t) => `${t.label}: ${verdict(t)}`).join("; ")}.`);
}
