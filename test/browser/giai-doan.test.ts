// Giai đoạn (src/giai-doan.md; the menu names its years): the figures on the page equal the test
// warehouse. Expected values are computed here from the warehouse's table `projects` (read-only),
// not from the page's views, and written with src/lib/format.ts; nothing is hard-coded.
import {readFileSync} from "node:fs";
import Papa from "papaparse";
import type {Locator, Page} from "playwright-core";
import {beforeAll, describe, expect, it} from "vitest";
import {codeLabel} from "../../src/lib/contract/codes.js";
import {nameKey} from "../../src/lib/parse/text.js";
import {formatDate, formatMoney, formatNumber} from "../../src/lib/format.js";
import {useSite} from "./harness.js";
import {useTestWarehouse} from "./warehouse.js";

const site = useSite();

/** Rows of a query on a private copy of the test warehouse (read-only), BIGINTs as numbers. */
const query = useTestWarehouse() as (sql: string) => Promise<Record<string, unknown>[]>;


interface Project {
  project_id: string;
  year: number;
  level: string;
  establishment_id: string | null;
  establishment_name: string | null;
  support_amount: number;
  counterpart_amount: number | null;
  jobs_created: number | null;
}
let projects: Project[] = [];

/** A facility: its id, or its name folded as the ingest matches names; none for a project without one. */
const facilityOf = (p: Project) => p.establishment_id ?? (p.establishment_name ? `ten:${nameKey(p.establishment_name)}` : null);

beforeAll(async () => {
  projects = (await query(
    "SELECT project_id, year, level, establishment_id, establishment_name, support_amount, counterpart_amount, jobs_created FROM projects ORDER BY year, project_id"
  )) as unknown as Project[];
});



const sum = (list: Project[], f: (p: Project) => number | null) => list.reduce((s, p) => s + (f(p) ?? 0), 0);

function tableFigure(page: Page, caption: string): Locator {
  return page.locator("figure.kc-table-figure").filter({has: page.locator("caption", {hasText: caption})});
}

