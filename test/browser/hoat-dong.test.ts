// Hoạt động (src/hoat-dong.md): the figures on the page equal the test warehouse. Expected values
// are computed here from the warehouse's own tables (read-only), not from the page's views, and
// written with src/lib/format.ts; nothing is hard-coded.
import {readFileSync} from "node:fs";
import Papa from "papaparse";
import type {Locator, Page} from "playwright-core";
import {beforeAll, describe, expect, it} from "vitest";
import {codeLabel, codeLists} from "../../src/lib/contract/codes.js";
import {formatMoney, formatMoneyShort, formatNumber} from "../../src/lib/format.js";
import {foldKey} from "../../src/lib/parse/text.js";
import {useSite} from "./harness.js";
import {useTestWarehouse} from "./warehouse.js";

const site = useSite();

/** Rows of a query on a private copy of the test warehouse (read-only), BIGINTs as numbers. */
const query = useTestWarehouse() as (sql: string) => Promise<Record<string, unknown>[]>;


let year: number;

beforeAll(async () => {
  const [row] = await query("SELECT max(year) AS year FROM (SELECT year FROM activities UNION ALL SELECT year FROM plan_targets)");
  year = Number(row!.year);
});



/** The figure (download buttons + table) whose table has this caption. */
function tableFigure(page: Page, caption: string): Locator {
  return page.locator("figure.kc-table-figure").filter({has: page.locator("caption", {hasText: caption})});
}

async function firstColumn(figure: Locator): Promise<string[]> {
  return (await figure.locator("tbody tr td:first-child").allTextContents()).map((t) => t.trim());
}

async function downloadCsv(page: Page, figure: Locator): Promise<string[][]> {
  const [download] = await Promise.all([page.waitForEvent("download"), figure.getByRole("button", {name: "CSV"}).click()]);
  const text = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  return Papa.parse<string[]>(text.trimEnd(), {delimiter: ";"}).data;
}

