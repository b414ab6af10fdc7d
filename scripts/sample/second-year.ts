// The second plan year of the two-year sample (`npm run sample -- --second-year`): xã Vĩnh Thủy's
// 2027 programme as it stands in late November 2027, written beside the 2026 files.
//
// - The 2027 plan is the project's own 2027 draft adopted as is (the draft of the one-year sample:
//   three lines of new money, 130 triệu, and one carry-over line per unfinished 2026 activity,
//   20,4 triệu, source "Kinh phí năm trước chuyển sang").
// - Numbering restarts: the 2027 activities are HD-01…, the vouchers PC-001…, the survey forms KS-01…,
//   the same ids as 2026's; a voucher's activity is the one of its plan year.
// - The three unfinished 2026 activities are listed again as carried activities (Chuyển từ năm 2026)
//   on the carry-over lines: HD-08 (machine of CS004) and HD-10 (fair of CS030) finish and are paid;
//   HD-09 (packaging of CS001) is still under way at the end, so its remainder is proposed again.
// - A January voucher of the previous plan year, kept in the new year's file: the 2026 study tour
//   (2026's HD-09) settled on 12/01/2027, Năm kế hoạch 2026 (the budget's adjustment period). 2027
//   has an HD-09 too: without the plan year the voucher would be 2027's.
// - The office keeps last year's activities file up to date: 2026's HD-03 is marked completed on
//   28/02/2027 (finished with the carried money). The 2026 evaluation, standing on 31/12/2026,
//   still sees it under way.
// - One deliberately bad row: a 2027 voucher citing HD-11, an id of 2026 only; it is rejected with
//   the year named, never booked to 2026.
// - The demand survey for 2028.
import {iso} from "./csv.js";
import type {ActivityRec, PaymentRec, PlanLineRec, TargetRec} from "./story.js";
import type {SurveyRec} from "./survey.js";

export const SECOND_YEAR = 2027;
const TR = 1_000_000;
const d27 = (month: number, day: number) => iso(SECOND_YEAR, month, day);

/** The 2027 draft's lines (src/lib/plan/draft.ts on the one-year sample), adopted as is. */
export const SECOND_PLAN_LINES: readonly PlanLineRec[] = [
  {line: 1, content: "may_moc_thiet_bi", description: "Hỗ trợ ứng dụng máy móc, thiết bị tiên tiến vào sản xuất.", quantity: 4, unit: 20 * TR, note: "Nâng cao năng suất, chất lượng sản phẩm, giảm giá thành sản xuất…"},
  {line: 2, content: "tu_van_thiet_ke", description: "Hỗ trợ thiết kế bao bì, nhãn mác, nhãn hiệu sản phẩm OCOP…", quantity: 2, unit: 20 * TR, note: "Tăng nhận diện thương hiệu, thu hút khách hàng, bảo vệ sản phẩm"},
  {line: 3, content: "lien_ket_cum_cn", description: "Hỗ trợ liên kết, phát triển cụm công nghiệp", quantity: 1, unit: 10 * TR, note: ""},
  {line: 4, content: "may_moc_thiet_bi", description: "Chuyển nguồn năm 2026: Hỗ trợ ứng dụng máy tráng bánh ướt và máy làm bún tự động (Hộ kinh doanh bún bánh Thủy Ba)", quantity: 1, unit: 6_000_000, note: "Kinh phí năm 2026 chuyển sang; QĐ số 331/QĐ-UBND", source: "chuyen_nguon"},
  {line: 5, content: "tu_van_thiet_ke", description: "Chuyển nguồn năm 2026: Hỗ trợ thiết kế bao bì, nhãn mác và đăng ký nhãn hiệu nước mắm cá cơm (Cơ sở nước mắm Hoà Bình)", quantity: 1, unit: 5_400_000, note: "Kinh phí năm 2026 chuyển sang; QĐ số 165/QĐ-UBND", source: "chuyen_nguon"},
  {line: 6, content: "san_pham_thi_truong", description: "Chuyển nguồn năm 2026: Hỗ trợ tham gia Hội chợ OCOP khu vực miền Trung - Tây Nguyên (tháng 12/2026) (Công ty TNHH Chè vằng Mũi Viết)", quantity: 1, unit: 9_000_000, note: "Kinh phí năm 2026 chuyển sang; QĐ số 372/QĐ-UBND", source: "chuyen_nguon"}
];

