// The two report pages in Chromium: the draft plan follows the staff's envelope and quantity, and
// both Word documents (and the Excel tables) download from the pages with the figures shown.
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {afterAll, describe, expect, it} from "vitest";
import {useSite} from "../browser/harness.js";
import {formatNumber} from "../../src/lib/format.js";
import {paragraphs, tableRows, unzip} from "./docx-helpers.js";

const site = useSite();
const dir = mkdtempSync(join(tmpdir(), "kc-pages-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

async function download(page: Page, selector: string): Promise<{name: string; bytes: Buffer}> {
  const [file] = await Promise.all([page.waitForEvent("download", {timeout: 60_000}), page.click(selector)]);
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return {name: file.suggestedFilename(), bytes: readFileSync(path)};
}

const digits = (text: string | null) => (text ?? "").replace(/\D/g, "");

describe("Dự thảo kế hoạch năm sau", () => {
  it("recomputes with the staff's envelope and quantity, and downloads the plan with them", async () => {
    const {page, errors, outsideRequests} = await site.open("/ke-hoach-nam-sau", {waitFor: "#bang-kinh-phi"});
    expect(errors).toEqual([]);
    expect(outsideRequests).toEqual([]);
    expect(await page.locator("main h1").first().textContent()).toMatch(/Dự thảo kế hoạch khuyến công năm \d{4}/);

    // No envelope: every request placed; then the first line's quantity set by hand to 7.
    await page.getByLabel("Tổng mức kinh phí (đồng)").fill("");
    // Clearing the envelope re-renders the quantity inputs: one filled before that is thrown away
    // (CI once lost the "7" that way), so wait until the page says the envelope is gone.
    await page.getByText("Không giới hạn tổng mức").waitFor();
    const first = page.locator(".kc-qty input[type=number]").first();
    await first.fill("7");
    await first.dispatchEvent("input");
    await page.waitForFunction(() => [...document.querySelectorAll("#bang-kinh-phi tbody tr")].some((tr) => tr.children[0]?.textContent === "1" && tr.children[2]?.textContent === "07"));
    const row = page.locator("#bang-kinh-phi tbody tr", {has: page.locator("td:first-child", {hasText: /^1$/})}).first();
    const unit = digits(await row.locator("td").nth(3).textContent());
    const lineTotal = digits(await row.locator("td").nth(4).textContent());
    // seven facilities at most the unit each (what each is proposed, added up)
    expect(BigInt(lineTotal) <= BigInt(unit) * 7n && BigInt(lineTotal) > 0n).toBe(true);
    const total = digits(await page.locator("#tong-kinh-phi").textContent());
    const words = (await page.locator("#bang-chu").textContent())!.trim();
    expect(words).toMatch(/^Bằng chữ: \p{Lu}.* đồng$/u);

    const doc = await download(page, "#tai-ke-hoach-word");
    expect(doc.name).toMatch(/^du-thao-ke-hoach-khuyen-cong-\d{4}\.docx$/);
    const xml = unzip(doc.bytes).get("word/document.xml")!.toString("utf8");
    const text = paragraphs(xml);
    expect(text).toContain("KẾ HOẠCH");
    expect(text).toContain(words);
    const tables = Array.from({length: [...xml.matchAll(/<w:tbl>/g)].length}, (_, i) => tableRows(xml, i));
    const budget = tables.find((t) => t[0]?.[1] === "Nội dung hỗ trợ Khuyến công")!;
    expect(digits(budget.at(-1)!.join(""))).toBe(total);
    expect(budget.find((r) => r[0] === "1")!.slice(2, 5)).toEqual(["07", formatNumber(BigInt(unit)), formatNumber(BigInt(lineTotal))]);
    // the appendix adds up to the facility lines of the table
    const appendix = tables.find((t) => t[0]?.[4] === "Dự kiến hỗ trợ")!;
    expect(appendix[0]).toEqual(["TT", "Cơ sở", "Nội dung đề nghị", "Đề nghị hỗ trợ", "Dự kiến hỗ trợ", "Ghi chú"]);
    const listed = appendix.slice(1, -1).reduce((s, r) => s + BigInt(digits(r[4]!) || "0"), 0n);
    expect(digits(appendix.at(-1)!.join(""))).toBe(String(listed));
    // no staff note in the document
    expect(text.join("\n")).not.toMatch(/Cần xem|Cán bộ có thể điều chỉnh|Chưa bố trí/);

    // the requests' table has a total row: its proposal adds up the placed requests' proposals
    const requestsTable = page.locator("table", {has: page.locator("th", {hasText: "Mức trần (đồng)"})});
    const proposedTotal = digits((await requestsTable.locator("tfoot tr").last().locator("td, th").allTextContents())[6] ?? "");
    const placed = await requestsTable.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent ?? "")));
    const sumPlaced = placed.filter((r) => r[9] === "Bố trí").reduce((s, r) => s + BigInt(r[6]!.replace(/\D/g, "") || "0"), 0n);
    expect(sumPlaced > 0n).toBe(true);
    expect(proposedTotal).toBe(String(sumPlaced));
    const xlsx = await download(page, "#tai-ke-hoach-excel");
    expect(xlsx.name).toMatch(/\.xlsx$/);
    expect(unzip(xlsx.bytes).has("xl/worksheets/sheet1.xml")).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("Dự thảo kế hoạch năm sau: the quantities", () => {
  it("name each line once (a carry-over by its own description), with room to read beside the box", async () => {
    const {page, errors} = await site.open("/ke-hoach-nam-sau", {waitFor: ".kc-qty input[type=number]", noScreenshot: true});
    const labels = await page.locator(".kc-qty form > label").evaluateAll((ls) => ls.map((l) => ({text: l.textContent ?? "", width: l.getBoundingClientRect().width})));
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.some((l) => l.text.startsWith("Chuyển nguồn năm "))).toBe(true);
    for (const l of labels) {
      expect(l.text).toMatch(/^(Dòng: |Chuyển nguồn năm \d{4}: )/);
      expect(l.text).not.toContain("Chuyển nguồn: ");
      // Inputs' default is 120 px, which wrapped a line's description over up to ten lines.
      expect(l.width, l.text).toBeGreaterThan(400);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("Đánh giá năm", () => {
  it("downloads the year-end report with the figures of the page", async () => {
    const {page, errors, outsideRequests} = await site.open("/danh-gia", {waitFor: "#tai-bao-cao-word"});
    expect(errors).toEqual([]);
    expect(outsideRequests).toEqual([]);
    const doc = await download(page, "#tai-bao-cao-word");
    expect(doc.name).toMatch(/^bao-cao-danh-gia-khuyen-cong-\d{4}\.docx$/);
    const xml = unzip(doc.bytes).get("word/document.xml")!.toString("utf8");
    const text = paragraphs(xml);
    expect(text).toContain("BÁO CÁO");
    expect(text).toContain("I. KẾT QUẢ THỰC HIỆN");
    expect(text.at(-1)).toBeDefined();
    // the disbursed total on the page's card is the report's
    const card = await page.locator(".card", {hasText: "Đã giải ngân"}).locator("p.kc-muted").textContent();
    const disbursed = card!.split("/")[0]!.trim().replace(" đ", "");
    expect(text.join("\n")).toContain(`đã giải ngân ${disbursed} đồng`);
    // every alert of the page is in the report, under Tồn tại, hạn chế
    const alerts = await page.locator("#canh-bao-danh-gia li").allTextContents();
    const from = text.indexOf("2. Tồn tại, hạn chế");
    const to = text.indexOf("3. Nguyên nhân");
    for (const a of alerts) expect(text.slice(from, to)).toContain(`- ${a}`);
    // the carry-over table has a total row, equal to the card and to the report's proposal
    const footer = await page.locator("tfoot tr", {hasText: "TỔNG"}).last().locator("td").allTextContents();
    const proposed = footer.map(digits).filter(Boolean).at(-1)!;
    const cardTotal = digits(await page.locator(".card", {hasText: "Đề nghị chuyển nguồn"}).locator("p.kc-muted").textContent());
    expect(proposed).toBe(cardTotal);
    if (proposed !== "0") expect(text.join("\n")).toContain(`${formatNumber(BigInt(proposed))} đồng (Bằng chữ:`);
    const xlsx = await download(page, "#tai-bao-cao-excel");
    expect(unzip(xlsx.bytes).has("xl/worksheets/sheet1.xml")).toBe(true);
    expect(unzip(xlsx.bytes).has("xl/worksheets/sheet2.xml")).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
