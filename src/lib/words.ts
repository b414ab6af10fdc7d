// Amounts of money in Vietnamese words, as administrative and accounting documents write them
// under the budget table: "Bằng chữ: Một trăm ba mươi triệu đồng". Browser-safe, no imports.
//
// Reading rules (the usual ones of accounting guides written after Circular 39/2014/TT-BTC and of
// invoice software; Decree 30/2020 itself says nothing about them):
// - Digits are read in groups of three (đơn vị, nghìn, triệu, tỷ); beyond tỷ the scale repeats:
//   1.000.000.000.000 is "một nghìn tỷ", 10^15 "một triệu tỷ".
// - A group that is all zeros is skipped, unless the whole amount is 0 ("Không đồng").
// - A group after the first is read in full with its hundreds: 1.005 is "một nghìn không trăm linh
//   năm", 1.000.005 "một triệu không trăm linh năm" (the empty nghìn group is skipped), 1.020 "một
//   nghìn không trăm hai mươi".
// - Zero tens before a non-zero unit: "linh" (101 "một trăm linh một"), as the state treasury's
//   payment documents write it; "lẻ" is the other common usage. The office chooses (the report
//   command's --zero-tens, the pages' setting); the choice is used consistently in a document.
// - Tens: 10–19 "mười …", 20–99 "… mươi …".
// - Units: 1 is "mốt" after "mươi" (21 "hai mươi mốt") and "một" after "mười" or "linh";
//   5 is "lăm" after "mười" or "mươi" (15 "mười lăm", 25 "hai mươi lăm") and "năm" after "linh";
//   4 is "tư" after "mươi" (24 "hai mươi tư", as accounting guides write it) and "bốn" after
//   "mười" or "linh"; the option `four: "bốn"` keeps "bốn" everywhere.
// - Thousands are "nghìn" (not the southern "ngàn"); the first letter is a capital; the words end
//   with "đồng" and no "chẵn".

export interface WordsOptions {
  /** Word for a zero tens digit before a unit: "linh" (default) or "lẻ". */
  zeroTens?: ZeroTens;
  /** Unit 4 after "mươi": "tư" (default) or "bốn". */
  four?: "tư" | "bốn";
}

export type ZeroTens = "linh" | "lẻ";
/** The reading of zero tens, as the state treasury writes amounts on payment documents. */
export const DEFAULT_ZERO_TENS: ZeroTens = "linh";

const DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"] as const;
/** Group names inside one tỷ. */
const SCALES = ["", "nghìn", "triệu"] as const;
const BILLION = 1_000_000_000n;

/** Whole đồng → "Một trăm ba mươi triệu đồng". Negative or fractional amounts are refused. */
export function moneyToWords(amount: bigint | number, options: WordsOptions = {}): string {
  const words = numberToWords(amount, options);
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} đồng`;
}

/** A whole number ≥ 0 in lower-case Vietnamese words, without a unit: 105 → "một trăm lẻ năm". */
export function numberToWords(amount: bigint | number, options: WordsOptions = {}): string {
  const n = toBigInt(amount);
  if (n === 0n) return "không";
  return readAny(n, true, options).join(" ");
}

function toBigInt(amount: bigint | number): bigint {
  if (typeof amount === "bigint") {
    if (amount < 0n) throw new RangeError(`số tiền âm không đọc thành chữ: ${amount}`);
    return amount;
  }
  if (!Number.isFinite(amount) || !Number.isInteger(amount)) throw new RangeError(`số tiền phải là số nguyên đồng: ${amount}`);
  if (amount < 0) throw new RangeError(`số tiền âm không đọc thành chữ: ${amount}`);
  if (!Number.isSafeInteger(amount)) throw new RangeError(`số tiền quá lớn để đọc chính xác (dùng bigint): ${amount}`);
  return BigInt(amount);
}

/** n > 0. `leading`: n starts the whole amount (its first group is read without "không trăm"). */
function readAny(n: bigint, leading: boolean, o: WordsOptions): string[] {
  if (n < BILLION) return readBelowBillion(n, leading, o);
  const high = n / BILLION;
  const low = n % BILLION;
  const words = [...readAny(high, leading, o), "tỷ"];
  if (low > 0n) words.push(...readBelowBillion(low, false, o));
  return words;
}

/** 0 < n < 10^9, as up to three groups (triệu, nghìn, đơn vị). */
function readBelowBillion(n: bigint, leading: boolean, o: WordsOptions): string[] {
  const groups = [Number(n % 1000n), Number((n / 1000n) % 1000n), Number(n / 1_000_000n)];
  const words: string[] = [];
  let first = leading;
  for (let i = 2; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) {
      // An all-zero group is skipped; a leading amount has not started yet either.
      continue;
    }
    words.push(...readGroup(g, first, o));
    const scale = SCALES[i];
    if (scale) words.push(scale);
    first = false;
  }
  return words;
}

/** One group 1–999. `first`: the group opens the amount, so its zero hundreds are not read. */
function readGroup(g: number, first: boolean, o: WordsOptions): string[] {
  const hundreds = Math.floor(g / 100);
  const tens = Math.floor(g / 10) % 10;
  const units = g % 10;
  const words: string[] = [];
  const readHundreds = !first || hundreds > 0;
  if (readHundreds) words.push(DIGITS[hundreds]!, "trăm");
  if (tens === 0) {
    if (units === 0) return words;
    if (readHundreds) words.push(o.zeroTens ?? DEFAULT_ZERO_TENS);
    words.push(DIGITS[units]!);
    return words;
  }
  if (tens === 1) {
    words.push("mười");
    if (units === 5) words.push("lăm");
    else if (units > 0) words.push(DIGITS[units]!);
    return words;
  }
  words.push(DIGITS[tens]!, "mươi");
  if (units === 1) words.push("mốt");
  else if (units === 4) words.push(o.four ?? "tư");
  else if (units === 5) words.push("lăm");
  else if (units > 0) words.push(DIGITS[units]!);
  return words;
}
