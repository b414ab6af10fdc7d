// Kế hoạch – Thực hiện: the budget table in the plan's shape equals the warehouse (plan_vs_actual)
// to the đồng, a drill-down reaches a line's activities and an activity's vouchers, the table
// downloads as CSV, filters apply, and no personal field reaches the page's data.
import {readFileSync, readdirSync} from "node:fs";
import path from "node:path";
import {describe, expect, it} from "vitest";
import {formatMoney, formatNumber} from "../../src/lib/format.js";
import type {Row} from "../../src/lib/warehouse/json.js";
import {distDir} from "../scripts/build.js";
import {screenshotDir, useSite} from "./harness.js";
import {useTestWarehouse} from "./warehouse.js";

const site = useSite();

/** Expected figures are computed from the test site's warehouse (read-only). */
const query = useTestWarehouse();

interface LineRow extends Row {
  line_no: number;
  planned_amount: number;
  approved_amount: number;
  disbursed_amount: number;
  remaining_amount: number;
}

const PLAN_YEAR = "(SELECT max(year) FROM plan_lines)";

describe("Kế hoạch – Thực hiện", () => {
  it("opens without errors or outside requests, the budget table equal to plan_vs_actual to the đồng", async () => {
    const {page, errors, outsideRequests} = await site.open("/ke-hoach-thuc-hien", {waitFor: ".kc-budget-table table"});
    expect(errors).toEqual([]);
    expect(outsideRequests).toEqual([]);
    expect(await page.locator("main").textContent()).toContain("ĐVT: Đồng");
    const headers = (await page.locator(".kc-budget-table thead th").allTextContents()).map((t) => t.trim());
    expect(headers).toEqual([
      "STT",
      "Nội dung hỗ trợ",
      "Số lượng",
      "Kinh phí hỗ trợ",
      "Tổng kinh phí (kế hoạch)",
      "Đã phê duyệt",
      "Đã giải ngân",
      "Còn lại",
      "Tỷ lệ phê duyệt",
      "Tỷ lệ giải ngân"
    ]);

    const lines = await query<LineRow>(
      `SELECT line_no, planned_amount, approved_amount, disbursed_amount, remaining_amount FROM plan_vs_actual WHERE year = ${PLAN_YEAR} ORDER BY line_no`
    );
    expect(lines.length).toBeGreaterThan(0);
    const body = await page.locator(".kc-budget-table tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
    expect(body.map((cells) => cells[0])).toEqual(lines.map((l) => String(l.line_no)));
    for (const [i, l] of lines.entries()) {
      expect(body[i]!.slice(4, 8)).toEqual([l.planned_amount, l.approved_amount, l.disbursed_amount, l.remaining_amount].map((v) => formatNumber(v)));
    }

    const [sum] = await query<{planned: number; approved: number; disbursed: number; remaining: number}>(
      `SELECT CAST(sum(planned_amount) AS BIGINT) AS planned, CAST(sum(approved_amount) AS BIGINT) AS approved,
              CAST(sum(disbursed_amount) AS BIGINT) AS disbursed, CAST(sum(remaining_amount) AS BIGINT) AS remaining
         FROM plan_vs_actual WHERE year = ${PLAN_YEAR}`
    );
    const total = (await page.locator(".kc-budget-table tfoot tr td").allTextContents()).map((t) => t.trim());
    expect(total[1]).toBe("TỔNG CỘNG");
    expect(total.slice(4, 8)).toEqual([sum!.planned, sum!.approved, sum!.disbursed, sum!.remaining].map((v) => formatNumber(v)));
    await page.close();
  });

  it("drills down from a budget line to its activities, then to an activity's vouchers", async () => {
    // The first activity on a plan line that has vouchers, and those vouchers.
    const [target] = await query<{line_no: number; activity_id: string}>(
      `SELECT a.line_no, a.activity_id FROM activities a
        WHERE a.year = ${PLAN_YEAR} AND a.line_no IS NOT NULL AND EXISTS (SELECT 1 FROM disbursements d WHERE d.activity_id = a.activity_id)
        ORDER BY a.line_no, a.activity_id LIMIT 1`
    );
    expect(target).toBeDefined();
    const expected = await query<{voucher_no: string; amount: number}>(
      `SELECT voucher_no, amount FROM disbursements WHERE activity_id = '${target!.activity_id}' ORDER BY paid_on, voucher_no`
    );
    const lineActivities = await query<{activity_id: string}>(
      `SELECT activity_id FROM activities WHERE year = ${PLAN_YEAR} AND line_no = ${target!.line_no} ORDER BY activity_id`
    );

    const {page, errors} = await site.open("/ke-hoach-thuc-hien", {waitFor: ".kc-budget-table table", noScreenshot: true});
    // The page draws from the money summed up; the activities and vouchers come at the first click.
    // Proved by breaking it once: the page fetching plan-activities.json at load failed it.
    const fetched = () => page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name.replace(/.*\/data\/([a-z-]+)\..*/, "$1")));
    expect(await fetched()).not.toContain("plan-activities");
    expect(await fetched()).not.toContain("plan-vouchers");
    const stt = await page.locator(".kc-budget-table tbody tr td:first-child").allTextContents();
    await page.locator(".kc-budget-table tbody tr").nth(stt.indexOf(String(target!.line_no))).click();
    const drill = page.locator("#hoat-dong-cua-dong");
    await drill.waitFor({state: "visible"});
    expect(await fetched()).toContain("plan-activities");
    expect(await drill.locator("h3").first().textContent()).toContain(`Dòng ${target!.line_no}`);
    expect((await drill.locator("tbody tr td:first-child").allTextContents()).sort()).toEqual(lineActivities.map((a) => a.activity_id));

    const ids = await drill.locator("tbody tr td:first-child").allTextContents();
    await drill.locator("tbody tr").nth(ids.indexOf(target!.activity_id)).click();
    const panel = page.locator(`#chung-tu-cua-hoat-dong[data-activity="${target!.activity_id}"]`);
    await panel.waitFor({state: "visible"});
    expect(await panel.locator("tbody tr td:first-child").allTextContents()).toEqual(expected.map((v) => v.voucher_no));
    const amounts = await panel.locator("tbody tr td:nth-child(3)").allTextContents();
    expected.forEach((v, i) => expect(amounts[i]).toContain(formatMoney(v.amount)));
    expect(await panel.locator("tfoot td:nth-child(3)").textContent()).toContain(formatMoney(expected.reduce((s, v) => s + v.amount, 0)));
    await page.screenshot({path: path.join(screenshotDir, "ke-hoach-thuc-hien-chi-tiet.png"), fullPage: true});
    expect(errors).toEqual([]);
    await page.close();
  });

  it("downloads the budget table as CSV with a BOM, one row per line and the total", async () => {
    const [count] = await query<{n: number}>(`SELECT count(*) AS n FROM plan_lines WHERE year = ${PLAN_YEAR}`);
    const {page, errors} = await site.open("/ke-hoach-thuc-hien", {waitFor: ".kc-budget-table table", noScreenshot: true});
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.locator(".kc-budget-table .kc-download").getByRole("button", {name: "CSV"}).click()
    ]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = bytes.toString("utf8").slice(1).split("\r\n").filter((l) => l !== "");
    expect(rows[0]).toBe(
      "STT;Nội dung hỗ trợ;Số lượng;Kinh phí hỗ trợ;Tổng kinh phí (kế hoạch);Đã phê duyệt;Đã giải ngân;Còn lại;Tỷ lệ phê duyệt;Tỷ lệ giải ngân"
    );
    expect(rows.length).toBe(1 + count!.n + 1);
    expect(rows.at(-1)).toMatch(/^;TỔNG CỘNG;;;\d+;\d+;-?\d+;-?\d+;/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("filters: a province-level choice empties the commune table and keeps the province section", async () => {
    const higher = await query<{activity_id: string}>(
      `SELECT activity_id FROM activities WHERE year = ${PLAN_YEAR} AND line_no IS NULL AND level = 'tinh' ORDER BY activity_id`
    );
    const {page, errors} = await site.open("/ke-hoach-thuc-hien", {waitFor: ".kc-budget-table table", noScreenshot: true});
    await page.getByLabel("Cấp", {exact: true}).selectOption({label: "Khuyến công tỉnh"});
    await page.waitForFunction(() => document.querySelectorAll(".kc-budget-table tbody tr").length === 0);
    expect(await page.locator("main").textContent()).toContain("Không có dòng kinh phí kế hoạch nào theo bộ lọc đang chọn.");
    const section = page.locator("#hoat-dong-tinh-trung-uong");
    expect((await section.locator("tbody tr td:first-child").allTextContents()).sort()).toEqual(higher.map((a) => a.activity_id));
    expect(errors).toEqual([]);
    await page.close();
  });

  // Proved by breaking it once: site_plan_cells matching the payments to cells without the former commune failed it.
  it("filters by former commune: each line's approved and paid money is that of the facilities of that commune, from the activities and vouchers themselves", async () => {
    const expected = await query<{former_unit: string; line_no: number; approved: number; disbursed: number}>(
      `WITH own AS (
         SELECT a.*, e.former_unit FROM activities a JOIN establishments e USING (commune_code, establishment_id) WHERE a.year = ${PLAN_YEAR}
       ), unit AS (
         SELECT former_unit FROM own WHERE line_no IS NOT NULL GROUP BY former_unit ORDER BY count(*) DESC, former_unit LIMIT 1
       )
       SELECT unit.former_unit, l.line_no,
              CAST(coalesce((SELECT sum(o.approved_amount) FROM own o WHERE o.line_no = l.line_no AND o.former_unit = unit.former_unit
                                AND o.status IN ('phe_duyet', 'dang_thuc_hien', 'hoan_thanh')), 0) AS BIGINT) AS approved,
              CAST(coalesce((SELECT sum(d.amount) FROM disbursements d JOIN own o ON o.commune_code = d.commune_code AND o.activity_id = d.activity_id AND o.year = d.plan_year
                              WHERE o.line_no = l.line_no AND o.former_unit = unit.former_unit), 0) AS BIGINT) AS disbursed
         FROM plan_lines l, unit WHERE l.year = ${PLAN_YEAR} ORDER BY l.line_no`
    );
    const unit = expected[0]!.former_unit;
    const {page, errors} = await site.open("/ke-hoach-thuc-hien", {waitFor: ".kc-budget-table table", noScreenshot: true});
    await page.getByLabel("Xã cũ", {exact: true}).selectOption({label: unit});
    await page.getByText(`cơ sở thuộc xã cũ ${unit}`).first().waitFor();
    const body = await page.locator(".kc-budget-table tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
    expect(body.map((cells) => [cells[0], cells[5], cells[6]])).toEqual(expected.map((l) => [String(l.line_no), formatNumber(l.approved), formatNumber(l.disbursed)]));
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the page's data files carry no personal field", () => {
    const dataDir = path.join(distDir, "_file", "data");
    const files = readdirSync(dataDir).filter((f) => /^(plan-|overview)/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      const text = readFileSync(path.join(dataDir, file), "utf8");
      for (const key of ["owner_name", "phone", "national_id"]) expect(text).not.toContain(`"${key}"`);
      for (const value of ["Phạm Kiểm Thử", "0909000111", "044000111222"]) expect(text).not.toContain(value);
    }
  });
});
