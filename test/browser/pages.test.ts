// Every page of the menu opens in Chromium without a console error and without a request to any
// host but the local server; a screenshot of each is kept in test-results/screenshots/.
import {describe, expect, it} from "vitest";
import config from "../../observablehq.config.js";
import {useSite} from "./harness.js";

const site = useSite();
const pages = config.pages as {name: string; path: string}[];

describe("every page", () => {
  for (const {name, path} of pages) {
    it(`${name} (${path})`, async () => {
      const {page, errors, outsideRequests} = await site.open(path);
      expect(errors).toEqual([]);
      expect(outsideRequests).toEqual([]);
      expect(await page.locator("main h1").count()).toBeGreaterThan(0);
      expect(await page.locator(".observablehq--error").count()).toBe(0);
      // A missing value shows as a word or a dash, never as JavaScript's own.
      expect((await page.locator("main").innerText()).match(/.{0,30}(\bundefined\b|\bNaN\b|\bnull\b|\[object ).{0,30}/g)).toBeNull();
      expect(await page.title()).toContain("Khuyến công xã Vĩnh Thủy");
      expect(await page.locator("html").getAttribute("lang")).toBe("vi");
      await page.close();
    });
  }

  it("an unknown address shows the Vietnamese 404 page", async () => {
    const {page, outsideRequests} = await site.open("/khong-co-trang-nay", {name: "404"});
    expect(outsideRequests).toEqual([]);
    expect(await page.locator("main h1").textContent()).toBe("Không tìm thấy trang");
    await page.close();
  });

  it("the sidebar lists the pages in order", async () => {
    const {page} = await site.open("/", {noScreenshot: true});
    // By path: the history page's name holds the years of the warehouse the site was built from
    // (the test site's), which this process's config may not have read.
    const links = await page.locator("#observablehq-sidebar a").evaluateAll((as) => as.map((a) => [new URL((a as HTMLAnchorElement).href).pathname, a.textContent?.trim() ?? ""]));
    const paths = pages.map((p) => p.path);
    // The site's title links home too; it names the commune of the warehouse the site was built
    // from, which this process's config may not have read (a clean clone has no data/ warehouse).
    const shown = links.filter(([path, text]) => paths.includes(path!) && !text!.startsWith("Khuyến công"));
    expect(shown.map(([path]) => path)).toEqual(paths);
    expect(shown.find(([path]) => path === "/giai-doan")?.[1]).toMatch(/^Giai đoạn \d{4}–\d{4}$/);
    await page.close();
  });
});