export const SECOND_PLAN_TARGETS: readonly TargetRec[] = [
  {indicator: "may_moc_xa", content: "may_moc_thiet_bi", description: "Hỗ trợ doanh nghiệp, cơ sở CNNT đầu tư mô hình ứng dụng máy móc thiết bị tiên tiến (khuyến công xã)", unit: "cơ sở", min: 2, max: 4},
  {indicator: "bao_bi_nhan_hieu", content: "tu_van_thiet_ke", description: "Hỗ trợ doanh nghiệp, cơ sở CNNT xây dựng, thiết kế mẫu mã bao bì, đăng ký nhãn hiệu sản phẩm", unit: "cơ sở", min: 1, max: 2},
  {indicator: "cum_cn", content: "lien_ket_cum_cn", description: "Hỗ trợ cơ sở CNNT lập hồ sơ di dời vào cụm công nghiệp", unit: "cơ sở", min: 0, max: 1},
  {indicator: "ke_hoach_nam_sau", content: "quan_ly_he_thong", description: "Khảo sát, đánh giá kết quả năm 2027; tổng hợp nhu cầu, xây dựng kế hoạch khuyến công năm 2028", unit: "kế hoạch", min: 1, max: 1}
];

const CARRY = "12/QĐ-UBND";

/** Rows of the 2026 activities file as the office has updated them by late 2027. */
export const FIRST_YEAR_UPDATES: Readonly<Record<string, Partial<ActivityRec>>> = {
  "HD-03": {status: "hoan_thanh", completedOn: d27(2, 28), note: "Hoàn thành ngày 28/02/2027 bằng kinh phí chuyển nguồn (HD-08 năm 2027)"}
};

