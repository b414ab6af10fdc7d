// The draft plan (KẾ HOẠCH triển khai hoạt động khuyến công năm sau) as a Word document, in the
// founding 2026 plan's sections. Browser-safe. Standing wording (purpose, organisation) is the
// commune's own, taken from the founding plan; what only staff know is a marked blank.
import type {FileChild, Paragraph} from "docx";
import {codeLabel} from "../contract/codes.js";
import {formatNumber, formatPercent, withoutFinalDots} from "../format.js";
import type {DraftLine, DraftPlan, RankedRequest} from "../plan/draft.js";
import {
  afterTable,
  blank,
  centredLine,
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
import {issuingCommune, issuingProvince, NATIONAL_LEGAL_BASES, PLAN_RECIPIENTS, provincialLegalBases, targetRange, type DocumentMeta, type DraftPlanModel} from "./models.js";

export const PLAN_COLUMNS: readonly Column[] = [
  {header: "STT", width: 700, align: "center"},
  {header: "Nội dung hỗ trợ Khuyến công", width: 2900, align: "left"},
  {header: "Số lượng", width: 1000, align: "center"},
  {header: "Kinh phí hỗ trợ", width: 1500, align: "right"},
  {header: "Tổng kinh phí hỗ trợ", width: 1550, align: "right"},
  {header: "Ghi chú", width: 1705, align: "left"}
];

const TARGET_PLAN_COLUMNS: readonly Column[] = [
  {header: "STT", width: 700, align: "center"},
  {header: "Chỉ tiêu", width: 5655},
  {header: "Đơn vị tính", width: 1500, align: "center"},
  {header: "Kế hoạch", width: 1500, align: "center"}
];

const APPENDIX_COLUMNS: readonly Column[] = [
  {header: "TT", width: 550, align: "center"},
  {header: "Cơ sở", width: 2150},
  {header: "Nội dung đề nghị", width: 2555},
  {header: "Đề nghị hỗ trợ", width: 1300, align: "right"},
  {header: "Dự kiến hỗ trợ", width: 1300, align: "right"},
  {header: "Ghi chú", width: 1500}
];

export function planSubject(year: number): string {
  return `Triển khai hoạt động khuyến công trên địa bàn xã năm ${year}`;
}

/** Ghi chú of a line; a line whose facilities are proposed less than the unit says where its total comes from. */
export function lineNote(l: DraftLine): string {
  const split = l.origin === "requests" && l.totalAmount !== BigInt(l.quantity) * l.unitAmount;
  return split ? [l.note, "Kinh phí hỗ trợ là mức tối đa một cơ sở; tổng theo từng cơ sở tại Phụ lục"].filter(Boolean).join(". ") : l.note;
}

/** The printed lines (quantity > 0) of the budget table, with subtotals when money is carried over. */
export function planTableRows(model: DraftPlanModel): TableRowSpec[] {
  const {draft} = model;
  const printed = draft.lines.filter((l) => l.stt !== null);
  const fresh = printed.filter((l) => l.kind === "new");
  const carried = printed.filter((l) => l.kind === "carry_over");
  const row = (l: DraftLine): TableRowSpec => ({
    cells: [String(l.stt), l.description, count2(l.quantity), formatNumber(l.unitAmount), formatNumber(l.totalAmount), lineNote(l)]
  });
  const rows: TableRowSpec[] = [];
  if (carried.length > 0) {
    rows.push({cells: ["A", `Kinh phí khuyến công năm ${draft.year}`, "", "", formatNumber(draft.totals.newTotal), ""], bold: true});
    rows.push(...fresh.map(row));
    rows.push({cells: ["B", `Kinh phí năm ${draft.fromYear} chuyển sang`, "", "", formatNumber(draft.totals.carryOverTotal), ""], bold: true});
    rows.push(...carried.map(row));
  } else {
    rows.push(...fresh.map(row));
  }
  rows.push(totalRow("", "", formatNumber(draft.totals.grandTotal), ""));
  return rows;
}

/** A request's facility; a request without one is the commune's own. */
function facilityName(r: RankedRequest): string {
  return r.establishment_name ?? "Đề nghị chung của xã";
}

/** The requests a line's quantity stands for: its placed requests in rank order (the line's total adds up their proposals). */
export function requestsOf(line: DraftLine, requests: readonly RankedRequest[]): RankedRequest[] {
  return line.origin === "requests" ? line.sources.flatMap((id) => requests.filter((r) => r.survey_id === id)) : [];
}

/** The appendix: every facility proposed, line by line, and the slots staff added without one; its TỔNG is the request lines' total. */
export function appendixRows(draft: DraftPlan): {rows: TableRowSpec[]; total: bigint} {
  const rows: TableRowSpec[] = [];
  let total = 0n;
  let tt = 0;
  for (const line of draft.lines.filter((l) => l.origin === "requests" && l.quantity > 0)) {
    const chosen = requestsOf(line, draft.requests);
    for (const r of chosen) {
      rows.push({
        cells: [
          String(++tt),
          facilityName(r),
          r.description,
          formatNumber(r.requested),
          formatNumber(r.proposed),
          r.cap === undefined ? blank("mức hỗ trợ tối đa áp dụng") : ""
        ]
      });
    }
    const extra = line.quantity - chosen.length;
    if (extra > 0) {
      rows.push({cells: [String(++tt), blank(`${count2(extra)} suất chưa có cơ sở cụ thể`), line.description, "", formatNumber(BigInt(extra) * line.unitAmount), ""]});
    }
    total += line.totalAmount;
  }
  rows.push(totalRow("", "", formatNumber(total), ""));
  return {rows, total};
}

export async function buildDraftPlanDocx(model: DraftPlanModel, meta: DocumentMeta = {}): Promise<Uint8Array> {
  const Y = model.draft.year;
  return packStateDocument({
    meta,
    symbol: "KH-UBND",
    year: Y,
    kind: "KẾ HOẠCH",
    title: `Kế hoạch khuyến công năm ${Y}`,
    subject: planSubject(Y),
    draft: true,
    body: numbered(1, [
      legalBases(model.draft, meta),
      purposeAndRequirements(Y),
      localSituation(model),
      planContent(model.draft),
      funding(model, meta),
      organisation(Y, meta)
    ]),
    closing: `Trên đây là Kế hoạch triển khai hoạt động khuyến công trên địa bàn ${issuingCommune(meta)} năm ${Y}, đề nghị các cơ quan, đơn vị liên quan phối hợp thực hiện`,
    recipients: PLAN_RECIPIENTS,
    appendix: appendix(model.draft, meta)
  });
}

/** A basis only the office can cite, its number and date left for staff. */
function basisToCite(what: string): Paragraph {
  return para("Căn cứ ", blank(what), ";");
}

function legalBases(draft: DraftPlan, meta: DocumentMeta): Section {
  const Y = draft.year;
  const provincial = provincialLegalBases(meta);
  return {
    title: "CĂN CỨ XÂY DỰNG KẾ HOẠCH",
    body: [
      ...NATIONAL_LEGAL_BASES.map((basis) => para(basis)),
      ...(provincial ? provincial.map((basis) => para(basis)) : [basisToCite(`Nghị quyết của HĐND ${issuingProvince(meta)} quy định nội dung và mức chi hỗ trợ hoạt động khuyến công (số, ngày)`)]),
      basisToCite(`Quyết định giao dự toán thu, chi ngân sách nhà nước năm ${Y} của UBND ${issuingCommune(meta)} (số, ngày)`),
      basisToCite(`Kế hoạch triển khai hoạt động khuyến công năm ${Y} của Sở Công Thương (số, ngày)`),
      para(
        `Căn cứ kết quả thực hiện kế hoạch khuyến công năm ${draft.fromYear}, kết quả khảo sát nhu cầu hỗ trợ khuyến công năm ${Y} và tình hình phát triển công nghiệp - tiểu thủ công nghiệp, ngành nghề nông thôn trên địa bàn ${issuingCommune(meta)}.`
      )
    ]
  };
}

function purposeAndRequirements(Y: number): Section {
  const purpose = [
    para("Hỗ trợ các cơ sở công nghiệp nông thôn (CNNT), hộ sản xuất, HTX, doanh nghiệp nhỏ trên địa bàn xã đầu tư đổi mới máy móc, thiết bị, ứng dụng tiến bộ khoa học kỹ thuật vào sản xuất."),
    para("Góp phần phát triển sản xuất công nghiệp - tiểu thủ công nghiệp, nâng cao giá trị gia tăng sản phẩm, giải quyết việc làm, tăng thu nhập cho lao động nông thôn."),
    para("Từng bước nâng cao năng lực quản lý, nhận thức về sản xuất sạch hơn, sản xuất và tiêu dùng bền vững, chuyển đổi số trong các cơ sở CNNT."),
    para(blank(`mục tiêu, trọng tâm riêng của năm ${Y} (nếu có)`))
  ];
  const requirements = [
    para("Việc triển khai hoạt động khuyến công phải đúng đối tượng, đúng quy định, công khai, minh bạch và hiệu quả."),
    para("Gắn hoạt động khuyến công với mục tiêu phát triển kinh tế - xã hội, xây dựng nông thôn mới của xã."),
    para("Trung tâm Dịch vụ tổng hợp xã phối hợp chặt chẽ với Phòng Kinh tế xã và các phòng, ban chuyên môn của tỉnh, các cơ sở CNNT trên địa bàn.")
  ];
  return {title: "MỤC ĐÍCH, YÊU CẦU", body: numbered(2, [{title: "Mục đích", body: purpose}, {title: "Yêu cầu", body: requirements}])};
}

function localSituation(model: DraftPlanModel): Section {
  return {
    title: "ĐÁNH GIÁ KHÁI QUÁT TÌNH HÌNH CNNT TRÊN ĐỊA BÀN XÃ",
    body: [
      ...registeredFacilities(model),
      previousYearResults(model),
      ...surveyedNeeds(model.draft),
      para(blank("nhận định về quy mô sản xuất, trình độ công nghệ, khó khăn và nhu cầu chủ yếu của các cơ sở CNNT"))
    ]
  };
}

function registeredFacilities({registry}: DraftPlanModel): Paragraph[] {
  if (!registry || registry.total === 0) return [];
  const parts = registry.bySector.filter((s) => s.count > 0).map((s) => `${lowerFirst(s.label)}: ${count2(s.count)} cơ sở`);
  return [para(`Theo cơ sở dữ liệu cơ sở CNNT của xã, trên địa bàn hiện có ${count2(registry.total)} cơ sở CNNT; theo ngành nghề: ${parts.join("; ")}.`)];
}

function previousYearResults({draft, previous: prev}: DraftPlanModel): Paragraph {
  const P = draft.fromYear;
  if (!prev) return para(blank(`kết quả thực hiện kế hoạch khuyến công năm ${P}`));
  return para(
    `Năm ${P}, tổng kinh phí kế hoạch khuyến công cấp xã là ${formatNumber(prev.budget.planned)} đồng; đã phê duyệt ${formatNumber(prev.budget.approved)} đồng (${formatPercent(prev.budget.commitment_rate)}), đã giải ngân ${formatNumber(prev.budget.disbursed)} đồng (${formatPercent(prev.budget.disbursement_rate)} kế hoạch). ` +
      `Có ${count2(prev.targetsMet)}/${count2(prev.targets)} chỉ tiêu đạt hoặc vượt kế hoạch; ${count2(prev.facilities)} cơ sở CNNT được hỗ trợ hoàn thành.`
  );
}

function surveyedNeeds(draft: DraftPlan): Paragraph[] {
  const asked = draft.requests;
  if (asked.length === 0) return [];
  const facilities = new Set(asked.map((r) => r.establishment_id ?? r.establishment_name ?? r.survey_id)).size;
  const requested = asked.reduce((s, r) => s + r.requested, 0n);
  const capped = asked.reduce((s, r) => s + r.capped, 0n);
  return [
    para(
      `Kết quả khảo sát nhu cầu năm ${draft.year}: ${count2(asked.length)} đề nghị của ${count2(facilities)} cơ sở và đơn vị, tổng kinh phí đề nghị hỗ trợ ${formatNumber(requested)} đồng; sau khi đối chiếu định mức hỗ trợ tối đa còn ${formatNumber(capped)} đồng.`
    )
  ];
}

function planContent(draft: DraftPlan): Section {
  const fresh = draft.lines.filter((l) => l.kind === "new" && l.quantity > 0);
  return {
    title: `NỘI DUNG KẾ HOẠCH HOẠT ĐỘNG KHUYẾN CÔNG NĂM ${draft.year}`,
    body: [...targetsTable(draft), ...numbered(2, [promotion(), ...fresh.map((line) => lineSection(line, draft.requests)), carriedOver(draft), nextYearSurvey(draft.year)])]
  };
}

function targetsTable({targets, year}: DraftPlan): FileChild[] {
  if (targets.length === 0) return [];
  return [para(`Các chỉ tiêu chủ yếu năm ${year}:`), dataTable(TARGET_PLAN_COLUMNS, targets.map((t, i) => ({cells: [String(i + 1), t.description, t.unit, targetRange(t.target_min, t.target_max)]})))];
}

function promotion(): Section {
  return {
    title: "Công tác tuyên truyền, phổ biến chính sách khuyến công",
    body: [
      para("Tuyên truyền, phổ biến các chủ trương, chính sách, văn bản quy định về khuyến công của Trung ương và của tỉnh đến các cơ sở CNNT trên địa bàn xã."),
      para("Hướng dẫn các cơ sở CNNT lập hồ sơ, thủ tục đăng ký tham gia các đề án khuyến công quốc gia và khuyến công địa phương (khuyến công tỉnh và xã).")
    ]
  };
}

/** One line of the budget table: a standing activity, or the facilities proposed for it. */
function lineSection(line: DraftLine, requests: readonly RankedRequest[]): Section {
  const group = lowerFirst(codeLabel("content_group", line.content_group));
  if (line.origin === "standing") {
    return {title: withoutFinalDots(line.description), body: [para(`Dự kiến thực hiện ${count2(line.quantity)} nội dung, mức hỗ trợ ${formatNumber(line.unitAmount)} đồng, tổng kinh phí ${formatNumber(line.totalAmount)} đồng (${group}).`)]};
  }
  const chosen = requestsOf(line, requests);
  const body: FileChild[] = [para(`Dự kiến hỗ trợ ${count2(line.quantity)} cơ sở, mức hỗ trợ tối đa ${formatNumber(line.unitAmount)} đồng/cơ sở, tổng kinh phí ${formatNumber(line.totalAmount)} đồng (${group}; chi tiết tại Phụ lục).`)];
  if (chosen.length > 0) {
    body.push(para("Các cơ sở, nội dung dự kiến hỗ trợ:"));
    for (const r of chosen) body.push(dash(`${facilityName(r)}: ${r.description} (${formatNumber(r.proposed)} đồng).`));
  }
  if (chosen.length < line.quantity) body.push(para(blank(`${count2(line.quantity - chosen.length)} suất chưa có cơ sở cụ thể trong phiếu khảo sát: cơ sở, nội dung`)));
  return {title: withoutFinalDots(line.description), body};
}

function carriedOver(draft: DraftPlan): Section | undefined {
  const P = draft.fromYear;
  const carried = draft.lines.filter((l) => l.kind === "carry_over" && l.quantity > 0);
  if (carried.length === 0) return undefined;
  return {title: `Tiếp tục thực hiện các nội dung năm ${P} chuyển sang`, body: carried.map((l) => dash(`${l.description.replace(`Chuyển nguồn năm ${P}: `, "")}: ${formatNumber(l.totalAmount)} đồng.`))};
}

function nextYearSurvey(Y: number): Section {
  return {
    title: "Công tác khảo sát, xây dựng kế hoạch khuyến công năm sau",
    body: [
      para(`Thực hiện khảo sát, đánh giá kết quả triển khai hoạt động khuyến công năm ${Y} trên địa bàn xã; cập nhật cơ sở dữ liệu các doanh nghiệp, cơ sở CNNT trên địa bàn xã.`),
      para(`Tổng hợp nhu cầu, đề xuất kế hoạch khuyến công năm ${Y + 1} gửi cấp có thẩm quyền xem xét.`),
      para(blank("nhiệm vụ khác của năm (nếu có)"))
    ]
  };
}

function funding(model: DraftPlanModel, meta: DocumentMeta): Section {
  const {totals, fromYear} = model.draft;
  const carried = totals.carryOverTotal > 0n ? [dash(`Kinh phí khuyến công năm ${fromYear} chuyển sang: ${formatNumber(totals.carryOverTotal)} đồng.`)] : [];
  return {
    title: "KINH PHÍ THỰC HIỆN",
    body: [
      dash("Nguồn kinh phí khuyến công quốc gia, khuyến công cấp tỉnh, kinh phí khuyến công địa phương được phân bổ."),
      dash("Nguồn ngân sách xã phân bổ hỗ trợ hoạt động khuyến công và các nguồn khác theo quy định."),
      ...carried,
      para("Dự kiến kinh phí hỗ trợ Khuyến công cấp xã cụ thể như sau:"),
      ...moneyTable(PLAN_COLUMNS, planTableRows(model), {inWords: totalInWords(totals.grandTotal, meta.words)}),
      afterTable("(Số lượng và kinh phí hỗ trợ có thể điều chỉnh (tăng/giảm) tùy theo tình hình thực tế và định mức hỗ trợ tối đa cho phép)")
    ]
  };
}

function organisation(Y: number, meta: DocumentMeta): Section {
  return {title: "TỔ CHỨC THỰC HIỆN", body: numbered(2, [communeCommittee(meta), economicOffice(), servicesCentre(Y), facilitiesOwnPart()])};
}

function communeCommittee(meta: DocumentMeta): Section {
  return {
    title: `UBND ${issuingCommune(meta)}`,
    body: [
      para("Chỉ đạo, tạo điều kiện thuận lợi cho việc triển khai các hoạt động khuyến công trên địa bàn."),
      para("Phối hợp kiểm tra, giám sát, đánh giá hiệu quả thực hiện kế hoạch theo quy định."),
      para("Cân đối ngân sách, hỗ trợ kinh phí hỗ trợ khuyến công cấp xã theo kế hoạch.")
    ]
  };
}

function economicOffice(): Section {
  return {
    title: "Phòng Kinh tế",
    body: [
      para("Phối hợp Trung tâm Dịch vụ tổng hợp, tham mưu cho UBND xã chỉ đạo, tạo điều kiện thuận lợi cho việc triển khai các hoạt động khuyến công trên địa bàn xã; cân đối hỗ trợ ngân sách để hỗ trợ khuyến công các cơ sở công nghiệp nông thôn trên địa bàn."),
      para("Trên cơ sở đề xuất của Trung tâm Dịch vụ tổng hợp, lựa chọn, thẩm định các cơ sở phù hợp để hỗ trợ khuyến công; phối hợp kiểm tra, giám sát, đánh giá hiệu quả thực hiện kế hoạch để báo cáo UBND xã theo quy định.")
    ]
  };
}

function servicesCentre(Y: number): Section {
  return {
    title: "Trung tâm Dịch vụ tổng hợp",
    body: [
      para(`Là đơn vị đầu mối, phối hợp với Phòng Kinh tế xã tham mưu UBND xã tổ chức triển khai thực hiện kế hoạch khuyến công năm ${Y}; tham mưu trình UBND xã phê duyệt các dự án khuyến công cấp xã.`),
      para("Chủ động phối hợp với Phòng Kinh tế xã và các cơ quan chuyên môn của tỉnh trong công tác khảo sát, hướng dẫn, lựa chọn cơ sở CNNT tham gia các chương trình hỗ trợ; cập nhật thông tin chính sách khuyến công trên nền tảng truyền thông của Trung tâm.")
    ]
  };
}

function facilitiesOwnPart(): Section {
  return {
    title: "Các cơ sở CNNT trên địa bàn xã",
    body: [
      para("Chủ động liên hệ Trung tâm Dịch vụ tổng hợp và Phòng Kinh tế để tìm hiểu chính sách, đăng ký tham gia các chương trình, đề án hỗ trợ khuyến công theo hướng dẫn."),
      para("Sử dụng kinh phí hỗ trợ đúng mục đích, đảm bảo hiệu quả và chấp hành đầy đủ các quy định của Nhà nước.")
    ]
  };
}

/** What is proposed for each facility: never the method, nor who got nothing. */
function appendix(draft: DraftPlan, meta: DocumentMeta): FileChild[] {
  const {rows} = appendixRows(draft);
  // The TỔNG row alone: no facility is proposed, so there is no appendix.
  if (rows.length <= 1) return [];
  const Y = draft.year;
  return [
    centredLine("PHỤ LỤC", {bold: true, newPage: true}),
    centredLine(`DANH SÁCH CƠ SỞ DỰ KIẾN HỖ TRỢ KHUYẾN CÔNG NĂM ${Y}`, {bold: true}),
    centredLine(`(Kèm theo Kế hoạch số        /KH-UBND ngày       tháng       năm ${Y} của UBND ${issuingCommune(meta)})`, {italics: true, size: 26, after: 120}),
    ...moneyTable(APPENDIX_COLUMNS, rows, {size: 22})
  ];
}
