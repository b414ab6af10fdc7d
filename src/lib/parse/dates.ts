import {fail, ok, type Parsed} from "./result.js";

// Day first, as Vietnamese spreadsheets write it: 03/04/2026 is 3 April 2026.
const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date as ISO `yyyy-mm-dd`. */
export function parseDate(text: string): Parsed<string> {
  const t = text.trim();
  const dmy = DMY.exec(t);
  const iso = dmy ? undefined : ISO.exec(t);
  if (!dmy && !iso) return fail(`ngày không đúng dạng: "${text}" (viết dd/mm/yyyy, ví dụ 05/01/2026)`);
  const [day, month, year] = dmy
    ? [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])]
    : [Number(iso![3]), Number(iso![2]), Number(iso![1])];
  if (!isRealDate(year, month, day)) return fail(`ngày không có thật: "${text}"`);
  return ok(`${year}-${pad(month)}-${pad(day)}`);
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2100) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, "0");
