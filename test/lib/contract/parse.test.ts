// The cell parsers of the contract (docs/du-lieu.md, "Quy tắc chung"), value by value.
// Every expected value below is written by hand from the contract's text.
import {describe, expect, it} from "vitest";
import {isRealDate, parseDate} from "../../../src/lib/parse/dates.js";
import {MAX_MONEY, parseMoney} from "../../../src/lib/parse/money.js";
import {parseCount, parsePercent, parseYear} from "../../../src/lib/parse/numbers.js";
import type {Parsed} from "../../../src/lib/parse/result.js";
import {cleanText, foldKey, nameKey} from "../../../src/lib/parse/text.js";

function value<T>(p: Parsed<T>): T {
  if (!p.ok) throw new Error(`expected a value, got the reason: ${p.reason}`);
  return p.value;
}
function reason(p: Parsed<unknown>): string {
  if (p.ok) throw new Error(`expected a reason, got the value ${String(p.value)}`);
  return p.reason;
}

describe("money: whole đồng", () => {
  const twentyMillion = 20_000_000n;
  it.each([
    "20000000",
    "20.000.000",
    "20,000,000",
    "20 000 000",
    "20\u00a0000\u00a0000", // Excel's no-break space as the group separator
    "20.000.000đ",
    "20.000.000 đ",
    "20.000.000 đồng",
    "20.000.000 Đồng",
    "20.000.000 VNĐ",
    "20.000.000 vnđ",
    "20.000.000 VND",
    "20,000,000 VND",
    "20 000 000 đ",
    "20000000đ",
    "20.000.000,00", // Excel's decimal part of zeros
    "20,000,000.00",
    "20000000,00",
    "  20.000.000  "
  ])("%j is 20.000.000 đồng", (text) => {
    expect(value(parseMoney(text))).toBe(twentyMillion);
  });

  it("reads small and zero amounts", () => {
    expect(value(parseMoney("0"))).toBe(0n);
    expect(value(parseMoney("999"))).toBe(999n);
    expect(value(parseMoney("1.000"))).toBe(1000n);
    expect(value(parseMoney("1,000"))).toBe(1000n);
    expect(value(parseMoney("1 000"))).toBe(1000n);
    expect(value(parseMoney("12.600.000"))).toBe(12_600_000n);
  });

  it("accepts a negative amount only where the column is signed (a recovery, thu hồi)", () => {
    expect(value(parseMoney("-2.000.000", {signed: true}))).toBe(-2_000_000n);
    expect(value(parseMoney("-2000000 đ", {signed: true}))).toBe(-2_000_000n);
    expect(value(parseMoney("(2.000.000)", {signed: true}))).toBe(-2_000_000n);
    expect(reason(parseMoney("-2.000.000"))).toContain("không được âm");
    expect(reason(parseMoney("-2.000.000", {signed: false}))).toContain("không được âm");
    expect(reason(parseMoney("(2.000.000)"))).toContain("không được âm");
  });

  it.each(["1.000.000,5", "1.000.000,50", "20000000.5", "20000000,01", "1,5", "0,5", "1.5", "-1.000,5"])(
    "%j has a fraction of a đồng: an error",
    (text) => {
      expect(reason(parseMoney(text, {signed: true}))).toContain("phần lẻ đồng");
    }
  );

  it.each([
    "",
    "abc",
    "20tr",
    "20 triệu",
    "hai mươi triệu",
    "20.00.000",
    "2.0000.000",
    "20.000.000.",
    "20.000 000",
    "20,000.000.000",
    ".000",
    "1e6",
    "0x10",
    "+5",
    "--5",
    "5-",
    "đ",
    "VND 20.000",
    "20 000 000 dong"
  ])("%j is not an amount", (text) => {
    const r = reason(parseMoney(text, {signed: true}));
    expect(r).toMatch(/không phải số tiền|phần lẻ/);
    expect(r).toContain(JSON.stringify(text).slice(1, -1));
  });

  it("stops at MAX_MONEY (under 10 nghìn tỷ đồng)", () => {
    expect(MAX_MONEY).toBe(9_999_999_999_999n);
    expect(value(parseMoney("9.999.999.999.999"))).toBe(9_999_999_999_999n);
    expect(value(parseMoney("-9.999.999.999.999", {signed: true}))).toBe(-9_999_999_999_999n);
    expect(reason(parseMoney("10.000.000.000.000"))).toContain("quá lớn");
    expect(reason(parseMoney("10000000000000"))).toContain("quá lớn");
    expect(reason(parseMoney("-10.000.000.000.000", {signed: true}))).toContain("quá lớn");
    expect(reason(parseMoney("99999999999999999999999"))).toContain("quá lớn");
  });
});

