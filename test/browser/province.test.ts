// The province's view (issue 12), on a test site of three communes of sample data, one sub-folder
// each (test/scripts/build.ts PROVINCE, scripts/sample/communes.ts). Each commune's plan year is the
// sample's, by hand: planned 60 + 20 + 20 + 20 + 10 = 130 triệu, approved 120 triệu, paid 95,45
// triệu (73,4%); the province: 390, 360 and 286,35 triệu.
import {describe, expect, it} from "vitest";
import {useSite} from "./harness.js";
import {PROVINCE} from "../scripts/build.js";

const site = useSite(PROVINCE);
const digits = (text: string | null) => (text ?? "").replace(/\D/g, "");

describe("Các xã: the communes of the province side by side", () => {
  it("lists each commune's plan year with its own figures, and the province's total under them", async () => {
    const {page, errors, outsideRequests} = await site.open("/tinh", {waitFor: "main table tbody tr"});
    const rows = await page.locator("main table tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent ?? "")));
    expect(rows.map((r) => [r[0], r[1], r[2], r[3], r[4], r[5]])).toEqual(
      ["1", "2", "3"].map((i) => [`Thử Nghiệm ${i}`, `2000${i}`, "130.000.000 đ", "120.000.000 đ", "95.450.000 đ", "73,4%"])
    );
    const total = await page.locator("main table tfoot tr").last().locator("td, th").allTextContents();
    expect([total[0], digits(total[2]!), digits(total[3]!), digits(total[4]!), total[5]]).toEqual(["Cả 3 xã", "390000000", "360000000", "286350000", "73,4%"]);
    expect(await page.locator("main h1").first().textContent()).toBe("Khuyến công các xã, tỉnh Quảng Trị");
    // The sample's 8 rejected rows and 2 warnings in each of the three communes (the home
    // commune's alone, 8 and 2, before the status line took the whole run).
    expect(await page.locator("main").textContent()).toContain("24 dòng bị loại, 6 cảnh báo");
    expect(errors).toEqual([]);
    expect(outsideRequests).toEqual([]);
    await page.close();
  });

  // Mutation: the commune pages' data paths pointed at the first commune's files
  // (`../data/20001/…` in scripts/commune-pages.ts) made the second commune's page say
  // "Thử Nghiệm 1" (run again with the wait for the title below: it still fails).
  it("opens a commune's own pages from its row, each naming that commune and linking its siblings", async () => {
    const {page, errors} = await site.open("/tinh", {waitFor: "main table tbody tr"});
    await page.waitForLoadState("networkidle");
    await Promise.all([page.waitForURL(/\/xa\/20002\/$/), page.locator("main table tbody tr", {hasText: "Thử Nghiệm 2"}).click()]);
    // The title's commune comes with the page's data, a moment after the heading itself (a loaded
    // machine read "Khuyến công " alone): waited for, whichever commune it names.
    await page.locator("main h1", {hasText: /Khuyến công \S/}).first().waitFor();
    await page.locator(".kc-commune-nav", {hasText: /mã \d/}).waitFor();
    expect(await page.locator("main h1").first().textContent()).toBe("Khuyến công xã Thử Nghiệm 2");
    expect(await page.locator(".kc-commune-nav").textContent()).toMatch(/^Xã Thử Nghiệm 2 \(mã 20002\): Tổng quan · Kế hoạch – Thực hiện/);
    // Left once the page has loaded: leaving earlier aborts its module requests (counted as errors).
    await page.waitForLoadState("networkidle");
    await Promise.all([page.waitForURL(/\/xa\/20002\/co-so$/), page.locator(".kc-commune-nav a", {hasText: "Cơ sở CNNT"}).click()]);
    await page.waitForSelector("main table tbody tr");
    expect(await page.locator("main").textContent()).toContain("trên địa bàn xã Thử Nghiệm 2");
    expect(errors).toEqual([]);
    await page.close();
  });

  // Mutation: the lists' files left out of the commune's datasets (COMMUNE_DATASETS without
  // evaluation-lists.json) failed the build of the commune pages, which name them.
  it("a commune's Đánh giá năm and draft fetch the rest of their lists from the commune's own files", async () => {
    for (const [pathname, caption, file] of [
      ["/xa/20002/danh-gia", "Chỉ tiêu kế hoạch", "evaluation-lists"],
      ["/xa/20002/ke-hoach-nam-sau", "Đề nghị theo thứ tự ưu tiên", "draft-requests"]
    ] as const) {
      const {page, errors} = await site.open(pathname, {waitFor: "main table tbody tr", noScreenshot: true});
      const figure = page.locator("figure.kc-table-figure", {has: page.locator("caption", {hasText: caption})});
      await Promise.all([page.waitForEvent("download", {timeout: 60_000}), figure.getByRole("button", {name: "CSV"}).click()]);
      const urls = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
      expect(urls.filter((u) => u.includes(`/${file}.`)).map((u) => new URL(u).pathname.replace(/\.[0-9a-f]+\.json$/, ".json")), pathname).toEqual([`/_file/xa/data/20002/${file}.json`]);
      expect(errors, pathname).toEqual([]);
      await page.close();
    }
  });

  it("puts the province page first in the menu, the home commune's pages under its name", async () => {
    const {page} = await site.open("/", {waitFor: "#observablehq-sidebar"});
    const menu = await page.locator("#observablehq-sidebar").textContent();
    expect(menu).toMatch(/Các xã[\s\S]*Xã Thử Nghiệm 1[\s\S]*Tổng quan/);
    await page.close();
  });
});
