// Tổng quan: the chain warehouse → loader → page → chart, and the table downloads.
import {mkdirSync, readFileSync, writeFileSync} from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import {describe, expect, it} from "vitest";
import {projectRoot} from "../scripts/build.js";
import {useSite} from "./harness.js";

const site = useSite();

describe("Tổng quan", () => {
  it("shows cards and a chart from the warehouse, printable on A4", async () => {
    const {page, errors} = await site.open("/", {waitFor: "main svg"});
    expect(errors).toEqual([]);
    expect(await page.locator("main .card").count()).toBeGreaterThanOrEqual(3);
    // money is written the vi-VN way: "… đ", dots between thousands
    expect(await page.locator("main .card").first().textContent()).toMatch(/\d{1,3}(\.\d{3})+ đ/);
    expect(await page.locator("main figure svg, main svg").count()).toBeGreaterThan(0);
    await page.emulateMedia({media: "print"});
    expect(await page.locator("#observablehq-sidebar").isVisible()).toBe(false);
    expect(await page.locator(".kc-download").first().isVisible()).toBe(false);
    const pdf = await page.pdf({format: "A4"});
    expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
    const printDir = path.join(projectRoot, "test-results", "print");
    mkdirSync(printDir, {recursive: true});
    writeFileSync(path.join(printDir, "index.pdf"), pdf);
    await page.close();
  });

  it("downloads the table as CSV (UTF-8 BOM, ;) and XLSX", async () => {
    const {page, errors} = await site.open("/", {noScreenshot: true});
    const buttons = page.locator(".kc-download").first();
    const [csvDownload] = await Promise.all([page.waitForEvent("download"), buttons.getByRole("button", {name: "CSV"}).click()]);
    expect(csvDownload.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await csvDownload.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString("utf8").slice(1);
    expect(text.split("\r\n")[0]).toBe("Năm;Kinh phí kế hoạch (đồng);Đã phê duyệt (đồng);Đã giải ngân (đồng);Tỷ lệ giải ngân (%)");
    expect(text.split("\r\n")[1]).toMatch(/^\d{4};\d+;\d+;-?\d+;/);

    const [xlsxDownload] = await Promise.all([
      page.waitForEvent("download", {timeout: 30_000}),
      buttons.getByRole("button", {name: "Excel (XLSX)"}).click()
    ]);
    expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    const bytes = readFileSync((await xlsxDownload.path())!);
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(3).values as unknown[]).slice(1, 3)).toEqual(["Năm", "Kinh phí kế hoạch (đồng)"]);
    expect(typeof sheet.getRow(4).getCell(2).value).toBe("number");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the table component shows hostile text literally and exports it neutralised", async () => {
    const {page, errors} = await site.open("/", {noScreenshot: true});
    const tableModule = await page.locator('link[rel="modulepreload"][href*="components/table."]').getAttribute("href");
    expect(tableModule).toBeTruthy();
    const result = await page.evaluate(async (href) => {
      let alerted = false;
      window.alert = () => {
        alerted = true;
      };
      // import() written as a string: vitest would otherwise rewrite it for Node.
      const load = new Function("url", "return import(url)") as (url: string) => Promise<typeof import("../../src/components/table.js")>;
      const {dataTable} = await load(new URL(href, location.href).href);
      const rows = [{name: "<img src=x onerror=alert(1)>", note: "=HYPERLINK(\"http://x\")", amount: 5}];
      const el = dataTable(rows, {
        fileName: "thu",
        columns: [
          {key: "name", header: "Tên <b>cơ sở</b>"},
          {key: "note", header: "Ghi chú"},
          {key: "amount", header: "Số tiền", type: "money"}
        ]
      });
      el.id = "kc-hostile";
      document.querySelector("main")!.append(el);
      await new Promise((r) => setTimeout(r, 300));
      return {
        images: el.querySelectorAll("img, b").length,
        cells: [...el.querySelectorAll("tbody td")].map((td) => td.textContent),
        header: el.querySelector("thead th")!.textContent,
        alerted
      };
    }, tableModule!);
    expect(result).toEqual({
      images: 0,
      cells: ["<img src=x onerror=alert(1)>", '=HYPERLINK("http://x")', "5 đ"],
      header: "Tên <b>cơ sở</b>",
      alerted: false
    });
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#kc-hostile button", {hasText: "CSV"}).click()]);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv).toContain(`'=HYPERLINK(""http://x"")`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