describe("dates: day first", () => {
  it.each([
    ["05/01/2026", "2026-01-05"],
    ["5/1/2026", "2026-01-05"],
    ["2026-01-05", "2026-01-05"],
    ["03/04/2026", "2026-04-03"], // 3 April, not 4 March
    ["3/4/2026", "2026-04-03"],
    ["31/12/2026", "2026-12-31"],
    ["29/02/2024", "2024-02-29"], // 2024 is a leap year
    ["29/02/2000", "2000-02-29"], // divisible by 400
    ["2024-02-29", "2024-02-29"],
    [" 15/06/2026 ", "2026-06-15"]
  ])("%j is %s", (text, iso) => {
    expect(value(parseDate(text))).toBe(iso);
  });

  it.each(["31/02/2026", "29/02/2026", "30/02/2024", "31/04/2026", "32/01/2026", "00/01/2026", "01/13/2026", "01/00/2026", "29/02/2100", "2026-02-30", "2026-13-01", "2026-00-10"])(
    "%j is an impossible date",
    (text) => {
      expect(reason(parseDate(text))).toContain("ngày không có thật");
    }
  );

  it.each(["", "2026/01/05", "05-01-2026", "05/01/26", "5.1.2026", "05/01/2026 10:00", "ngày 5 tháng 1", "2026-1-5", "20260105", "05//2026"])(
    "%j is not a date",
    (text) => {
      expect(reason(parseDate(text))).toContain("ngày không đúng dạng");
    }
  );

  it("keeps to the years of the records (1900–2100)", () => {
    expect(reason(parseDate("31/12/1899"))).toContain("không có thật");
    expect(value(parseDate("01/01/1900"))).toBe("1900-01-01");
    expect(value(parseDate("31/12/2100"))).toBe("2100-12-31");
    expect(isRealDate(2026, 2, 28)).toBe(true);
    expect(isRealDate(2026, 2, 29)).toBe(false);
  });
});

