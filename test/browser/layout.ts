// What a reader would see as broken on a page at the current viewport width: the page scrolling
// sideways, a chart's text running outside its chart (cut) or over another text (collided
// ticks), a bar whose value is above zero drawn thinner than can be seen. Each problem is one
// line naming the chart (its aria-label) and the text or bar.
import type {Page} from "playwright-core";

/** The thinnest a bar above zero may be drawn, across and along (px). */
export const MIN_BAR_PX = 3;

export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate((minBar) => {
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > innerWidth + 1) problems.push(`page scrolls sideways: ${doc.scrollWidth} px wide in ${innerWidth} px`);
    const charts = [...document.querySelectorAll<SVGSVGElement>("main svg[class^='plot']")].filter((svg) => svg.getBoundingClientRect().width > 0);
    for (const svg of charts) {
      const name = (svg.getAttribute("aria-label") ?? svg.closest("figure, .card")?.querySelector("h2, h3")?.textContent ?? "chart").slice(0, 50);
      const box = svg.getBoundingClientRect();
      const texts = [...svg.querySelectorAll<SVGTextElement>("text")]
        .filter((t) => !t.closest("[aria-label='tip'], [data-mark='tip']") && (t.textContent ?? "").trim() !== "")
        .map((t) => ({text: (t.textContent ?? "").trim(), r: t.getBoundingClientRect()}))
        .filter((t) => t.r.width > 0);
      for (const t of texts) {
        if (t.r.left < box.left - 1 || t.r.right > box.right + 1 || t.r.top < box.top - 1 || t.r.bottom > box.bottom + 1) {
          problems.push(`${name}: text cut "${t.text.slice(0, 40)}" (${Math.round(t.r.left - box.left)}..${Math.round(t.r.right - box.left)} of ${Math.round(box.width)} px)`);
        }
      }
      for (let i = 0; i < texts.length; i++) {
        for (let j = i + 1; j < texts.length; j++) {
          const a = texts[i]!.r;
          const b = texts[j]!.r;
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          // Side by side on one line, 2 px apart still reads as one word ("20 triệu40 triệu").
          if (w > -2 && h > 2) problems.push(`${name}: "${texts[i]!.text.slice(0, 30)}" overlaps "${texts[j]!.text.slice(0, 30)}"`);
        }
      }
      // A bar mark's rects share their thickness (a horizontal bar's height, a vertical bar's
      // width) and differ in length; a length of 0 is a value of 0.
      for (const g of svg.querySelectorAll("g[aria-label='bar'], g[data-mark='bar']")) {
        const rects = [...g.querySelectorAll("rect")].map((r) => r.getBoundingClientRect());
        if (rects.length === 0) continue;
        const heights = rects.map((r) => r.height);
        const horizontal = rects.length > 1 ? Math.max(...heights) - Math.min(...heights) < 0.5 : rects[0]!.width >= rects[0]!.height;
        for (const r of rects) {
          const thickness = horizontal ? r.height : r.width;
          const length = horizontal ? r.width : r.height;
          if (length > 0.01 && (thickness < minBar || length < minBar)) {
            problems.push(`${name}: a bar above zero drawn ${r.width.toFixed(1)} × ${r.height.toFixed(1)} px`);
          }
        }
      }
    }
    return problems;
  }, MIN_BAR_PX);
}
