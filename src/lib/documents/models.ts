// What the document builders take. Browser-safe (types and plain constants only).
// The evaluation model is computed from the warehouse (reports/evaluation.ts) and handed to the
// page as JSON; the draft plan model wraps the pure draftPlan() result (src/lib/plan/draft.ts).
import type {ContentGroup} from "../contract/codes.js";
import type {CarryOverItem} from "../plan/carry-over.js";
import type {DraftPlan} from "../plan/draft.js";
import {formatDate, formatMoney, formatNumber} from "../format.js";
import {nameKey} from "../parse/text.js";
import {packRows, unpackRows, type PackedRows} from "../plan/json.js";
import type {WordsOptions} from "../words.js";

export type {CarryOverItem};

/** The parts of a state document that staff fill at issue time; blanks are left when absent. */
export interface DocumentMeta {
  /** Number part of "Số: 15/KH-UBND"; blank (to be numbered by văn thư) when absent. */
  number?: string;
  /** Issue date, ISO yyyy-mm-dd; blank day and month when absent. */
  date?: string;
  /** Name of the signer; a marked blank when absent. */
  signerName?: string;
  /** Recipients ("Nơi nhận"); the last line "- Lưu: VT." is always added. */
  recipients?: readonly string[];
  /** The data folder holds sample data (DU_LIEU_MAU.txt): the document says so at the top. */
  isSample?: boolean;
  /** How "Bằng chữ" reads amounts (linh or lẻ); the treasury's reading when absent. */
  words?: WordsOptions;
  /** The commune issuing the document (its xa.csv); what is not known is a dotted blank. */
  commune?: {name: string | null; province?: string | null};
}

/** "xã Vĩnh Thủy" as the document's text names its commune; "xã ……" for the office to write in when not known. */
export function issuingCommune(meta: DocumentMeta): string {
  return meta.commune?.name ? `xã ${meta.commune.name}` : "xã ……";
}

/** Counts as the founding plan writes them: "03", "12". */
export function count2(n: number): string {
  return n >= 0 && n < 10 ? `0${n}` : String(n);
}

/** "01 - 05", or "02" when the range is one number. */
export function targetRange(min: number, max: number): string {
  return min === max ? count2(min) : `${count2(min)} - ${count2(max)}`;
}

export type TargetStatus = "dat" | "vuot" | "chua_dat";

/**
 * The date an evaluation stands on and the vouchers it leaves out, in the words the page, the
 * Word report, the Excel table and the command all print: a closed year keeps its figures when
 * later data arrive, and says so.
 */
export function standsOnText(model: Pick<EvaluationModel, "dataAsOf">): string {
  return model.dataAsOf ? `Số liệu đến ngày ${formatDate(model.dataAsOf)}` : "Chưa có ngày số liệu";
}

/** The adjustment period's vouchers (paid after the date, naming the year), told apart; undefined when none. */
export function adjustmentText(model: Pick<EvaluationModel, "year" | "adjustment">): string | undefined {
  const a = model.adjustment;
  if (!a) return undefined;
  return `Các khoản chi sau ngày đó cho kế hoạch năm ${model.year} (thời gian chỉnh lý, ghi Năm kế hoạch ${model.year}): ${formatNumber(a.vouchers)} chứng từ, ${formatMoney(a.amount)}, đến ngày ${formatDate(a.lastPaidOn)}, không tính vào các số liệu của năm`;
}

export const TARGET_STATUS_LABEL: Record<TargetStatus, string> = {dat: "Đạt", vuot: "Vượt", chua_dat: "Chưa đạt"};

/** Below the range: Chưa đạt; within it: Đạt; above it: Vượt. */
export function targetStatus(achieved: number, min: number, max: number): TargetStatus {
  if (achieved < min) return "chua_dat";
  if (achieved > max) return "vuot";
  return "dat";
}

export interface TargetResult {
  indicator: string;
  content_group: ContentGroup;
  description: string;
  unit: string;
  target_min: number;
  target_max: number;
  /** Σ output_qty of the completed activities counted toward the indicator. */
  achieved: number;
  status: TargetStatus;
  /** Completed activities counted. */
  activities: number;
}

export interface BudgetLineResult {
  line_no: number;
  content_group: ContentGroup;
  description: string;
  planned_quantity: number;
  planned_unit: bigint;
  planned_amount: bigint;
  /** Activities from phe_duyet on, not cancelled. */
  approved_amount: bigint;
  /** Net of recoveries. */
  disbursed_amount: bigint;
  /** Percent, null when nothing was planned. */
  commitment_rate: number | null;
  disbursement_rate: number | null;
}

export interface CountBy {
  code: string;
  label: string;
  count: number;
}

/** The figures compared with the yearly averages of the years before (history). */
export interface YearFigures {
  /** Projects (history) or completed activities (plan year). */
  supports: number;
  /** Distinct facilities supported. */
  facilities: number;
  support: bigint;
  counterpart: bigint;
  jobs: number;
}

