// The register of rural industrial facilities (CSDL cơ sở CNNT) of the sample: invented
// facilities in plausible villages of the three former communes. Names of people, phones and
// CCCD numbers are drawn by the generator (fake, but shaped like real ones).

export type KindCode = "doanh_nghiep" | "hop_tac_xa" | "to_hop_tac" | "ho_kinh_doanh";
export type SectorCode = "che_bien_nlts" | "co_khi" | "moc" | "vat_lieu_xd" | "thu_cong_truyen_thong" | "det_may" | "khac";
/** The commune the sample is of, and the former communes merged into it on 1 July 2025, in the
 * order its pages list them. The code stands in for the commune's own administrative code. */
export const COMMUNE = {code: "19414", name: "Vĩnh Thủy", province: "Quảng Trị", formerUnits: ["Vĩnh Thủy", "Vĩnh Lâm", "Vĩnh Sơn"]} as const;
export type Unit = (typeof COMMUNE.formerUnits)[number];

export interface Facility {
  id: string;
  name: string;
  kind: KindCode;
  sector: SectorCode;
  unit: Unit;
  village: string;
  products: string;
  /** What its machine projects buy, in order (2020–2025 history; none is what 2026 buys). */
  machines: readonly string[];
  /** The product as a packaging / fair title names it ("chè vằng"). */
  product: string;
  ocop?: number;
}

/** The test record: its name is HTML, to prove the site shows it as text. */
export const XSS_NAME = "<img src=x onerror=alert(1)>";

