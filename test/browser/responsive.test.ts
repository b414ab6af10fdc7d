// Every page from the narrowest phone (320 px) through a phone (390 px), a tablet (768 px) and a
// desktop (1280 px) to a wide screen (1920 px): nothing scrolls
// sideways, no chart text is cut or runs into another, every bar above zero is drawn at least
// MIN_BAR_PX thick and long (test/browser/layout.ts), and axe-core finds no serious or critical
// WCAG 2 A/AA violation at 390 and 1280 px.
// Guards proved by the bugs they catch (run against the charts as they were before, and once with
// the fix undone on purpose):
// - the budget chart's old insets (a share of the band) left "Đã giải ngân" 0 px tall at 390 px:
//   "a bar above zero drawn 130.5 × 0.0 px";
// - the sector chart's fixed margin cut "Chế biến nông, lâm, thủy sản, thực phẩm" at -96 px, the
//   targets' verdicts ran 40 px past the chart, "Xã Vĩnh Thủy" overlapped "Xã Vĩnh Lâm";
// - the muted text colour back to Framework's #76787b: axe color-contrast, 12 serious nodes;
// - at 320 px, before the charts fitted their labels to the room (chart.ts fittingText, bandAxis):
//   years and months ran together ("2020" overlaps "2021", "Th1" overlaps "Th3"), "Kế hoạch năm
//   2026: 130 triệu" and "4,5 tỷ · 77 đề án" were cut, the totals above the columns ran into the
//   axis label: 33 problems on Tổng quan, Hoạt động, Giai đoạn and Cơ sở CNNT.
import {describe, expect, it} from "vitest";
import config from "../../observablehq.config.js";
import {axeViolations} from "./axe.js";
import {useSite} from "./harness.js";
import {layoutProblems} from "./layout.js";

const site = useSite();
const pages = config.pages as {name: string; path: string}[];
const WIDTHS = [320, 390, 768, 1280, 1920] as const;
const AXE_WIDTHS = new Set<number>([390, 1280]);

describe("every page holds at phone, tablet and desktop widths", () => {
  for (const {name, path} of pages) {
    for (const width of WIDTHS) {
      it(`${name} at ${width} px`, async () => {
        const {page, errors} = await site.open(path, {viewport: {width, height: 860}, name: `${path.slice(1) || "index"}-${width}`});
        expect(errors).toEqual([]);
        expect(await layoutProblems(page)).toEqual([]);
        // every chart is one image with a text alternative that carries figures
        const charts = await page.locator("main svg[class^='plot']").evaluateAll((svgs) => svgs.map((s) => [s.getAttribute("role"), s.getAttribute("aria-label") ?? ""]));
        for (const [role, label] of charts) {
          expect(role).toBe("img");
          expect(label).toMatch(/\d/);
        }
        if (AXE_WIDTHS.has(width)) expect(await axeViolations(page)).toEqual([]);
        await page.close();
      });
    }
  }
});