export const SECOND_ACTIVITIES: readonly ActivityRec[] = [
  // Line 1: machines, 4 × 20 triệu.
  {id: "HD-01", line: 1, content: "may_moc_thiet_bi", indicator: "may_moc_xa", title: "Hỗ trợ ứng dụng lò sấy chè vằng bằng điện", facilityId: "CS017", level: "xa", status: "hoan_thanh", approved: 20 * TR, counterpart: 35 * TR, decisionNo: "64/QĐ-UBND", decisionDate: d27(3, 15), completedOn: d27(6, 20), jobs: 1},
  {id: "HD-02", line: 1, content: "may_moc_thiet_bi", indicator: "may_moc_xa", title: "Hỗ trợ ứng dụng máy làm bún khô và lò sấy bún", facilityId: "CS021", level: "xa", status: "dang_thuc_hien", approved: 20 * TR, counterpart: 55 * TR, decisionNo: "140/QĐ-UBND", decisionDate: d27(5, 12)},
  {id: "HD-03", line: 1, content: "may_moc_thiet_bi", indicator: "may_moc_xa", title: "Hỗ trợ ứng dụng máy chiết rót, đóng nắp hũ ném tự động", facilityId: "CS025", level: "xa", status: "phe_duyet", approved: 20 * TR, counterpart: 90 * TR, decisionNo: "322/QĐ-UBND", decisionDate: d27(9, 20)},
  {id: "HD-04", line: 1, content: "may_moc_thiet_bi", indicator: "may_moc_xa", title: "Hỗ trợ ứng dụng máy ép gạch không nung thủy lực", facilityId: "CS009", level: "xa", status: "tham_dinh", note: "Phòng Kinh tế đang thẩm định dự toán"},
  // Line 2: packaging, 2 × 20 triệu.
  {id: "HD-05", line: 2, content: "tu_van_thiet_ke", indicator: "bao_bi_nhan_hieu", title: "Hỗ trợ thiết kế nhãn mác, bao bì bún khô, bánh canh khô", facilityId: "CS004", level: "xa", status: "hoan_thanh", approved: 12 * TR, counterpart: 13 * TR, decisionNo: "201/QĐ-UBND", decisionDate: d27(6, 5), completedOn: d27(8, 15)},
  {id: "HD-06", line: 2, content: "tu_van_thiet_ke", indicator: "bao_bi_nhan_hieu", title: "Hỗ trợ thiết kế bao bì, nhãn mác sản phẩm cao dược liệu", facilityId: "CS029", level: "xa", status: "dang_thuc_hien", approved: 15 * TR, counterpart: 15 * TR, decisionNo: "236/QĐ-UBND", decisionDate: d27(7, 10)},
  // Line 3: the industrial cluster, 1 × 10 triệu (only proposed).
  {id: "HD-07", line: 3, content: "lien_ket_cum_cn", indicator: "cum_cn", title: "Hỗ trợ lập hồ sơ thuê đất, di dời xưởng cơ khí vào cụm công nghiệp", facilityId: "CS013", level: "xa", status: "de_xuat"},
  // Lines 4–6: the 2026 work carried over (Chuyển từ năm 2026), one line each.
  {id: "HD-08", line: 4, content: "may_moc_thiet_bi", title: "Hỗ trợ ứng dụng máy tráng bánh ướt và máy làm bún tự động (chuyển nguồn năm 2026)", facilityId: "CS004", level: "xa", status: "hoan_thanh", approved: 6 * TR, decisionNo: CARRY, decisionDate: d27(1, 8), completedOn: d27(2, 28), jobs: 2, carriedFrom: {year: 2026, id: "HD-03"}},
  {id: "HD-09", line: 5, content: "tu_van_thiet_ke", title: "Hỗ trợ thiết kế bao bì, nhãn mác và đăng ký nhãn hiệu nước mắm cá cơm (chuyển nguồn năm 2026)", facilityId: "CS001", level: "xa", status: "dang_thuc_hien", approved: 5_400_000, decisionNo: CARRY, decisionDate: d27(1, 8), note: "Hồ sơ đăng ký nhãn hiệu đang chờ Cục Sở hữu trí tuệ", carriedFrom: {year: 2026, id: "HD-05"}},
  {id: "HD-10", line: 6, content: "san_pham_thi_truong", title: "Hỗ trợ tham gia Hội chợ OCOP khu vực miền Trung - Tây Nguyên (chuyển nguồn năm 2026)", facilityId: "CS030", level: "xa", status: "hoan_thanh", approved: 9 * TR, decisionNo: CARRY, decisionDate: d27(1, 8), completedOn: d27(1, 20), participants: 2, carriedFrom: {year: 2026, id: "HD-08"}},
  // Provincial programme.
  {id: "HD-T01", content: "may_moc_thiet_bi", title: "Hỗ trợ ứng dụng máy cắt phôi thép và máy khắc laser (đề án khuyến công tỉnh)", facilityId: "CS028", level: "tinh", status: "dang_thuc_hien", approved: 80 * TR, counterpart: 120 * TR, decisionNo: "233/QĐ-SCT", decisionDate: d27(6, 25)}
];