describe("counts, years, percentages", () => {
  it("counts are whole numbers, grouped or not", () => {
    expect(value(parseCount("12"))).toBe(12);
    expect(value(parseCount("03"))).toBe(3);
    expect(value(parseCount("0"))).toBe(0);
    expect(value(parseCount("1.200"))).toBe(1200);
    expect(value(parseCount("1,200"))).toBe(1200);
    expect(value(parseCount("1 200"))).toBe(1200);
    expect(value(parseCount("1.000.000"))).toBe(1_000_000);
    for (const bad of ["1.5", "1,5", "-1", "abc", "", "12 người", "1.20", "1.200,5"]) {
      expect(reason(parseCount(bad))).toContain("không phải số nguyên");
    }
  });

  it("counts keep to their range", () => {
    expect(value(parseCount("1", {min: 1, max: 999}))).toBe(1);
    expect(value(parseCount("999", {min: 1, max: 999}))).toBe(999);
    expect(reason(parseCount("0", {min: 1, max: 999}))).toContain("ngoài khoảng 1–999");
    expect(reason(parseCount("1.000", {min: 1, max: 999}))).toContain("ngoài khoảng");
    expect(reason(parseCount("6", {min: 0, max: 5}))).toContain("ngoài khoảng 0–5");
  });

  it("years have four digits, 2000–2100", () => {
    expect(value(parseYear("2026"))).toBe(2026);
    expect(value(parseYear("2000"))).toBe(2000);
    expect(value(parseYear("2100"))).toBe(2100);
    for (const bad of ["26", "2.026", "20266", "năm 2026", "", "2026.0"]) expect(reason(parseYear(bad))).toContain("năm không đúng dạng");
    expect(reason(parseYear("1999"))).toContain("ngoài khoảng 2000–2100");
    expect(reason(parseYear("2101"))).toContain("ngoài khoảng");
    // A facility's founding year may be older than the programme's records.
    expect(value(parseYear("1995", {min: 1900, max: 2100}))).toBe(1995);
    expect(reason(parseYear("1899", {min: 1900, max: 2100}))).toContain("ngoài khoảng 1900–2100");
  });

  it("percentages: 30, 30%, 30,5; at most 100", () => {
    expect(value(parsePercent("30"))).toBe(30);
    expect(value(parsePercent("30%"))).toBe(30);
    expect(value(parsePercent("30 %"))).toBe(30);
    expect(value(parsePercent("30,5"))).toBe(30.5);
    expect(value(parsePercent("30.5%"))).toBe(30.5);
    expect(value(parsePercent("0"))).toBe(0);
    expect(value(parsePercent("100"))).toBe(100);
    expect(reason(parsePercent("100,5"))).toContain("vượt quá 100%");
    for (const bad of ["-5", "abc", "", "30%%", "1/2", "30,5,1"]) expect(reason(parsePercent(bad))).toContain("không phải tỷ lệ");
  });
});

describe("text", () => {
  const nfc = "Cơ sở nước mắm Hoà Bình";
  const nfd = nfc.normalize("NFD");

  it("cleanText trims and normalises to NFC; a blank cell is no value", () => {
    expect(nfd).not.toBe(nfc); // the test needs a real NFD spelling
    expect(cleanText(nfd)).toBe(nfc);
    expect(cleanText(`  ${nfd}\t`)).toBe(nfc);
    expect(cleanText("\u00a0Thủy\u3000\ufeff")).toBe("Thủy");
    expect(cleanText("  a   b  ")).toBe("a   b"); // inner spacing is the office's
    expect(cleanText("   ")).toBeUndefined();
    expect(cleanText("")).toBeUndefined();
    expect(cleanText(null)).toBeUndefined();
    expect(cleanText(undefined)).toBeUndefined();
  });

  it("foldKey folds case, spacing, punctuation and every diacritic", () => {
    expect(foldKey("Số tiền")).toBe("so tien");
    expect(foldKey("so tien")).toBe("so tien");
    expect(foldKey("SO_TIEN")).toBe("so tien");
    expect(foldKey("  Số   tiền (đồng) ")).toBe("so tien dong");
    expect(foldKey("ĐÀO TẠO NGHỀ")).toBe("dao tao nghe");
    expect(foldKey("Nguồn kinh phí".normalize("NFD"))).toBe("nguon kinh phi");
  });

  it("nameKey folds the tone placement, case and spacing, and nothing more", () => {
    expect(nameKey("Thuỷ")).toBe(nameKey("Thủy"));
    expect(nameKey("hoà")).toBe(nameKey("hòa"));
    expect(nameKey("Cơ sở nước mắm Hoà Bình")).toBe(nameKey("cơ sở  nước mắm HÒA bình"));
    expect(nameKey("Xưởng cơ khí Thuỷ Tiên".normalize("NFD"))).toBe(nameKey("Xưởng cơ khí Thủy Tiên"));
    expect(nameKey("Thủy")).not.toBe(nameKey("Thùy"));
    expect(nameKey("Hòa")).not.toBe(nameKey("Hoa"));
    expect(nameKey("Mộc")).not.toBe(nameKey("Móc"));
  });
});
