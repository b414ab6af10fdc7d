// Needs surveyed in October–November 2026 for the 2027 plan (phiếu khảo sát nhu cầu).
import {iso} from "./csv.js";

export interface SurveyRec {
  facilityId?: string;
  /** Written by name only: a tone variant of a registered name, or a facility not yet registered. */
  name?: string;
  content: string;
  /** What the cell shows when it is not the content code's label. */
  contentCell?: string;
  description: string;
  estimated: number;
  /** Written with a đ suffix, as some office sheets do. */
  suffix?: boolean;
  requested: number;
  priority: 1 | 2 | 3;
  on: string;
  bad?: {column: string; why: string};
}

const TR = 1_000_000;
const d = (month: number, day: number) => iso(2026, month, day);

export const SURVEY: readonly SurveyRec[] = [
  // Facilities never supported before.
  {facilityId: "CS011", content: "may_moc_thiet_bi", description: "Máy tráng bánh và lò sấy bánh tráng", estimated: 85 * TR, suffix: true, requested: 30 * TR, priority: 1, on: d(10, 6)},
  {facilityId: "CS027", content: "may_moc_thiet_bi", description: "Máy xay và máy lọc tách tinh bột nghệ", estimated: 60 * TR, requested: 25 * TR, priority: 2, on: d(10, 6)},
  {facilityId: "CS033", content: "may_moc_thiet_bi", description: "Máy CNC khắc gỗ 4 đầu", estimated: 180 * TR, requested: 50 * TR, priority: 2, on: d(10, 8)},
  {facilityId: "CS035", content: "tu_van_thiet_ke", description: "Thiết kế bao bì, nhãn mác bánh bột lọc, bánh nậm", estimated: 28 * TR, requested: 14 * TR, priority: 1, on: d(10, 8)},
  {facilityId: "CS038", content: "tu_van_thiet_ke", description: "Công bố chất lượng, thiết kế nhãn mác và đăng ký nhãn hiệu rượu men lá", estimated: 80 * TR, requested: 40 * TR, priority: 2, on: d(10, 13)},
  {facilityId: "CS040", content: "may_moc_thiet_bi", description: "Hệ thống bồn ủ chượp inox 10 bồn", estimated: 120 * TR, suffix: true, requested: 40 * TR, priority: 1, on: d(10, 13)},
  // Facilities supported in 2024–2026.
  {facilityId: "CS002", content: "san_pham_thi_truong", contentCell: "Hội chợ", description: "Tham gia Hội chợ OCOP khu vực năm 2027", estimated: 15 * TR, requested: 10 * TR, priority: 2, on: d(10, 15)},
  {facilityId: "CS020", content: "may_moc_thiet_bi", description: "Máy phay ổ khóa và máy cắt góc CNC", estimated: 95 * TR, requested: 30 * TR, priority: 3, on: d(10, 15)},
  {facilityId: "CS004", content: "tu_van_thiet_ke", description: "Thiết kế nhãn mác, bao bì bún khô, bánh canh khô", estimated: 25 * TR, requested: 12 * TR, priority: 2, on: d(10, 20)},
  {facilityId: "CS001", content: "san_pham_thi_truong", description: "Tham gia Hội chợ Thương mại - Du lịch tỉnh Quảng Trị năm 2027", estimated: 12 * TR, requested: 9 * TR, priority: 2, on: d(10, 20)},
  {facilityId: "CS016", content: "nang_cao_nang_luc", contentCell: "Tập huấn", description: "Tập huấn kỹ năng bán hàng trên sàn thương mại điện tử cho thành viên HTX", estimated: 15 * TR, requested: 10 * TR, priority: 2, on: d(10, 22)},
  {facilityId: "CS030", content: "thong_tin_du_lieu", description: "Xây dựng trang giới thiệu sản phẩm trên Zalo OA và website", estimated: 12 * TR, requested: 8 * TR, priority: 3, on: d(10, 22)},
  // BAD: "Chuyển đổi số" (added by Decree 235/2025) is not yet a content group of the code list.
  {facilityId: "CS003", content: "", contentCell: "Chuyển đổi số", description: "Phần mềm quản lý bán hàng, truy xuất nguồn gốc bằng mã QR", estimated: 40 * TR, requested: 20 * TR, priority: 2, on: d(10, 27), bad: {column: "content_group", why: "nhóm nội dung \"Chuyển đổi số\" không có trong danh mục"}},
  // By name only: a tone variant of the register ("Thủy" written "Thuỷ"), and a new facility.
  {name: "Tổ hợp tác đan lát mây tre Thuỷ Ba Tây", content: "san_pham_thi_truong", description: "Tham gia hội chợ làng nghề truyền thống", estimated: 10 * TR, requested: 8 * TR, priority: 3, on: d(10, 27)},
  {name: "Cơ sở sản xuất nấm sạch Tân Mỹ", content: "may_moc_thiet_bi", description: "Lò hấp phôi và hệ thống phun sương nhà nuôi trồng nấm", estimated: 70 * TR, requested: 25 * TR, priority: 2, on: d(11, 3)},
  {facilityId: "CS025", content: "may_moc_thiet_bi", description: "Máy chiết rót, đóng nắp hũ ném tự động", estimated: 110 * TR, requested: 35 * TR, priority: 1, on: d(11, 3)},
  {facilityId: "CS029", content: "tu_van_thiet_ke", description: "Thiết kế bao bì, nhãn mác sản phẩm cao dược liệu", estimated: 30 * TR, requested: 15 * TR, priority: 3, on: d(11, 5)},
  {facilityId: "CS009", content: "may_moc_thiet_bi", description: "Máy ép gạch không nung thủy lực", estimated: 150 * TR, requested: 50 * TR, priority: 2, on: d(11, 5)},
  {facilityId: "CS017", content: "may_moc_thiet_bi", description: "Lò sấy chè vằng bằng điện", estimated: 55 * TR, requested: 20 * TR, priority: 1, on: d(11, 10)},
  {facilityId: "CS028", content: "may_moc_thiet_bi", description: "Máy cắt phôi thép và máy khắc laser thương hiệu", estimated: 45 * TR, requested: 20 * TR, priority: 2, on: d(11, 10)},
  {facilityId: "CS021", content: "may_moc_thiet_bi", description: "Máy làm bún khô và lò sấy bún", estimated: 75 * TR, requested: 25 * TR, priority: 1, on: d(11, 12)},
  {facilityId: "CS034", content: "san_pham_thi_truong", description: "Tham gia Hội chợ hàng thủ công mỹ nghệ, làng nghề khu vực miền Trung", estimated: 14 * TR, requested: 10 * TR, priority: 3, on: d(11, 12)},
  {facilityId: "CS013", content: "lien_ket_cum_cn", description: "Hỗ trợ lập hồ sơ thuê đất, di dời xưởng vào cụm công nghiệp", estimated: 20 * TR, requested: 10 * TR, priority: 3, on: d(11, 17)},
  {facilityId: "CS007", content: "may_moc_thiet_bi", contentCell: "may_moc_thiet_bi", description: "Lò sấy gỗ bằng hơi nước", estimated: 160 * TR, requested: 45 * TR, priority: 3, on: d(11, 19)}
];
