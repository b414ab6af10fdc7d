// A page printed on A4 as Chromium prints it (page.pdf, print media), read back with pdftotext
// -bbox: each sheet's words with their position, so a table header wrapped over two lines in its
// cell is still found as one header (plain pdftotext interleaves the lines of neighbouring cells).
import {execFileSync} from "node:child_process";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import os from "node:os";
import path from "node:path";
import type {Page} from "playwright-core";

export interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Sheet {
  width: number;
  height: number;
  words: Word[];
}

export interface PrintedPage {
  sheets: Sheet[];
  /** Headers of every table shown in print, as the page's DOM has them. */
  headers: string[];
}

const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

export async function printA4(page: Page, pdfPath?: string): Promise<PrintedPage> {
  await page.emulateMedia({media: "print"});
  const headers = await page.evaluate(() =>
    [...document.querySelectorAll("main table thead th")]
      .filter((th) => th.getClientRects().length > 0)
      .map((th) => (th.textContent ?? "").replace(/\s+/g, " ").trim())
      .filter((t) => t !== "")
  );
  const pdf = await page.pdf({format: "A4", preferCSSPageSize: true, printBackground: true});
  await page.emulateMedia({media: null});
  const dir = mkdtempSync(path.join(os.tmpdir(), "kc-print-"));
  try {
    const file = pdfPath ?? path.join(dir, "page.pdf");
    writeFileSync(file, pdf);
    const html = execFileSync("pdftotext", ["-bbox", "-enc", "UTF-8", file, "-"], {encoding: "utf8", maxBuffer: 64 * 1024 * 1024});
    const sheets: Sheet[] = [];
    for (const m of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
      const words = [...m[3]!.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)].map((w) => ({
        x0: Number(w[1]),
        y0: Number(w[2]),
        x1: Number(w[3]),
        y1: Number(w[4]),
        text: unescape(w[5]!)
      }));
      sheets.push({width: Number(m[1]), height: Number(m[2]), words});
    }
    return {sheets, headers};
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

/**
 * Whether `header` is printed whole and inside the sheet somewhere: its letters (spaces aside) in
 * words that follow each other on one line or go on at the next line of the same cell (a
 * right-aligned header's lines start further right; "Bình quân/năm" may break after the slash).
 * A header whose column ran off the sheet is not found.
 */
export function findHeader(sheets: readonly Sheet[], header: string): boolean {
  const target = header.replace(/\s+/g, "");
  for (const sheet of sheets) {
    const inside = sheet.words.filter((w) => w.x0 >= 0 && w.x1 <= sheet.width + 0.5);
    // left, right: the cell's extent so far
    const follow = (pos: number, prev: Word, left: number, right: number): boolean => {
      if (pos === target.length) return true;
      const lineHeight = prev.y1 - prev.y0;
      return inside.some((w) => {
        if (!target.startsWith(w.text, pos)) return false;
        const sameLine = Math.abs(w.y0 - prev.y0) < lineHeight * 0.3 && w.x0 > prev.x1 - 0.5 && w.x0 - prev.x1 < lineHeight;
        const nextLine = w.y0 > prev.y0 + lineHeight * 0.5 && w.y0 - prev.y0 < lineHeight * 2.5 && w.x0 < right + lineHeight && w.x1 > left - lineHeight;
        return (sameLine || nextLine) && follow(pos + w.text.length, w, Math.min(left, w.x0), Math.max(right, w.x1));
      });
    };
    if (inside.some((w) => w.text.length > 0 && target.startsWith(w.text) && follow(w.text.length, w, w.x0, w.x1))) return true;
  }
  return false;
}

/** Words printed smaller than `pt` points (a word's box is about its font size tall). */
export function smallWords(sheets: readonly Sheet[], pt: number): string[] {
  return sheets.flatMap((sheet, i) => sheet.words.filter((w) => w.y1 - w.y0 < pt * 0.98).map((w) => `sheet ${i + 1}: "${w.text}" ${(w.y1 - w.y0).toFixed(1)} pt`));
}

/** The sheets whose only text is the page footer (or nothing). */
export function emptySheets(sheets: readonly Sheet[], footer: RegExp): number[] {
  return sheets.flatMap((sheet, i) => {
    const text = sheet.words.map((w) => w.text).join(" ");
    return text.replace(footer, "").trim().length === 0 ? [i + 1] : [];
  });
}
