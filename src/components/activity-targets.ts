// Hoạt động: the year's output targets as bullet charts, one line per target. The grey band is
// the planned range (target_min–target_max), the solid bar what completed activities achieved
// (coloured by Đạt / Vượt / Chưa đạt), the pale extension what approved or ongoing activities
// will add once completed. The label above each line names the target in full.
import * as Plot from "@observablehq/plot";
import {TARGET_STATUS_LABEL, type TargetStatus} from "../lib/documents/models.js";
import {formatNumber} from "../lib/format.js";

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

export const TARGET_STATUS_COLOR: Record<TargetStatus, string> = {dat: "#3ca951", vuot: "#4269d0", chua_dat: "#d65f5f"};

/** "2 – 5 cơ sở", or "1 cơ sở" when the range is a single value. */
export function targetRange(t: Pick<TargetRow, "target_min" | "target_max" | "unit">): string {
  const range = t.target_min === t.target_max ? formatNumber(t.target_min) : `${formatNumber(t.target_min)} – ${formatNumber(t.target_max)}`;
  return `${range} ${t.unit}`;
}

export function activityTargets(targets: readonly TargetRow[], {width}: {width: number}): SVGSVGElement | HTMLElement {
  const rows = targets.map((t, i) => ({...t, key: String(i + 1).padStart(3, "0"), label: `${i + 1}. ${t.description}`}));
  const top = Math.max(1, ...rows.map((t) => Math.max(t.target_max, t.achieved + t.in_progress)));
  const integerTicks = top <= 12 ? Array.from({length: top + 1}, (_, i) => i) : undefined;
  // Room on the right for "Chưa đạt: 0 / 1 cơ sở dữ liệu"; the title line spans the whole width.
  const verdict = (t: TargetRow) => `${TARGET_STATUS_LABEL[t.status]}: ${formatNumber(t.achieved)} / ${targetRange(t)}`;
  const side = Math.round(Math.min(width * 0.4, 14 + 7 * Math.max(10, ...targets.map((t) => verdict(t).length))));
  const chars = Math.max(16, Math.floor((width - 16) / 15)); // Plot counts ~0.5 em a letter; bold system fonts run wider
  type Row = (typeof rows)[number];
  const tip = (t: Row) =>
    `${t.description}\nKế hoạch: ${targetRange(t)}\nĐã hoàn thành: ${formatNumber(t.achieved)} ${t.unit}` +
    (t.in_progress > 0 ? `\nĐang thực hiện thêm: ${formatNumber(t.in_progress)} ${t.unit}` : "") +
    `\nĐánh giá: ${TARGET_STATUS_LABEL[t.status]}`;
  return Plot.plot({
    width,
    height: rows.length * 62 + 36,
    marginLeft: 8,
    marginRight: side,
    marginTop: 4,
    marginBottom: 40,
    style: {fontSize: "12px"},
    fy: {axis: null, domain: rows.map((t) => t.key), padding: 0.08},
    x: {
      domain: [0, top],
      label: "Số lượng theo đơn vị tính của từng chỉ tiêu",
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
        lineWidth: chars,
        textOverflow: "ellipsis-end",
        fontWeight: 600,
        dy: 1
      }),
      Plot.text(rows, {
        fy: "key",
        frameAnchor: "right",
        textAnchor: "start",
        dx: 10,
        dy: 6,
        text: verdict,
        fill: (t: Row) => TARGET_STATUS_COLOR[t.status],
        fontWeight: 600
      }),
      Plot.barX(rows, {fy: "key", x1: "target_min", x2: "target_max", fill: "#dfe3ea", insetTop: 18, insetBottom: 6, title: tip}),
      Plot.tickX(rows, {fy: "key", x: "target_min", stroke: "#8a94a6", strokeWidth: 2, insetTop: 18, insetBottom: 6}),
      Plot.tickX(rows, {fy: "key", x: "target_max", stroke: "#8a94a6", strokeWidth: 2, insetTop: 18, insetBottom: 6}),
      Plot.barX(rows.filter((t) => t.in_progress > 0), {
        fy: "key",
        x1: "achieved",
        x2: (t: Row) => t.achieved + t.in_progress,
        fill: (t: Row) => TARGET_STATUS_COLOR[t.status],
        fillOpacity: 0.3,
        title: tip,
        insetTop: 26,
        insetBottom: 14
      }),
      Plot.barX(rows.filter((t) => t.achieved > 0), {
        title: tip,
        fy: "key",
        x1: 0,
        x2: "achieved",
        fill: (t: Row) => TARGET_STATUS_COLOR[t.status],
        insetTop: 26,
        insetBottom: 14
      }),
    ]
  });
}
