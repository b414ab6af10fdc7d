// The one vi-VN formatting module: pages, chart axes, tooltips, documents and exports all use it.
// Written by hand rather than with Intl's vi-VN, which prints `₫` with a no-break space and
// dates as 5/1/2026.

type Amount = bigint | number;

/** 20000000 → "20.000.000" (thousands `.`, decimals `,`). */
export function formatNumber(value: Amount | null | undefined, digits = 0): string {
  if (value == null) return "";
  if (typeof value === "bigint") return groupDigits(value);
  if (!Number.isFinite(value)) return "";
  const fixed = Math.abs(value).toFixed(digits);
  const [int = "0", frac] = fixed.split(".");
  const sign = value < 0 && Number(fixed) !== 0 ? "-" : "";
  return sign + group(int) + (frac ? "," + frac : "");
}

function groupDigits(value: bigint): string {
  const sign = value < 0n ? "-" : "";
  return sign + group((value < 0n ? -value : value).toString());
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** 20000000 → "20.000.000 đ". */
export function formatMoney(value: Amount | null | undefined): string {
  if (value == null) return "";
  return `${formatNumber(typeof value === "number" ? Math.round(value) : value)} đ`;
}

/** Compact amounts for cards and axes: "130 triệu", "1,2 tỷ", "500 nghìn", "0". */
export function formatMoneyShort(value: Amount | null | undefined): string {
  if (value == null) return "";
  const n = Number(value);
  const abs = Math.abs(n);
  if (abs >= 1e9) return `${trimZeros(n / 1e9)} tỷ`;
  if (abs >= 1e6) return `${trimZeros(n / 1e6)} triệu`;
  if (abs >= 1e3) return `${trimZeros(n / 1e3)} nghìn`;
  return formatNumber(n);
}

/** At most one decimal, and none when it is zero: 1.25 → "1,3", 130 → "130". */
function trimZeros(n: number): string {
  const rounded = Math.round(n * 10) / 10;
  return formatNumber(rounded, Number.isInteger(rounded) ? 0 : 1);
}

/** A percentage already scaled to 100: 66.666 → "66,7%". */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  if (value == null || !Number.isFinite(value)) return "–";
  return `${formatNumber(value, digits)}%`;
}

/** part / whole × 100, or null when there is no whole. */
export function ratePercent(part: Amount, whole: Amount): number | null {
  const w = Number(whole);
  return w === 0 ? null : (Number(part) / w) * 100;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

function dateParts(value: string | Date): [string, string, string] | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    return [String(value.getFullYear()), pad(value.getMonth() + 1), pad(value.getDate())];
  }
  const m = ISO_DATE.exec(value);
  return m ? [m[1]!, m[2]!, m[3]!] : undefined;
}

/** A year as the office writes it: 2026, never "2.026" or "2,026". */
export function formatYear(year: number): string {
  return String(year);
}

/** A run of years: "2020–2025", one year "2026"; "" when the years are unknown. */
export function formatPeriod(from: number | null | undefined, to: number | null | undefined): string {
  if (from == null || to == null) return "";
  return from === to ? String(from) : `${from}–${to}`;
}

/** "2026-01-05" or a Date → "05/01/2026". */
export function formatDate(value: string | Date | null | undefined): string {
  if (value == null) return "";
  const parts = dateParts(value);
  return parts ? `${parts[2]}/${parts[1]}/${parts[0]}` : "";
}

/** "2027-01-05" → "ngày 05 tháng 01 năm 2027", as administrative documents date themselves. */
export function formatDateLong(value: string | Date): string {
  const parts = dateParts(value);
  return parts ? `ngày ${parts[2]} tháng ${parts[1]} năm ${parts[0]}` : "";
}

/** Vietnam's clock: UTC+7 all year (no daylight saving). */
const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** A date and time for "last updated" lines, "05/01/2026 14:07", in Vietnam's time whatever the
 * zone of the device showing it (or of the machine building the site). */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value == null) return "";
  const d = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return "";
  const vn = new Date(d.getTime() + VIETNAM_OFFSET_MS);
  return `${pad(vn.getUTCDate())}/${pad(vn.getUTCMonth() + 1)}/${vn.getUTCFullYear()} ${pad(vn.getUTCHours())}:${pad(vn.getUTCMinutes())}`;
}

/** Month tick of a chart: "Th1", … "Th12". */
export function formatMonth(month: number): string {
  return `Th${month}`;
}

/** "Hỗ trợ thiết kế bao bì…" → "Hỗ trợ thiết kế bao bì": a budget line's description inside a sentence or heading. */
export function withoutFinalDots(text: string): string {
  return text.replace(/[.…]+$/u, "");
}

const pad = (n: number) => String(n).padStart(2, "0");
