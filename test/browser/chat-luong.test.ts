// Chất lượng dữ liệu (src/chat-luong-du-lieu.md): the last run, its files, every rejected row and
// every warning equal the test warehouse (read-only; nothing hard-coded); rejected rows show file,
// line, column (the contract's header too), value and reason; no personal value reaches the page.
import {readdirSync} from "node:fs";
import path from "node:path";
import type {Page} from "playwright-core";
import {describe, expect, it} from "vitest";
import {SKIPPED_REASONS, WARNING_RULES} from "../../src/lib/quality-labels.js";
import {HIDDEN_VALUE} from "../../src/lib/rejects.js";
import {columnMeta} from "../../src/lib/contract/fields.js";
import {kindOrder, kinds, type KindName} from "../../src/lib/contract/kinds.js";
import {formatNumber} from "../../src/lib/format.js";
import {projectRoot} from "../scripts/build.js";
import {tableWidths, useSite} from "./harness.js";
import {useTestWarehouse} from "./warehouse.js";

const site = useSite();
const query = useTestWarehouse();

async function rows(page: Page, figureClass: string): Promise<string[][]> {
  return page
    .locator(`figure.${figureClass} tbody tr`)
    .evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((td) => td.textContent ?? "")));
}

const open = (name?: string) => site.open("/chat-luong-du-lieu", {waitFor: "main figure.kc-files-table table", ...(name ? {name} : {noScreenshot: true})});

