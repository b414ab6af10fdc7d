// Browser test harness for vitest. A test file calls useSite() once; it builds (or reuses) the
// test site (test/scripts/build.ts), serves it and launches Chromium (./chromium.ts), all closed
// after the file's tests.
//
//   const site = useSite();
//   it("Tổng quan", async () => {
//     const {page, errors, outsideRequests} = await site.open("/");
//     expect(errors).toEqual([]);
//     expect(outsideRequests).toEqual([]);
//     expect(await page.locator("main h1").first().textContent()).toContain("Khuyến công");
//     await page.close();
//   });
//
// open() waits until the page has settled (no Framework loading placeholder left, no DOM change
// for a quiet period), saves a full-page screenshot to test-results/screenshots/<name>.png, and
// reports console errors, uncaught exceptions, failed local requests, HTTP errors and every
// request to a host other than 127.0.0.1/localhost (those are also aborted).
import path from "node:path";
import {afterAll, beforeAll} from "vitest";
import {ensureSiteBuilt, SITE, type SiteVariant} from "../scripts/build.js";
import {launchSite, type Site, type SiteHandle} from "./chromium.js";

export {isOutside, screenshotDir, tableWidths, type OpenOptions, type OpenedPage, type Site} from "./chromium.js";

/** In a test file: build (or reuse) a test site (the standard one by default), serve it, launch Chromium; all closed after. */
export function useSite(variant: SiteVariant = SITE): Site {
  let handle: SiteHandle | undefined;
  beforeAll(async () => {
    await ensureSiteBuilt(variant);
    handle = await launchSite(path.join(variant.dir, "dist"));
  });
  afterAll(async () => {
    await handle?.close();
  });
  const get = () => {
    if (!handle) throw new Error("useSite(): the site is not ready (beforeAll failed?)");
    return handle;
  };
  return {
    get url() {
      return get().url;
    },
    get context() {
      return get().context;
    },
    open: (pathname, options) => get().open(pathname, options)
  };
}
