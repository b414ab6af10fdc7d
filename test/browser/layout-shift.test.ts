// No page moves under the reader's eyes: the cumulative layout shift of every page stays at most
// 0,1 (issue "phones, print, accessibility": the home page once shifted 0,52 while its data
// arrived). On a phone the page is opened as a slow phone (Slow 4G, CPU 4× slower), where data and
// charts arrive after the first paint; on a desktop, unthrottled. npm run bench:site reports the
// same for the two leaders' pages, beside the timings.
// Mutation: the data status line drawn by display() in a code block of its own (as seven pages once
// did) instead of an inline slot `<div>${statusLine}</div>` made this fail on five pages: on a slow
// phone Hoạt động shifted 0,13, Cơ sở CNNT 0,19, Chất lượng dữ liệu 0,45 when it arrived.
// The same for Chất lượng dữ liệu's summary cards: drawn by display() in a block, they arrived
// after the section under them was shown when quality.json came later than run.json, and the
// page shifted 0,20 on a slow phone (1 run in 4 to 12, and in a clean-clone CI run); as an inline
// slot, 0 in 30 runs, 15 of them with both processors kept busy.
import {describe, expect, it} from "vitest";
import config from "../../observablehq.config.js";
import {SLOW_PHONE} from "./chromium.js";
import {useSite} from "./harness.js";

const site = useSite();
const pages = config.pages as {name: string; path: string}[];
const MAX_SHIFT = 0.1;

describe("no page shifts its layout while it loads", () => {
  for (const {name, path} of pages) {
    it(`${name}: a slow phone at 390 px and a desktop at 1280 px`, async () => {
      const phone = await site.open(path, {viewport: {width: 390, height: 844}, throttle: SLOW_PHONE, noCache: true, noScreenshot: true, quietMs: 600});
      expect(phone.errors).toEqual([]);
      await phone.page.close();
      const desktop = await site.open(path, {viewport: {width: 1280, height: 900}, noCache: true, noScreenshot: true});
      await desktop.page.close();
      expect({phone: phone.layoutShift, desktop: desktop.layoutShift}).toEqual({
        phone: expect.toSatisfy((v: number) => v <= MAX_SHIFT) as number,
        desktop: expect.toSatisfy((v: number) => v <= MAX_SHIFT) as number
      });
    }, 120_000);
  }
});
