// The one vi-VN formatting module (src/lib/format.ts), value by value: what every page, chart
// axis, document and export prints. Expected strings written by hand from the office's usage.
// Mutation: formatPeriod writing "2026–2026" for one year made "a year never takes a separator…" fail.
import {describe, expect, it} from "vitest";
import {
  formatDate,
  formatDateLong,
  formatDateTime,
  formatMoney,
  formatMoneyShort,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatYear,
  ratePercent,
  withoutFinalDots
} from "../../src/lib/format.js";

describe("numbers and money", () => {
  it("groups thousands with dots and writes decimals with a comma", () => {
    expect(formatNumber(20_000_000)).toBe("20.000.000");
    expect(formatNumber(20_000_000n)).toBe("20.000.000");
    expect(formatNumber(-1_234_567n)).toBe("-1.234.567");
    expect(formatNumber(1234.56, 1)).toBe("1.234,6");
    expect(formatNumber(-0.04, 1)).toBe("0,0");
    expect(formatNumber(null)).toBe("");
  });

  it("money in đồng and in short form", () => {
    expect(formatMoney(20_000_000n)).toBe("20.000.000 đ");
    expect(formatMoney(150_000.4)).toBe("150.000 đ");
    expect(formatMoneyShort(130_000_000)).toBe("130 triệu");
    expect(formatMoneyShort(1_200_000_000n)).toBe("1,2 tỷ");
    expect(formatMoneyShort(95_450_000)).toBe("95,5 triệu");
    expect(formatMoneyShort(150_000)).toBe("150 nghìn");
    expect(formatMoneyShort(0)).toBe("0");
  });

  it("percentages: 2/3 → 66,7%; no whole → a dash", () => {
    expect(formatPercent(ratePercent(2, 3))).toBe("66,7%");
    expect(formatPercent(ratePercent(95_450_000n, 130_000_000n))).toBe("73,4%");
    expect(ratePercent(5, 0)).toBeNull();
    expect(formatPercent(null)).toBe("–");
  });
});

describe("years, periods and dates", () => {
  it("a year never takes a separator; a period is a dash-joined run, one year alone", () => {
    expect(formatYear(2026)).toBe("2026");
    expect(formatPeriod(2020, 2025)).toBe("2020–2025");
    expect(formatPeriod(2026, 2026)).toBe("2026");
    expect(formatPeriod(null, 2025)).toBe("");
    expect(formatPeriod(undefined, undefined)).toBe("");
  });

  it("dates day first, and in the documents' long form", () => {
    expect(formatDate("2026-01-05")).toBe("05/01/2026");
    expect(formatDate("not a date")).toBe("");
    expect(formatDateLong("2027-01-05")).toBe("ngày 05 tháng 01 năm 2027");
  });

  it("times in Vietnam's clock whatever the machine's zone", () => {
    // 07:40 UTC is 14:40 in Hà Nội; 20:30 UTC on 31/12 is already 01/01 there.
    expect(formatDateTime("2026-11-19T07:40:00Z")).toBe("19/11/2026 14:40");
    expect(formatDateTime("2026-12-31T20:30:00Z")).toBe("01/01/2027 03:30");
  });
});

describe("texts inside a sentence", () => {
  // One rule for the documents' headings, the review's findings and the draft's reasons. Broken on
  // purpose (only "." trimmed), the first case fails.
  it("a budget line's description loses its final dots, and only those", () => {
    expect(withoutFinalDots("Hỗ trợ thiết kế bao bì…")).toBe("Hỗ trợ thiết kế bao bì");
    expect(withoutFinalDots("Tập huấn, hội thảo...")).toBe("Tập huấn, hội thảo");
    expect(withoutFinalDots("Máy móc, thiết bị (đ.v.t: bộ).")).toBe("Máy móc, thiết bị (đ.v.t: bộ)");
    expect(withoutFinalDots("Đề án 1.2")).toBe("Đề án 1.2");
  });
});
