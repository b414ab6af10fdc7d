// The 2026 programme as it stands in late November 2026: the founding plan's budget table
// (section V) and targets (section IV), the caps, the activities and the vouchers.
//
// The story a commune leader should recognise:
// - line 1 machines (3 planned): three approved (two completed, one being installed), one
//   cancelled after an advance that was then recovered;
// - line 2 packaging: one in progress, advance paid;
// - line 3 fairs: AHEAD, three fair participations approved for 24,5 triệu against 20 triệu;
// - line 4 study tour: done, almost all spent;
// - line 5 survey / database / Zalo page: BEHIND, still being appraised or only proposed;
// - beside the commune budget: a provincial machine model, a provincial training class, a
//   provincial packaging project and a national demonstration model.
import {iso} from "./csv.js";

export const PLAN_YEAR = 2026;
const TR = 1_000_000;

export interface PlanLineRec {
  line: number;
  content: string;
  description: string;
  quantity: number;
  unit: number;
  note: string;
  /** Nguồn kinh phí; Ngân sách xã when absent. */
  source?: "chuyen_nguon";
}

/** Section V of the founding plan, line wraps joined; "cỡ sở" and "CNTT" corrected. */
export const PLAN_LINES: readonly PlanLineRec[] = [
  {line: 1, content: "may_moc_thiet_bi", description: "Hỗ trợ ứng dụng máy móc, thiết bị tiên tiến vào sản xuất.", quantity: 3, unit: 20 * TR, note: "Nâng cao năng suất, chất lượng sản phẩm, giảm giá thành sản xuất…"},
  {line: 2, content: "tu_van_thiet_ke", description: "Hỗ trợ thiết kế bao bì, nhãn mác, nhãn hiệu sản phẩm OCOP…", quantity: 1, unit: 20 * TR, note: "Tăng nhận diện thương hiệu, thu hút khách hàng, bảo vệ sản phẩm"},
  {line: 3, content: "san_pham_thi_truong", description: "Hỗ trợ tham gia hội chợ, triển lãm để mở rộng thị trường, xúc tiến thương mại cho cơ sở CNNT", quantity: 2, unit: 10 * TR, note: "Giúp các cơ sở CNNT quảng bá sản phẩm, mở rộng thị trường"},
  {line: 4, content: "nang_cao_nang_luc", description: "Hỗ trợ tham quan, tập huấn, học hỏi kinh nghiệm, công nghệ sản xuất của các cơ sở CNNT trong và ngoài tỉnh thành.", quantity: 1, unit: 20 * TR, note: "Tham quan học hỏi kinh nghiệm các cơ sở CNNT tiêu biểu để ứng dụng cho các cơ sở CNNT tại xã."},
  {line: 5, content: "thong_tin_du_lieu", description: "Khảo sát các mô hình CNNT trên địa bàn có nhu cầu hỗ trợ Khuyến công làm CSDL xây dựng Trang/Nhóm thông tin hỗ trợ Khuyến công trên nền tảng Zalo/Facebook", quantity: 1, unit: 10 * TR, note: "Giúp các cơ sở CNNT dễ dàng tiếp cận cơ chế, chính sách phát triển CNNT. Đơn vị hỗ trợ đúng đối tượng"}
];

export const PLAN_TOTAL = PLAN_LINES.reduce((a, l) => a + l.quantity * l.unit, 0);

export interface TargetRec {
  indicator: string;
  content: string;
  description: string;
  unit: string;
  min: number;
  max: number;
}