/** Something the signer must see, under "Tồn tại, hạn chế" and as the page's alerts. */
export interface Finding {
  kind: "line_over_plan" | "total_over_plan" | "over_cap" | "carry_over_held_back" | "warning";
  /** Plain Vietnamese, with the amounts. */
  text: string;
}

export interface EvaluationModel {
  year: number;
  /**
   * The date the evaluation stands on (ISO), for the "số liệu đến" line: 31/12 of the year, or the
   * data date if earlier. Every figure is as of that date.
   */
  dataAsOf?: string;
  /**
   * Vouchers of the year's commune budget paid after `dataAsOf` (the adjustment period: January
   * payments naming the year in Năm kế hoạch), not in the figures; absent when there are none.
   */
  adjustment?: {vouchers: number; amount: bigint; lastPaidOn: string};
  targets: TargetResult[];
  budget: {
    lines: BudgetLineResult[];
    planned: bigint;
    approved: bigint;
    disbursed: bigint;
    /** Sum of recoveries (positive number) within `disbursed`. */
    recovered: bigint;
    commitment_rate: number | null;
    disbursement_rate: number | null;
    /** Work of the year funded by the province or the nation (no plan line). */
    otherLevels: {activities: number; approved: bigint; disbursed: bigint};
  };
  outcomes: {
    /** Distinct facilities with a completed activity of the year. */
    facilities: number;
    byKind: CountBy[];
    bySector: CountBy[];
    activitiesCompleted: number;
    activitiesInProgress: number;
    activitiesCancelled: number;
    participants: number;
    jobs: number;
    /** Approved support of the completed activities. */
    support: bigint;
    counterpart: bigint;
    /** counterpart / support, null when no support. */
    leverage: number | null;
  };
  history: {
    fromYear: number;
    toYear: number;
    /** Yearly averages over fromYear..toYear (money rounded to whole đồng). */
    average: YearFigures;
    /** The plan year's figures, counted the same way. */
    current: YearFigures;
    /** How the two are counted (Vietnamese), printed under the comparison. */
    basis?: string;
  };
  /**
   * Approved, unfinished commune work not fully paid: proposed for carry-over (chuyển nguồn).
   * `unsettled`: completed work whose payments differ from the approved amount (to check at
   * settlement; never carried over).
   */
  carryOver: {items: CarryOverItem[]; total: bigint; unsettled: CarryOverItem[]; yearUnspent?: bigint};
  /** What went wrong in the year (reports/review.ts); absent on models built before the review. */
  findings?: Finding[];
}

/** An evaluation as the page receives it: the lists that grow with the data packed (packRows), so each row does not repeat its keys and tagged money. */
export type PackedEvaluation = Omit<EvaluationModel, "targets" | "budget" | "carryOver" | "findings"> & {
  targets: PackedRows;
  budget: Omit<EvaluationModel["budget"], "lines"> & {lines: PackedRows};
  carryOver: Omit<EvaluationModel["carryOver"], "items" | "unsettled"> & {items: PackedRows; unsettled: PackedRows};
  findings?: PackedRows;
};

export function packEvaluation(e: EvaluationModel): PackedEvaluation {
  const {findings, ...rest} = e;
  return {
    ...rest,
    targets: packRows(e.targets),
    budget: {...e.budget, lines: packRows(e.budget.lines)},
    carryOver: {...e.carryOver, items: packRows(e.carryOver.items), unsettled: packRows(e.carryOver.unsettled)},
    ...(findings ? {findings: packRows(findings)} : {})
  };
}

export function unpackEvaluation(p: PackedEvaluation): EvaluationModel {
  const {findings, ...rest} = p;
  return {
    ...rest,
    targets: unpackRows<TargetResult>(p.targets),
    budget: {...p.budget, lines: unpackRows<BudgetLineResult>(p.budget.lines)},
    carryOver: {...p.carryOver, items: unpackRows<CarryOverItem>(p.carryOver.items), unsettled: unpackRows<CarryOverItem>(p.carryOver.unsettled)},
    ...(findings ? {findings: unpackRows<Finding>(findings)} : {})
  };
}

/** Findings the page lists at first; the others open under them (the report prints them all). */
export const FINDINGS_SHOWN = 20;

/**
 * An evaluation as the page paints it first: its long lists cut to what it draws at once (the
 * targets' first page, the first findings), with the whole lists' counts that the page tells. The
 * rest is evaluationLists(), fetched when the user pages, sorts or downloads the targets, opens the
 * findings or makes a document.
 */
export interface EvaluationHead {
  year: number;
  first: PackedEvaluation;
  counts: {targets: Record<TargetStatus, number>; findings: number};
}

export function evaluationHead(e: EvaluationModel, rows: {targets: number; findings: number}): EvaluationHead {
  const targets: Record<TargetStatus, number> = {dat: 0, vuot: 0, chua_dat: 0};
  for (const t of e.targets) targets[t.status]++;
  const first = {...e, targets: e.targets.slice(0, rows.targets), ...(e.findings ? {findings: e.findings.slice(0, rows.findings)} : {})};
  return {year: e.year, first: packEvaluation(first), counts: {targets, findings: e.findings?.length ?? 0}};
}

