import {describe, expect, it} from "vitest";
import {moneyToWords, numberToWords} from "../../src/lib/words.js";

// Expected strings written by hand from the reading rules documented in src/lib/words.ts.
const cases: [bigint | number, string][] = [
  [0, "Không đồng"],
  [1, "Một đồng"],
  [4, "Bốn đồng"],
  [5, "Năm đồng"],
  [10, "Mười đồng"],
  [11, "Mười một đồng"],
  [14, "Mười bốn đồng"],
  [15, "Mười lăm đồng"],
  [20, "Hai mươi đồng"],
  [21, "Hai mươi mốt đồng"],
  [24, "Hai mươi tư đồng"],
  [25, "Hai mươi lăm đồng"],
  [55, "Năm mươi lăm đồng"],
  [99, "Chín mươi chín đồng"],
  [100, "Một trăm đồng"],
  [101, "Một trăm linh một đồng"],
  [104, "Một trăm linh bốn đồng"],
  [105, "Một trăm linh năm đồng"],
  [110, "Một trăm mười đồng"],
  [111, "Một trăm mười một đồng"],
  [115, "Một trăm mười lăm đồng"],
  [121, "Một trăm hai mươi mốt đồng"],
  [999, "Chín trăm chín mươi chín đồng"],
  [1_000, "Một nghìn đồng"],
  [1_001, "Một nghìn không trăm linh một đồng"],
  [1_005, "Một nghìn không trăm linh năm đồng"],
  [1_010, "Một nghìn không trăm mười đồng"],
  [1_020, "Một nghìn không trăm hai mươi đồng"],
  [1_100, "Một nghìn một trăm đồng"],
  [10_500, "Mười nghìn năm trăm đồng"],
  [15_000, "Mười lăm nghìn đồng"],
  [21_000, "Hai mươi mốt nghìn đồng"],
  [100_000, "Một trăm nghìn đồng"],
  [105_000, "Một trăm linh năm nghìn đồng"],
  [1_000_000, "Một triệu đồng"],
  [1_000_005, "Một triệu không trăm linh năm đồng"],
  [1_001_000, "Một triệu không trăm linh một nghìn đồng"],
  [1_500_000, "Một triệu năm trăm nghìn đồng"],
  [10_000_000, "Mười triệu đồng"],
  [12_000_000, "Mười hai triệu đồng"],
  [20_000_000, "Hai mươi triệu đồng"],
  [35_000_000, "Ba mươi lăm triệu đồng"],
  [60_000_000, "Sáu mươi triệu đồng"],
  [130_000_000, "Một trăm ba mươi triệu đồng"],
  [365_000_000, "Ba trăm sáu mươi lăm triệu đồng"],
  [450_000_000, "Bốn trăm năm mươi triệu đồng"],
  [646_000_000, "Sáu trăm bốn mươi sáu triệu đồng"],
  [1_000_000_000, "Một tỷ đồng"],
  [1_000_000_001, "Một tỷ không trăm linh một đồng"],
  [1_200_000_000, "Một tỷ hai trăm triệu đồng"],
  [1_234_567_890, "Một tỷ hai trăm ba mươi tư triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi đồng"],
  [4_200_000_000, "Bốn tỷ hai trăm triệu đồng"],
  [10_000_000_000, "Mười tỷ đồng"],
  [1_000_000_000_000, "Một nghìn tỷ đồng"],
  [1_000_000_001_000n, "Một nghìn tỷ không trăm linh một nghìn đồng"],
  [1_000_000_000_000_000n, "Một triệu tỷ đồng"],
  [1_000_000_000_000_000_000n, "Một tỷ tỷ đồng"],
  [2_500_000_000_000n, "Hai nghìn năm trăm tỷ đồng"],
  [123_456_789_012_345n, "Một trăm hai mươi ba nghìn bốn trăm năm mươi sáu tỷ bảy trăm tám mươi chín triệu không trăm mười hai nghìn ba trăm bốn mươi lăm đồng"]
];

describe("moneyToWords", () => {
  it.each(cases)("%s", (amount, expected) => {
    expect(moneyToWords(amount)).toBe(expected);
    // bigint and number agree
    if (typeof amount === "number") expect(moneyToWords(BigInt(amount))).toBe(expected);
  });

  it("options: lẻ and bốn", () => {
    expect(moneyToWords(105, {zeroTens: "lẻ"})).toBe("Một trăm lẻ năm đồng");
    expect(moneyToWords(1_000_005, {zeroTens: "lẻ"})).toBe("Một triệu không trăm lẻ năm đồng");
    expect(moneyToWords(24, {four: "bốn"})).toBe("Hai mươi bốn đồng");
  });

  it("numberToWords is lower case without unit", () => {
    expect(numberToWords(0)).toBe("không");
    expect(numberToWords(3)).toBe("ba");
    expect(numberToWords(130_000_000n)).toBe("một trăm ba mươi triệu");
  });

  it("refuses negative, fractional and unsafe amounts", () => {
    expect(() => moneyToWords(-1)).toThrow(RangeError);
    expect(() => moneyToWords(-5n)).toThrow(/âm/);
    expect(() => moneyToWords(1.5)).toThrow(/nguyên/);
    expect(() => moneyToWords(Number.NaN)).toThrow(RangeError);
    expect(() => moneyToWords(2 ** 60)).toThrow(/bigint/);
  });

  it("every amount up to 100.000 reads without doubled spaces, starts capitalised and ends in đồng", () => {
    for (let n = 0; n <= 100_000; n += 7) {
      const w = moneyToWords(n);
      expect(w).toMatch(/^[A-ZĐÂÊÔƠƯÁÀẢÃẠ][^ ]*( [^ ]+)* đồng$/u);
      expect(w).not.toMatch(/ {2}|mươi một|mười mốt|linh lăm|mười năm|không trăm không/);
    }
  });
});