export const FACILITIES: readonly Facility[] = [
  // Vĩnh Thủy (cũ)
  {id: "CS001", name: "Cơ sở nước mắm Hoà Bình", kind: "ho_kinh_doanh", sector: "che_bien_nlts", unit: "Vĩnh Thủy", village: "Thủy Ba Hạ", products: "Nước mắm cá cơm truyền thống, mắm ruốc", machines: ["bồn ủ chượp inox và máy lọc nước mắm", "máy chiết rót, đóng nắp chai nước mắm", "hệ thống lọc tinh nước mắm bằng màng"], product: "nước mắm cá cơm", ocop: 3},
  {id: "CS002", name: "HTX Chè vằng Vĩnh Thuỷ", kind: "hop_tac_xa", sector: "che_bien_nlts", unit: "Vĩnh Thủy", village: "Thủy Ba Đông", products: "Chè vằng cao, chè vằng túi lọc", machines: ["máy thái và máy sấy chè vằng", "nồi cô đặc cao chè vằng bằng hơi", "máy đóng gói trà túi lọc"], product: "chè vằng cao", ocop: 3},
  {id: "CS003", name: "Công ty TNHH Hồ tiêu Vĩnh Linh Xanh", kind: "doanh_nghiep", sector: "che_bien_nlts", unit: "Vĩnh Thủy", village: "Duy Viên", products: "Hồ tiêu hạt, tiêu xay đóng gói", machines: ["dây chuyền sấy, phân loại và đóng gói hồ tiêu", "máy xay tiêu và máy đóng gói tự động", "máy tách đá, làm sạch hạt tiêu"], product: "hồ tiêu Vĩnh Linh", ocop: 4},
  {id: "CS004", name: "Hộ kinh doanh bún bánh Thủy Ba", kind: "ho_kinh_doanh", sector: "che_bien_nlts", unit: "Vĩnh Thủy", village: "Thủy Ba Tây", products: "Bún tươi, bánh ướt, bánh canh", machines: ["máy xay bột gạo ướt", "nồi hơi và tủ hấp bánh công nghiệp", "máy cán, cắt bánh canh"], product: "bún, bánh ướt"},
  {id: "CS005", name: "Cơ sở cơ khí Quang Trung", kind: "ho_kinh_doanh", sector: "co_khi", unit: "Vĩnh Thủy", village: "Bái Sơn", products: "Gia công cơ khí, sửa chữa máy nông nghiệp", machines: ["máy tiện, máy phay vạn năng", "máy hàn MIG và máy cắt sắt", "máy khoan cần, máy mài phẳng"], product: "cơ khí"},
  {id: "CS006", name: "Cơ sở cửa nhôm kính Minh Phát", kind: "ho_kinh_doanh", sector: "co_khi", unit: "Vĩnh Thủy", village: "Duy Viên", products: "Cửa nhôm kính, cửa cuốn, lan can inox", machines: ["máy cắt nhôm hai đầu và máy phay ổ khóa", "máy ép góc cửa nhôm", "máy cắt kính và bàn cắt kính"], product: "cửa nhôm kính"},
  {id: "CS007", name: "Xưởng mộc mỹ nghệ Tiến Đạt", kind: "ho_kinh_doanh", sector: "moc", unit: "Vĩnh Thủy", village: "Thủy Ba Đông", products: "Bàn ghế, tủ, sập gỗ mỹ nghệ", machines: ["máy CNC đục gỗ và máy chà nhám thùng", "máy phun sơn PU và buồng sơn", "máy cưa lọng, máy tiện gỗ"], product: "đồ gỗ mỹ nghệ"},
  {id: "CS008", name: "Tổ hợp tác đan lát mây tre Thủy Ba Tây", kind: "to_hop_tac", sector: "thu_cong_truyen_thong", unit: "Vĩnh Thủy", village: "Thủy Ba Tây", products: "Rổ rá, giỏ mây tre đan, đồ lưu niệm", machines: ["máy chẻ nan và máy vót nan tre", "lò sấy, chống mốc sản phẩm mây tre", "máy uốn, ép nan"], product: "mây tre đan"},
  {id: "CS009", name: "Cơ sở sản xuất gạch không nung Duy Viên", kind: "ho_kinh_doanh", sector: "vat_lieu_xd", unit: "Vĩnh Thủy", village: "Duy Viên", products: "Gạch block, gạch không nung 6 lỗ", machines: ["máy ép gạch không nung bán tự động", "máy trộn bê tông cưỡng bức", "băng tải và xe nâng gạch"], product: "gạch không nung"},
  {id: "CS010", name: "Cơ sở may mặc Thu Hà", kind: "ho_kinh_doanh", sector: "det_may", unit: "Vĩnh Thủy", village: "Bái Sơn", products: "Quần áo bảo hộ lao động, đồng phục học sinh", machines: ["máy may công nghiệp và máy vắt sổ", "máy cắt vải tự động", "máy thêu vi tính"], product: "đồng phục, bảo hộ lao động"},
  {id: "CS011", name: "Cơ sở bánh tráng Bà Lài", kind: "ho_kinh_doanh", sector: "che_bien_nlts", unit: "Vĩnh Thủy", village: "Thủy Ba Hạ", products: "Bánh tráng, bánh đa mè", machines: ["máy tráng bánh và lò sấy bánh tráng"], product: "bánh tráng"},
  {id: "CS012", name: "Cơ sở chế biến ném Bái Sơn", kind: "ho_kinh_doanh", sector: "che_bien_nlts", unit: "Vĩnh Thủy", village: "Bái Sơn", products: "Ném muối chua, ném ngâm mắm", machines: ["máy bóc vỏ, máy rửa ném", "máy cắt gốc ném", "máy đóng nắp hũ"], product: "ném muối"},
  {id: "CS013", name: "Doanh nghiệp tư nhân Cơ khí Hải Nam", kind: "doanh_nghiep", sector: "co_khi", unit: "Vĩnh Thủy", village: "Thủy Ba Thượng", products: "Kết cấu thép, nhà xưởng khung thép, cổng sắt", machines: ["máy cắt plasma CNC và máy hàn bán tự động", "máy chấn tôn thủy lực", "máy khoan từ, máy cắt đột liên hợp"], product: "kết cấu thép"},
  {id: "CS014", name: "Hộ kinh doanh nước mắm Thành Lợi", kind: "ho_kinh_doanh", sector: "che_bien_nlts", unit: "Vĩnh Thủy", village: "Thủy Ba Hạ", products: "Nước mắm, mắm tôm", machines: ["máy lọc và máy chiết rót nước mắm", "bồn ủ chượp composite", "máy xay ruốc, làm mắm tôm"], product: "nước mắm, mắm tôm"},
  {id: "CS015", name: XSS_NAME, kind: "ho_kinh_doanh", sector: "khac", unit: "Vĩnh Thủy", village: "Thủy Ba Thượng", products: "Bản ghi kiểm thử của dữ liệu mẫu: tên cơ sở là mã HTML, trang web phải hiện đúng nguyên văn. Không phải cơ sở thật.", machines: [], product: ""},
  // Vĩnh Lâm (cũ)
  {id: "CS016", name: "HTX Nông nghiệp và Dịch vụ Tiên Mỹ", kind: "hop_tac_xa", sector: "che_bien_nlts", unit: "Vĩnh Lâm", village: "Tiên Mỹ", products: "Hồ tiêu, tiêu sọ, gạo hữu cơ", machines: ["máy sấy và máy bóc vỏ tiêu sọ", "máy xát gạo và máy đóng gói", "máy phân loại hạt tiêu"], product: "tiêu sọ Tiên Mỹ", ocop: 3},
  {id: "CS017", name: "Cơ sở chè vằng Lâm Cao", kind: "ho_kinh_doanh", sector: "che_bien_nlts", unit: "Vĩnh Lâm", village: "Lâm Cao", products: "Chè vằng khô, chè vằng cao", machines: ["máy thái chè vằng", "máy nghiền chè vằng", "máy ép bánh chè vằng"], product: "chè vằng khô"},
  {id: "CS018", name: "Công ty TNHH MTV Mộc Hưng Thịnh", kind: "doanh_nghiep", sector: "moc", unit: "Vĩnh Lâm", village: "Tân Mỹ", products: "Đồ gỗ nội thất, cửa gỗ", machines: ["máy cưa bàn trượt và máy dán cạnh", "máy bào bốn mặt", "máy khoan, đục mộng CNC"], product: "đồ gỗ nội thất"},
  {id: "CS019", name: "Cơ sở cơ khí Sa Lung", kind: "ho_kinh_doanh", sector: "co_khi", unit: "Vĩnh Lâm", village: "Sa Lung", products: "Máy tuốt lúa, máy xay xát mini, sửa chữa", machines: ["máy chấn tôn và máy đột dập", "máy tiện băng dài", "máy hàn tự động"], product: "máy nông nghiệp mini"},
  {id: "CS020", name: "Cơ sở cửa nhôm Xingfa Tân Mỹ", kind: "ho_kinh_doanh", sector: "co_khi", unit: "Vĩnh Lâm", village: "Tân Mỹ", products: "Cửa nhôm hệ Xingfa, vách kính", machines: ["máy cắt kính và bàn cắt kính", "máy phun sơn tĩnh điện", "máy uốn vòm nhôm"], product: "cửa nhôm"},
  {id: "CS021", name: "Tổ hợp tác làm bún Lai Phước", kind: "to_hop_tac", sector: "che_bien_nlts", unit: "Vĩnh Lâm", village: "Lai Phước", products: "Bún, bánh phở tươi", machines: ["máy làm bún tự động và nồi hơi", "máy xay bột gạo", "máy ép bánh phở"], product: "bún tươi"},
  {id: "CS022", name: "Cơ sở sản xuất ngói màu Tiên Mỹ", kind: "ho_kinh_doanh", sector: "vat_lieu_xd", unit: "Vĩnh Lâm", village: "Tiên Mỹ", products: "Ngói màu xi măng, gạch lát terrazzo", machines: ["máy ép ngói màu thủy lực", "máy trộn vữa và máy phun sơn ngói", "máy mài gạch terrazzo"], product: "ngói màu"},
  {id: "CS023", name: "Cơ sở hương trầm Tân Mỹ", kind: "ho_kinh_doanh", sector: "thu_cong_truyen_thong", unit: "Vĩnh Lâm", village: "Tân Mỹ", products: "Hương trầm, nhang vòng", machines: ["máy se hương và máy nghiền bột trầm", "máy sấy hương", "máy cắt và đóng gói nhang vòng"], product: "hương trầm"},
  {id: "CS024", name: "Cơ sở may Hòa Lâm", kind: "ho_kinh_doanh", sector: "det_may", unit: "Vĩnh Lâm", village: "Lâm Cao", products: "Gia công may mặc xuất khẩu", machines: ["máy may một kim điện tử và máy kansai", "máy vắt sổ 5 chỉ", "máy cắt vải tay"], product: "hàng may gia công"},
  {id: "CS025", name: "HTX Ném Vĩnh Lâm", kind: "hop_tac_xa", sector: "che_bien_nlts", unit: "Vĩnh Lâm", village: "Lai Phước", products: "Ném tươi, ném muối đóng hũ", machines: ["máy rửa, máy cắt gốc ném", "máy thái ném lát", "kho lạnh bảo quản ném"], product: "ném muối đóng hũ", ocop: 3},
  {id: "CS026", name: "Hộ kinh doanh mộc dân dụng Văn Lực", kind: "ho_kinh_doanh", sector: "moc", unit: "Vĩnh Lâm", village: "Sa Lung", products: "Giường, tủ, bàn ghế gỗ", machines: ["máy cưa đĩa, máy cưa vòng", "máy tiện gỗ", "máy soi, phay gỗ cầm tay"], product: "đồ mộc dân dụng"},
  {id: "CS027", name: "Cơ sở chế biến tinh bột nghệ Lâm Cao", kind: "ho_kinh_doanh", sector: "che_bien_nlts", unit: "Vĩnh Lâm", village: "Lâm Cao", products: "Tinh bột nghệ, mật ong nghệ", machines: ["máy xay và máy lọc tách tinh bột nghệ"], product: "tinh bột nghệ"},
  {id: "CS028", name: "Cơ sở rèn Tiên Lai", kind: "ho_kinh_doanh", sector: "thu_cong_truyen_thong", unit: "Vĩnh Lâm", village: "Tiên Lai", products: "Dao, rựa, nông cụ cầm tay", machines: ["búa máy và lò rèn dùng khí hóa lỏng", "máy mài và máy đánh bóng dao", "lò tôi thép"], product: "dao rựa rèn thủ công"},
  // Vĩnh Sơn (cũ)
  {id: "CS029", name: "HTX Dịch vụ Nông nghiệp Vĩnh Sơn", kind: "hop_tac_xa", sector: "che_bien_nlts", unit: "Vĩnh Sơn", village: "Tân Bình", products: "Tiêu hạt, cao dược liệu", machines: ["máy xay dược liệu và nồi nấu cao", "máy tách, làm sạch hạt tiêu", "máy đóng gói hút chân không"], product: "tiêu hạt"},
  {id: "CS030", name: "Công ty TNHH Chè vằng Mũi Viết", kind: "doanh_nghiep", sector: "che_bien_nlts", unit: "Vĩnh Sơn", village: "Mũi Viết", products: "Chè vằng cao, trà vằng túi lọc", machines: ["dây chuyền cô đặc cao chè vằng", "máy đóng gói trà túi lọc tự động", "hệ thống sấy lạnh"], product: "trà vằng túi lọc", ocop: 4},
  {id: "CS031", name: "Cơ sở cơ khí nông cụ Xuân Mỹ", kind: "ho_kinh_doanh", sector: "co_khi", unit: "Vĩnh Sơn", village: "Xuân Mỹ", products: "Cày bừa, máy cày mini, sửa chữa", machines: ["máy hàn TIG và máy khoan cần", "máy cắt plasma", "máy tiện ren"], product: "nông cụ cơ khí"},
  {id: "CS032", name: "Cơ sở sản xuất gạch block Tân Bình", kind: "ho_kinh_doanh", sector: "vat_lieu_xd", unit: "Vĩnh Sơn", village: "Tân Bình", products: "Gạch block, cột bê tông", machines: ["máy trộn bê tông cưỡng bức và máy ép gạch block", "máy ép gạch lát tự chèn", "khuôn và máy rung cột bê tông"], product: "gạch block"},
  {id: "CS033", name: "Xưởng mộc Quảng Xá", kind: "ho_kinh_doanh", sector: "moc", unit: "Vĩnh Sơn", village: "Quảng Xá", products: "Cửa gỗ, tủ thờ, bàn ghế", machines: ["máy CNC khắc gỗ 4 đầu"], product: "tủ thờ, bàn ghế gỗ"},
  {id: "CS034", name: "Tổ hợp tác đan chổi đót Cổ Mỹ", kind: "to_hop_tac", sector: "thu_cong_truyen_thong", unit: "Vĩnh Sơn", village: "Cổ Mỹ", products: "Chổi đót, chổi chít", machines: ["máy ép cán chổi và máy khâu chổi", "máy tuốt, làm sạch bông đót", "máy sấy đót"], product: "chổi đót"},
  {id: "CS035", name: "Cơ sở bánh bột lọc Mũi Viết", kind: "ho_kinh_doanh", sector: "che_bien_nlts", unit: "Vĩnh Sơn", village: "Mũi Viết", products: "Bánh bột lọc, bánh nậm, bánh ít", machines: ["máy nhồi bột và tủ hấp công nghiệp"], product: "bánh bột lọc"},
  {id: "CS036", name: "Cơ sở may Thanh Tâm", kind: "ho_kinh_doanh", sector: "det_may", unit: "Vĩnh Sơn", village: "Xuân Mỹ", products: "Rèm cửa, chăn ga gối", machines: ["máy may công nghiệp"], product: "rèm cửa, chăn ga"},
  {id: "CS037", name: "Cơ sở cửa nhôm kính Tân Bình", kind: "ho_kinh_doanh", sector: "co_khi", unit: "Vĩnh Sơn", village: "Tân Bình", products: "Cửa nhôm kính, cửa sắt, mái tôn", machines: ["máy cắt nhôm và máy khoan lỗ khóa", "máy ép góc", "máy cắt kính"], product: "cửa nhôm kính"},
  {id: "CS038", name: "Cơ sở rượu men lá Xuân Mỹ", kind: "ho_kinh_doanh", sector: "che_bien_nlts", unit: "Vĩnh Sơn", village: "Xuân Mỹ", products: "Rượu men lá, rượu nếp than", machines: ["nồi chưng cất inox và máy lọc rượu"], product: "rượu men lá"},
  {id: "CS039", name: "Công ty TNHH Vật liệu xây dựng Vĩnh Sơn", kind: "doanh_nghiep", sector: "vat_lieu_xd", unit: "Vĩnh Sơn", village: "Quảng Xá", products: "Gạch không nung, cống bê tông ly tâm", machines: ["máy ép cống bê tông ly tâm", "trạm trộn bê tông mini", "máy ép gạch terrazzo"], product: "gạch không nung"},
  {id: "CS040", name: "Cơ sở nước mắm Thanh Hương", kind: "ho_kinh_doanh", sector: "che_bien_nlts", unit: "Vĩnh Sơn", village: "Cổ Mỹ", products: "Nước mắm, mắm cá", machines: ["hệ thống bồn ủ chượp inox"], product: "nước mắm"}
];

export function facility(id: string): Facility {
  const f = FACILITIES.find((x) => x.id === id);
  if (!f) throw new Error(`no facility ${id}`);
  return f;
}

/** Never in any project or 2026 activity: the demand survey shows them as new. */
export const NEVER_SUPPORTED = ["CS011", "CS027", "CS033", "CS035", "CS038", "CS040"] as const;
/** Referenced by nothing: the test record, and CS036 whose register row is deliberately bad. */
export const UNREFERENCED = ["CS015", "CS036"] as const;

/** Registered names written with the other tone placement in some projects. */
export const TONE_VARIANTS: Readonly<Record<string, string>> = {
  CS001: "Cơ sở nước mắm Hòa Bình",
  CS002: "HTX Chè vằng Vĩnh Thủy",
  CS024: "Cơ sở may Hoà Lâm",
  CS008: "Tổ hợp tác đan lát mây tre Thuỷ Ba Tây"
};
