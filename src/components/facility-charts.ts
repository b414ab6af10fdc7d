// Small charts of the facility register (page "Cơ sở CNNT"): by sector and kind, by former commune,
// OCOP stars. Labels are the contract's Vietnamese code labels; numbers go through format.ts.
import * as Plot from "@observablehq/plot";
import {codeLabel, codeLists, formerUnits} from "../lib/contract/codes.js";
import {formatNumber} from "../lib/format.js";
import {chartWidth, finishChart, lineCount, lineWidthEms} from "./chart.js";

export interface ChartFacility {
  kind: string;
  sector: string;
  former_unit: string | null;
  ocop_stars: number | null;
}

interface ChartOptions {
  width: number;
}

/** The kinds in the contract's order, as labels: the shared colour legend of the charts. */
export const KIND_LABELS: string[] = codeLists.kind.map((e) => e.label);
const KIND_COLORS = ["#4269d0", "#efb118", "#3ca951", "#ff725c"];

const NO_UNIT = "Chưa ghi xã cũ";

function count<T>(rows: readonly T[], key: (row: T) => string, kind: (row: T) => string) {
  const map = new Map<string, {group: string; kind: string; n: number}>();
  for (const row of rows) {
    const id = `${key(row)}\u0000${kind(row)}`;
    const hit = map.get(id) ?? {group: key(row), kind: kind(row), n: 0};
    hit.n++;
    map.set(id, hit);
  }
  return [...map.values()];
}

const kindOf = (f: ChartFacility) => codeLabel("kind", f.kind);

/** Facilities by sector (bars), split by kind (colours). */
export function facilitiesBySectorChart(facilities: readonly ChartFacility[], {width: available}: ChartOptions): SVGSVGElement | HTMLElement {
  const width = chartWidth(available);
  const data = count(facilities, (f) => codeLabel("sector", f.sector), kindOf);
  const totals = count(facilities, (f) => codeLabel("sector", f.sector), () => "");
  const domain = codeLists.sector.map((e) => e.label).filter((label) => totals.some((t) => t.group === label));
  const marginLeft = Math.round(Math.min(300, Math.max(120, width * 0.38)));
  // A long sector name wraps over lines beside its bar rather than being cut at the left edge.
  const lines = Math.max(1, ...domain.map((label) => lineCount(label, marginLeft - 12, 12)));
  const chart = Plot.plot({
    // Never narrower than the labels plus a usable plot area (resize may report 0 at first).
    width: Math.max(width, marginLeft + 160),
    height: 40 + Math.max(30, lines * 15 + 10) * Math.max(domain.length, 1),
    marginLeft,
    marginRight: 40,
    style: {fontSize: "12px"},
    x: {label: "Số cơ sở", grid: true, tickFormat: (d: number) => (Number.isInteger(d) ? formatNumber(d) : "")},
    y: {label: null, domain},
    color: {domain: KIND_LABELS, range: KIND_COLORS, legend: true},
    marks: [
      Plot.barX(data, {
        y: "group",
        x: "n",
        fill: "kind",
        order: KIND_LABELS,
        title: (d: {group: string; kind: string; n: number}) => `${d.group}\n${d.kind}: ${formatNumber(d.n)} cơ sở`
      }),
      Plot.text(totals, {y: "group", x: "n", text: (d: {n: number}) => formatNumber(d.n), textAnchor: "start", dx: 4}),
      Plot.axisY({label: null, tickSize: 0, fontSize: 12, lineWidth: lineWidthEms(marginLeft - 12, 12)}),
      Plot.ruleX([0])
    ]
  });
  return finishChart(chart, `Biểu đồ số cơ sở theo ngành nghề: ${summary(totals, domain)}.`);
}

/** "Dệt may 5, Mộc 3" in the axis's order: a chart's counts as text. */
function summary(totals: readonly {group: string; n: number}[], domain: readonly string[], name = (g: string) => g): string {
  return domain.map((g) => `${name(g)} ${formatNumber(totals.find((t) => t.group === g)?.n ?? 0)} cơ sở`).join(", ");
}

/** Facilities by former commune (the three communes merged into xã Vĩnh Thủy), split by kind. */
export function facilitiesByFormerUnitChart(facilities: readonly ChartFacility[], {width: available}: ChartOptions): SVGSVGElement | HTMLElement {
  const width = chartWidth(available);
  const unit = (f: ChartFacility) => f.former_unit ?? NO_UNIT;
  const data = count(facilities, unit, kindOf);
  const totals = count(facilities, unit, () => "");
  const seen = new Set(totals.map((t) => t.group));
  const domain = [...formerUnits.filter((u) => seen.has(u)), ...[...seen].filter((u) => !(formerUnits as readonly string[]).includes(u)).sort((a, b) => a.localeCompare(b, "vi"))];
  const name = (d: string) => (d === NO_UNIT ? d : `Xã ${d}`);
  // Under its column on two lines: side by side on one line the names ran together on a phone.
  const tick = (d: string) => (d === NO_UNIT ? "Chưa ghi\nxã cũ" : `Xã\n${d}`);
  const chart = Plot.plot({
    width: Math.max(width, 240),
    height: 230,
    marginLeft: 40,
    style: {fontSize: "12px"},
    marginBottom: 40,
    x: {label: null, domain, tickFormat: tick},
    y: {label: "Số cơ sở", grid: true, tickFormat: (d: number) => (Number.isInteger(d) ? formatNumber(d) : "")},
    color: {domain: KIND_LABELS, range: KIND_COLORS},
    marks: [
      Plot.barY(data, {
        x: "group",
        y: "n",
        fill: "kind",
        order: KIND_LABELS,
        title: (d: {group: string; kind: string; n: number}) => `Xã cũ ${d.group}\n${d.kind}: ${formatNumber(d.n)} cơ sở`
      }),
      Plot.text(totals, {x: "group", y: "n", text: (d: {n: number}) => formatNumber(d.n), dy: -8}),
      Plot.ruleY([0])
    ]
  });
  return finishChart(chart, `Biểu đồ số cơ sở theo xã cũ: ${summary(totals, domain, name)}.`);
}

/** Facilities by OCOP stars (those with at least one star); 3, 4 and 5 stars always on the axis. */
export function ocopChart(facilities: readonly ChartFacility[], {width: available}: ChartOptions): SVGSVGElement | HTMLElement {
  const width = chartWidth(available);
  const stars = facilities.filter((f) => (f.ocop_stars ?? 0) > 0).map((f) => f.ocop_stars!);
  const domain = [...new Set([...stars, 3, 4, 5])].sort((a, b) => a - b).map((s) => `${s} sao`);
  const data = domain.map((label) => ({label, n: stars.filter((s) => `${s} sao` === label).length}));
  const chart = Plot.plot({
    width: Math.max(width, 240),
    height: 220,
    marginLeft: 40,
    style: {fontSize: "12px"},
    x: {label: null, domain},
    y: {label: "Số cơ sở", grid: true, tickFormat: (d: number) => (Number.isInteger(d) ? formatNumber(d) : "")},
    marks: [
      Plot.barY(data, {x: "label", y: "n", fill: "#efb118", title: (d: {label: string; n: number}) => `OCOP ${d.label}: ${formatNumber(d.n)} cơ sở`}),
      Plot.text(data, {x: "label", y: "n", text: (d: {n: number}) => formatNumber(d.n), dy: -8}),
      Plot.ruleY([0])
    ]
  });
  return finishChart(chart, `Biểu đồ cơ sở có sản phẩm OCOP theo số sao: ${data.map((d) => `${d.label} ${formatNumber(d.n)} cơ sở`).join(", ")}.`);
}
