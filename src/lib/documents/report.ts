// The year-end report (BÁO CÁO kết quả thực hiện kế hoạch khuyến công năm …) as a Word document.
// Browser-safe. Every figure comes from the EvaluationModel; assessments, causes and directions
// that only staff can know are marked blanks, never written by the software.
import type {FileChild, Paragraph} from "docx";
import {formatDate, formatNumber, formatPercent, ratePercent, withoutFinalDots} from "../format.js";
import {moneyToWords, type WordsOptions} from "../words.js";
import {
  afterTable,
  blank,
  lowerFirst,
  count2,
  dash,
  dataTable,
  moneyTable,
  numbered,
  packStateDocument,
  para,
  totalInWords,
  totalRow,
  type Column,
  type Section,
  type TableRowSpec
} from "./layout.js";
import {
  issuingCommune,
  REPORT_RECIPIENTS,
  adjustmentText,
  TARGET_STATUS_LABEL,
  targetRange,
  type CountBy,
  type DocumentMeta,
  type EvaluationModel,
  type TargetStatus,
  type YearFigures
} from "./models.js";

export function reportSubject(year: number): string {
  return `Kết quả thực hiện kế hoạch khuyến công năm ${year} trên địa bàn xã`;
}

export const TARGET_COLUMNS: readonly Column[] = [
  {header: "STT", width: 700, align: "center"},
  {header: "Chỉ tiêu", width: 3355},
  {header: "Đơn vị tính", width: 1000, align: "center"},
  {header: "Kế hoạch", width: 1300, align: "center"},
  {header: "Thực hiện", width: 1300, align: "center"},
  {header: "Đánh giá", width: 1700, align: "center"}
];

export const BUDGET_COLUMNS: readonly Column[] = [
  {header: "STT", width: 700, align: "center"},
  {header: "Nội dung hỗ trợ", width: 2655},
  {header: "Kế hoạch", width: 1500, align: "right"},
  {header: "Đã phê duyệt", width: 1500, align: "right"},
  {header: "Đã giải ngân", width: 1500, align: "right"},
  {header: "Tỷ lệ giải ngân", width: 1500, align: "center"}
];

export const CARRY_OVER_COLUMNS: readonly Column[] = [
  {header: "STT", width: 600, align: "center"},
  {header: "Hoạt động", width: 2555},
  {header: "Dòng KH", width: 700, align: "center"},
  {header: "Phê duyệt", width: 1300, align: "right"},
  {header: "Đã giải ngân", width: 1300, align: "right"},
  {header: "Đề nghị chuyển nguồn", width: 1300, align: "right"},
  {header: "Ghi chú", width: 1600}
];

export function targetRows(model: EvaluationModel): TableRowSpec[] {
  return model.targets.map((t, i) => ({
    cells: [String(i + 1), t.description, t.unit, targetRange(t.target_min, t.target_max), count2(t.achieved), TARGET_STATUS_LABEL[t.status]]
  }));
}

export function budgetRows(model: EvaluationModel): TableRowSpec[] {
  const b = model.budget;
  return [
    ...b.lines.map((l) => ({
      cells: [String(l.line_no), l.description, formatNumber(l.planned_amount), formatNumber(l.approved_amount), formatNumber(l.disbursed_amount), formatPercent(l.disbursement_rate)]
    })),
    totalRow(formatNumber(b.planned), formatNumber(b.approved), formatNumber(b.disbursed), formatPercent(b.disbursement_rate))
  ];
}

function comparisonRows(avg: YearFigures, cur: YearFigures): TableRowSpec[] {
  const row = (i: number, label: string, a: bigint | number, c: bigint | number, digits = 1): TableRowSpec => ({
    cells: [String(i), label, formatNumber(typeof a === "number" ? Number(a.toFixed(digits)) : a, typeof a === "number" ? digits : 0), formatNumber(c), formatPercent(ratePercent(c, a))]
  });
  return [
    row(1, "Số đề án, hoạt động được hỗ trợ", avg.supports, cur.supports),
    row(2, "Số cơ sở được hỗ trợ", avg.facilities, cur.facilities),
    row(3, "Kinh phí hỗ trợ (đồng)", avg.support, cur.support),
    row(4, "Vốn đối ứng của cơ sở (đồng)", avg.counterpart, cur.counterpart),
    row(5, "Lao động tạo thêm (người)", avg.jobs, cur.jobs)
  ];
}

