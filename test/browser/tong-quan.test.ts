// Tổng quan: the KPI cards show what the warehouse holds (expected figures computed here from the
// test site's warehouse, read-only, and written with src/lib/format.ts), the charts are drawn,
// the alerts come from the warnings table, and nothing is fetched from outside.
import {describe, expect, it} from "vitest";
import {formatMoney, formatMoneyShort, formatNumber, formatPercent, ratePercent} from "../../src/lib/format.js";
import type {Row} from "../../src/lib/warehouse/json.js";
import {useSite} from "./harness.js";
import {useTestWarehouse} from "./warehouse.js";

const site = useSite();

/** Expected figures are computed from the test site's warehouse (read-only). */
const query = useTestWarehouse();

const COMMITTED = "('phe_duyet', 'dang_thuc_hien', 'hoan_thanh')";

describe("Tổng quan", () => {
  it("opens without errors or outside requests and draws both charts", async () => {
    const {page, errors, outsideRequests} = await site.open("/", {waitFor: "main .card svg", name: "tong-quan"});
    expect(errors).toEqual([]);
    expect(outsideRequests).toEqual([]);
    expect(await page.locator("main .card svg[class^='plot']").count()).toBe(2);
    const [{n}] = (await query<{n: number}>("SELECT count(*) AS n FROM plan_lines WHERE year = (SELECT max(year) FROM plan_lines)")) as [{n: number}];
    // one bar label per budget line, and the even schedule said to be an assumption on the chart
    const svgText = await page.locator("main .card svg[class^='plot']").allTextContents();
    for (let i = 1; i <= n; i++) expect(svgText[0]).toContain(`${i}. `);
    expect(svgText[1]).toContain("giả định");
    await page.close();
  });

  it("shows the warehouse's planned, approved, disbursed, rate and facilities figures", async () => {
    const [k] = await query<{year: number; planned: number; approved: number; disbursed: number; lines: number}>(
      `SELECT year, CAST(sum(planned_amount) AS BIGINT) AS planned, CAST(sum(approved_amount) AS BIGINT) AS approved,
              CAST(sum(disbursed_amount) AS BIGINT) AS disbursed, count(*) AS lines
         FROM plan_vs_actual WHERE year = (SELECT max(year) FROM plan_lines) GROUP BY year`
    );
    expect(k).toBeDefined();
    const {year, planned, approved, disbursed} = k!;
    // facilities: targets counted in "cơ sở", activities approved or further (not cancelled) counted toward them
    const [t] = await query<{min: number; max: number; supports: number; completed: number}>(
      `SELECT (SELECT sum(target_min) FROM plan_targets WHERE year = ${year} AND unit = 'cơ sở') AS min,
              (SELECT sum(target_max) FROM plan_targets WHERE year = ${year} AND unit = 'cơ sở') AS max,
              (SELECT coalesce(sum(a.output_qty), 0) FROM activities a JOIN plan_targets p USING (year, indicator)
                WHERE a.year = ${year} AND p.unit = 'cơ sở' AND a.status IN ${COMMITTED}) AS supports,
              (SELECT coalesce(sum(a.output_qty), 0) FROM activities a JOIN plan_targets p USING (year, indicator)
                WHERE a.year = ${year} AND p.unit = 'cơ sở' AND a.status = 'hoan_thanh') AS completed`
    );
    // the same date of the year before
    const [d] = await query<{as_of: string; prior: string; prior_plan: number | null; prior_projects: number; prior_local: number | null}>(
      `WITH r AS (SELECT data_as_of FROM ingest_runs ORDER BY started_at DESC LIMIT 1),
            c AS (SELECT least(greatest(data_as_of, make_date(${year}, 1, 1)), make_date(${year}, 12, 31)) AS as_of FROM r)
       SELECT c.as_of, CAST(c.as_of - INTERVAL 1 YEAR AS DATE) AS prior,
              (SELECT sum(total_amount) FROM plan_lines WHERE year = ${year - 1}) AS prior_plan,
              (SELECT count(*) FROM projects WHERE year = ${year - 1}) AS prior_projects,
              (SELECT sum(support_amount) FROM projects WHERE year = ${year - 1} AND level IN ('huyen', 'xa')
                 AND decision_date <= CAST(c.as_of - INTERVAL 1 YEAR AS DATE)) AS prior_local
         FROM c`
    );

    const {page, errors} = await site.open("/", {waitFor: "main .kc-kpi", noScreenshot: true});
    const card = (key: string) => page.locator(`main .kc-kpi[data-kpi="${key}"]`);
    const big = async (key: string) => (await card(key).locator(".big").textContent())?.trim();
    const text = async (key: string) => (await card(key).textContent()) ?? "";

    expect(await big("planned")).toBe(formatMoneyShort(planned));
    expect(await text("planned")).toContain(formatMoney(planned));
    expect(await big("approved")).toBe(formatMoneyShort(approved));
    expect(await text("approved")).toContain(`${formatMoney(approved)} · ${formatPercent(ratePercent(approved, planned))} kế hoạch`);
    expect(await big("disbursed")).toBe(formatMoneyShort(disbursed));
    expect(await text("disbursed")).toContain(formatMoney(disbursed));
    expect(await big("rate")).toBe(formatPercent(ratePercent(disbursed, planned)));
    if (t!.min !== null) {
      expect(await big("facilities")).toBe(`${formatNumber(t!.supports)} cơ sở`);
      expect(await text("facilities")).toContain(`Chỉ tiêu kế hoạch: ${formatNumber(t!.min)}–${formatNumber(t!.max)} cơ sở`);
      expect(await text("facilities")).toContain(`${formatNumber(t!.completed)} đã hoàn thành`);
    }

    const priorDate = `${d!.prior.slice(8, 10)}/${d!.prior.slice(5, 7)}/${year - 1}`;
    if (d!.prior_plan !== null) {
      expect(await text("planned")).toContain(`Kế hoạch năm ${year - 1}: ${formatMoneyShort(d!.prior_plan)}`);
    } else {
      // no plan the year before: said, not invented
      expect(await text("planned")).toContain(`Năm ${year - 1} chưa có kế hoạch kinh phí`);
      if (d!.prior_projects > 0) {
        expect(await text("approved")).toContain(`Cùng kỳ năm ${year - 1} (đến ${priorDate}, đề án khuyến công huyện, xã): ${formatMoneyShort(d!.prior_local ?? 0)}`);
        expect(await text("disbursed")).toContain("không có ngày chi");
        expect(await text("rate")).toContain("không có số cùng kỳ");
      }
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it("lists the budget warnings of the warehouse, most serious first, linked to Chất lượng dữ liệu", async () => {
    const alerts = await query<{message: string; priority: number}>(
      "SELECT message, priority FROM site_overview_alerts ORDER BY priority, source_file, source_line"
    );
    const messages = new Set((await query<{message: string}>("SELECT message FROM warnings")).map((w) => w.message));
    const {page, errors} = await site.open("/", {waitFor: "main .kc-alerts", noScreenshot: true});
    const shown = await page.locator("main .kc-alerts .kc-alert span").allTextContents();
    expect(shown).toEqual(alerts.slice(0, 6).map((a) => a.message));
    for (const message of shown) expect(messages.has(message)).toBe(true);
    if (alerts.length === 0) expect(await page.locator("main .kc-alerts-none").count()).toBe(1);
    expect(await page.locator('main .kc-alerts a[href="./chat-luong-du-lieu"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