describe("Chất lượng dữ liệu", () => {
  it("lists every rejected row and every warning of the warehouse, with no error and nothing fetched outside", async () => {
    const {page, errors, outsideRequests} = await open("chat-luong-du-lieu");
    expect(errors).toEqual([]);
    expect(outsideRequests).toEqual([]);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    const [counts] = await query("SELECT (SELECT count(*) FROM rejects) AS rejects, (SELECT count(*) FROM warnings) AS warnings");
    expect(counts!.rejects).toBeGreaterThan(0);
    expect(counts!.warnings).toBeGreaterThan(0);
    expect((await rows(page, "kc-rejects-table")).length).toBe(counts!.rejects);
    expect((await rows(page, "kc-warnings-table")).length).toBe(counts!.warnings);
    expect(await page.locator("#kc-rejects-count").textContent()).toContain(`${formatNumber(Number(counts!.rejects))} / ${formatNumber(Number(counts!.rejects))}`);
    // the run
    const [run] = await query("SELECT data_dir, run_id FROM ingest_runs ORDER BY started_at DESC LIMIT 1");
    const facts = await page.locator("table.kc-facts").textContent();
    // The test site's ingest was given the absolute path of test-results/site/data: the page shows
    // it relative to the project, never the machine's folders (issue 13).
    expect(String(run!.data_dir)).toMatch(/^(\/|[A-Za-z]:)/);
    expect(facts).toContain("test-results/site/data");
    expect(facts).not.toContain(String(run!.data_dir));
    expect(facts).toContain(String(run!.run_id));
    expect(facts).toContain("Thành công");
    // data tests
    const tests = await query("SELECT test, failures FROM data_tests ORDER BY test");
    const testRows = await page.locator("figure.kc-table-figure").filter({has: page.locator("caption", {hasText: "Kiểm tra dữ liệu"})}).locator("tbody tr").allTextContents();
    expect(testRows.length).toBe(tests.length);
    for (const t of tests) expect(testRows.some((r) => r.includes(String(t.test)) && r.includes(Number(t.failures) === 0 ? "Đạt" : "Không đạt"))).toBe(true);
    await page.close();
  });

  it("the rejects and warnings tables fit a 1280-pixel screen: no column, the reason least, is cut off at the right", async () => {
    const {page} = await open();
    for (const [figure, w] of Object.entries(await tableWidths(page, ["kc-rejects-table", "kc-warnings-table"]))) expect(w.table, figure).toBeLessThanOrEqual(w.box);
    await page.close();
  });

  it("shows each file's counts, read = loaded + rejected, and its SHA-256 in full on request", async () => {
    const files = await query("SELECT source_file, kind, rows_read, rows_loaded, rows_rejected, blank_rows, warnings, sha256 FROM source_files");
    const {page, errors} = await open();
    const shown = await rows(page, "kc-files-table");
    // kind by kind as the ingest's summary lists them, then by name
    const rank = (f: (typeof files)[number]) => kindOrder.indexOf(f.kind as KindName);
    expect(shown.map((r) => r[0])).toEqual([...files].sort((a, b) => rank(a) - rank(b) || String(a.source_file).localeCompare(String(b.source_file))).map((f) => f.source_file));
    for (const f of files) {
      const row = shown.find((r) => r[0] === f.source_file);
      expect(row, String(f.source_file)).toBeDefined();
      // Tên tệp, Loại tệp, Dòng đọc, Đã nạp, Bị loại, Đọc = nạp + loại, Dòng trống, Cảnh báo, Mã hóa, Dấu phân cách, Cách đọc, Kích thước, SHA-256
      expect(row!.slice(2, 8)).toEqual([
        formatNumber(Number(f.rows_read)),
        formatNumber(Number(f.rows_loaded)),
        formatNumber(Number(f.rows_rejected)),
        "khớp",
        formatNumber(Number(f.blank_rows)),
        formatNumber(Number(f.warnings))
      ]);
      expect(Number(f.rows_read)).toBe(Number(f.rows_loaded) + Number(f.rows_rejected));
      expect(row![12]).toBe(`${String(f.sha256).slice(0, 12)}…`);
    }
    await page.locator(".kc-hashes summary").click();
    const hashes = await page.locator(".kc-hashes code").allTextContents();
    expect(hashes.sort()).toEqual(files.map((f) => String(f.sha256)).sort());
    expect(errors).toEqual([]);
    await page.close();
  });

  it("lists the files of the data folder that were not loaded, and why", async () => {
    const skipped = await query("SELECT source_file, reason FROM skipped_files ORDER BY source_file");
    expect(skipped.map((f) => f.source_file)).toContain("chung_tu_kiem_thu.xlsx");
    const {page, errors} = await open();
    const items = await page.locator("#kc-skipped li").allTextContents();
    expect(items).toEqual(skipped.map((f) => `${f.source_file}: ${SKIPPED_REASONS[String(f.reason)]}`));
    expect(await page.locator("#kc-skipped").textContent()).toContain("CSV UTF-8");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a rejected row shows its file, line, column (with the contract's header), value and reason", async () => {
    const rejects = await query("SELECT kind, source_file, source_line, column_name, raw_value, reason FROM rejects WHERE column_name <> '' AND raw_value IS NOT NULL ORDER BY source_file, source_line");
    const {page, errors} = await open();
    const shown = await rows(page, "kc-rejects-table");
    expect(rejects.length).toBeGreaterThan(0);
    for (const r of rejects) {
      const meta = columnMeta(kinds[r.kind as KindName].schema.shape[String(r.column_name) as never]);
      const value = meta.personal ? HIDDEN_VALUE : String(r.raw_value);
      // Tệp, Loại tệp, Dòng, Cột, Tên cột trong hệ thống, Giá trị, Lý do
      const match = shown.find((s) => s[0] === r.source_file && s[2] === String(r.source_line) && s[4] === r.column_name);
      expect(match, `${r.source_file}:${r.source_line}`).toBeDefined();
      expect(match![3]).toBe(meta.header);
      expect(match![5]).toBe(value);
      if (!meta.personal) expect(match![6]).toBe(r.reason);
    }
    // filtering by file keeps that file's rows only; searching folds diacritics
    const file = String(rejects[0]!.source_file);
    await page.locator("figure.kc-rejects-table").scrollIntoViewIfNeeded();
    await page.getByRole("combobox", {name: "Tệp", exact: true}).first().selectOption({label: file});
    const perFile = await query(`SELECT count(*) AS n FROM rejects WHERE source_file = '${file.replace(/'/g, "''")}'`);
    await expect.poll(async () => (await rows(page, "kc-rejects-table")).map((r) => r[0])).toEqual(Array(Number(perFile[0]!.n)).fill(file));
    await page.getByRole("combobox", {name: "Tệp", exact: true}).first().selectOption({label: "Tất cả"});
    const [dates] = await query("SELECT count(*) AS n FROM rejects WHERE reason ILIKE '%ngày không có thật%'");
    if (Number(dates!.n) > 0) {
      await page.getByRole("textbox", {name: "Tìm", exact: true}).first().fill("ngay khong co that");
      await expect.poll(async () => (await rows(page, "kc-rejects-table")).length).toBe(Number(dates!.n));
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it("no personal value of the register appears on the page or in its data", async () => {
    const personal = (
      await query("SELECT DISTINCT v FROM (SELECT unnest([owner_name, phone, national_id]) AS v FROM establishments) WHERE v IS NOT NULL AND length(v) >= 4")
    ).map((r) => String(r.v).normalize("NFC"));
    expect(personal.length).toBeGreaterThan(0);
    const {page, errors} = await open();
    const html = (await page.content()).normalize("NFC");
    const json = await page.evaluate(async () => {
      const urls = performance.getEntriesByType("resource").map((e) => e.name).filter((u) => u.includes("/_file/") && u.endsWith(".json"));
      return (await Promise.all(urls.map((u) => fetch(u).then((r) => r.text())))).join("\n");
    });
    expect(json).toContain("rows_loaded");
    for (const v of personal) {
      expect(html.includes(v)).toBe(false);
      expect(json.normalize("NFC").includes(v)).toBe(false);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it("names every warning rule in Vietnamese", () => {
    const rules = readdirSync(path.join(projectRoot, "loaders", "sql", "warnings"))
      .filter((f) => f.endsWith(".sql"))
      .map((f) => f.slice(0, -4));
    for (const rule of [...rules, "establishment_name_unresolved"]) expect(WARNING_RULES[rule]?.label, rule).toBeTruthy();
  });
});
