// The draft plan (KẾ HOẠCH triển khai hoạt động khuyến công năm sau) as a Word document, in the
// founding 2026 plan's sections. Browser-safe. Standing wording (purpose, organisation) is the
// commune's own, taken from the founding plan; what only staff know is a marked blank.
import type {FileChild} from "docx";
import {codeLabel} from "../contract/codes.js";
import {formatNumber, formatPercent} from "../format.js";
import type {DraftLine, DraftPlan, RankedRequest} from "../plan/draft.js";
import {moneyToWords} from "../words.js";
import {
  afterTable,
  blank,
  centredLine,
  lowerFirst,
  closing,
  count2,
  dash,
  dataTable,
  documentHead,
  heading1,
  heading2,
  packDocument,
  para,
  signatureBlock,
  unitLine,
  PLACEHOLDER_PREFIX,
  type Column,
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
  rows.push({cells: ["TỔNG", "", "", formatNumber(draft.totals.grandTotal), ""], bold: true, merge: 2});
  return rows;
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
          r.establishment_name ?? "Đề nghị chung của xã",
          r.description,
          formatNumber(r.requested),
          formatNumber(r.proposed),
          r.cap === undefined ? {text: `${PLACEHOLDER_PREFIX}mức hỗ trợ tối đa áp dụng]`, placeholder: true} : ""
        ]
      });
    }
    const extra = line.quantity - chosen.length;
    if (extra > 0) {
      rows.push({cells: [String(++tt), {text: `${PLACEHOLDER_PREFIX}${count2(extra)} suất chưa có cơ sở cụ thể]`, placeholder: true}, line.description, "", formatNumber(BigInt(extra) * line.unitAmount), ""]});
    }
    total += line.totalAmount;
  }
  rows.push({cells: ["TỔNG", "", "", formatNumber(total), ""], bold: true, merge: 2});
  return {rows, total};
}

