// KPI cards of Tổng quan: a title, a big figure, a line of detail, and the comparison with the
// same date of the year before (or a sentence saying why there is none). DOM only, text through
// textContent.
import {formatMoney, formatMoneyShort, formatNumber, formatPercent, ratePercent} from "../lib/format.js";

export type Trend = "up" | "down" | "flat";

export interface KpiComparison {
  /** e.g. "Cùng kỳ năm 2025 (đến 19/11/2025): 191 triệu". */
  text: string;
  /** e.g. "▼ 71 triệu (−37,2%)"; omitted when there is no comparable figure. */
  change?: string;
  trend?: Trend;
}

export interface KpiOptions {
  /** Stable name for tests and styling (data-kpi attribute). */
  key: string;
  title: string;
  value: string;
  /** Line(s) under the figure. */
  detail?: string | string[];
  comparison?: KpiComparison;
  /** Small print at the bottom (how the figure is counted). */
  note?: string;
  /** Figure colour: "good" green, "warn" amber, "bad" red. */
  tone?: "good" | "warn" | "bad";
}

const TONE: Record<NonNullable<KpiOptions["tone"]>, string> = {
  good: "var(--kc-good)",
  warn: "var(--kc-warn)",
  bad: "var(--kc-bad)"
};

function p(className: string, text: string): HTMLParagraphElement {
  const el = document.createElement("p");
  el.className = className;
  el.textContent = text;
  return el;
}

export function kpiCard(options: KpiOptions): HTMLElement {
  const card = document.createElement("div");
  card.className = "card kc-kpi";
  card.dataset.kpi = options.key;
  const h2 = document.createElement("h2");
  h2.textContent = options.title;
  const big = p("big", options.value);
  big.dataset.kpiValue = "";
  if (options.tone) big.style.color = TONE[options.tone];
  card.append(h2, big);
  for (const line of [options.detail ?? []].flat()) card.append(p("kc-kpi-detail", line));
  if (options.comparison) {
    const box = document.createElement("div");
    box.className = "kc-kpi-compare";
    box.append(p("kc-kpi-compare-text", options.comparison.text));
    if (options.comparison.change) {
      const change = p(`kc-kpi-change kc-kpi-${options.comparison.trend ?? "flat"}`, options.comparison.change);
      box.append(change);
    }
    card.append(box);
  }
  if (options.note) card.append(p("kc-kpi-note", options.note));
  return card;
}

/** The sign Vietnamese officials read: a true minus "−" for decreases. */
function signed(text: string, delta: number): string {
  return delta > 0 ? `+${text}` : delta < 0 ? `−${text.replace(/^-/, "")}` : text;
}

function trendOf(delta: number): Trend {
  return delta > 0 ? "up" : delta < 0 ? "down" : "flat";
}

const ARROW: Record<Trend, string> = {up: "▲", down: "▼", flat: "■"};

/** "▲ 12 triệu (+10,5%)" / "▼ 71 triệu (−37,2%)" / "■ không đổi". */
export function moneyChange(current: number, prior: number): Pick<KpiComparison, "change" | "trend"> {
  const delta = current - prior;
  const trend = trendOf(delta);
  if (delta === 0) return {change: `${ARROW.flat} không đổi`, trend};
  const rate = ratePercent(Math.abs(delta), prior);
  const share = rate === null ? "" : ` (${signed(formatPercent(rate), delta)})`;
  return {change: `${ARROW[trend]} ${signed(formatMoneyShort(Math.abs(delta)), delta)}${share}`, trend};
}

/** "▲ 3 (+25%)" for counts. */
export function countChange(current: number, prior: number): Pick<KpiComparison, "change" | "trend"> {
  const delta = current - prior;
  const trend = trendOf(delta);
  if (delta === 0) return {change: `${ARROW.flat} không đổi`, trend};
  const rate = ratePercent(Math.abs(delta), prior);
  const share = rate === null ? "" : ` (${signed(formatPercent(rate), delta)})`;
  return {change: `${ARROW[trend]} ${signed(formatNumber(Math.abs(delta)), delta)}${share}`, trend};
}