/** "đạt 95,8% kế hoạch", or above the plan "bằng 122,5% kế hoạch, vượt 4.500.000 đồng": never "đạt" for overspending. */
export function ofPlan(amount: bigint, planned: bigint, rate: number | null): string {
  return amount > planned ? `bằng ${formatPercent(rate)} kế hoạch, vượt kế hoạch ${formatNumber(amount - planned)} đồng` : `đạt ${formatPercent(rate)} kế hoạch`;
}

function listOf(parts: readonly string[]): string {
  return parts.length === 0 ? "không có" : parts.join("; ");
}

export async function buildEvaluationDocx(model: EvaluationModel, meta: DocumentMeta = {}): Promise<Uint8Array> {
  const Y = model.year;
  return packStateDocument({
    meta,
    symbol: "BC-UBND",
    year: Y,
    kind: "BÁO CÁO",
    title: `Báo cáo kết quả khuyến công năm ${Y}`,
    subject: reportSubject(Y),
    body: [
      ...introduction(model, meta),
      ...numbered(1, [results(model, meta.words), assessment(model), directions(model), proposals(model, meta.words)])
    ],
    closing: `Trên đây là báo cáo kết quả thực hiện kế hoạch khuyến công năm ${Y} trên địa bàn ${issuingCommune(meta)}`,
    recipients: REPORT_RECIPIENTS
  });
}

function introduction(model: EvaluationModel, meta: DocumentMeta): Paragraph[] {
  const asOf = model.dataAsOf ? ` (số liệu tổng hợp từ cơ sở dữ liệu khuyến công của xã đến ngày ${formatDate(model.dataAsOf)}):` : ":";
  const adjustment = adjustmentText(model);
  return [
    para(`Thực hiện Kế hoạch triển khai hoạt động khuyến công trên địa bàn xã năm ${model.year}, UBND ${issuingCommune(meta)} báo cáo kết quả thực hiện như sau` + asOf),
    ...(adjustment ? [para(`${adjustment}.`)] : [])
  ];
}

function results(model: EvaluationModel, words: WordsOptions | undefined): Section {
  return {title: "KẾT QUẢ THỰC HIỆN", body: numbered(2, [targetResults(model), budgetUse(model, words), supportedFacilities(model.outcomes), comparison(model), carryOver(model, words)])};
}

function countByStatus(model: EvaluationModel, status: TargetStatus): number {
  return model.targets.filter((t) => t.status === status).length;
}

function targetResults(model: EvaluationModel): Section {
  const n = model.targets.length;
  const summary = `Kế hoạch năm ${model.year} đề ra ${count2(n)} chỉ tiêu; kết quả: ${count2(countByStatus(model, "dat"))} chỉ tiêu đạt, ${count2(countByStatus(model, "vuot"))} chỉ tiêu vượt, ${count2(countByStatus(model, "chua_dat"))} chỉ tiêu chưa đạt (tính theo các hoạt động đã hoàn thành).`;
  return {title: "Kết quả thực hiện các chỉ tiêu", body: [para(summary), ...(n > 0 ? [dataTable(TARGET_COLUMNS, targetRows(model))] : [])]};
}

/** "một trăm triệu đồng", inside a sentence. */
function inWordsMidSentence(amount: bigint, words: WordsOptions | undefined): string {
  return lowerFirst(moneyToWords(amount, words));
}

function budgetUse(model: EvaluationModel, words: WordsOptions | undefined): Section {
  const b = model.budget;
  const body: FileChild[] = [
    para(
      `Tổng kinh phí kế hoạch ${formatNumber(b.planned)} đồng; đã phê duyệt ${formatNumber(b.approved)} đồng, ${ofPlan(b.approved, b.planned, b.commitment_rate)}; đã giải ngân ${formatNumber(b.disbursed)} đồng, ${ofPlan(b.disbursed, b.planned, b.disbursement_rate)}` +
        (b.recovered > 0n ? ` (đã trừ ${formatNumber(b.recovered)} đồng thu hồi).` : ".")
    ),
    ...moneyTable(BUDGET_COLUMNS, budgetRows(model), {inWords: `Bằng chữ: Kế hoạch ${inWordsMidSentence(b.planned, words)}; đã giải ngân ${inWordsMidSentence(b.disbursed, words)}.`})
  ];
  const other = b.otherLevels;
  if (other.activities > 0) {
    body.push(para(`Ngoài ra, ${count2(other.activities)} hoạt động do khuyến công tỉnh, khuyến công quốc gia hỗ trợ trên địa bàn xã với kinh phí phê duyệt ${formatNumber(other.approved)} đồng, đã giải ngân ${formatNumber(other.disbursed)} đồng.`));
  }
  return {title: "Kết quả sử dụng kinh phí khuyến công cấp xã", body};
}

