// Code lists of the data contract. Browser-safe: the site shows these labels too.
// A cell may hold the code, the Vietnamese label or a listed short form; matching folds case,
// spacing and diacritics (see foldKey in ../parse/text.ts).

export interface CodeEntry {
  readonly code: string;
  readonly label: string;
  /** Other spellings the office uses (abbreviations, short labels). */
  readonly aliases?: readonly string[];
}

function list<const T extends readonly CodeEntry[]>(entries: T): T {
  return entries;
}

export const codeLists = {
  content_group: list([
    {code: "dao_tao_nghe", label: "Đào tạo nghề, truyền nghề", aliases: ["Đào tạo nghề"]},
    {
      code: "nang_cao_nang_luc",
      label: "Nâng cao năng lực quản lý, tập huấn, tham quan học tập",
      aliases: ["Nâng cao năng lực", "Tập huấn", "Tham quan học tập"]
    },
    {
      code: "may_moc_thiet_bi",
      label: "Ứng dụng máy móc, thiết bị tiên tiến, mô hình trình diễn",
      aliases: ["Máy móc thiết bị", "Ứng dụng máy móc thiết bị", "Mô hình trình diễn"]
    },
    {
      code: "san_pham_thi_truong",
      label: "Phát triển sản phẩm CNNT tiêu biểu, hội chợ, xúc tiến thương mại",
      aliases: ["Hội chợ", "Xúc tiến thương mại", "Sản phẩm CNNT tiêu biểu"]
    },
    {
      code: "tu_van_thiet_ke",
      label: "Tư vấn, thiết kế mẫu mã, bao bì, nhãn mác, nhãn hiệu",
      aliases: ["Tư vấn", "Thiết kế bao bì", "Bao bì nhãn mác"]
    },
    {
      code: "thong_tin_du_lieu",
      label: "Thông tin, tuyên truyền, cơ sở dữ liệu, khảo sát",
      aliases: ["Thông tin tuyên truyền", "Cơ sở dữ liệu", "Khảo sát"]
    },
    {code: "lien_ket_cum_cn", label: "Liên kết, phát triển cụm công nghiệp", aliases: ["Cụm công nghiệp"]},
    {code: "hop_tac_quoc_te", label: "Hợp tác quốc tế"},
    {
      code: "quan_ly_he_thong",
      label: "Quản lý, kiểm tra, giám sát, xây dựng kế hoạch",
      aliases: ["Quản lý", "Xây dựng kế hoạch"]
    }
  ]),
  level: list([
    {code: "quoc_gia", label: "Khuyến công quốc gia", aliases: ["Quốc gia", "KCQG", "TW", "Trung ương"]},
    {code: "tinh", label: "Khuyến công tỉnh", aliases: ["Tỉnh", "KCT"]},
    {code: "huyen", label: "Khuyến công huyện", aliases: ["Huyện"]},
    {code: "xa", label: "Khuyến công xã", aliases: ["Xã"]}
  ]),
  funding_source: list([
    {code: "quoc_gia", label: "Kinh phí khuyến công quốc gia", aliases: ["Quốc gia", "Khuyến công quốc gia"]},
    {code: "tinh", label: "Kinh phí khuyến công tỉnh", aliases: ["Tỉnh", "Khuyến công tỉnh"]},
    {code: "huyen", label: "Ngân sách huyện", aliases: ["Huyện"]},
    {code: "xa", label: "Ngân sách xã", aliases: ["Xã", "NS xã"]},
    {code: "chuyen_nguon", label: "Kinh phí năm trước chuyển sang", aliases: ["Chuyển nguồn"]},
    {code: "doi_ung", label: "Vốn đối ứng của cơ sở", aliases: ["Đối ứng", "Vốn đối ứng"]},
    {code: "khac", label: "Nguồn khác", aliases: ["Khác"]}
  ]),
  kind: list([
    {code: "doanh_nghiep", label: "Doanh nghiệp", aliases: ["DN", "Công ty"]},
    {code: "hop_tac_xa", label: "Hợp tác xã", aliases: ["HTX"]},
    {code: "to_hop_tac", label: "Tổ hợp tác", aliases: ["THT"]},
    {code: "ho_kinh_doanh", label: "Hộ kinh doanh", aliases: ["HKD", "Hộ sản xuất"]}
  ]),
  status: list([
    {code: "de_xuat", label: "Đề xuất"},
    {code: "tham_dinh", label: "Đã thẩm định", aliases: ["Thẩm định"]},
    {code: "phe_duyet", label: "Đã phê duyệt", aliases: ["Phê duyệt"]},
    {code: "dang_thuc_hien", label: "Đang thực hiện"},
    {code: "hoan_thanh", label: "Hoàn thành", aliases: ["Đã hoàn thành"]},
    {code: "huy", label: "Đã hủy", aliases: ["Hủy"]}
  ]),
  sector: list([
    {code: "che_bien_nlts", label: "Chế biến nông, lâm, thủy sản, thực phẩm", aliases: ["Chế biến nông lâm thủy sản", "Chế biến thực phẩm"]},
    {code: "co_khi", label: "Cơ khí, điện, sửa chữa", aliases: ["Cơ khí"]},
    {code: "moc", label: "Mộc dân dụng, mỹ nghệ", aliases: ["Mộc"]},
    {code: "vat_lieu_xd", label: "Vật liệu xây dựng", aliases: ["VLXD"]},
    {code: "thu_cong_truyen_thong", label: "Thủ công mỹ nghệ, ngành nghề truyền thống", aliases: ["Thủ công mỹ nghệ", "Ngành nghề truyền thống"]},
    {code: "det_may", label: "Dệt may", aliases: ["May mặc"]},
    {code: "khac", label: "Khác"}
  ])
} as const;

export type CodeListName = keyof typeof codeLists;
export type Code<L extends CodeListName> = (typeof codeLists)[L][number]["code"];
export type ContentGroup = Code<"content_group">;
export type ActivityStatus = Code<"status">;

/** Status order: an activity at or past `phe_duyet` (and not cancelled) has committed money. */
export const statusOrder: readonly ActivityStatus[] = codeLists.status.map((e) => e.code);
export const committedStatuses: readonly ActivityStatus[] = ["phe_duyet", "dang_thuc_hien", "hoan_thanh"];

export function codeLabel<L extends CodeListName>(list: L, code: string | null | undefined): string {
  if (code == null) return "";
  const entry = (codeLists[list] as readonly CodeEntry[]).find((e) => e.code === code);
  return entry ? entry.label : code;
}