/** "▲ 4,5 điểm %" for a change between two rates. */
export function pointChange(current: number, prior: number): Pick<KpiComparison, "change" | "trend"> {
  const delta = current - prior;
  const trend = trendOf(Math.round(delta * 10));
  if (trend === "flat") return {change: `${ARROW.flat} không đổi`, trend};
  return {change: `${ARROW[trend]} ${signed(formatNumber(Math.abs(delta), 1), delta)} điểm phần trăm`, trend};
}

// ------------------------------------------------------------------ the cards of Tổng quan

/**
 * One plan year as src/data/overview.ts gives it (a row of site_overview_plan_year_to_date):
 * money in đồng, dates yyyy-mm-dd, prior_* null when there is nothing to compare.
 */
export interface PlanYearKpi {
  year: number;
  as_of: string;
  prior_as_of: string;
  planned: number;
  approved: number;
  disbursed: number;
  lines: number;
  approved_to_date: number;
  approved_undated: number;
  disbursed_to_date: number;
  /** "ke_hoach": the year before has a plan; "de_an": only projects of earlier years; null: nothing. */
  prior_basis: "ke_hoach" | "de_an" | null;
  prior_planned: number | null;
  prior_approved_to_date: number | null;
  prior_approved_undated: number | null;
  prior_disbursed_to_date: number | null;
}

export interface FacilityKpi {
  year: number;
  target_min: number;
  target_max: number;
  targets: number;
  supports: number;
  supports_completed: number;
  facilities: number;
  prior_basis: "ke_hoach" | "de_an" | null;
  supports_to_date: number;
  prior_supports_to_date: number | null;
}

/** Share of the year an even monthly schedule has reached at `date` (0–100), month by month. */
export function evenScheduleRate(date: string, year: number): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  if (y < year) return 0;
  if (y > year) return 100;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return ((m - 1 + d / days) / 12) * 100;
}

/** "2025-11-19" → "19/11". */
function dayMonth(date: string): string {
  const [, m, d] = date.split("-");
  return `${d}/${m}`;
}

function noPrior(k: {year: number; prior_basis: string | null}, what: "money" | "payments"): KpiComparison {
  if (what === "payments" && k.prior_basis === "de_an") {
    return {text: `Số liệu năm ${k.year - 1} chỉ có các đề án, không có ngày chi: không có số cùng kỳ để so sánh.`};
  }
  return {text: `Kho dữ liệu không có số liệu năm ${k.year - 1}: không có số cùng kỳ để so sánh.`};
}

export function plannedCard(k: PlanYearKpi): HTMLElement {
  return kpiCard({
    key: "planned",
    title: `Kinh phí kế hoạch năm ${k.year}`,
    value: formatMoneyShort(k.planned),
    detail: `${formatMoney(k.planned)} · ${formatNumber(k.lines)} nội dung hỗ trợ`,
    comparison:
      k.prior_planned !== null
        ? {text: `Kế hoạch năm ${k.year - 1}: ${formatMoneyShort(k.prior_planned)}`, ...moneyChange(k.planned, k.prior_planned)}
        : {text: `Năm ${k.year - 1} chưa có kế hoạch kinh phí trong kho dữ liệu: không có số để so sánh.`}
  });
}

export function approvedCard(k: PlanYearKpi): HTMLElement {
  const to = `đến ${dayMonth(k.prior_as_of)}/${k.year - 1}`;
  let comparison: KpiComparison;
  if (k.prior_approved_to_date === null) comparison = noPrior(k, "money");
  else {
    const scope = k.prior_basis === "de_an" ? ", đề án khuyến công huyện, xã" : "";
    const mine = k.approved_to_date !== k.approved ? ` · năm nay đến ${dayMonth(k.as_of)}: ${formatMoneyShort(k.approved_to_date)}` : "";
    comparison = {
      text: `Cùng kỳ năm ${k.year - 1} (${to}${scope}): ${formatMoneyShort(k.prior_approved_to_date)}${mine}`,
      ...moneyChange(k.approved_to_date, k.prior_approved_to_date)
    };
  }
  const rate = ratePercent(k.approved, k.planned);
  return kpiCard({
    key: "approved",
    title: "Đã phê duyệt (cam kết)",
    value: formatMoneyShort(k.approved),
    detail: `${formatMoney(k.approved)} · ${formatPercent(rate)} kế hoạch`,
    ...(k.approved > k.planned ? {tone: "bad" as const} : {}),
    comparison
  });
}

