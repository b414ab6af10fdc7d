// A leader's phone (390 × 844): the Vietnamese menu button, the menu closing after a choice, the
// skip link, pinch-zoom, the budget table readable without a sideways scroll, a drill-down that
// comes into view with focus on its heading, and one clock (Vietnam time) on a device set to
// another zone.
import {readFileSync, readdirSync} from "node:fs";
import path from "node:path";
import {chromium} from "playwright-core";
import {describe, expect, it} from "vitest";
import {CHROMIUM, CHROMIUM_ARGS} from "./chromium.js";
import {distDir} from "../scripts/build.js";
import config from "../../observablehq.config.js";
import {useSite} from "./harness.js";

const site = useSite();
const PHONE = {width: 390, height: 844};

describe("on a phone", () => {
  it("the menu is a button named in Vietnamese, and closes after a page is chosen", async () => {
    const {page} = await site.open("/", {viewport: PHONE, noScreenshot: true});
    const toggle = page.locator("#observablehq-sidebar-toggle");
    expect(await toggle.getAttribute("aria-label")).toBe("Danh mục các trang");
    const box = (await toggle.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(24);
    expect(box.width).toBeGreaterThanOrEqual(24);
    const sidebar = page.locator("#observablehq-sidebar");
    const onScreen = async () => ((await sidebar.boundingBox())?.x ?? -1000) >= 0;
    expect(await onScreen()).toBe(false);
    await toggle.click();
    await expect.poll(onScreen).toBe(true);
    await Promise.all([page.waitForURL(/ke-hoach-thuc-hien/), sidebar.getByRole("link", {name: "Kế hoạch – Thực hiện"}).click()]);
    await page.locator("main h1").first().waitFor();
    // Framework alone reopened the menu here, covering 272 of 390 px (remove page-shell's click handler: this fails)
    expect(await onScreen()).toBe(false);
    await page.close();
  });

  it("the first Tab reaches a skip link to the content; the page can be pinch-zoomed", async () => {
    const {page} = await site.open("/", {viewport: PHONE, noScreenshot: true});
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Bỏ qua danh mục, đến nội dung chính");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("observablehq-main");
    expect(await page.locator('meta[name="viewport"]').getAttribute("content")).not.toMatch(/maximum-scale|user-scalable=no/);
    await page.close();
  });

  // Before style.css sized them, a probe of every page found the filters' text fields and the
  // draft's quantities (21 px tall), Đánh giá năm's radios (13 × 13 px) and Tổng quan's summary
  // (22 px); with the rule removed on purpose this test fails on that summary, 326 × 22 px.
  it("every field, select, button, summary and radio label on every page is at least 24 px each way", async () => {
    for (const {path: pagePath} of config.pages as {path: string}[]) {
      const {page} = await site.open(pagePath, {viewport: PHONE, noScreenshot: true});
      const small = await page.evaluate(() =>
        [...document.querySelectorAll("main button, main select, main input, main summary")]
          .map((e) => (e instanceof HTMLInputElement && (e.type === "radio" || e.type === "checkbox") ? (e.closest("label") ?? e) : e))
          .map((e) => ({what: `${e.tagName.toLowerCase()} ${(e.textContent ?? "").trim().slice(0, 40)}`, box: e.getBoundingClientRect()}))
          .filter(({box}) => box.width > 0 && (box.width < 24 || box.height < 24))
          .map(({what, box}) => `${what}: ${Math.round(box.width)} × ${Math.round(box.height)} px`)
      );
      expect(small, pagePath).toEqual([]);
      await page.close();
    }
  });

  it("shows every column of the budget table without a sideways scroll, and brings a line's activities into view", async () => {
    const {page, errors} = await site.open("/ke-hoach-thuc-hien", {viewport: PHONE, name: "ke-hoach-thuc-hien-phone", waitFor: "figure.kc-budget-table table"});
    const wrap = page.locator("figure.kc-budget-table .kc-table-wrap");
    const {table, box} = await wrap.evaluate((w) => ({table: (w.querySelector("table") as HTMLElement).scrollWidth, box: (w as HTMLElement).clientWidth}));
    expect(table).toBeLessThanOrEqual(box);
    // The first line's money columns lie within the screen (they needed a sideways scroll).
    const firstRow = page.locator("figure.kc-budget-table tbody tr").first();
    for (const label of ["Đã giải ngân", "Còn lại", "Tỷ lệ giải ngân"]) {
      const r = (await firstRow.locator(`td[data-label="${label}"]`).evaluate((td) => {
        const range = document.createRange();
        range.selectNodeContents(td);
        const b = range.getBoundingClientRect();
        return {left: b.left, right: b.right};
      }));
      expect(r.left).toBeGreaterThanOrEqual(0);
      expect(r.right).toBeLessThanOrEqual(PHONE.width);
    }
    // Tapping a line: its activities come into view, focus on their heading (it fell to the body;
    // with revealed() taken out of the page this test fails).
    await firstRow.click();
    const heading = page.locator("#hoat-dong-cua-dong h3");
    await heading.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest("#hoat-dong-cua-dong h3") !== null)).toBe(true);
    const top = (await heading.boundingBox())!.y;
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(PHONE.height);
    // Then an activity: its vouchers' heading takes the focus (it fell to the body as the
    // activities table was redrawn).
    await page.locator("#hoat-dong-cua-dong tbody tr").first().click();
    await page.locator("#chung-tu-cua-hoat-dong h3").waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest("#chung-tu-cua-hoat-dong h3") !== null)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("one clock", () => {
  // The ingest's end, as the test site's run.json holds it (a UTC instant), written in Vietnam's
  // time by hand: + 7 h, e.g. 2026-12-04T17:41:00Z → 05/12/2026 00:41.
  const expected = () => {
    const dir = path.join(distDir, "_file", "data");
    const file = readdirSync(dir).find((f) => /^run\.[\w-]+\.json$/.test(f))!;
    const finished = new Date((JSON.parse(readFileSync(path.join(dir, file), "utf8")) as {finished_at: string}).finished_at);
    const vn = new Date(finished.getTime() + 7 * 3600_000);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${pad(vn.getUTCDate())}/${pad(vn.getUTCMonth() + 1)}/${vn.getUTCFullYear()} ${pad(vn.getUTCHours())}:${pad(vn.getUTCMinutes())}`;
  };

  for (const timezoneId of ["America/New_York", "UTC", "Asia/Ho_Chi_Minh"]) {
    it(`shows Vietnam time on a device set to ${timezoneId}`, async () => {
      const browser = await chromium.launch({executablePath: CHROMIUM, args: CHROMIUM_ARGS});
      try {
        const context = await browser.newContext({timezoneId, locale: "vi-VN"});
        const page = await context.newPage();
        await page.goto(site.url);
        const status = page.locator("main .kc-status .kc-note");
        await status.waitFor();
        // formatDateTime with the device's getHours(): 7 h off in UTC, 12 h off in New York
        expect(await status.textContent()).toContain(`nạp vào kho lúc ${expected()}`);
      } finally {
        await browser.close();
      }
    });
  }
});

describe("by keyboard", () => {
  it("reaches the first budget line in ten Tabs from the skip link, sorts by a header chosen with the arrows, opens a line with Enter", async () => {
    const {page, errors} = await site.open("/ke-hoach-thuc-hien", {noScreenshot: true, waitFor: "figure.kc-budget-table tbody tr"});
    const focusedIs = (selector: string) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    let tabs = 0;
    // skip link → status link, five filters, two download buttons, the header row, the row: 10
    // Tabs (measured with every sortable header a stop of its own: 19; the headings' "#" anchors
    // and the unscrolled table box added 3 more; without the skip link, the menu's 10 links)
    while (tabs < 40 && !(await focusedIs("figure.kc-budget-table tbody tr"))) {
      await page.keyboard.press("Tab");
      tabs++;
    }
    expect(tabs).toBeLessThanOrEqual(10);
    // back to the header row, right along it to "Đã giải ngân" (the 7th header), sort with Enter
    await page.keyboard.press("Shift+Tab");
    expect(await focusedIs("figure.kc-budget-table thead th:first-child")).toBe(true);
    for (let i = 0; i < 6; i++) await page.keyboard.press("ArrowRight");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Đã giải ngân");
    await page.keyboard.press("Enter");
    expect(await page.locator("figure.kc-budget-table thead th", {hasText: "Đã giải ngân"}).getAttribute("aria-sort")).toBe("ascending");
    const disbursed = (await page.locator("figure.kc-budget-table tbody td[data-label='Đã giải ngân']").allTextContents()).map((t) => Number(t.replace(/\./g, "")));
    expect(disbursed).toEqual([...disbursed].sort((a, b) => a - b));
    // the row stop follows the header row; Enter opens that line's activities
    await page.keyboard.press("Tab");
    expect(await focusedIs("figure.kc-budget-table tbody tr:first-child")).toBe(true);
    await page.keyboard.press("Enter");
    await page.locator("#hoat-dong-cua-dong h3").waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
