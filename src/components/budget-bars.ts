// Tổng quan: planned, approved and disbursed money of each budget line as overlaid horizontal bars
// (planned the wide pale bar, approved inside it, disbursed the narrow dark one), labelled with
// the line's short name, a money axis in "triệu"/"tỷ" and the disbursement rate at the bar's end.
import * as Plot from "@observablehq/plot";
import {formatMoney, formatMoneyShort, formatPercent, ratePercent} from "../lib/format.js";
import {lineLabel} from "./budget-labels.js";

export interface BudgetLine {
  line_no: number;
  description: string;
  planned_amount: number;
  approved_amount: number;
  disbursed_amount: number;
}

export const MEASURES = ["Kế hoạch", "Đã phê duyệt", "Đã giải ngân"] as const;
export const MEASURE_COLORS = ["#c9d6ea", "#efb118", "#2e7d32"] as const;

/** The chart with its legend above it. */
export function budgetBars(lines: readonly BudgetLine[], {width}: {width: number}): HTMLElement {
  const figure = document.createElement("figure");
  figure.style.maxWidth = "none";
  figure.style.margin = "0";
  const legend = document.createElement("div");
  legend.className = "kc-chart-legend";
  MEASURES.forEach((m, i) => {
    const item = document.createElement("span");
    const box = document.createElement("span");
    box.style.cssText = `display:inline-block;width:14px;height:14px;vertical-align:-2px;margin-right:6px;background:${MEASURE_COLORS[i]};print-color-adjust:exact;-webkit-print-color-adjust:exact`;
    item.append(box, m);
    legend.append(item);
  });
  figure.append(legend, budgetBarsPlot(lines, {width}));
  return figure;
}

function budgetBarsPlot(lines: readonly BudgetLine[], {width}: {width: number}): SVGSVGElement | HTMLElement {
  const fontSize = 13;
  const narrow = width < 640;
  const marginLeft = narrow ? 10 : Math.round(Math.min(320, Math.max(180, width * 0.32)));
  const rows = lines.map((d) => ({...d, label: lineLabel(d)}));
  const domain = rows.map((d) => d.label);
  const long = rows.flatMap((d) => [
    {...d, measure: MEASURES[0], amount: d.planned_amount},
    {...d, measure: MEASURES[1], amount: d.approved_amount},
    {...d, measure: MEASURES[2], amount: d.disbursed_amount}
  ]);
  const inset = {[MEASURES[0]]: 0.12, [MEASURES[1]]: 0.3, [MEASURES[2]]: 0.42} as Record<string, number>;
  const band = narrow ? 70 : 58;
  const tip = (d: (typeof long)[number]) =>
    [
      `Dòng ${d.line_no}: ${d.description}`,
      `Kế hoạch: ${formatMoney(d.planned_amount)}`,
      `Đã phê duyệt: ${formatMoney(d.approved_amount)} (${formatPercent(ratePercent(d.approved_amount, d.planned_amount))})`,
      `Đã giải ngân: ${formatMoney(d.disbursed_amount)} (${formatPercent(ratePercent(d.disbursed_amount, d.planned_amount))})`
    ].join("\n");
  return Plot.plot({
    width,
    height: rows.length * band + 40,
    marginLeft,
    marginRight: 130,
    marginTop: narrow ? 24 : 8,
    style: {fontSize: `${fontSize}px`},
    x: {grid: true, tickFormat: formatMoneyShort, label: null, ticks: Math.max(2, Math.floor(width / 140)), nice: true},
    y: {domain, label: null, axis: null, paddingInner: narrow ? 0.45 : 0.1, paddingOuter: 0.05},
    color: {domain: [...MEASURES], range: [...MEASURE_COLORS]},
    marks: [
      ...MEASURES.map((m) => {
        const f = (band * (1 - 0.1)) * inset[m]!;
        return Plot.barX(
          long.filter((d) => d.measure === m),
          {y: "label", x: "amount", fill: "measure", insetTop: f, insetBottom: f, title: tip}
        );
      }),
      Plot.ruleX([0]),
      narrow
        ? Plot.text(rows, {y: "label", x: 0, text: "label", textAnchor: "start", dy: -band / 2 + 6, fontWeight: 600, lineWidth: (width - 20) / fontSize})
        : Plot.axisY({label: null, tickSize: 0, lineWidth: (marginLeft - 14) / fontSize, fontSize}),
      Plot.text(rows, {
        y: "label",
        x: (d) => Math.max(d.planned_amount, d.approved_amount, d.disbursed_amount),
        text: (d) => `giải ngân ${formatPercent(ratePercent(d.disbursed_amount, d.planned_amount))}`,
        textAnchor: "start",
        dx: 6,
        fill: "currentColor"
      })
    ]
  });
}