export function disbursedCard(k: PlanYearKpi): HTMLElement {
  const comparison: KpiComparison =
    k.prior_disbursed_to_date === null
      ? noPrior(k, "payments")
      : {
          text: `Cùng kỳ năm ${k.year - 1} (đến ${dayMonth(k.prior_as_of)}/${k.year - 1}): ${formatMoneyShort(k.prior_disbursed_to_date)}`,
          ...moneyChange(k.disbursed_to_date, k.prior_disbursed_to_date)
        };
  return kpiCard({
    key: "disbursed",
    title: "Đã giải ngân",
    value: formatMoneyShort(k.disbursed),
    detail: `${formatMoney(k.disbursed)} (đã trừ thu hồi)`,
    ...(k.disbursed > k.planned ? {tone: "bad" as const} : {}),
    comparison
  });
}

export function rateCard(k: PlanYearKpi): HTMLElement {
  const rate = ratePercent(k.disbursed, k.planned);
  const schedule = evenScheduleRate(k.as_of, k.year);
  const priorRate = k.prior_disbursed_to_date !== null && k.prior_planned ? ratePercent(k.prior_disbursed_to_date, k.prior_planned) : null;
  const rateToDate = ratePercent(k.disbursed_to_date, k.planned);
  return kpiCard({
    key: "rate",
    title: "Tỷ lệ giải ngân",
    value: formatPercent(rate),
    detail: `Đã giải ngân / kế hoạch · tiến độ đều đến ${dayMonth(k.as_of)} (giả định): ${formatPercent(schedule)}`,
    ...(rate !== null && rate < schedule - 10 ? {tone: "warn" as const} : {}),
    comparison:
      priorRate !== null && rateToDate !== null
        ? {text: `Cùng kỳ năm ${k.year - 1} (đến ${dayMonth(k.prior_as_of)}/${k.year - 1}): ${formatPercent(priorRate)}`, ...pointChange(rateToDate, priorRate)}
        : noPrior(k, "payments")
  });
}

export function facilitiesCard(f: FacilityKpi | undefined, k: PlanYearKpi): HTMLElement {
  if (!f) {
    return kpiCard({
      key: "facilities",
      title: "Cơ sở được hỗ trợ",
      value: "–",
      detail: `Kế hoạch năm ${k.year} chưa có chỉ tiêu tính bằng "cơ sở" trong kho dữ liệu.`
    });
  }
  const range = f.target_min === f.target_max ? formatNumber(f.target_min) : `${formatNumber(f.target_min)}–${formatNumber(f.target_max)}`;
  const status = f.supports < f.target_min ? "chưa đạt mức tối thiểu" : f.supports > f.target_max ? "vượt chỉ tiêu" : "trong khoảng chỉ tiêu";
  const inProgress = f.supports - f.supports_completed;
  const detail = [
    `Chỉ tiêu kế hoạch: ${range} cơ sở · ${status}`,
    `${formatNumber(f.supports_completed)} đã hoàn thành, ${formatNumber(inProgress)} đang thực hiện` +
      (f.facilities !== f.supports ? ` · ${formatNumber(f.facilities)} cơ sở khác nhau` : "")
  ];
  let comparison: KpiComparison;
  if (f.prior_supports_to_date === null) comparison = noPrior(f, "money");
  else {
    const scope = f.prior_basis === "de_an" ? ", đề án cùng nhóm nội dung, mọi cấp" : "";
    comparison = {
      text: `Cùng kỳ năm ${f.year - 1} (đến ${dayMonth(k.prior_as_of)}/${f.year - 1}${scope}): ${formatNumber(f.prior_supports_to_date)} · năm nay: ${formatNumber(f.supports_to_date)}`,
      ...countChange(f.supports_to_date, f.prior_supports_to_date)
    };
  }
  return kpiCard({
    key: "facilities",
    title: "Cơ sở được hỗ trợ",
    value: `${formatNumber(f.supports)} cơ sở`,
    detail,
    tone: f.supports < f.target_min ? "warn" : "good",
    comparison,
    note: `Tính theo ${formatNumber(f.targets)} chỉ tiêu đếm bằng "cơ sở", hoạt động từ "Đã phê duyệt" trở đi (xem Cách tính cuối trang).`
  });
}
