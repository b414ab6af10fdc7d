import {fail, ok, type Parsed} from "./result.js";

// Money is whole đồng. Accepted: 20000000, 20.000.000, 20,000,000, 20 000 000, with an optional
// đ / đồng / VNĐ / VND suffix; a decimal part of zeros (Excel's "20000000,00") is whole too.
const SUFFIX = /\s*(đồng|đ|vnđ|vnd)\.?$/iu;
const PLAIN = /^\d+$/;
const GROUPED = /^\d{1,3}(?:([., ])\d{3})(?:\1\d{3})*$/;
/** Largest amount accepted (under 10 nghìn tỷ): far above any commune budget, safe in BIGINT. */
export const MAX_MONEY = 9_999_999_999_999n;

export function parseMoney(text: string, {signed = false} = {}): Parsed<bigint> {
  let body = text.normalize("NFC").replace(/[\u00a0\u202f]/g, " ").trim().replace(SUFFIX, "");
  let negative = false;
  if (/^[-−]/.test(body)) {
    negative = true;
    body = body.slice(1).trim();
  } else if (/^\(.*\)$/.test(body)) {
    negative = true;
    body = body.slice(1, -1).trim();
  }
  if (negative && !signed) return fail(`số tiền không được âm: "${text}"`);
  const whole = wholeDigits(body);
  if (whole === "fraction") return fail(`số tiền có phần lẻ đồng: "${text}" (tiền tính bằng đồng, số nguyên)`);
  if (whole === undefined) return fail(`không phải số tiền: "${text}" (ví dụ đúng: 20.000.000)`);
  const value = BigInt(whole);
  if (value > MAX_MONEY) return fail(`số tiền quá lớn: "${text}"`);
  return ok(negative ? -value : value);
}

/** The digits of a whole amount, "fraction" when it has a non-zero decimal part. */
function wholeDigits(body: string): string | "fraction" | undefined {
  if (PLAIN.test(body)) return body;
  if (GROUPED.test(body)) return body.replace(/[., ]/g, "");
  // A decimal part: the separator that is not the grouping one, followed by 1–2 digits or
  // by anything other than exactly three digits.
  const m = /^(.*?)([.,])(\d+)$/.exec(body);
  if (!m) return undefined;
  const [, intPart = "", sep, decimals = ""] = m;
  const intDigits = PLAIN.test(intPart)
    ? intPart
    : GROUPED.test(intPart) && !intPart.includes(sep!)
      ? intPart.replace(/[., ]/g, "")
      : undefined;
  if (intDigits === undefined) return undefined;
  return /^0+$/.test(decimals) ? intDigits : "fraction";
}
