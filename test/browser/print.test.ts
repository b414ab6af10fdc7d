// Every page printed on A4 (Chromium's page.pdf with print media, read back with pdftotext):
// every column header of every table is on a sheet and inside it, every sheet has body text (not
// only the footer, not blank), no word prints under 8 pt (chart text included: a page shrunk to
// fit an over-wide table printed at 7 pt), and a long list prints its first rows with a note
// pointing to the download.
// Guards proved by the bugs they catch (run against the print stylesheet as it was): the facility
// register's "Số lao động", "Năm thành lập", "Sản phẩm chính" and the files table's "Kích thước
// (byte)" were not found, the register's sheet shrank to 5,8 pt, Hoạt động and Từ điển dữ liệu
// ended with a sheet holding only the footer (and Giai đoạn took 24 sheets).
import {describe, expect, it} from "vitest";
import config from "../../observablehq.config.js";
import {PRINT_ROWS} from "../../src/components/print.js";
import {formatNumber} from "../../src/lib/format.js";
import {useSite} from "./harness.js";
import {emptySheets, findHeader, printA4, smallWords} from "./print.js";

const site = useSite();
const pages = config.pages as {name: string; path: string}[];
const FOOTER = /Trang tổng hợp hoạt động khuyến công[\s\S]*$/;

describe("printed on A4", () => {
  for (const {name, path} of pages) {
    it(name, async () => {
      const {page, errors} = await site.open(path, {noScreenshot: true});
      const rowCounts = await page.locator("main table.kc-table").evaluateAll((tables) => tables.map((t) => t.querySelectorAll("tbody tr").length));
      const {sheets, headers} = await printA4(page);
      expect(sheets.length).toBeGreaterThan(0);
      expect(headers.filter((h) => !findHeader(sheets, h))).toEqual([]);
      expect(emptySheets(sheets, FOOTER)).toEqual([]);
      expect(smallWords(sheets, 8)).toEqual([]);
      const text = sheets.map((s) => s.words.map((w) => w.text).join(" ")).join(" ");
      for (const rows of rowCounts.filter((n) => n > PRINT_ROWS)) {
        expect(text).toContain(`Bản in chỉ có ${formatNumber(PRINT_ROWS)} dòng đầu trong ${formatNumber(rows)} dòng`);
      }
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
