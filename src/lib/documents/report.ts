// The year-end report (BÁO CÁO kết quả thực hiện kế hoạch khuyến công năm …) as a Word document.
// Browser-safe. Every figure comes from the EvaluationModel; assessments, causes and directions
// that only staff can know are marked blanks, never written by the software.
import type {FileChild} from "docx";
import {formatDate, formatNumber, formatPercent, ratePercent} from "../format.js";
import {moneyToWords} from "../words.js";
import {
  afterTable,
  blank,
  lowerFirst,
  closing,
  count2,
  dash,
  dataTable,
  documentHead,
  heading1,
  heading2,
  heading3,
  packDocument,
  para,
  signatureBlock,
  unitLine,
  type Column,
  type TableRowSpec
} from "./layout.js";
import {issuingCommune, REPORT_RECIPIENTS, adjustmentText, TARGET_STATUS_LABEL, targetRange, type DocumentMeta, type EvaluationModel, type YearFigures} from "./models.js";

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
    {cells: ["TỔNG", formatNumber(b.planned), formatNumber(b.approved), formatNumber(b.disbursed), formatPercent(b.disbursement_rate)], bold: true, merge: 2}
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
  const words = meta.words ?? {};
  const b = model.budget;
  const o = model.outcomes;
  const body: FileChild[] = [];
  body.push(...documentHead({meta, symbol: "BC-UBND", year: Y, kind: "BÁO CÁO", subject: reportSubject(Y)}));

  body.push(
    para(
      `Thực hiện Kế hoạch triển khai hoạt động khuyến công trên địa bàn xã năm ${Y}, UBND ${issuingCommune(meta)} báo cáo kết quả thực hiện như sau` +
        (model.dataAsOf ? ` (số liệu tổng hợp từ cơ sở dữ liệu khuyến công của xã đến ngày ${formatDate(model.dataAsOf)}):` : ":")
    )
  );
  const adjustment = adjustmentText(model);
  if (adjustment) body.push(para(`${adjustment}.`));

  // I.
  body.push(heading1("I. KẾT QUẢ THỰC HIỆN"));
  body.push(heading2("1. Kết quả thực hiện các chỉ tiêu"));
  const met = model.targets.filter((t) => t.status === "dat").length;
  const over = model.targets.filter((t) => t.status === "vuot").length;
  const under = model.targets.filter((t) => t.status === "chua_dat").length;
  body.push(para(`Kế hoạch năm ${Y} đề ra ${count2(model.targets.length)} chỉ tiêu; kết quả: ${count2(met)} chỉ tiêu đạt, ${count2(over)} chỉ tiêu vượt, ${count2(under)} chỉ tiêu chưa đạt (tính theo các hoạt động đã hoàn thành).`));
  if (model.targets.length > 0) body.push(dataTable(TARGET_COLUMNS, targetRows(model)));

  body.push(heading2("2. Kết quả sử dụng kinh phí khuyến công cấp xã"));
  body.push(
    para(
      `Tổng kinh phí kế hoạch ${formatNumber(b.planned)} đồng; đã phê duyệt ${formatNumber(b.approved)} đồng, ${ofPlan(b.approved, b.planned, b.commitment_rate)}; đã giải ngân ${formatNumber(b.disbursed)} đồng, ${ofPlan(b.disbursed, b.planned, b.disbursement_rate)}` +
        (b.recovered > 0n ? ` (đã trừ ${formatNumber(b.recovered)} đồng thu hồi).` : ".")
    )
  );
  body.push(unitLine());
  body.push(dataTable(BUDGET_COLUMNS, budgetRows(model)));
  body.push(afterTable(`Bằng chữ: Kế hoạch ${moneyToWords(b.planned, words).replace(/^./u, (c) => c.toLowerCase())}; đã giải ngân ${moneyToWords(b.disbursed, words).replace(/^./u, (c) => c.toLowerCase())}.`));
  if (b.otherLevels.activities > 0) {
    body.push(
      para(
        `Ngoài ra, ${count2(b.otherLevels.activities)} hoạt động do khuyến công tỉnh, khuyến công quốc gia hỗ trợ trên địa bàn xã với kinh phí phê duyệt ${formatNumber(b.otherLevels.approved)} đồng, đã giải ngân ${formatNumber(b.otherLevels.disbursed)} đồng.`
      )
    );
  }

  body.push(heading2("3. Cơ sở được hỗ trợ và hiệu quả"));
  body.push(
    dash(
      `Số cơ sở CNNT được hỗ trợ hoàn thành: ${count2(o.facilities)} cơ sở; theo loại hình: ${listOf(o.byKind.filter((k) => k.count > 0).map((k) => `${lowerFirst(k.label)} ${count2(k.count)}`))}.`
    ),
    dash(`Theo ngành nghề: ${listOf(o.bySector.filter((k) => k.count > 0).map((k) => `${lowerFirst(k.label)} ${count2(k.count)}`))}.`),
    dash(`Số hoạt động: ${count2(o.activitiesCompleted)} hoàn thành, ${count2(o.activitiesInProgress)} đang thực hiện, ${count2(o.activitiesCancelled)} hủy.`),
    dash(`Số lượt người tham gia tập huấn, tham quan, hội chợ: ${formatNumber(o.participants)} lượt người.`),
    dash(`Lao động tạo thêm: ${formatNumber(o.jobs)} người.`),
    dash(
      `Vốn đối ứng của các cơ sở: ${formatNumber(o.counterpart)} đồng trên ${formatNumber(o.support)} đồng kinh phí hỗ trợ` +
        (o.leverage === null ? "." : `; mỗi đồng hỗ trợ thu hút ${formatNumber(o.leverage, 2)} đồng vốn đối ứng.`)
    )
  );

  const h = model.history;
  body.push(heading2(`4. So sánh với bình quân giai đoạn ${h.fromYear} - ${h.toYear}`));
  const cmpColumns: Column[] = [
    {header: "STT", width: 700, align: "center"},
    {header: "Chỉ tiêu", width: 3055},
    {header: `Bình quân/năm ${h.fromYear} - ${h.toYear}`, width: 2000, align: "right"},
    {header: `Năm ${Y}`, width: 1800, align: "right"},
    {header: "So với bình quân", width: 1800, align: "center"}
  ];
  body.push(dataTable(cmpColumns, comparisonRows(h.average, h.current)));
  if (h.basis) body.push(afterTable(h.basis));

  body.push(heading2("5. Kinh phí đã phê duyệt chưa giải ngân, đề nghị chuyển nguồn"));
  const co = model.carryOver;
  if (co.items.length === 0) {
    body.push(para("Không có kinh phí đã phê duyệt còn chưa giải ngân."));
  } else {
    body.push(
      para(
        `Có ${count2(co.items.length)} hoạt động đã phê duyệt nhưng chưa giải ngân hết, đề nghị chuyển nguồn sang năm ${Y + 1} để tiếp tục thực hiện; số đề nghị chuyển nguồn không vượt định mức hỗ trợ, không vượt kế hoạch từng dòng trừ số đã giải ngân và không vượt tổng kế hoạch năm chưa giải ngân` +
          (co.yearUnspent === undefined ? ":" : ` (${formatNumber(co.yearUnspent)} đồng):`)
      )
    );
    const rows: TableRowSpec[] = co.items.map((c, i) => ({
      cells: [
        String(i + 1),
        `${c.title}${c.establishment_name ? ` (${c.establishment_name})` : ""}`,
        c.line_no === undefined ? "" : String(c.line_no),
        formatNumber(c.approved),
        formatNumber(c.disbursed),
        formatNumber(c.remainder),
        [c.status, c.decision_no ? `QĐ ${c.decision_no}` : "", c.limit ? `chưa đề nghị ${formatNumber((c.unpaid ?? c.remainder) - c.remainder)} đồng: ${c.limit}` : ""].filter(Boolean).join("; ")
      ]
    }));
    const sum = (f: (c: (typeof co.items)[number]) => bigint) => formatNumber(co.items.reduce((s, c) => s + f(c), 0n));
    rows.push({cells: ["TỔNG", "", sum((c) => c.approved), sum((c) => c.disbursed), formatNumber(co.total), ""], bold: true, merge: 2});
    body.push(unitLine());
    body.push(dataTable(CARRY_OVER_COLUMNS, rows, 24));
    body.push(afterTable(`Bằng chữ: ${moneyToWords(co.total, words)}`));
  }

  if (co.unsettled.length > 0) {
    body.push(para("Hoạt động đã hoàn thành nhưng số đã chi khác số phê duyệt (đối chiếu khi quyết toán, không đề nghị chuyển nguồn):"));
    for (const u of co.unsettled) {
      body.push(dash(`${u.title}${u.establishment_name ? ` (${u.establishment_name})` : ""}: phê duyệt ${formatNumber(u.approved)} đồng, đã chi ${formatNumber(u.disbursed)} đồng, chênh lệch ${formatNumber(u.remainder)} đồng.`));
    }
  }

  // II.
  body.push(heading1("II. ĐÁNH GIÁ CHUNG"));
  body.push(heading2("1. Kết quả đạt được"));
  body.push(
    dash(`${count2(met + over)}/${count2(model.targets.length)} chỉ tiêu đạt hoặc vượt kế hoạch; tỷ lệ giải ngân kinh phí cấp xã đạt ${formatPercent(b.disbursement_rate)}.`),
    para(blank("kết quả nổi bật, hiệu quả của các mô hình, ý kiến của các cơ sở được hỗ trợ"))
  );
  body.push(heading2("2. Tồn tại, hạn chế"));
  const missed = model.targets.filter((t) => t.status === "chua_dat").map((t) => `${t.description} (thực hiện ${count2(t.achieved)}/${targetRange(t.target_min, t.target_max)} ${t.unit})`);
  if (missed.length > 0) body.push(dash(`Chỉ tiêu chưa đạt: ${missed.join("; ")}.`));
  const slow = b.lines.filter((l) => l.planned_amount > 0n && l.disbursed_amount < l.planned_amount).map((l) => `${l.description.replace(/[.…]+$/u, "")} (${formatPercent(l.disbursement_rate)})`);
  if (slow.length > 0) body.push(dash(`Nội dung giải ngân chưa hết kế hoạch: ${slow.join("; ")}.`));
  if (o.activitiesCancelled > 0) body.push(dash(`Số hoạt động phải hủy: ${count2(o.activitiesCancelled)}.`));
  for (const f of model.findings ?? []) body.push(dash(`${f.text}.`));
  body.push(para(blank("tồn tại, hạn chế khác")));
  body.push(heading2("3. Nguyên nhân"));
  body.push(heading3("a) Nguyên nhân khách quan"));
  body.push(para(blank("nguyên nhân khách quan")));
  body.push(heading3("b) Nguyên nhân chủ quan"));
  body.push(para(blank("nguyên nhân chủ quan")));

  // III.
  body.push(heading1(`III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM ${Y + 1}`));
  if (co.total > 0n) body.push(dash(`Tiếp tục thực hiện, giải ngân các nội dung năm ${Y} chuyển sang: ${formatNumber(co.total)} đồng.`));
  body.push(dash(`Triển khai Kế hoạch khuyến công năm ${Y + 1} trên cơ sở kết quả khảo sát nhu cầu của các cơ sở CNNT.`));
  body.push(para(blank(`phương hướng, nhiệm vụ trọng tâm năm ${Y + 1}`)));

  // IV.
  body.push(heading1("IV. KIẾN NGHỊ, ĐỀ XUẤT"));
  if (co.total > 0n) {
    body.push(dash(`Đề nghị cho phép chuyển nguồn kinh phí khuyến công năm ${Y} đã phê duyệt chưa giải ngân sang năm ${Y + 1}: ${formatNumber(co.total)} đồng (Bằng chữ: ${moneyToWords(co.total, words)}).`));
  }
  body.push(para(blank("kiến nghị với UBND tỉnh, Sở Công Thương, Trung tâm Khuyến công và Xúc tiến thương mại tỉnh")));

  body.push(closing(`Trên đây là báo cáo kết quả thực hiện kế hoạch khuyến công năm ${Y} trên địa bàn ${issuingCommune(meta)}`));
  body.push(signatureBlock(meta, REPORT_RECIPIENTS));

  return packDocument({title: `Báo cáo kết quả khuyến công năm ${Y}`, subject: reportSubject(Y), meta, children: body});
}
