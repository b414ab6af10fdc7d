// Small charts of the facility register (page "Cơ sở CNNT"): by sector and kind, by former commune,
// OCOP stars. Labels are the contract's Vietnamese code labels; numbers go through format.ts.
import * as Plot from "npm:@observablehq/plot";
import {byFormerUnit} from "../lib/commune.js";
import {codeLabel, codeLists} from "../lib/contract/codes.js";
import {formatNumber} from "../lib/format.js";
import {chartWidth, finishChart, lineCount, lineWidthEms} from "./chart.js";

/** Facilities of one kind with one value of a dimension (a sector, a former commune; `code`
 * null when not written), counted in the warehouse (src/data/establishments.ts). */
export interface FacilityCount {
  dimension: "sector" | "former_unit";
  code: string | null;
  kind: string;
  n: number;
}

/** Facilities whose best OCOP product has `stars` stars. */
export interface OcopCount {
  stars: number;
  n: number;
}

interface ChartOptions {
  width: number;
}

/** The kinds in the contract's order, as labels: the shared colour legend of the charts. */
export const KIND_LABELS: string[] = codeLists.kind.map((e) => e.label);
const KIND_COLORS = ["#4269d0", "#efb118", "#3ca951", "#ff725c"];

const NO_UNIT = "Chưa ghi xã cũ";

/** A bar's piece: the facilities of one kind (its label) in one group. */
interface GroupCount {
  group: string;
  kind: string;
  n: number;
}

const kindOf = (c: FacilityCount) => codeLabel("kind", c.kind);

/** Facilities by sector (bars), split by kind (colours): the counts of dimension "sector". */
export function facilitiesBySectorChart(counts: readonly FacilityCount[], {width}: ChartOptions): SVGSVGElement | HTMLElement {
  const rows = counts.filter((c) => c.dimension === "sector").map((c) => ({group: codeLabel("sector", c.code ?? ""), kind: kindOf(c), n: c.n}));
  const seen = new Set(rows.map((r) => r.group));
  const domain = codeLists.sector.map((e) => e.label).filter((label) => seen.has(label));
  return countsByKind(rows, domain, {width, legend: true, about: "ngành nghề", name: (g) => g});
}

/** Facilities by former commune (the communes merged into the commune: `formerUnits`, in its xa.csv's order), split by kind. */
export function facilitiesByFormerUnitChart(
  counts: readonly FacilityCount[],
  {width, formerUnits}: ChartOptions & {formerUnits: readonly string[]}
): SVGSVGElement | HTMLElement {
  const rows = counts.filter((c) => c.dimension === "former_unit").map((c) => ({group: c.code ?? NO_UNIT, kind: kindOf(c), n: c.n}));
  const domain = [...new Set(rows.map((r) => r.group))].sort(byFormerUnit(formerUnits));
  return countsByKind(rows, domain, {width, legend: false, about: "xã cũ", name: (d) => (d === NO_UNIT ? d : `Xã ${d}`)});
}

/**
 * Facilities counted by `group`, one horizontal bar per group in `domain` order split by kind,
 * the total after the bar. Names sit left of their bars, wrapped over lines rather than cut (the
 * former communes' names, side by side under columns, ran together on a phone).
 */
function countsByKind(
  data: readonly GroupCount[],
  domain: readonly string[],
  options: {width: number; legend: boolean; about: string; name: (group: string) => string}
): SVGSVGElement | HTMLElement {
  const width = chartWidth(options.width);
  const {name} = options;
  const totals = domain.map((group) => ({group, n: data.reduce((sum, d) => sum + (d.group === group ? d.n : 0), 0)}));
  const marginLeft = Math.round(Math.min(300, Math.max(110, width * 0.38)));
  const lines = Math.max(1, ...domain.map((g) => lineCount(name(g), marginLeft - 12, 12)));
  const chart = Plot.plot({
    // Never narrower than the labels plus a usable plot area (resize may report 0 at first).
    width: Math.max(width, marginLeft + 160),
    height: 40 + Math.max(30, lines * 15 + 10) * Math.max(domain.length, 1),
    marginLeft,
    marginRight: 40,
    style: {fontSize: "12px"},
    // The card's title says "Số cơ sở"; as an axis label it sat on the longest bar's total.
    x: {label: null, grid: true, tickFormat: (d: number) => (Number.isInteger(d) ? formatNumber(d) : "")},
    y: {label: null, domain, tickFormat: name},
    color: {domain: KIND_LABELS, range: KIND_COLORS, legend: options.legend},
    marks: [
      Plot.barX(data, {
        y: "group",
        x: "n",
        fill: "kind",
        order: KIND_LABELS,
        title: (d: GroupCount) => `${name(d.group)}\n${d.kind}: ${formatNumber(d.n)} cơ sở`
      }),
      Plot.text(totals, {y: "group", x: "n", text: (d: {n: number}) => formatNumber(d.n), textAnchor: "start", dx: 4}),
      Plot.axisY({label: null, tickSize: 0, fontSize: 12, tickFormat: name, lineWidth: lineWidthEms(marginLeft - 12, 12)}),
      Plot.ruleX([0])
    ]
  });
  const counts = totals.map((t) => `${name(t.group)} ${formatNumber(t.n)} cơ sở`).join(", ");
  return finishChart(chart, `Biểu đồ số cơ sở theo ${options.about}: ${counts}.`);
}

/** Facilities by OCOP stars (those with at least one star); 3, 4 and 5 stars always on the axis. */
export function ocopChart(ocop: readonly OcopCount[], {width: available}: ChartOptions): SVGSVGElement | HTMLElement {
  const width = chartWidth(available);
  const stars = [...new Set([...ocop.map((o) => o.stars), 3, 4, 5])].sort((a, b) => a - b);
  const data = stars.map((s) => ({label: `${s} sao`, n: ocop.find((o) => o.stars === s)?.n ?? 0}));
  const domain = data.map((d) => d.label);
  const chart = Plot.plot({
    width: Math.max(width, 240),
    height: 220,
    marginLeft: 40,
    style: {fontSize: "12px"},
    x: {label: null, domain},
    // Headroom above the tallest bar for its count: at the top it ran into the axis label.
    y: {label: "Số cơ sở", domain: [0, Math.max(1, ...data.map((d) => d.n)) * 1.25], grid: true, tickFormat: (d: number) => (Number.isInteger(d) ? formatNumber(d) : "")},
    marks: [
      Plot.barY(data, {x: "label", y: "n", fill: "#efb118", title: (d: {label: string; n: number}) => `OCOP ${d.label}: ${formatNumber(d.n)} cơ sở`}),
      Plot.text(data, {x: "label", y: "n", text: (d: {n: number}) => formatNumber(d.n), dy: -8}),
      Plot.ruleY([0])
    ]
  });
  return finishChart(chart, `Biểu đồ cơ sở có sản phẩm OCOP theo số sao: ${data.map((d) => `${d.label} ${formatNumber(d.n)} cơ sở`).join(", ")}.`);
}