/** Vouchers of 2027 in date order; numbers PC-001… restart with the year. */
export const SECOND_PAYMENTS: readonly PaymentRec[] = [
  {date: d27(1, 12), activityId: "HD-09", planYear: 2026, amount: 150_000, source: "xa", payee: "Trung tâm Dịch vụ tổng hợp xã", description: "Thanh toán bổ sung quyết toán đoàn tham quan học tập kinh nghiệm tại Huế (kế hoạch năm 2026)"},
  {date: d27(1, 25), activityId: "HD-10", amount: 9 * TR, source: "chuyen_nguon", payee: "Công ty TNHH Chè vằng Mũi Viết", description: "Thanh toán kinh phí hỗ trợ tham gia Hội chợ OCOP khu vực miền Trung - Tây Nguyên"},
  {date: d27(3, 5), activityId: "HD-08", amount: 6 * TR, source: "chuyen_nguon", payee: "Hộ kinh doanh bún bánh Thủy Ba", description: "Thanh toán còn lại sau nghiệm thu máy tráng bánh ướt, máy làm bún"},
  {date: d27(4, 10), activityId: "HD-01", amount: 14 * TR, source: "xa", payee: "Cơ sở chè vằng Lâm Cao", description: "Tạm ứng 70% kinh phí hỗ trợ lò sấy chè vằng"},
  {date: d27(4, 15), activityId: "HD-09", amount: 2 * TR, source: "chuyen_nguon", payee: "Cơ sở nước mắm Hoà Bình", description: "Chi phí nộp đơn đăng ký nhãn hiệu"},
  {date: d27(6, 1), activityId: "HD-02", amount: 14 * TR, source: "xa", payee: "Tổ hợp tác làm bún Lai Phước", description: "Tạm ứng 70% kinh phí hỗ trợ máy làm bún khô, lò sấy bún"},
  {date: d27(6, 30), activityId: "HD-01", amount: 6 * TR, source: "xa", payee: "Cơ sở chè vằng Lâm Cao", description: "Thanh toán còn lại sau nghiệm thu lò sấy chè vằng"},
  {date: d27(7, 20), activityId: "HD-06", amount: 7_500_000, source: "xa", payee: "HTX Dịch vụ Nông nghiệp Vĩnh Sơn", description: "Tạm ứng 50% kinh phí thiết kế bao bì cao dược liệu"},
  {date: d27(8, 25), activityId: "HD-05", amount: 12 * TR, source: "xa", payee: "Hộ kinh doanh bún bánh Thủy Ba", description: "Thanh toán kinh phí thiết kế nhãn mác, bao bì bún khô"},
  {date: d27(9, 15), activityId: "HD-T01", amount: 56 * TR, source: "tinh", payee: "Cơ sở rèn Tiên Lai", description: "Tạm ứng 70% kinh phí khuyến công tỉnh hỗ trợ máy cắt phôi, máy khắc laser"},
  // BAD: HD-11 is an activity of 2026 only (a proposal); the voucher names no other plan year.
  {date: d27(10, 5), activityId: "HD-11", amount: 3 * TR, source: "xa", payee: "Trung tâm Dịch vụ tổng hợp xã", description: "Chi xây dựng trang thông tin khuyến công trên Zalo", bad: {column: "activity_id", why: "mã hoạt động HD-11 không có trong danh sách hoạt động năm 2027"}}
];

export const SECOND_YEAR_BAD_ROWS: readonly {file: string; line: number; column: string}[] = [
  {file: "disbursements_2027_q4.csv", line: 2, column: "activity_id"}
];

const d = (month: number, day: number) => iso(SECOND_YEAR, month, day);

/** Needs surveyed in October–November 2027 for the 2028 plan. */
export const SECOND_SURVEY: readonly SurveyRec[] = [
  {facilityId: "CS040", content: "may_moc_thiet_bi", description: "Hệ thống bồn ủ chượp inox 10 bồn", estimated: 120 * TR, requested: 40 * TR, priority: 1, on: d(10, 12)},
  {facilityId: "CS009", content: "may_moc_thiet_bi", description: "Máy ép gạch không nung thủy lực", estimated: 150 * TR, requested: 50 * TR, priority: 1, on: d(10, 12)},
  {facilityId: "CS034", content: "san_pham_thi_truong", description: "Tham gia Hội chợ hàng thủ công mỹ nghệ, làng nghề khu vực miền Trung năm 2028", estimated: 14 * TR, requested: 10 * TR, priority: 2, on: d(10, 20)},
  {facilityId: "CS017", content: "tu_van_thiet_ke", description: "Thiết kế bao bì chè vằng túi lọc", estimated: 24 * TR, requested: 12 * TR, priority: 2, on: d(10, 26)},
  {facilityId: "CS013", content: "lien_ket_cum_cn", description: "Hỗ trợ lập hồ sơ thuê đất, di dời xưởng vào cụm công nghiệp", estimated: 20 * TR, requested: 10 * TR, priority: 3, on: d(11, 9)},
  {facilityId: "CS030", content: "san_pham_thi_truong", description: "Tham gia Hội chợ OCOP khu vực năm 2028", estimated: 15 * TR, requested: 10 * TR, priority: 2, on: d(11, 19)}
];