/** Section IV of the founding plan, its numbered ranges. */
export const PLAN_TARGETS: readonly TargetRec[] = [
  {indicator: "may_moc_xa", content: "may_moc_thiet_bi", description: "Hỗ trợ doanh nghiệp, cơ sở CNNT đầu tư mô hình ứng dụng máy móc thiết bị tiên tiến (khuyến công xã)", unit: "cơ sở", min: 2, max: 5},
  {indicator: "dang_ky_tinh_qg", content: "may_moc_thiet_bi", description: "Hỗ trợ doanh nghiệp, cơ sở CNNT đăng ký mô hình khuyến công cấp tỉnh, khuyến công quốc gia", unit: "cơ sở", min: 1, max: 5},
  {indicator: "bao_bi_nhan_hieu", content: "tu_van_thiet_ke", description: "Hỗ trợ doanh nghiệp, cơ sở CNNT xây dựng, thiết kế mẫu mã bao bì, đăng ký nhãn hiệu sản phẩm", unit: "cơ sở", min: 1, max: 2},
  {indicator: "tham_quan", content: "nang_cao_nang_luc", description: "Tổ chức đoàn tham quan, khảo sát học tập kinh nghiệm sản xuất CNNT trong và ngoài tỉnh", unit: "đoàn", min: 1, max: 2},
  {indicator: "tap_huan", content: "nang_cao_nang_luc", description: "Phổ biến, tập huấn về sản xuất sạch hơn, sản xuất và tiêu dùng bền vững", unit: "lớp", min: 1, max: 2},
  {indicator: "hoi_nghi_ccn", content: "lien_ket_cum_cn", description: "Hội nghị, hội thảo, diễn đàn xúc tiến đầu tư phát triển cụm công nghiệp (nếu có)", unit: "hội nghị", min: 0, max: 1},
  {indicator: "hoi_cho", content: "san_pham_thi_truong", description: "Hỗ trợ cơ sở CNNT tham gia hội chợ, triển lãm trên các địa bàn lân cận, trong và ngoài tỉnh", unit: "lượt cơ sở", min: 1, max: 5},
  {indicator: "csdl", content: "thong_tin_du_lieu", description: "Xây dựng cơ sở dữ liệu doanh nghiệp, cơ sở CNNT trên địa bàn xã", unit: "cơ sở dữ liệu", min: 1, max: 1},
  {indicator: "ke_hoach_nam_sau", content: "quan_ly_he_thong", description: "Khảo sát, đánh giá kết quả năm 2026; tổng hợp nhu cầu, xây dựng kế hoạch khuyến công năm 2027", unit: "kế hoạch", min: 1, max: 1}
];

export interface NormRec {
  content: string;
  description: string;
  maxAmount?: number;
  maxPercent?: number;
  /** The programme the cap belongs to; none for the national caps, which bound every level. */
  level?: "huyen" | "xa";
  legal: string;
  from: string;
  to?: string;
  /** The deliberately bad row: neither cap. */
  bad?: boolean;
}

const TT28 = "Thông tư 28/2018/TT-BTC";
const TT28_FROM = iso(2018, 5, 12);
const XA = "Mức đề xuất cho khuyến công xã, theo bảng kinh phí Kế hoạch khuyến công xã năm 2026 [cần kiểm tra: chưa có văn bản quy định mức chi cấp xã]";

export const NORMS: readonly NormRec[] = [
  {content: "may_moc_thiet_bi", description: "Xây dựng mô hình trình diễn kỹ thuật (mỗi mô hình)", maxAmount: 1000 * TR, maxPercent: 30, legal: TT28, from: TT28_FROM},
  {content: "may_moc_thiet_bi", description: "Ứng dụng máy móc thiết bị tiên tiến, chuyển giao công nghệ (mỗi cơ sở)", maxAmount: 300 * TR, maxPercent: 50, legal: TT28, from: TT28_FROM},
  {content: "may_moc_thiet_bi", description: "Ứng dụng máy móc thiết bị tiên tiến, chuyển giao công nghệ (tổng mức một đề án)", maxAmount: 450 * TR, legal: TT28, from: TT28_FROM},
  {content: "tu_van_thiet_ke", description: "Xây dựng, đăng ký thương hiệu, nhãn hiệu (mỗi nhãn hiệu)", maxAmount: 35 * TR, maxPercent: 50, legal: TT28, from: TT28_FROM},
  {content: "tu_van_thiet_ke", description: "Tư vấn, thiết kế mẫu mã, bao bì, nhãn mác sản phẩm (mỗi cơ sở)", maxAmount: 35 * TR, maxPercent: 50, legal: TT28, from: TT28_FROM},
  {content: "san_pham_thi_truong", description: "Cơ sở tham gia hội chợ, triển lãm trong nước (tỷ lệ trên tiền thuê gian hàng)", maxPercent: 80, legal: TT28, from: TT28_FROM},
  {content: "san_pham_thi_truong", description: "Tổ chức bình chọn sản phẩm CNNT tiêu biểu cấp khu vực", maxAmount: 200 * TR, legal: TT28, from: TT28_FROM},
  {content: "san_pham_thi_truong", description: "Tổ chức bình chọn sản phẩm CNNT tiêu biểu cấp quốc gia", maxAmount: 400 * TR, legal: TT28, from: TT28_FROM},
  {content: "may_moc_thiet_bi", description: "Khuyến công huyện: hỗ trợ máy móc thiết bị (mỗi cơ sở)", maxAmount: 35 * TR, maxPercent: 50, level: "huyen", legal: "Mức thực tế huyện Vĩnh Linh áp dụng 2020–2025 [cần kiểm tra]", from: iso(2020, 1, 1), to: iso(2025, 6, 30)},
  {content: "may_moc_thiet_bi", description: "Khuyến công xã: hỗ trợ máy móc thiết bị (mỗi cơ sở)", maxAmount: 20 * TR, maxPercent: 50, level: "xa", legal: XA, from: iso(2026, 1, 1)},
  {content: "tu_van_thiet_ke", description: "Khuyến công xã: thiết kế bao bì, nhãn mác, nhãn hiệu (mỗi cơ sở)", maxAmount: 20 * TR, maxPercent: 50, level: "xa", legal: XA, from: iso(2026, 1, 1)},
  {content: "san_pham_thi_truong", description: "Khuyến công xã: tham gia hội chợ, triển lãm (mỗi lượt cơ sở)", maxAmount: 10 * TR, maxPercent: 80, level: "xa", legal: XA, from: iso(2026, 1, 1)},
  {content: "nang_cao_nang_luc", description: "Khuyến công xã: tham quan, học tập kinh nghiệm (mỗi đoàn)", maxAmount: 20 * TR, level: "xa", legal: XA, from: iso(2026, 1, 1)},
  {content: "thong_tin_du_lieu", description: "Khuyến công xã: khảo sát, cơ sở dữ liệu, trang thông tin (cả năm)", maxAmount: 10 * TR, level: "xa", legal: XA, from: iso(2026, 1, 1)},
  // BAD: neither Mức tối đa nor Tỷ lệ tối đa (the decree names the content, no rate is set yet).
  {content: "thong_tin_du_lieu", description: "Hỗ trợ chuyển đổi số, ứng dụng thương mại điện tử cho cơ sở CNNT", legal: "Nghị định 235/2025/NĐ-CP (chưa có mức chi cụ thể)", from: iso(2025, 10, 15), bad: true}
];