/** "chế biến nông, lâm, thủy sản 03; cơ khí 01", the kinds with none left out. */
function countsOf(counts: readonly CountBy[]): string {
  return listOf(counts.filter((k) => k.count > 0).map((k) => `${lowerFirst(k.label)} ${count2(k.count)}`));
}

function supportedFacilities(o: EvaluationModel["outcomes"]): Section {
  return {
    title: "Cơ sở được hỗ trợ và hiệu quả",
    body: [
      dash(`Số cơ sở CNNT được hỗ trợ hoàn thành: ${count2(o.facilities)} cơ sở; theo loại hình: ${countsOf(o.byKind)}.`),
      dash(`Theo ngành nghề: ${countsOf(o.bySector)}.`),
      dash(`Số hoạt động: ${count2(o.activitiesCompleted)} hoàn thành, ${count2(o.activitiesInProgress)} đang thực hiện, ${count2(o.activitiesCancelled)} hủy.`),
      dash(`Số lượt người tham gia tập huấn, tham quan, hội chợ: ${formatNumber(o.participants)} lượt người.`),
      dash(`Lao động tạo thêm: ${formatNumber(o.jobs)} người.`),
      dash(
        `Vốn đối ứng của các cơ sở: ${formatNumber(o.counterpart)} đồng trên ${formatNumber(o.support)} đồng kinh phí hỗ trợ` +
          (o.leverage === null ? "." : `; mỗi đồng hỗ trợ thu hút ${formatNumber(o.leverage, 2)} đồng vốn đối ứng.`)
      )
    ]
  };
}

function comparison(model: EvaluationModel): Section {
  const h = model.history;
  const period = `${h.fromYear} - ${h.toYear}`;
  const columns: Column[] = [
    {header: "STT", width: 700, align: "center"},
    {header: "Chỉ tiêu", width: 3055},
    {header: `Bình quân/năm ${period}`, width: 2000, align: "right"},
    {header: `Năm ${model.year}`, width: 1800, align: "right"},
    {header: "So với bình quân", width: 1800, align: "center"}
  ];
  return {title: `So sánh với bình quân giai đoạn ${period}`, body: [dataTable(columns, comparisonRows(h.average, h.current)), ...(h.basis ? [afterTable(h.basis)] : [])]};
}

/** "Hỗ trợ máy đóng gói (Cơ sở nước mắm Hải An)". */
function withFacility(a: {title: string; establishment_name?: string}): string {
  return `${a.title}${a.establishment_name ? ` (${a.establishment_name})` : ""}`;
}

function carryOver(model: EvaluationModel, words: WordsOptions | undefined): Section {
  const co = model.carryOver;
  const body: FileChild[] = co.items.length === 0 ? [para("Không có kinh phí đã phê duyệt còn chưa giải ngân.")] : carryOverProposal(model, words);
  if (co.unsettled.length > 0) {
    body.push(para("Hoạt động đã hoàn thành nhưng số đã chi khác số phê duyệt (đối chiếu khi quyết toán, không đề nghị chuyển nguồn):"));
    for (const u of co.unsettled) body.push(dash(`${withFacility(u)}: phê duyệt ${formatNumber(u.approved)} đồng, đã chi ${formatNumber(u.disbursed)} đồng, chênh lệch ${formatNumber(u.remainder)} đồng.`));
  }
  return {title: "Kinh phí đã phê duyệt chưa giải ngân, đề nghị chuyển nguồn", body};
}

function carryOverProposal(model: EvaluationModel, words: WordsOptions | undefined): FileChild[] {
  const co = model.carryOver;
  return [
    para(
      `Có ${count2(co.items.length)} hoạt động đã phê duyệt nhưng chưa giải ngân hết, đề nghị chuyển nguồn sang năm ${model.year + 1} để tiếp tục thực hiện; số đề nghị chuyển nguồn không vượt định mức hỗ trợ, không vượt kế hoạch từng dòng trừ số đã giải ngân và không vượt tổng kế hoạch năm chưa giải ngân` +
        (co.yearUnspent === undefined ? ":" : ` (${formatNumber(co.yearUnspent)} đồng):`)
    ),
    ...moneyTable(CARRY_OVER_COLUMNS, carryOverRows(co), {size: 24, inWords: totalInWords(co.total, words)})
  ];
}

