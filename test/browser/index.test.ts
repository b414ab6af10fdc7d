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

  // Mutation: render() drawing every row of `shown` (no slice) made the first count 1.200.
  it("the table component draws a long list a page at a time; sorting and the download take every row", async () => {
    const {page, errors} = await site.open("/", {noScreenshot: true});
    const tableModule = await page.locator('link[rel="modulepreload"][href*="components/table."]').getAttribute("href");
    await page.evaluate(async (href) => {
      const load = new Function("url", "return import(url)") as (url: string) => Promise<typeof import("../../src/components/table.js")>;
      const {dataTable} = await load(new URL(href, location.href).href);
      const rows = Array.from({length: 1200}, (_, i) => ({id: `R${String(i + 1).padStart(4, "0")}`, amount: i + 1}));
      const el = dataTable(rows, {fileName: "dai", columns: [{key: "id", header: "Mã"}, {key: "amount", header: "Số tiền", type: "money"}]});
      el.id = "kc-long";
      document.querySelector("main")!.append(el);
    }, tableModule!);
    const table = page.locator("#kc-long");
    const more = table.locator("button.kc-more-rows");
    expect(await table.locator("tbody tr").count()).toBe(500);
    expect(await more.textContent()).toBe("Hiện thêm 500 dòng (đang hiện 500 / 1.200)");
    await more.click();
    expect(await table.locator("tbody tr").count()).toBe(1000);
    expect(await more.textContent()).toBe("Hiện thêm 200 dòng (đang hiện 1.000 / 1.200)");
    await more.click();
    expect(await table.locator("tbody tr").count()).toBe(1200);
    expect(await more.isVisible()).toBe(false);
    // Sorted descending, the row drawn first is the largest of all 1.200.
    await table.locator("thead th", {hasText: "Số tiền"}).click();
    await table.locator("thead th", {hasText: "Số tiền"}).click();
    expect(await table.locator("tbody tr").first().locator("td").first().textContent()).toBe("R1200");
    const [download] = await Promise.all([page.waitForEvent("download"), table.locator("button", {hasText: "CSV"}).click()]);
    expect(readFileSync((await download.path())!, "utf8").trim().split("\r\n")).toHaveLength(1201);
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