/** The lists evaluationHead() cuts, whole. */
export interface EvaluationLists {
  year: number;
  targets: PackedRows;
  findings?: PackedRows;
}

export function evaluationLists(e: EvaluationModel): EvaluationLists {
  return {year: e.year, targets: packRows(e.targets), ...(e.findings ? {findings: packRows(e.findings)} : {})};
}

/** The evaluation whole again, from its first paint and its lists. */
export function withLists(e: EvaluationModel, lists: EvaluationLists): EvaluationModel {
  return {...e, targets: unpackRows<TargetResult>(lists.targets), ...(lists.findings ? {findings: unpackRows<Finding>(lists.findings)} : {})};
}

/** What section III of the draft plan tells of the year before: figures of its evaluation. */
export interface PreviousYear {
  budget: Pick<EvaluationModel["budget"], "planned" | "approved" | "disbursed" | "commitment_rate" | "disbursement_rate">;
  /** Targets met or exceeded, of `targets`. */
  targetsMet: number;
  targets: number;
  /** Facilities with a completed activity. */
  facilities: number;
}

export function previousYear(e: EvaluationModel): PreviousYear {
  const {planned, approved, disbursed, commitment_rate, disbursement_rate} = e.budget;
  return {
    budget: {planned, approved, disbursed, commitment_rate, disbursement_rate},
    targetsMet: e.targets.filter((t) => t.status !== "chua_dat").length,
    targets: e.targets.length,
    facilities: e.outcomes.facilities
  };
}

export interface DraftPlanModel {
  draft: DraftPlan;
  /** Results of the year before, for section III; a marked blank when absent. */
  previous?: PreviousYear;
  /** Facilities in the register by sector, for section III. */
  registry?: {total: number; bySector: CountBy[]};
}

/** National bases of the programme: they hold in every province. */
export const NATIONAL_LEGAL_BASES: readonly string[] = [
  "Căn cứ Nghị định số 45/2012/NĐ-CP ngày 21/5/2012 của Chính phủ về khuyến công; Nghị định số 235/2025/NĐ-CP ngày 27/8/2025 của Chính phủ về sửa đổi, bổ sung một số điều của Nghị định số 45/2012/NĐ-CP về khuyến công;",
  "Căn cứ Quyết định số 2646/QĐ-BCT ngày 23/9/2025 của Bộ Công Thương về phê duyệt Chương trình khuyến công quốc gia giai đoạn 2026 - 2030;"
];

/**
 * The provinces' own resolutions on support levels that the founding plan cites, by the province's
 * name as xa.csv writes it. A commune of another province gets a blank for its own: one province's
 * resolutions are never cited for another.
 */
const PROVINCIAL_LEGAL_BASES: ReadonlyMap<string, readonly string[]> = new Map([
  [
    nameKey("Quảng Trị"),
    [
      "Căn cứ Nghị quyết số 38/2020/NQ-HĐND ngày 23/7/2020 của HĐND tỉnh Quảng Trị (cũ) Quy định nội dung và mức chi hỗ trợ hoạt động khuyến công trên địa bàn tỉnh Quảng Trị;",
      "Căn cứ Nghị quyết số 81/2024/NQ-HĐND ngày 11/12/2024 của HĐND tỉnh Quảng Bình (cũ) ban hành Quy định mức chi hỗ trợ hoạt động khuyến công trên địa bàn tỉnh;"
    ]
  ]
]);

/** The issuing commune's provincial resolutions, or null when the code knows none for its province. */
export function provincialLegalBases(meta: DocumentMeta): readonly string[] | null {
  const province = meta.commune?.province;
  return province ? (PROVINCIAL_LEGAL_BASES.get(nameKey(province)) ?? null) : null;
}

/** "tỉnh Quảng Trị"; "tỉnh ……" for the office to write in when not known. */
export function issuingProvince(meta: DocumentMeta): string {
  return meta.commune?.province ? `tỉnh ${meta.commune.province}` : "tỉnh ……";
}

/** Recipients of the founding plan. */
export const PLAN_RECIPIENTS: readonly string[] = [
  "Sở Công Thương (b/c);",
  "Trung tâm Khuyến công và Xúc tiến thương mại tỉnh (b/c);",
  "Các PCT UBND xã;",
  "Phòng Kinh tế xã (p/h);",
  "Trung tâm Dịch vụ tổng hợp xã (t/h);"
];

export const REPORT_RECIPIENTS: readonly string[] = [
  "Sở Công Thương (b/c);",
  "Trung tâm Khuyến công và Xúc tiến thương mại tỉnh (b/c);",
  "Thường trực Đảng ủy, HĐND xã (b/c);",
  "Các PCT UBND xã;",
  "Phòng Kinh tế xã;",
  "Trung tâm Dịch vụ tổng hợp xã;"
];
