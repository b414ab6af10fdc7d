// Tổng quan: planned, approved and disbursed money of each budget line as overlaid horizontal bars
// (planned the wide pale bar, approved inside it, disbursed the narrow dark one), labelled with
// the line's short name, a money axis in "triệu"/"tỷ" and the disbursement rate at the bar's end.
import * as Plot from "npm:@observablehq/plot";
import {formatMoney, formatMoneyShort, formatPercent, ratePercent} from "../lib/format.js";
import {lineLabel} from "./budget-labels.js";
import {chartWidth, finishChart, lineCount, lineWidthEms, spacedTicks, textWidth} from "./chart.js";

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
export function budgetBars(lines: readonly BudgetLine[], {width: available}: {width: number}): HTMLElement {
  const width = chartWidth(available);
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

/** The planned bar's thickness, and how far in from its edges the approved and disbursed bars
 * sit (px): drawn from pixels, so the disbursed bar keeps a visible 10 px whatever the width (a
 * share of the band left it 0 px under 640 px). */
const BAR = 28;
const INSET = {[MEASURES[0]]: 0, [MEASURES[1]]: 5, [MEASURES[2]]: 9} as Record<string, number>;

function budgetBarsPlot(lines: readonly BudgetLine[], {width}: {width: number}): SVGSVGElement | HTMLElement {
  const fontSize = 13;
  // Under 640 px the names sit above their bars, the rate written after the name; wider, the
  // names are the y axis and the rate follows the bar.
  const narrow = width < 640;
  const marginLeft = narrow ? 4 : Math.round(Math.min(320, Math.max(180, width * 0.32)));
  const top = Math.max(1, ...lines.map((d) => Math.max(d.planned_amount, d.approved_amount, d.disbursed_amount)));
  // Narrow, the right margin only holds half the last tick's label.
  const marginRight = narrow ? Math.ceil(textWidth(formatMoneyShort(top), fontSize) / 2) + 6 : 130;
  const rate = (d: BudgetLine) => `giải ngân ${formatPercent(ratePercent(d.disbursed_amount, d.planned_amount))}`;
  const rows = lines.map((d) => ({...d, label: lineLabel(d), heading: `${lineLabel(d)} · ${rate(d)}`}));
  const domain = rows.map((d) => d.label);
  const long = rows.flatMap((d) => [
    {...d, measure: MEASURES[0], amount: d.planned_amount},
    {...d, measure: MEASURES[1], amount: d.approved_amount},
    {...d, measure: MEASURES[2], amount: d.disbursed_amount}
  ]);
  const labelPx = width - marginLeft - 8;
  const headingLines = narrow ? Math.max(...rows.map((d) => lineCount(d.heading, labelPx, fontSize, true))) : 0;
  const lineHeight = fontSize * 1.2;
  const step = narrow ? BAR + 10 + headingLines * lineHeight : 58;
  const plotPx = width - marginLeft - marginRight;
  const ticks = spacedTicks(0, top, plotPx, formatMoneyShort, fontSize);
  const tip = (d: (typeof long)[number]) =>
    [
      `Dòng ${d.line_no}: ${d.description}`,
      `Kế hoạch: ${formatMoney(d.planned_amount)}`,
      `Đã phê duyệt: ${formatMoney(d.approved_amount)} (${formatPercent(ratePercent(d.approved_amount, d.planned_amount))})`,
      `Đã giải ngân: ${formatMoney(d.disbursed_amount)} (${formatPercent(ratePercent(d.disbursed_amount, d.planned_amount))})`
    ].join("\n");
  const chart = Plot.plot({
    width,
    height: rows.length * step + 34,
    marginLeft,
    marginRight,
    marginTop: 4,
    style: {fontSize: `${fontSize}px`},
    x: {grid: true, tickFormat: formatMoneyShort, label: null, ticks, domain: [0, Math.max(top, ticks.at(-1) ?? top)]},
    y: {domain, label: null, axis: null, paddingInner: 1 - BAR / step, paddingOuter: narrow ? (step - BAR) / step / 2 : 0.1, align: 1},
    color: {domain: [...MEASURES], range: [...MEASURE_COLORS]},
    marks: [
      ...MEASURES.map((m) =>
        Plot.barX(
          long.filter((d) => d.measure === m),
          {y: "label", x: "amount", fill: "measure", insetTop: INSET[m], insetBottom: INSET[m], title: tip}
        )
      ),
      Plot.ruleX([0]),
      ...(narrow
        ? [Plot.text(rows, {y: "label", x: 0, text: "heading", textAnchor: "start", lineAnchor: "bottom", dy: -BAR / 2 - 4, lineHeight: 1.2, fontWeight: 600, lineWidth: lineWidthEms(labelPx, fontSize, true)})]
        : [
            Plot.axisY({label: null, tickSize: 0, lineWidth: lineWidthEms(marginLeft - 14, fontSize), fontSize}),
            Plot.text(rows, {
              y: "label",
              x: (d) => Math.max(d.planned_amount, d.approved_amount, d.disbursed_amount),
              text: rate,
              textAnchor: "start",
              dx: 6,
              fill: "currentColor"
            })
          ])
    ]
  });
  const sum = (key: "planned_amount" | "approved_amount" | "disbursed_amount") => lines.reduce((s, d) => s + d[key], 0);
  return finishChart(
    chart,
    `Biểu đồ kinh phí ${lines.length} nội dung hỗ trợ: tổng kế hoạch ${formatMoneyShort(sum("planned_amount"))}, đã phê duyệt ${formatMoneyShort(sum("approved_amount"))}, đã giải ngân ${formatMoneyShort(sum("disbursed_amount"))}. ` +
      rows.map((d) => `${d.label}: kế hoạch ${formatMoneyShort(d.planned_amount)}, phê duyệt ${formatMoneyShort(d.approved_amount)}, ${rate(d)}.`).join(" ")
  );
}