describe("Giai đoạn (history page)", () => {
  it("shows the period's cards and the support per year and level as in the warehouse, with no error and nothing fetched outside", async () => {
    const {page, errors, outsideRequests} = await site.open("/giai-doan", {waitFor: "main table"});
    expect(errors).toEqual([]);
    expect(outsideRequests).toEqual([]);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    expect(projects.length).toBeGreaterThan(0);

    const card = (id: string) => page.locator(`.card[data-kpi="${id}"]`);
    const support = sum(projects, (p) => p.support_amount);
    const counterpart = sum(projects, (p) => p.counterpart_amount);
    const facilities = new Set(projects.map(facilityOf).filter((f) => f !== null));
    expect(await card("projects").locator(".big").textContent()).toBe(formatNumber(projects.length));
    expect(await card("support").textContent()).toContain(formatMoney(support));
    expect(await card("counterpart").textContent()).toContain(formatMoney(counterpart));
    expect(await card("leverage").locator(".big").textContent()).toBe(`${formatNumber(counterpart / support, 2)} đồng`);
    expect(await card("jobs").locator(".big").textContent()).toBe(`${formatNumber(sum(projects, (p) => p.jobs_created))} người`);
    expect(await card("facilities").locator(".big").textContent()).toBe(formatNumber(facilities.size));

    // Each bar segment of the stacked chart (its tooltip) carries the year's support of that level.
    const titles = await page.locator("main svg title").allTextContents();
    const pairs = new Map<string, Project[]>();
    for (const p of projects) pairs.set(`${p.year}|${p.level}`, [...(pairs.get(`${p.year}|${p.level}`) ?? []), p]);
    for (const [key, list] of pairs) {
      const [y, level] = key.split("|");
      expect(titles).toContain(`Năm ${y}, ${codeLabel("level", level)}: ${formatMoney(sum(list, (p) => p.support_amount))} (${formatNumber(list.length)} đề án)`);
    }
    await page.close();
  });

  it("gives the support of 2022 and its counterpart leverage in the yearly table", async () => {
    const {page, errors} = await site.open("/giai-doan", {waitFor: "main table", noScreenshot: true});
    const year = projects.some((p) => p.year === 2022) ? 2022 : projects[0]!.year;
    const inYear = projects.filter((p) => p.year === year);
    const figure = tableFigure(page, "Kết quả theo năm");
    const cells = (await figure.locator("tbody tr").filter({has: page.locator("td:first-child", {hasText: String(year)})}).locator("td").allTextContents()).map((c) => c.trim());
    expect(cells[1]).toBe(formatNumber(inYear.length));
    expect(cells[3]).toBe(formatMoney(sum(inYear, (p) => p.support_amount)));
    expect(cells[4]).toBe(formatMoney(sum(inYear, (p) => p.counterpart_amount)));
    expect(cells[5]).toBe(formatNumber(sum(inYear, (p) => p.counterpart_amount) / sum(inYear, (p) => p.support_amount), 2));
    expect(cells[6]).toBe(formatNumber(sum(inYear, (p) => p.jobs_created)));
    expect(errors).toEqual([]);
    await page.close();
  });

  it("lists the facilities supported more than once, with their count and total support", async () => {
    const {page, errors} = await site.open("/giai-doan", {waitFor: "main table", noScreenshot: true});
    const byFacility = new Map<string, Project[]>();
    for (const p of projects) {
      const f = facilityOf(p);
      if (f) byFacility.set(f, [...(byFacility.get(f) ?? []), p]);
    }
    const repeated = [...byFacility.values()].filter((list) => list.length > 1);
    const figure = tableFigure(page, "Cơ sở được hỗ trợ nhiều lần");
    expect(await figure.locator("tbody tr").count()).toBe(repeated.length);
    if (repeated.length > 0) {
      expect(await page.locator("#kc-repeat-count").textContent()).toContain(`Có ${formatNumber(repeated.length)} cơ sở được hỗ trợ từ 2 lần trở lên`);
      expect(await page.locator('.card[data-kpi="facilities"]').textContent()).toContain(`${formatNumber(repeated.length)} cơ sở được hỗ trợ từ 2 lần trở lên`);
      // The most supported facility heads the table with its count, years and total.
      const top = [...repeated].sort((a, b) => b.length - a.length || sum(b, (p) => p.support_amount) - sum(a, (p) => p.support_amount))[0]!;
      const cells = (await figure.locator("tbody tr").first().locator("td").allTextContents()).map((c) => c.trim());
      expect(cells[3]).toBe(formatNumber(top.length));
      expect(cells[4]).toBe([...new Set(top.map((p) => p.year))].sort().join(", "));
      expect(cells[6]).toBe(formatMoney(sum(top, (p) => p.support_amount)));
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it("filters the list of projects by year, and its CSV download has exactly those projects", async () => {
    const {page, errors} = await site.open("/giai-doan", {waitFor: "main table", noScreenshot: true});
    const year = projects.some((p) => p.year === 2022) ? 2022 : projects[0]!.year;
    const expected = projects.filter((p) => p.year === year).map((p) => p.project_id);
    const list = tableFigure(page, "Danh sách đề án");
    await page.getByLabel("Năm", {exact: true}).selectOption({label: String(year)});
    await expect.poll(async () => (await list.locator("tbody tr td:first-child").allTextContents()).map((t) => t.trim())).toEqual(expected);
    expect(await page.locator("#kc-project-count").textContent()).toContain(
      `${formatNumber(expected.length)} / ${formatNumber(projects.length)} đề án, kinh phí hỗ trợ ${formatMoney(sum(projects.filter((p) => p.year === year), (p) => p.support_amount))}`
    );
    const [download] = await Promise.all([page.waitForEvent("download"), list.getByRole("button", {name: "CSV"}).click()]);
    const csv = Papa.parse<string[]>(readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "").trimEnd(), {delimiter: ";"}).data;
    expect(csv[0]!.slice(0, 3)).toEqual(["Mã đề án", "Năm", "Cấp"]);
    expect(csv.slice(1).map((r) => r[0])).toEqual(expected);
    expect(csv.slice(1).map((r) => Number(r[9]))).toEqual(projects.filter((p) => p.year === year).map((p) => p.support_amount));
    expect(errors).toEqual([]);
    await page.close();
  });

  // Mutation: the loader's date taken from the province's projects (level 'tinh') made this fail.
  it("dates the last district decision as the warehouse does", async () => {
    const [row] = await query("SELECT CAST(max(decision_date) AS VARCHAR) AS d FROM projects WHERE level = 'huyen'");
    expect(row!.d, "the test warehouse has district projects").toBeTruthy();
    const {page, errors} = await site.open("/giai-doan", {waitFor: "main table", noScreenshot: true});
    expect(await page.locator("main p.kc-note").filter({hasText: "Khuyến công huyện chỉ có đến"}).textContent()).toContain(
      `Quyết định hỗ trợ cấp huyện cuối cùng trong số liệu ghi ngày ${formatDate(String(row!.d))}.`
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});