function carryOverRows(co: EvaluationModel["carryOver"]): TableRowSpec[] {
  const rows: TableRowSpec[] = co.items.map((c, i) => ({
    cells: [
      String(i + 1),
      withFacility(c),
      c.line_no === undefined ? "" : String(c.line_no),
      formatNumber(c.approved),
      formatNumber(c.disbursed),
      formatNumber(c.remainder),
      [c.status, c.decision_no ? `QĐ ${c.decision_no}` : "", c.limit ? `chưa đề nghị ${formatNumber((c.unpaid ?? c.remainder) - c.remainder)} đồng: ${c.limit}` : ""].filter(Boolean).join("; ")
    ]
  }));
  const sum = (f: (c: (typeof co.items)[number]) => bigint) => formatNumber(co.items.reduce((s, c) => s + f(c), 0n));
  return [...rows, totalRow("", sum((c) => c.approved), sum((c) => c.disbursed), formatNumber(co.total), "")];
}

function assessment(model: EvaluationModel): Section {
  return {title: "ĐÁNH GIÁ CHUNG", body: numbered(2, [achievements(model), shortcomings(model), causes()])};
}

function achievements(model: EvaluationModel): Section {
  const reached = countByStatus(model, "dat") + countByStatus(model, "vuot");
  return {
    title: "Kết quả đạt được",
    body: [
      dash(`${count2(reached)}/${count2(model.targets.length)} chỉ tiêu đạt hoặc vượt kế hoạch; tỷ lệ giải ngân kinh phí cấp xã đạt ${formatPercent(model.budget.disbursement_rate)}.`),
      para(blank("kết quả nổi bật, hiệu quả của các mô hình, ý kiến của các cơ sở được hỗ trợ"))
    ]
  };
}

/** What the figures show went short; staff add what they do not. */
function shortcomings(model: EvaluationModel): Section {
  const missed = model.targets.filter((t) => t.status === "chua_dat").map((t) => `${t.description} (thực hiện ${count2(t.achieved)}/${targetRange(t.target_min, t.target_max)} ${t.unit})`);
  const slow = model.budget.lines.filter((l) => l.planned_amount > 0n && l.disbursed_amount < l.planned_amount).map((l) => `${withoutFinalDots(l.description)} (${formatPercent(l.disbursement_rate)})`);
  const cancelled = model.outcomes.activitiesCancelled;
  const body: FileChild[] = [];
  if (missed.length > 0) body.push(dash(`Chỉ tiêu chưa đạt: ${missed.join("; ")}.`));
  if (slow.length > 0) body.push(dash(`Nội dung giải ngân chưa hết kế hoạch: ${slow.join("; ")}.`));
  if (cancelled > 0) body.push(dash(`Số hoạt động phải hủy: ${count2(cancelled)}.`));
  for (const f of model.findings ?? []) body.push(dash(`${f.text}.`));
  body.push(para(blank("tồn tại, hạn chế khác")));
  return {title: "Tồn tại, hạn chế", body};
}

function causes(): Section {
  return {
    title: "Nguyên nhân",
    body: numbered(3, [
      {title: "Nguyên nhân khách quan", body: [para(blank("nguyên nhân khách quan"))]},
      {title: "Nguyên nhân chủ quan", body: [para(blank("nguyên nhân chủ quan"))]}
    ])
  };
}

function directions(model: EvaluationModel): Section {
  const Y = model.year;
  const co = model.carryOver;
  return {
    title: `PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM ${Y + 1}`,
    body: [
      ...(co.total > 0n ? [dash(`Tiếp tục thực hiện, giải ngân các nội dung năm ${Y} chuyển sang: ${formatNumber(co.total)} đồng.`)] : []),
      dash(`Triển khai Kế hoạch khuyến công năm ${Y + 1} trên cơ sở kết quả khảo sát nhu cầu của các cơ sở CNNT.`),
      para(blank(`phương hướng, nhiệm vụ trọng tâm năm ${Y + 1}`))
    ]
  };
}

function proposals(model: EvaluationModel, words: WordsOptions | undefined): Section {
  const Y = model.year;
  const co = model.carryOver;
  return {
    title: "KIẾN NGHỊ, ĐỀ XUẤT",
    body: [
      ...(co.total > 0n ? [dash(`Đề nghị cho phép chuyển nguồn kinh phí khuyến công năm ${Y} đã phê duyệt chưa giải ngân sang năm ${Y + 1}: ${formatNumber(co.total)} đồng (${totalInWords(co.total, words)}).`)] : []),
      para(blank("kiến nghị với UBND tỉnh, Sở Công Thương, Trung tâm Khuyến công và Xúc tiến thương mại tỉnh"))
    ]
  };
}