describe("Hoạt động", () => {
  it("shows each status's count and approved money as in the warehouse, with no error and nothing fetched outside", async () => {
    const {page, errors, outsideRequests} = await site.open("/hoat-dong", {waitFor: "main table"});
    expect(errors).toEqual([]);
    expect(outsideRequests).toEqual([]);
    expect(await page.locator("main h1").first().textContent()).toContain("Hoạt động");
    expect(await page.locator(".observablehq--error").count()).toBe(0);

    const rows = await query(`SELECT status, count(*) AS n, coalesce(sum(approved_amount), 0) AS approved FROM activities WHERE year = ${year} GROUP BY status`);
    for (const {code} of codeLists.status) {
      const row = rows.find((r) => r.status === code);
      const box = page.locator(`.kc-status-box[data-status="${code}"]`);
      await expect.poll(() => box.count()).toBe(1);
      expect(await box.locator(".kc-status-label").textContent()).toBe(codeLabel("status", code));
      expect(await box.locator(".kc-status-count").textContent()).toBe(formatNumber(Number(row?.n ?? 0)));
      const money = box.locator(".kc-status-money");
      const approved = Number(row?.approved ?? 0);
      if (approved > 0) {
        expect(await money.getAttribute("title")).toBe(formatMoney(approved));
        expect(await money.textContent()).toContain(formatMoneyShort(approved));
      } else {
        expect(await money.textContent()).toBe("Chưa có kinh phí phê duyệt");
      }
    }

    // The summary line: approved money of the activities that are approved, ongoing or completed,
    // and what was paid on all of them net of recoveries.
    const [sums] = await query(
      `SELECT (SELECT coalesce(sum(approved_amount), 0) FROM activities WHERE year = ${year} AND status IN ('phe_duyet', 'dang_thuc_hien', 'hoan_thanh')) AS approved,
              (SELECT coalesce(sum(d.amount), 0) FROM disbursements d JOIN activities a USING (activity_id) WHERE a.year = ${year}) AS paid,
              (SELECT count(*) FROM activities WHERE year = ${year}) AS n`
    );
    const summary = await page.locator("main p", {hasText: `Năm ${year} có`}).textContent();
    expect(summary).toContain(`${formatNumber(Number(sums!.n))} hoạt động`);
    expect(summary).toContain(formatMoney(Number(sums!.approved)));
    expect(summary).toContain(formatMoney(Number(sums!.paid)));

    // Every activity is in the table, labelled (no raw codes), and personal fields never appear.
    const list = tableFigure(page, "Danh sách hoạt động");
    const ids = (await query(`SELECT activity_id FROM activities WHERE year = ${year} ORDER BY activity_id`)).map((r) => String(r.activity_id));
    expect(await firstColumn(list)).toEqual(ids);
    const text = (await page.locator("main").textContent()) ?? "";
    for (const code of ["dang_thuc_hien", "hoan_thanh", "may_moc_thiet_bi", "tu_van_thiet_ke"]) expect(text).not.toContain(code);
    const personal = await query(
      "SELECT DISTINCT v FROM (SELECT unnest([owner_name, phone, national_id]) AS v FROM establishments) WHERE v IS NOT NULL AND length(v) >= 4"
    );
    for (const {v} of personal) expect(text).not.toContain(String(v));
    await page.close();
  });

  it("counts each target's achieved output from completed activities and rates it against the range", async () => {
    const {page, errors} = await site.open("/hoat-dong", {waitFor: "main table", noScreenshot: true});
    const targets = await query(
      `SELECT t.indicator, t.description, t.target_min, t.target_max,
              coalesce(sum(a.output_qty) FILTER (WHERE a.status = 'hoan_thanh'), 0) AS achieved,
              coalesce(sum(a.output_qty) FILTER (WHERE a.status IN ('phe_duyet', 'dang_thuc_hien')), 0) AS in_progress
         FROM plan_targets t LEFT JOIN activities a ON a.year = t.year AND a.indicator = t.indicator
        WHERE t.year = ${year}
        GROUP BY ALL`
    );
    expect(targets.length).toBeGreaterThan(0);
    const figure = tableFigure(page, "Kết quả so với chỉ tiêu");
    const rows = figure.locator("tbody tr");
    expect(await rows.count()).toBe(targets.length);
    const verdicts = new Set<string>();
    for (const t of targets) {
      const achieved = Number(t.achieved);
      const verdict = achieved < Number(t.target_min) ? "Chưa đạt" : achieved > Number(t.target_max) ? "Vượt" : "Đạt";
      verdicts.add(verdict);
      const cells = (await rows.filter({has: page.locator("td:first-child", {hasText: String(t.description)})}).first().locator("td").allTextContents()).map((c) => c.trim());
      expect(cells[3]).toBe(formatNumber(achieved));
      expect(cells[4]).toBe(formatNumber(Number(t.in_progress)));
      expect(cells[5]).toBe(verdict);
    }
    // The bullet chart carries the same verdicts.
    const chartText = (await page.locator("main svg").allTextContents()).join(" ");
    for (const verdict of verdicts) expect(chartText).toContain(`${verdict}: `);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("filters the table by status and by text, and the CSV download has exactly the rows shown", async () => {
    const {page, errors} = await site.open("/hoat-dong", {waitFor: "main table", noScreenshot: true});
    const list = tableFigure(page, "Danh sách hoạt động");
    const done = (await query(`SELECT activity_id FROM activities WHERE year = ${year} AND status = 'hoan_thanh' ORDER BY activity_id`)).map((r) => String(r.activity_id));
    expect(done.length).toBeGreaterThan(0);

    await page.getByLabel("Trạng thái", {exact: true}).selectOption({label: "Hoàn thành"});
    await expect.poll(() => firstColumn(list)).toEqual(done);
    expect(await page.locator("#kc-activity-count").textContent()).toContain(`${formatNumber(done.length)} / `);

    const csv = await downloadCsv(page, list);
    expect(csv[0]!.slice(0, 6)).toEqual(["Mã", "Tên hoạt động", "Nhóm nội dung", "Cơ sở", "Cấp", "Trạng thái"]);
    expect(csv.slice(1).map((r) => r[0])).toEqual(done);
    expect(new Set(csv.slice(1).map((r) => r[5]))).toEqual(new Set(["Hoàn thành"]));
    // Full labels in the file even where the screen shows a short one.
    const [first] = await query(`SELECT content_group, level, approved_amount FROM activities WHERE activity_id = '${done[0]}'`);
    expect(csv[1]![2]).toBe(codeLabel("content_group", String(first!.content_group)));
    expect(csv[1]![4]).toBe(codeLabel("level", String(first!.level)));
    expect(csv[1]![6]).toBe(String(first!.approved_amount));

    // Text search within the status filter, typed without diacritics: every word must occur in
    // the code, title or facility name (case and diacritics folded).
    const completed = await query(
      `SELECT a.activity_id, a.title, e.name FROM activities a LEFT JOIN establishments e USING (establishment_id)
        WHERE a.year = ${year} AND a.status = 'hoan_thanh' ORDER BY a.activity_id`
    );
    const named = completed.find((r) => r.name) ?? completed[0]!;
    const typed = foldKey(String(named.name ?? named.title)).split(" ").slice(0, 3).join(" ");
    const matches = completed
      .filter((r) => typed.split(" ").every((w) => foldKey(`${r.activity_id} ${r.title} ${r.name ?? ""}`).includes(w)))
      .map((r) => String(r.activity_id));
    expect(matches).toContain(String(named.activity_id));
    await page.getByLabel("Tìm", {exact: true}).fill(typed);
    await expect.poll(() => firstColumn(list)).toEqual(matches);
    await page.getByLabel("Trạng thái", {exact: true}).selectOption({label: "Tất cả"});
    await page.getByLabel("Tìm", {exact: true}).fill("");
    const all = await query(`SELECT count(*) AS n FROM activities WHERE year = ${year}`);
    await expect.poll(async () => (await firstColumn(list)).length).toBe(Number(all[0]!.n));
    expect(errors).toEqual([]);
    await page.close();
  });
});
