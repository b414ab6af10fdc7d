// Short screen labels for crowded table columns (Hoạt động, Giai đoạn). The full
// Vietnamese labels of the code lists (codeLabel) stay in filters, tooltips and every export;
// these only keep a 12-column table readable on screen.
import {codeLabel} from "../lib/contract/codes.js";

const SHORT_GROUP: Record<string, string> = {
  dao_tao_nghe: "Đào tạo nghề",
  nang_cao_nang_luc: "Tập huấn, tham quan",
  may_moc_thiet_bi: "Máy móc, thiết bị",
  san_pham_thi_truong: "Sản phẩm tiêu biểu, hội chợ",
  tu_van_thiet_ke: "Tư vấn, bao bì, nhãn hiệu",
  thong_tin_du_lieu: "Thông tin, cơ sở dữ liệu",
  lien_ket_cum_cn: "Cụm công nghiệp",
  hop_tac_quoc_te: "Hợp tác quốc tế",
  quan_ly_he_thong: "Quản lý, kế hoạch"
};

/** "Máy móc, thiết bị" for may_moc_thiet_bi; the full label for a code not listed here. */
export function shortGroup(code: string | null | undefined): string {
  if (code == null) return "";
  return SHORT_GROUP[code] ?? codeLabel("content_group", code);
}

/** "Xã", "Huyện", "Tỉnh", "Quốc gia" (the label without "Khuyến công"). */
export function shortLevel(code: string | null | undefined): string {
  const text = codeLabel("level", code).replace(/^Khuyến công /, "");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
