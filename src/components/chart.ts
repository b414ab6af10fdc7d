// What every chart of the site shares so it holds at any width and reads without seeing it:
// a text alternative (role="img" and a Vietnamese description of its key figures), axis ticks
// spaced so their labels never run together, and an estimate of a label's drawn width for
// wrapping (Plot's own estimate counts a regular weight; bold system fonts run wider).

/** Gives `chart` (a Plot svg, or the figure Plot wraps it in) a text alternative: the svg is
 * one image named by `description`. Plot names its groups ("bar", "tick") for nobody: a screen
 * reader gets the description; axe counts an aria-label on a plain group as misused, so the
 * names move to data-mark. */
export function finishChart<T extends Element>(chart: T, description: string): T {
  const svg = chart instanceof SVGSVGElement ? chart : chart.querySelector("svg[class^='plot']");
  if (svg) {
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", description);
    for (const g of svg.querySelectorAll("[aria-label]")) {
      g.setAttribute("data-mark", g.getAttribute("aria-label") ?? "");
      g.removeAttribute("aria-label");
    }
  }
  return chart;
}

/** The widest a chart is drawn (px). Printed, a chart is shrunk to the A4 column (170 mm,
 * 643 px); from 720 px its 12 px text still prints at 8 pt (12 × 643 / 720 = 10,7 px). */
export const CHART_MAX_PX = 720;

/** The width to draw a chart given the room it has. */
export function chartWidth(available: number): number {
  return Math.min(available, CHART_MAX_PX);
}

/** Minimum drawn length of a bar above zero (px): a tiny value still shows as a bar. */
export const MIN_BAR_PX = 4;

/** `value`, or the value that draws MIN_BAR_PX on a `px`-wide axis up to `top` when `value` is above
 * zero but smaller: only the drawing is lengthened; labels and tips keep the value. */
export function visibleLength(value: number, top: number, px: number): number {
  const least = (top * MIN_BAR_PX) / Math.max(1, px);
  return value > 0 && value < least ? least : value;
}

/** Roughly how wide `text` is drawn at `fontSize` px, for wrapping and for room beside a bar. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  return text.length * fontSize * (bold ? 0.62 : 0.56);
}

/** Plot's lineWidth (in ems) that keeps a wrapped label within `px`. */
export function lineWidthEms(px: number, fontSize: number, bold = false): number {
  return Math.max(8, (px / fontSize) * (bold ? 0.8 : 0.88));
}

/** How many lines `text` takes wrapped in `px`. */
export function lineCount(text: string, px: number, fontSize: number, bold = false): number {
  return Math.max(1, Math.ceil(textWidth(text, fontSize, bold) / Math.max(1, px * 0.95)));
}

/**
 * Ticks of a continuous axis from `lo` to `hi` drawn over `px` pixels: round steps (1, 2, 5 × 10ⁿ),
 * the smallest whose labels (as `format` writes them) stand at least a gap apart. (Not d3.ticks:
 * d3 would reach the browser as its own modules beside the Plot bundle.)
 */
export function spacedTicks(lo: number, hi: number, px: number, format: (v: number) => string, fontSize = 12): number[] {
  const span = hi - lo;
  if (!(span > 0) || !(px > 0)) return [lo];
  for (let power = Math.floor(Math.log10(span)) - 2; ; power++) {
    for (const unit of [1, 2, 5]) {
      const step = unit * 10 ** power;
      const ticks: number[] = [];
      for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Math.round(v / step) * step);
      const widest = Math.max(...ticks.map((t) => textWidth(format(t), fontSize)));
      if (ticks.length <= 2 || (px * step) / span >= widest + 12) return ticks;
    }
  }
}

/** The first of `texts` (fullest first) drawn within `px`; the last, shortest one otherwise. */
export function fittingText(texts: readonly [string, ...string[]], px: number, fontSize: number, bold = false): string {
  return texts.find((t) => textWidth(t, fontSize, bold) <= px) ?? texts.at(-1)!;
}

/** Whether each of `labels`, side by side in slots of `slot` px, stands apart from the next. */
export function labelsFit(labels: readonly string[], slot: number, fontSize: number, bold = false): boolean {
  return labels.every((l) => textWidth(l, fontSize, bold) + 6 <= slot);
}

/**
 * Plot options of a band axis whose `labels` share `px`: upright where each fits its band, else
 * turned to read bottom-up, with the margin below they then need (years on a phone ran together).
 */
export function bandAxis(labels: readonly string[], px: number, fontSize = 12): {tickRotate?: number; marginBottom?: number} {
  if (labelsFit(labels, px / Math.max(1, labels.length), fontSize)) return {};
  return {tickRotate: -90, marginBottom: Math.ceil(Math.max(0, ...labels.map((l) => textWidth(l, fontSize)))) + 14};
}
