// Cơ sở CNNT (src/co-so.md): the register and a facility's support history equal the test
// warehouse (read-only, base tables, not the page's views; nothing hard-coded); search folds
// diacritics and tone placement; hostile names show literally and run nothing; no personal value.
import type {Locator, Page} from "playwright-core";
import {describe, expect, it} from "vitest";
import {codeLabel} from "../../src/lib/contract/codes.js";
import {formatMoney, formatNumber} from "../../src/lib/format.js";
import {foldKey} from "../../src/lib/parse/text.js";
import {shardOf} from "../../src/lib/columns.js";
import {FACILITY_SUPPORT_SHARDS} from "../../src/data/facility-supports.js";
import {tableWidths, useSite} from "./harness.js";
import {useTestWarehouse} from "./warehouse.js";

const site = useSite();
const query = useTestWarehouse();
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

function register(page: Page): Locator {
  return page.locator("figure.kc-facility-table");
}

async function registerIds(page: Page): Promise<string[]> {
  return (await register(page).locator("tbody tr td:first-child").allTextContents()).map((t) => t.trim());
}

async function search(page: Page, text: string, expected: readonly string[]): Promise<void> {
  await page.getByLabel("Tìm cơ sở").fill(text);
  await expect.poll(async () => (await registerIds(page)).sort(), {message: `search "${text}"`}).toEqual([...expected].sort());
}

/** The facility-support shards the page fetched, by number. */
async function fetchedShards(page: Page): Promise<number[]> {
  const names = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
  return names.flatMap((u) => /facility-supports-(\d+)\./.exec(u)?.[1] ?? []).map(Number).sort();
}

/** The cell texts of every body row of the detail table with this caption. */
async function detailRows(page: Page, caption: string): Promise<string[][]> {
  const figure = page.locator(".kc-facility-detail figure.kc-table-figure").filter({has: page.locator("caption", {hasText: caption})});
  return figure.locator("tbody tr").evaluateAll((rows) => rows.map((tr) => [...(tr as HTMLTableRowElement).cells].map((td) => td.textContent ?? "")));
}