export type Status = "de_xuat" | "tham_dinh" | "phe_duyet" | "dang_thuc_hien" | "hoan_thanh" | "huy";

export interface ActivityRec {
  id: string;
  line?: number;
  content: string;
  indicator?: string;
  qty?: number;
  title: string;
  facilityId?: string;
  level: "xa" | "tinh" | "quoc_gia";
  status: Status;
  approved?: number;
  counterpart?: number;
  decisionNo?: string;
  decisionDate?: string;
  completedOn?: string;
  participants?: number;
  jobs?: number;
  note?: string;
  /** A carried activity: its origin in last year's activities (Chuyển từ năm, Mã hoạt động năm trước). */
  carriedFrom?: {year: number; id: string};
}

const d26 = (month: number, day: number) => iso(PLAN_YEAR, month, day);

export const ACTIVITIES: readonly ActivityRec[] = [
  // Line 1: machines, 3 × 20 triệu.
  {id: "HD-01", line: 1, content: "may_moc_thiet_bi", indicator: "may_moc_xa", title: "Hỗ trợ ứng dụng máy sao, máy nghiền và máy ép bánh chè vằng", facilityId: "CS002", level: "xa", status: "hoan_thanh", approved: 19_500_000, counterpart: 45_500_000, decisionNo: "71/QĐ-UBND", decisionDate: d26(3, 10), completedOn: d26(6, 15), jobs: 2},
  {id: "HD-02", line: 1, content: "may_moc_thiet_bi", indicator: "may_moc_xa", title: "Hỗ trợ ứng dụng máy cắt nhôm, máy đột dập và máy ép góc", facilityId: "CS020", level: "xa", status: "hoan_thanh", approved: 18_000_000, counterpart: 52_000_000, decisionNo: "118/QĐ-UBND", decisionDate: d26(4, 20), completedOn: d26(8, 20), jobs: 3},
  {id: "HD-03", line: 1, content: "may_moc_thiet_bi", indicator: "may_moc_xa", title: "Hỗ trợ ứng dụng máy tráng bánh ướt và máy làm bún tự động", facilityId: "CS004", level: "xa", status: "dang_thuc_hien", approved: 20_000_000, counterpart: 48_500_000, decisionNo: "331/QĐ-UBND", decisionDate: d26(9, 15), note: "Máy đã về, đang lắp đặt, chạy thử"},
  {id: "HD-04", line: 1, content: "may_moc_thiet_bi", indicator: "may_moc_xa", title: "Hỗ trợ ứng dụng máy bào cuốn và máy chà nhám gỗ", facilityId: "CS026", level: "xa", status: "huy", approved: 19_000_000, counterpart: 41_000_000, decisionNo: "102/QĐ-UBND", decisionDate: d26(4, 8), note: "Cơ sở xin rút (đơn ngày 02/07/2026); hủy theo QĐ số 259/QĐ-UBND ngày 10/07/2026; đã thu hồi tạm ứng"},
  // Line 2: packaging, 1 × 20 triệu.
  {id: "HD-05", line: 2, content: "tu_van_thiet_ke", indicator: "bao_bi_nhan_hieu", title: "Hỗ trợ thiết kế bao bì, nhãn mác và đăng ký nhãn hiệu nước mắm cá cơm", facilityId: "CS001", level: "xa", status: "dang_thuc_hien", approved: 18_000_000, counterpart: 20_000_000, decisionNo: "165/QĐ-UBND", decisionDate: d26(5, 12), note: "Đã duyệt mẫu bao bì; đang làm hồ sơ đăng ký nhãn hiệu"},
  // Line 3: fairs, 2 × 10 triệu; three participations approved (ahead, over the line).
  {id: "HD-06", line: 3, content: "san_pham_thi_truong", indicator: "hoi_cho", title: "Hỗ trợ tham gia Tuần hàng OCOP tỉnh Quảng Trị (tháng 3/2026)", facilityId: "CS016", level: "xa", status: "hoan_thanh", approved: 8_500_000, counterpart: 2_500_000, decisionNo: "38/QĐ-UBND", decisionDate: d26(2, 12), completedOn: d26(3, 14), participants: 2},
  {id: "HD-07", line: 3, content: "san_pham_thi_truong", indicator: "hoi_cho", title: "Hỗ trợ tham gia Hội chợ Công Thương khu vực Bắc Trung Bộ tại Đồng Hới", facilityId: "CS025", level: "xa", status: "hoan_thanh", approved: 7_000_000, counterpart: 2_000_000, decisionNo: "190/QĐ-UBND", decisionDate: d26(6, 2), completedOn: d26(7, 5), participants: 2},
  {id: "HD-08", line: 3, content: "san_pham_thi_truong", indicator: "hoi_cho", title: "Hỗ trợ tham gia Hội chợ OCOP khu vực miền Trung - Tây Nguyên (tháng 12/2026)", facilityId: "CS030", level: "xa", status: "phe_duyet", approved: 9_000_000, counterpart: 2_500_000, decisionNo: "372/QĐ-UBND", decisionDate: d26(10, 20), note: "Hội chợ diễn ra từ 10/12 đến 14/12/2026"},
  // Line 4: study tour, 1 × 20 triệu.
  {id: "HD-09", line: 4, content: "nang_cao_nang_luc", indicator: "tham_quan", title: "Đoàn tham quan, học tập kinh nghiệm mô hình CNNT tiêu biểu tại thành phố Huế", level: "xa", status: "hoan_thanh", approved: 20_000_000, decisionNo: "268/QĐ-UBND", decisionDate: d26(7, 15), completedOn: d26(8, 20), participants: 20, note: "Đại diện 14 cơ sở CNNT, cán bộ Trung tâm Dịch vụ tổng hợp và Phòng Kinh tế; đi từ 18/08 đến 20/08/2026"},
  // Line 5: survey, database, Zalo/Facebook page, 1 × 10 triệu (behind).
  {id: "HD-10", line: 5, content: "thong_tin_du_lieu", indicator: "csdl", title: "Khảo sát cơ sở CNNT có nhu cầu hỗ trợ, xây dựng cơ sở dữ liệu cơ sở CNNT của xã", level: "xa", status: "tham_dinh", note: "Dự toán 10.000.000 đ; Phòng Kinh tế đang thẩm định"},
  {id: "HD-11", line: 5, content: "thong_tin_du_lieu", qty: 0, title: "Xây dựng Trang/Nhóm thông tin hỗ trợ khuyến công trên Zalo, Facebook", level: "xa", status: "de_xuat", note: "Đề xuất gộp với HD-10"},
  // Provincial and national programmes (no commune budget line).
  {id: "HD-T01", content: "may_moc_thiet_bi", indicator: "dang_ky_tinh_qg", title: "Hỗ trợ ứng dụng máy sấy tiêu bằng nhiệt khí nóng (đề án khuyến công tỉnh)", facilityId: "CS029", level: "tinh", status: "hoan_thanh", approved: 90_000_000, counterpart: 150_000_000, decisionNo: "212/QĐ-SCT", decisionDate: d26(5, 20), completedOn: d26(9, 30), jobs: 4},
  {id: "HD-T02", content: "nang_cao_nang_luc", indicator: "tap_huan", title: "Lớp tập huấn sản xuất sạch hơn, sản xuất và tiêu dùng bền vững cho cơ sở CNNT", level: "tinh", status: "hoan_thanh", approved: 25_000_000, decisionNo: "145/QĐ-SCT", decisionDate: d26(4, 15), completedOn: d26(5, 21), participants: 32, note: "Trung tâm Khuyến công và Xúc tiến thương mại tỉnh tổ chức tại hội trường xã, 20–21/05/2026"},
  {id: "HD-T03", content: "tu_van_thiet_ke", indicator: "bao_bi_nhan_hieu", title: "Hỗ trợ thiết kế bao bì, nhãn mác và đăng ký nhãn hiệu ném muối (đề án khuyến công tỉnh)", facilityId: "CS012", level: "tinh", status: "phe_duyet", approved: 30_000_000, counterpart: 32_000_000, decisionNo: "418/QĐ-SCT", decisionDate: d26(11, 5)},
  {id: "HD-Q01", content: "may_moc_thiet_bi", indicator: "dang_ky_tinh_qg", title: "Mô hình trình diễn kỹ thuật dây chuyền sản xuất gạch không nung tự động", facilityId: "CS039", level: "quoc_gia", status: "dang_thuc_hien", approved: 250_000_000, counterpart: 620_000_000, decisionNo: "1087/QĐ-BCT", decisionDate: d26(4, 15), note: "Đang lắp đặt dây chuyền; dự kiến nghiệm thu tháng 12/2026"}
];

