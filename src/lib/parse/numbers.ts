import {fail, ok, type Parsed} from "./result.js";

/** A whole count (people, jobs, machines): `12`, `1.200`, `1 200`. */
export function parseCount(text: string, {min = 0, max = Number.MAX_SAFE_INTEGER} = {}): Parsed<number> {
  const t = text.trim();
  if (!/^\d+$/.test(t) && !/^\d{1,3}(?:([., ])\d{3})(?:\1\d{3})*$/.test(t)) {
    return fail(`không phải số nguyên: "${text}"`);
  }
  const value = Number(t.replace(/[., ]/g, ""));
  if (value < min || value > max) return fail(`giá trị ${value} ngoài khoảng ${min}–${max}`);
  return ok(value);
}

/** A four-digit year within [min, max]. */
export function parseYear(text: string, {min = 2000, max = 2100} = {}): Parsed<number> {
  const t = text.trim();
  if (!/^\d{4}$/.test(t)) return fail(`năm không đúng dạng: "${text}" (viết 4 chữ số, ví dụ 2026)`);
  const year = Number(t);
  if (year < min || year > max) return fail(`năm ${year} ngoài khoảng ${min}–${max}`);
  return ok(year);
}

/** A percentage of cost: `30`, `30%`, `30,5`. */
export function parsePercent(text: string): Parsed<number> {
  const t = text.trim().replace(/\s*%$/, "");
  if (!/^\d+(?:[.,]\d+)?$/.test(t)) return fail(`không phải tỷ lệ phần trăm: "${text}"`);
  const value = Number(t.replace(",", "."));
  if (value > 100) return fail(`tỷ lệ ${value}% vượt quá 100%`);
  return ok(value);
}