describe("Cơ sở CNNT", () => {
  it("lists every facility of the warehouse, with cards and charts, no error and nothing fetched outside", async () => {
    const {page, errors, outsideRequests} = await site.open("/co-so", {waitFor: "main figure.kc-facility-table table"});
    expect(errors).toEqual([]);
    expect(outsideRequests).toEqual([]);
    expect(await page.locator("main h1").first().textContent()).toContain("Cơ sở công nghiệp nông thôn");
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    const ids = (await query("SELECT establishment_id FROM establishments ORDER BY establishment_id")).map((r) => String(r.establishment_id));
    expect((await registerIds(page)).sort()).toEqual(ids);
    expect(await page.locator("main .card .big").first().textContent()).toBe(formatNumber(ids.length));
    expect(await page.locator("main .card svg").count()).toBeGreaterThanOrEqual(3);
    // personal values never reach the page: neither its HTML nor the JSON it loaded
    const personal = (
      await query("SELECT DISTINCT v FROM (SELECT unnest([owner_name, phone, national_id]) AS v FROM establishments) WHERE v IS NOT NULL AND length(v) >= 4")
    ).map((r) => String(r.v).normalize("NFC"));
    expect(personal.length).toBeGreaterThan(0);
    const html = (await page.content()).normalize("NFC");
    const json = await page.evaluate(async () => {
      const urls = performance.getEntriesByType("resource").map((e) => e.name).filter((u) => u.includes("/_file/") && u.endsWith(".json"));
      return (await Promise.all(urls.map((u) => fetch(u).then((r) => r.text())))).join("\n");
    });
    expect(json).toContain("establishment_id");
    for (const v of personal) {
      expect(html.includes(v), `page HTML holds a personal value`).toBe(false);
      expect(json.normalize("NFC").includes(v), `loaded JSON holds a personal value`).toBe(false);
    }
    await page.close();
  });

  it("search ignores diacritics and tone placement: 'hoa binh' finds the facility named Hoà/Hòa Bình", async () => {
    const names = (await query("SELECT establishment_id, name, village, former_unit, main_products FROM establishments")).map((r) => ({
      id: String(r.establishment_id),
      name: String(r.name),
      text: foldKey([r.establishment_id, r.name, r.village, r.former_unit, r.main_products].filter((v) => v != null).join(" | "))
    }));
    const target = names.find((n) => ["Hoà Bình", "Hòa Bình"].some((s) => n.name.normalize("NFC").includes(s)));
    expect(target, "the test register has a facility named Hoà Bình / Hòa Bình").toBeDefined();
    const expected = names.filter((n) => n.text.includes("hoa") && n.text.includes("binh")).map((n) => n.id).sort();

    const {page, errors} = await site.open("/co-so", {waitFor: "main figure.kc-facility-table table", noScreenshot: true});
    expect(expected).toContain(target!.id);
    expect(expected.length).toBeLessThan(names.length);
    for (const typed of ["hoa binh", "Hòa Bình", "Hoà Bình", "HOÀ BÌNH"]) await search(page, typed, expected);
    expect(await page.locator("#kc-facility-count").textContent()).toContain(`${formatNumber(expected.length)} / ${formatNumber(names.length)}`);
    await search(page, "", names.map((n) => n.id));
    expect(errors).toEqual([]);
    await page.close();
  });

  it("filters by kind, sector and former commune", async () => {
    const [row] = await query("SELECT kind, count(*) AS n FROM establishments GROUP BY kind ORDER BY n DESC, kind LIMIT 1");
    const {page, errors} = await site.open("/co-so", {waitFor: "main figure.kc-facility-table table", noScreenshot: true});
    await page.getByLabel("Loại hình", {exact: true}).selectOption({label: codeLabel("kind", String(row!.kind))});
    await expect.poll(async () => (await registerIds(page)).length).toBe(Number(row!.n));
    const kinds = await register(page).locator("tbody tr td:nth-child(3)").allTextContents();
    expect(new Set(kinds)).toEqual(new Set([codeLabel("kind", String(row!.kind))]));
    await page.getByLabel("Loại hình", {exact: true}).selectOption({label: "Tất cả"});
    const [unit] = await query("SELECT former_unit, count(*) AS n FROM establishments WHERE former_unit IS NOT NULL GROUP BY ALL ORDER BY n, former_unit LIMIT 1");
    await page.getByLabel("Xã cũ", {exact: true}).selectOption({label: String(unit!.former_unit)});
    await expect.poll(async () => (await registerIds(page)).length).toBe(Number(unit!.n));
    const [sector] = await query("SELECT sector, count(*) AS n FROM establishments GROUP BY ALL ORDER BY n DESC, sector LIMIT 1");
    await page.getByLabel("Xã cũ", {exact: true}).selectOption({label: "Tất cả"});
    await page.getByLabel("Ngành nghề", {exact: true}).selectOption({label: codeLabel("sector", String(sector!.sector))});
    await expect.poll(async () => (await registerIds(page)).length).toBe(Number(sector!.n));
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows facilities named with markup literally, in the table and in the detail, and runs nothing", async () => {
    const hostile = (await query("SELECT establishment_id, name FROM establishments WHERE name LIKE '%<%' ORDER BY establishment_id")).map((r) => ({
      id: String(r.establishment_id),
      name: String(r.name)
    }));
    expect(hostile.map((h) => h.name)).toContain("<img src=x onerror=alert(1)>");
    expect(hostile.map((h) => h.id)).toContain("KT901");
    const {page, errors} = await site.open("/co-so", {waitFor: "main figure.kc-facility-table table", noScreenshot: true});
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    for (const h of hostile) {
      const row = register(page).locator("tbody tr").filter({has: page.locator("td:first-child", {hasText: new RegExp(`^${h.id}$`)})});
      expect(await row.locator("td:nth-child(2)").textContent()).toBe(h.name);
      await row.click();
      await expect.poll(async () => (await page.locator(".kc-facility-detail h3").textContent()) ?? "").toContain(h.id);
      expect(await page.locator(".kc-facility-detail h3 span:last-child").textContent()).toBe(h.name);
      expect(await page.getByLabel("Cơ sở", {exact: true}).locator("option:checked").textContent()).toBe(`${h.id} · ${h.name}`);
    }
    await page.waitForTimeout(300);
    expect(await page.locator("main img").count()).toBe(0);
    expect(await page.locator("main b").count()).toBe(0);
    const village = await query("SELECT village FROM establishments WHERE establishment_id = 'KT901'");
    const kt901 = register(page).locator("tbody tr").filter({has: page.locator("td:first-child", {hasText: /^KT901$/})});
    expect(await kt901.locator("td:nth-child(5)").textContent()).toBe(String(village[0]!.village));
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a facility's support history equals the warehouse: its projects and its plan-year activities", async () => {
    const [top] = await query(
      `SELECT establishment_id, count(*) AS n FROM (
         SELECT establishment_id FROM projects UNION ALL SELECT establishment_id FROM activities
       ) WHERE establishment_id IS NOT NULL GROUP BY ALL ORDER BY n DESC, establishment_id LIMIT 1`
    );
    const id = String(top!.establishment_id);
    const projects = await query(
      `SELECT year, title, level, content_group, support_amount, counterpart_amount, jobs_created, result, project_id
         FROM projects WHERE establishment_id = ${lit(id)} ORDER BY year, project_id`
    );
    const activities = await query(
      `SELECT a.year, a.title, a.content_group, a.level, a.status, a.approved_amount,
              (SELECT coalesce(sum(d.amount), 0) FROM disbursements d WHERE d.activity_id = a.activity_id) AS paid, a.activity_id
         FROM activities a WHERE a.establishment_id = ${lit(id)} ORDER BY a.year, a.activity_id`
    );
    const committed = new Set(["phe_duyet", "dang_thuc_hien", "hoan_thanh"]);
    const counted = [...projects.map((p) => ({year: Number(p.year), amount: Number(p.support_amount)})), ...activities.filter((a) => committed.has(String(a.status))).map((a) => ({year: Number(a.year), amount: Number(a.approved_amount ?? 0)}))];

    const {page, errors} = await site.open(`/co-so#${id}`, {waitFor: ".kc-facility-detail h3", name: "co-so"});
    expect(await page.locator(".kc-facility-detail h3").textContent()).toContain(id);
    const money = (v: unknown) => (v == null ? "" : formatMoney(Number(v)));
    const count = (v: unknown) => (v == null ? "" : formatNumber(Number(v)));
    expect(await detailRows(page, "Đề án đã hỗ trợ")).toEqual(
      projects.map((p) => [
        String(p.year),
        String(p.title),
        codeLabel("level", String(p.level)),
        codeLabel("content_group", String(p.content_group)),
        money(p.support_amount),
        money(p.counterpart_amount),
        count(p.jobs_created),
        p.result == null ? "" : String(p.result),
        String(p.project_id)
      ])
    );
    expect(await detailRows(page, "Hoạt động trong năm kế hoạch")).toEqual(
      activities.map((a) => [
        String(a.year),
        String(a.title),
        codeLabel("content_group", String(a.content_group)),
        codeLabel("level", String(a.level)),
        codeLabel("status", String(a.status)),
        money(a.approved_amount),
        money(a.paid),
        String(a.activity_id)
      ])
    );
    // the register's row: number of supports, total and latest year
    const row = register(page).locator("tbody tr").filter({has: page.locator("td:first-child", {hasText: new RegExp(`^${id}$`)})});
    const cells = await row.locator("td").allTextContents();
    // Mã, Tên cơ sở, Loại hình, Ngành nghề, Thôn, Xã cũ, Số lần được hỗ trợ, Tổng hỗ trợ, Lần gần nhất, …
    expect(cells[6]).toBe(formatNumber(counted.length));
    expect(cells[7]).toBe(formatMoney(counted.reduce((s, c) => s + c.amount, 0)));
    expect(cells[8]).toBe(counted.length ? String(Math.max(...counted.map((c) => c.year))) : "");
    // Both history tables fit a 1280-pixel screen: no column (the project's id last) hidden sideways.
    for (const [figure, w] of Object.entries(await tableWidths(page, ["kc-facility-projects", "kc-facility-activities"]))) expect(w.table, figure).toBeLessThanOrEqual(w.box);
    expect(errors).toEqual([]);
    await page.close();
  });

  // Mutation: the 4–5 star count summed over 5 stars only (src/data/establishments.ts) made this fail.
  it("cards and charts give the register's totals (summed in the warehouse) as the base table does", async () => {
    const [t] = await query(
      `SELECT count(*) AS n, coalesce(sum(workers), 0) AS workers, count(workers) AS with_workers,
              count(*) FILTER (WHERE ocop_stars >= 3) AS ocop3, count(*) FILTER (WHERE ocop_stars >= 4) AS ocop4
         FROM establishments`
    );
    const sectors = await query("SELECT sector, count(*) AS n FROM establishments GROUP BY ALL");
    const stars = await query("SELECT ocop_stars AS s, count(*) AS n FROM establishments WHERE ocop_stars > 0 GROUP BY ALL");
    const {page, errors} = await site.open("/co-so", {waitFor: "main .card svg", noScreenshot: true});
    const cards = page.locator("main .card");
    expect(await cards.nth(1).locator(".big").textContent()).toBe(formatNumber(Number(t!.workers)));
    expect(await cards.nth(1).textContent()).toContain(`bình quân ${formatNumber(Number(t!.workers) / Number(t!.with_workers), 1)} người`);
    expect(await cards.nth(2).locator(".big").textContent()).toBe(formatNumber(Number(t!.ocop3)));
    expect(await cards.nth(2).textContent()).toContain(`${formatNumber(Number(t!.ocop4))} cơ sở có sản phẩm 4–5 sao`);
    const labels = await page.locator("main .card svg[role=img]").evaluateAll((svgs) => svgs.map((s) => s.getAttribute("aria-label") ?? ""));
    const bySector = labels.find((l) => l.startsWith("Biểu đồ số cơ sở theo ngành nghề"))!;
    for (const r of sectors) expect(bySector).toContain(`${codeLabel("sector", String(r.sector))} ${formatNumber(Number(r.n))} cơ sở`);
    const ocop = labels.find((l) => l.startsWith("Biểu đồ cơ sở có sản phẩm OCOP"))!;
    for (const r of stars) expect(ocop).toContain(`${Number(r.s)} sao ${formatNumber(Number(r.n))} cơ sở`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("fetches one shard of support histories: the shown facility's, then another facility's on a click", async () => {
    const ids = (await query("SELECT DISTINCT establishment_id FROM activities WHERE establishment_id IS NOT NULL ORDER BY 1")).map((r) => String(r.establishment_id));
    const first = ids[0]!;
    const other = ids.find((id) => shardOf(id, FACILITY_SUPPORT_SHARDS) !== shardOf(first, FACILITY_SUPPORT_SHARDS));
    expect(other, "the test warehouse has facilities with activities in two shards").toBeDefined();
    const {page, errors} = await site.open(`/co-so#${first}`, {waitFor: ".kc-facility-detail h3", noScreenshot: true});
    // Mutation: every shard fetched at once (the page looping over the shards) made this fail.
    expect(await fetchedShards(page)).toEqual([shardOf(first, FACILITY_SUPPORT_SHARDS)]);
    const titles = (await query(`SELECT title FROM activities WHERE establishment_id = ${lit(other!)} ORDER BY year, activity_id`)).map((r) => String(r.title));
    await register(page).locator("tbody tr").filter({has: page.locator("td:first-child", {hasText: new RegExp(`^${other}$`)})}).click();
    await expect.poll(async () => (await detailRows(page, "Hoạt động trong năm kế hoạch")).map((r) => r[1])).toEqual(titles);
    expect(await fetchedShards(page)).toEqual([first, other!].map((id) => shardOf(id, FACILITY_SUPPORT_SHARDS)).sort());
    expect(errors).toEqual([]);
    await page.close();
  });
});
