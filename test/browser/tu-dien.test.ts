// Từ điển dữ liệu (src/tu-dien-du-lieu.md): one section per kind of file with every column of the
// contract, the code lists, and a header-only CSV template per kind that the ingest accepts.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {codeListTables, dataDictionary} from "../../src/lib/contract/dictionary.js";
import {kinds} from "../../src/lib/contract/kinds.js";
import {matchHeaders} from "../../loaders/read/headers.js";
import {readHeader} from "../../loaders/read/dialect.js";
import {useSite} from "./harness.js";

const site = useSite();
const dictionary = dataDictionary();

describe("Từ điển dữ liệu", () => {
  it("has a section for every kind of file with all its columns, and the code lists; no error, nothing fetched outside", async () => {
    const {page, errors, outsideRequests} = await site.open("/tu-dien-du-lieu", {waitFor: "main section.kc-dictionary-kind"});
    expect(errors).toEqual([]);
    expect(outsideRequests).toEqual([]);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    expect(await page.locator("section.kc-dictionary-kind").count()).toBe(dictionary.length);
    for (const kind of dictionary) {
      const section = page.locator(`section.kc-dictionary-kind[data-kind="${kind.kind}"]`);
      const title = await section.locator("h2").textContent();
      expect(title).toContain(kind.title);
      expect(title).toContain(kind.filePattern);
      const rows = await section.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((td) => td.textContent ?? "")));
      expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual(kind.columns.map((c) => [c.header, c.name, c.required ? "Có" : ""]));
      for (const rule of kind.rules) expect(await section.locator("li", {hasText: rule}).count()).toBe(1);
      // the overview links to the section
      const href = await page.locator(".kc-table-wrap a", {hasText: kind.title}).first().getAttribute("href");
      expect(await page.locator(href!).getAttribute("data-kind")).toBe(kind.kind);
    }
    for (const list of codeListTables()) {
      const section = page.locator(`section.kc-dictionary-codes`, {has: page.locator("h3", {hasText: list.title})});
      expect(await section.locator("tbody tr td:first-child").allTextContents()).toEqual(list.entries.map((e) => e.code));
    }
    // the general rules, read from the dictionary's own text
    expect(await page.locator(".kc-dictionary-rules li").count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator(".kc-dictionary-rules").textContent()).toContain("CSV UTF-8");
    await page.close();
  });

  it("downloads a header-only CSV template per kind (UTF-8 BOM, ;) in the office's headers, which the ingest accepts", async () => {
    const {page, errors} = await site.open("/tu-dien-du-lieu", {waitFor: "main section.kc-dictionary-kind", noScreenshot: true});
    for (const kind of dictionary) {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.locator(`section.kc-dictionary-kind[data-kind="${kind.kind}"] .kc-download button`).click()
      ]);
      expect(download.suggestedFilename()).toBe(`${kind.kind}.csv`);
      const bytes = readFileSync((await download.path())!);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString("utf8").slice(1);
      expect(text).toBe(`${kind.columns.map((c) => c.header).join(";")}\r\n`);
      // the ingest reads it back as this kind's columns, every one recognised
      const {delimiter, header} = readHeader(text);
      expect(delimiter).toBe(";");
      const map = matchHeaders(kinds[kind.kind], header, download.suggestedFilename());
      expect(map.columns).toEqual(kind.columns.map((c) => c.name));
      expect(map.extras).toEqual([]);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