export async function buildDraftPlanDocx(model: DraftPlanModel, meta: DocumentMeta = {}): Promise<Uint8Array> {
  const {draft} = model;
  const Y = draft.year;
  const P = draft.fromYear;
  const body: FileChild[] = [];

  body.push(...documentHead({meta, symbol: "KH-UBND", year: Y, kind: "KẾ HOẠCH", subject: planSubject(Y), draft: true}));

  // I.
  body.push(heading1("I. CĂN CỨ XÂY DỰNG KẾ HOẠCH"));
  for (const basis of NATIONAL_LEGAL_BASES) body.push(para(basis));
  const provincial = provincialLegalBases(meta);
  if (provincial) for (const basis of provincial) body.push(para(basis));
  else body.push(para("Căn cứ ", blank(`Nghị quyết của HĐND ${issuingProvince(meta)} quy định nội dung và mức chi hỗ trợ hoạt động khuyến công (số, ngày)`), ";"));
  body.push(para("Căn cứ ", blank(`Quyết định giao dự toán thu, chi ngân sách nhà nước năm ${Y} của UBND ${issuingCommune(meta)} (số, ngày)`), ";"));
  body.push(para("Căn cứ ", blank(`Kế hoạch triển khai hoạt động khuyến công năm ${Y} của Sở Công Thương (số, ngày)`), ";"));
  body.push(
    para(
      `Căn cứ kết quả thực hiện kế hoạch khuyến công năm ${P}, kết quả khảo sát nhu cầu hỗ trợ khuyến công năm ${Y} và tình hình phát triển công nghiệp - tiểu thủ công nghiệp, ngành nghề nông thôn trên địa bàn ${issuingCommune(meta)}.`
    )
  );

  // II.
  body.push(heading1("II. MỤC ĐÍCH, YÊU CẦU"));
  body.push(heading2("1. Mục đích"));
  body.push(
    para("Hỗ trợ các cơ sở công nghiệp nông thôn (CNNT), hộ sản xuất, HTX, doanh nghiệp nhỏ trên địa bàn xã đầu tư đổi mới máy móc, thiết bị, ứng dụng tiến bộ khoa học kỹ thuật vào sản xuất."),
    para("Góp phần phát triển sản xuất công nghiệp - tiểu thủ công nghiệp, nâng cao giá trị gia tăng sản phẩm, giải quyết việc làm, tăng thu nhập cho lao động nông thôn."),
    para("Từng bước nâng cao năng lực quản lý, nhận thức về sản xuất sạch hơn, sản xuất và tiêu dùng bền vững, chuyển đổi số trong các cơ sở CNNT."),
    para(blank(`mục tiêu, trọng tâm riêng của năm ${Y} (nếu có)`))
  );
  body.push(heading2("2. Yêu cầu"));
  body.push(
    para("Việc triển khai hoạt động khuyến công phải đúng đối tượng, đúng quy định, công khai, minh bạch và hiệu quả."),
    para("Gắn hoạt động khuyến công với mục tiêu phát triển kinh tế - xã hội, xây dựng nông thôn mới của xã."),
    para("Trung tâm Dịch vụ tổng hợp xã phối hợp chặt chẽ với Phòng Kinh tế xã và các phòng, ban chuyên môn của tỉnh, các cơ sở CNNT trên địa bàn.")
  );

  // III.
  body.push(heading1("III. ĐÁNH GIÁ KHÁI QUÁT TÌNH HÌNH CNNT TRÊN ĐỊA BÀN XÃ"));
  if (model.registry && model.registry.total > 0) {
    const parts = model.registry.bySector.filter((s) => s.count > 0).map((s) => `${lowerFirst(s.label)}: ${count2(s.count)} cơ sở`);
    body.push(para(`Theo cơ sở dữ liệu cơ sở CNNT của xã, trên địa bàn hiện có ${count2(model.registry.total)} cơ sở CNNT; theo ngành nghề: ${parts.join("; ")}.`));
  }
  const prev = model.previous;
  if (prev) {
    body.push(
      para(
        `Năm ${P}, tổng kinh phí kế hoạch khuyến công cấp xã là ${formatNumber(prev.budget.planned)} đồng; đã phê duyệt ${formatNumber(prev.budget.approved)} đồng (${formatPercent(prev.budget.commitment_rate)}), đã giải ngân ${formatNumber(prev.budget.disbursed)} đồng (${formatPercent(prev.budget.disbursement_rate)} kế hoạch). ` +
          `Có ${count2(prev.targetsMet)}/${count2(prev.targets)} chỉ tiêu đạt hoặc vượt kế hoạch; ${count2(prev.facilities)} cơ sở CNNT được hỗ trợ hoàn thành.`
      )
    );
  } else {
    body.push(para(blank(`kết quả thực hiện kế hoạch khuyến công năm ${P}`)));
  }
  const asked = draft.requests;
  if (asked.length > 0) {
    const facilities = new Set(asked.map((r) => r.establishment_id ?? r.establishment_name ?? r.survey_id)).size;
    const requested = asked.reduce((s, r) => s + r.requested, 0n);
    const capped = asked.reduce((s, r) => s + r.capped, 0n);
    body.push(
      para(
        `Kết quả khảo sát nhu cầu năm ${Y}: ${count2(asked.length)} đề nghị của ${count2(facilities)} cơ sở và đơn vị, tổng kinh phí đề nghị hỗ trợ ${formatNumber(requested)} đồng; sau khi đối chiếu định mức hỗ trợ tối đa còn ${formatNumber(capped)} đồng.`
      )
    );
  }
  body.push(para(blank("nhận định về quy mô sản xuất, trình độ công nghệ, khó khăn và nhu cầu chủ yếu của các cơ sở CNNT")));

  // IV.
  body.push(heading1(`IV. NỘI DUNG KẾ HOẠCH HOẠT ĐỘNG KHUYẾN CÔNG NĂM ${Y}`));
  if (draft.targets.length > 0) {
    body.push(para(`Các chỉ tiêu chủ yếu năm ${Y}:`));
    body.push(dataTable(TARGET_PLAN_COLUMNS, draft.targets.map((t, i) => ({cells: [String(i + 1), t.description, t.unit, targetRange(t.target_min, t.target_max)]}))));
  }
  let n = 0;
  body.push(heading2(`${++n}. Công tác tuyên truyền, phổ biến chính sách khuyến công`));
  body.push(
    para("Tuyên truyền, phổ biến các chủ trương, chính sách, văn bản quy định về khuyến công của Trung ương và của tỉnh đến các cơ sở CNNT trên địa bàn xã."),
    para("Hướng dẫn các cơ sở CNNT lập hồ sơ, thủ tục đăng ký tham gia các đề án khuyến công quốc gia và khuyến công địa phương (khuyến công tỉnh và xã).")
  );
  for (const line of draft.lines.filter((l) => l.kind === "new" && l.quantity > 0)) {
    body.push(heading2(`${++n}. ${line.description.replace(/[.…]+$/u, "")}`));
    const chosen = requestsOf(line, asked);
    if (line.origin === "standing") {
      body.push(para(`Dự kiến thực hiện ${count2(line.quantity)} nội dung, mức hỗ trợ ${formatNumber(line.unitAmount)} đồng, tổng kinh phí ${formatNumber(line.totalAmount)} đồng (${lowerFirst(codeLabel("content_group", line.content_group))}).`));
    } else {
      body.push(para(`Dự kiến hỗ trợ ${count2(line.quantity)} cơ sở, mức hỗ trợ tối đa ${formatNumber(line.unitAmount)} đồng/cơ sở, tổng kinh phí ${formatNumber(line.totalAmount)} đồng (${lowerFirst(codeLabel("content_group", line.content_group))}; chi tiết tại Phụ lục).`));
      if (chosen.length > 0) {
        body.push(para("Các cơ sở, nội dung dự kiến hỗ trợ:"));
        for (const r of chosen) body.push(dash(`${r.establishment_name ?? "Đề nghị chung của xã"}: ${r.description} (${formatNumber(r.proposed)} đồng).`));
      }
      if (chosen.length < line.quantity) body.push(para(blank(`${count2(line.quantity - chosen.length)} suất chưa có cơ sở cụ thể trong phiếu khảo sát: cơ sở, nội dung`)));
    }
  }
  const carried = draft.lines.filter((l) => l.kind === "carry_over" && l.quantity > 0);
  if (carried.length > 0) {
    body.push(heading2(`${++n}. Tiếp tục thực hiện các nội dung năm ${P} chuyển sang`));
    for (const l of carried) body.push(dash(`${l.description.replace(`Chuyển nguồn năm ${P}: `, "")}: ${formatNumber(l.totalAmount)} đồng.`));
  }
  body.push(heading2(`${++n}. Công tác khảo sát, xây dựng kế hoạch khuyến công năm sau`));
  body.push(
    para(`Thực hiện khảo sát, đánh giá kết quả triển khai hoạt động khuyến công năm ${Y} trên địa bàn xã; cập nhật cơ sở dữ liệu các doanh nghiệp, cơ sở CNNT trên địa bàn xã.`),
    para(`Tổng hợp nhu cầu, đề xuất kế hoạch khuyến công năm ${Y + 1} gửi cấp có thẩm quyền xem xét.`),
    para(blank("nhiệm vụ khác của năm (nếu có)"))
  );

  // V.
  body.push(heading1("V. KINH PHÍ THỰC HIỆN"));
  body.push(
    dash("Nguồn kinh phí khuyến công quốc gia, khuyến công cấp tỉnh, kinh phí khuyến công địa phương được phân bổ."),
    dash("Nguồn ngân sách xã phân bổ hỗ trợ hoạt động khuyến công và các nguồn khác theo quy định.")
  );
  if (draft.totals.carryOverTotal > 0n) body.push(dash(`Kinh phí khuyến công năm ${P} chuyển sang: ${formatNumber(draft.totals.carryOverTotal)} đồng.`));
  body.push(para("Dự kiến kinh phí hỗ trợ Khuyến công cấp xã cụ thể như sau:"));
  body.push(unitLine());
  body.push(dataTable(PLAN_COLUMNS, planTableRows(model)));
  body.push(afterTable(`Bằng chữ: ${moneyToWords(draft.totals.grandTotal, meta.words)}`));
  body.push(afterTable("(Số lượng và kinh phí hỗ trợ có thể điều chỉnh (tăng/giảm) tùy theo tình hình thực tế và định mức hỗ trợ tối đa cho phép)"));

  // VI.
  body.push(heading1("VI. TỔ CHỨC THỰC HIỆN"));
  body.push(heading2(`1. UBND ${issuingCommune(meta)}`));
  body.push(
    para("Chỉ đạo, tạo điều kiện thuận lợi cho việc triển khai các hoạt động khuyến công trên địa bàn."),
    para("Phối hợp kiểm tra, giám sát, đánh giá hiệu quả thực hiện kế hoạch theo quy định."),
    para("Cân đối ngân sách, hỗ trợ kinh phí hỗ trợ khuyến công cấp xã theo kế hoạch.")
  );
  body.push(heading2("2. Phòng Kinh tế"));
  body.push(
    para("Phối hợp Trung tâm Dịch vụ tổng hợp, tham mưu cho UBND xã chỉ đạo, tạo điều kiện thuận lợi cho việc triển khai các hoạt động khuyến công trên địa bàn xã; cân đối hỗ trợ ngân sách để hỗ trợ khuyến công các cơ sở công nghiệp nông thôn trên địa bàn."),
    para("Trên cơ sở đề xuất của Trung tâm Dịch vụ tổng hợp, lựa chọn, thẩm định các cơ sở phù hợp để hỗ trợ khuyến công; phối hợp kiểm tra, giám sát, đánh giá hiệu quả thực hiện kế hoạch để báo cáo UBND xã theo quy định.")
  );
  body.push(heading2("3. Trung tâm Dịch vụ tổng hợp"));
  body.push(
    para(`Là đơn vị đầu mối, phối hợp với Phòng Kinh tế xã tham mưu UBND xã tổ chức triển khai thực hiện kế hoạch khuyến công năm ${Y}; tham mưu trình UBND xã phê duyệt các dự án khuyến công cấp xã.`),
    para("Chủ động phối hợp với Phòng Kinh tế xã và các cơ quan chuyên môn của tỉnh trong công tác khảo sát, hướng dẫn, lựa chọn cơ sở CNNT tham gia các chương trình hỗ trợ; cập nhật thông tin chính sách khuyến công trên nền tảng truyền thông của Trung tâm.")
  );
  body.push(heading2("4. Các cơ sở CNNT trên địa bàn xã"));
  body.push(
    para("Chủ động liên hệ Trung tâm Dịch vụ tổng hợp và Phòng Kinh tế để tìm hiểu chính sách, đăng ký tham gia các chương trình, đề án hỗ trợ khuyến công theo hướng dẫn."),
    para("Sử dụng kinh phí hỗ trợ đúng mục đích, đảm bảo hiệu quả và chấp hành đầy đủ các quy định của Nhà nước.")
  );
  body.push(closing(`Trên đây là Kế hoạch triển khai hoạt động khuyến công trên địa bàn ${issuingCommune(meta)} năm ${Y}, đề nghị các cơ quan, đơn vị liên quan phối hợp thực hiện`));
  body.push(signatureBlock(meta, PLAN_RECIPIENTS));

  // Appendix: what is proposed for each facility (never the method, nor who got nothing).
  const appendix = appendixRows(draft);
  if (appendix.rows.length > 1) {
    body.push(centredLine("PHỤ LỤC", {bold: true, newPage: true}));
    body.push(centredLine(`DANH SÁCH CƠ SỞ DỰ KIẾN HỖ TRỢ KHUYẾN CÔNG NĂM ${Y}`, {bold: true}));
    body.push(centredLine(`(Kèm theo Kế hoạch số        /KH-UBND ngày       tháng       năm ${Y} của UBND ${issuingCommune(meta)})`, {italics: true, size: 26, after: 120}));
    body.push(unitLine());
    body.push(dataTable(APPENDIX_COLUMNS, appendix.rows, 22));
  }

  return packDocument({title: `Kế hoạch khuyến công năm ${Y}`, subject: planSubject(Y), meta, children: body});
}