export type Source = "xa" | "tinh" | "quoc_gia" | "chuyen_nguon";

export interface PaymentRec {
  date: string;
  /** What the cell shows when it is not the date (the bad row). */
  dateCell?: string;
  activityId: string;
  amount: number;
  amountCell?: string;
  source: Source;
  payee: string;
  description: string;
  /** Repeats the voucher number of the payment before it (the duplicate). */
  duplicate?: boolean;
  /** Năm kế hoạch, written when the voucher pays last year's activity (January, adjustment period). */
  planYear?: number;
  note?: string;
  bad?: {column: string; why: string};
}

/** Vouchers of 2026, in date order; numbers PC-001… (restarted each year) follow that order. */
export const PAYMENTS: readonly PaymentRec[] = [
  {date: d26(2, 21), dateCell: "31/02/2026", activityId: "HD-06", amount: 4_000_000, source: "xa", payee: "HTX Nông nghiệp và Dịch vụ Tiên Mỹ", description: "Tạm ứng kinh phí thuê gian hàng Tuần hàng OCOP tỉnh", bad: {column: "paid_on", why: "ngày không có thật 31/02/2026"}},
  {date: d26(3, 24), activityId: "HD-01", amount: 13_650_000, source: "xa", payee: "HTX Chè vằng Vĩnh Thuỷ", description: "Tạm ứng 70% kinh phí hỗ trợ máy sao, máy nghiền, máy ép bánh chè vằng (QĐ 71/QĐ-UBND)"},
  {date: d26(3, 25), activityId: "HD-06", amount: 4_500_000, source: "xa", payee: "HTX Nông nghiệp và Dịch vụ Tiên Mỹ", description: "Thanh toán còn lại kinh phí tham gia Tuần hàng OCOP tỉnh"},
  {date: d26(4, 22), activityId: "HD-04", amount: 13_300_000, source: "xa", payee: "Hộ kinh doanh mộc dân dụng Văn Lực", description: "Tạm ứng 70% kinh phí hỗ trợ máy bào cuốn, máy chà nhám gỗ (QĐ 102/QĐ-UBND)"},
  {date: d26(5, 5), activityId: "HD-02", amount: 12_600_000, source: "xa", payee: "Cơ sở cửa nhôm Xingfa Tân Mỹ", description: "Tạm ứng 70% kinh phí hỗ trợ máy cắt nhôm, máy đột dập, máy ép góc"},
  {date: d26(5, 29), activityId: "HD-T02", amount: 24_600_000, source: "tinh", payee: "Trung tâm Khuyến công và Xúc tiến thương mại tỉnh", description: "Chi tổ chức lớp tập huấn sản xuất sạch hơn (giảng viên, tài liệu, hội trường)"},
  {date: d26(6, 1), activityId: "HD-05", amount: 12_600_000, source: "xa", payee: "Cơ sở nước mắm Hoà Bình", description: "Tạm ứng 70% kinh phí thiết kế bao bì, nhãn mác, đăng ký nhãn hiệu"},
  {date: d26(6, 10), activityId: "HD-T01", amount: 63_000_000, source: "tinh", payee: "HTX Dịch vụ Nông nghiệp Vĩnh Sơn", description: "Tạm ứng 70% kinh phí khuyến công tỉnh hỗ trợ máy sấy tiêu"},
  {date: d26(6, 18), activityId: "HD-2025-07", amount: 15_000_000, source: "chuyen_nguon", payee: "Cơ sở cơ khí Sa Lung", description: "Thanh toán đề án năm 2025 (kinh phí năm trước chuyển sang)", bad: {column: "activity_id", why: "mã hoạt động HD-2025-07 không có trong danh sách hoạt động"}},
  {date: d26(6, 30), activityId: "HD-01", amount: 5_850_000, source: "xa", payee: "HTX Chè vằng Vĩnh Thuỷ", description: "Thanh toán còn lại sau nghiệm thu máy chè vằng"},
  {date: d26(7, 10), activityId: "HD-Q01", amount: 175_000_000, source: "quoc_gia", payee: "Công ty TNHH Vật liệu xây dựng Vĩnh Sơn", description: "Tạm ứng 70% kinh phí khuyến công quốc gia mô hình trình diễn dây chuyền gạch không nung"},
  {date: d26(7, 16), activityId: "HD-07", amount: 7_000_000, source: "xa", payee: "HTX Ném Vĩnh Lâm", description: "Thanh toán kinh phí hỗ trợ tham gia Hội chợ Công Thương khu vực Bắc Trung Bộ"},
  {date: d26(7, 20), activityId: "HD-04", amount: -13_300_000, source: "xa", payee: "Hộ kinh doanh mộc dân dụng Văn Lực", description: "Thu hồi tạm ứng do cơ sở xin rút, không thực hiện đề án (QĐ 259/QĐ-UBND)"},
  {date: d26(8, 5), activityId: "HD-09", amount: 14_000_000, source: "xa", payee: "Trung tâm Dịch vụ tổng hợp xã", description: "Tạm ứng 70% kinh phí tổ chức đoàn tham quan học tập kinh nghiệm tại Huế"},
  {date: d26(8, 5), activityId: "HD-09", amount: 14_000_000, source: "xa", payee: "Trung tâm Dịch vụ tổng hợp xã", description: "Tạm ứng 70% kinh phí tổ chức đoàn tham quan học tập kinh nghiệm tại Huế", duplicate: true, bad: {column: "voucher_no", why: "số chứng từ trùng với dòng trước (nhập hai lần)"}},
  {date: d26(8, 28), activityId: "HD-02", amount: 5_400_000, source: "xa", payee: "Cơ sở cửa nhôm Xingfa Tân Mỹ", description: "Thanh toán còn lại sau nghiệm thu máy cắt nhôm"},
  {date: d26(9, 4), activityId: "HD-09", amount: 5_850_000, source: "xa", payee: "Trung tâm Dịch vụ tổng hợp xã", description: "Quyết toán đoàn tham quan học tập kinh nghiệm (thanh toán phần còn lại)"},
  {date: d26(10, 2), activityId: "HD-03", amount: 14_000_000, source: "xa", payee: "Hộ kinh doanh bún bánh Thủy Ba", description: "Tạm ứng 70% kinh phí hỗ trợ máy tráng bánh ướt, máy làm bún", note: "Cơ sở đã ký hợp đồng mua máy"},
  {date: d26(10, 14), activityId: "HD-T01", amount: 27_000_000, source: "tinh", payee: "HTX Dịch vụ Nông nghiệp Vĩnh Sơn", description: "Thanh toán còn lại kinh phí khuyến công tỉnh sau nghiệm thu máy sấy tiêu"},
  {date: d26(11, 10), activityId: "HD-08", amount: 1_500_000, amountCell: "1.500.000,5", source: "xa", payee: "Công ty TNHH Chè vằng Mũi Viết", description: "Tạm ứng chi phí vận chuyển hàng trưng bày hội chợ", note: "Số tiền tính theo công thức", bad: {column: "amount", why: "số tiền có phần lẻ đồng 1.500.000,5"}}
];

/** The funding source that pays an activity's vouchers. */
export function sourceOf(a: ActivityRec): Source {
  return a.line !== undefined ? "xa" : a.level;
}
