// The contract's own lists (docs/du-lieu.md, "Danh mục mã" and each kind's columns), copied here by hand,
// against the code that implements them (src/lib/contract). The implementation may add optional
// columns, aliases and short forms; it may not drop, rename or loosen what the contract states.
import {describe, expect, it} from "vitest";
import {codeLists, type CodeEntry} from "../../../src/lib/contract/codes.js";
import {columnMeta, parseCode} from "../../../src/lib/contract/fields.js";
import {kinds, type KindName, type KindSpec} from "../../../src/lib/contract/kinds.js";
import {matchHeaders} from "../../../loaders/read/headers.js";

const CODES: Record<string, [string, string][]> = {
  content_group: [
    ["dao_tao_nghe", "Đào tạo nghề, truyền nghề"],
    ["nang_cao_nang_luc", "Nâng cao năng lực quản lý, tập huấn, tham quan học tập"],
    ["may_moc_thiet_bi", "Ứng dụng máy móc, thiết bị tiên tiến, mô hình trình diễn"],
    ["san_pham_thi_truong", "Phát triển sản phẩm CNNT tiêu biểu, hội chợ, xúc tiến thương mại"],
    ["tu_van_thiet_ke", "Tư vấn, thiết kế mẫu mã, bao bì, nhãn mác, nhãn hiệu"],
    ["thong_tin_du_lieu", "Thông tin, tuyên truyền, cơ sở dữ liệu, khảo sát"],
    ["lien_ket_cum_cn", "Liên kết, phát triển cụm công nghiệp"],
    ["hop_tac_quoc_te", "Hợp tác quốc tế"],
    ["quan_ly_he_thong", "Quản lý, kiểm tra, giám sát, xây dựng kế hoạch"]
  ],
  level: [
    ["quoc_gia", "Khuyến công quốc gia"],
    ["tinh", "Khuyến công tỉnh"],
    ["huyen", "Khuyến công huyện"],
    ["xa", "Khuyến công xã"]
  ],
  funding_source: [
    ["quoc_gia", "Kinh phí khuyến công quốc gia"],
    ["tinh", "Kinh phí khuyến công tỉnh"],
    ["huyen", "Ngân sách huyện"],
    ["xa", "Ngân sách xã"],
    ["chuyen_nguon", "Kinh phí năm trước chuyển sang"],
    ["doi_ung", "Vốn đối ứng của cơ sở"],
    ["khac", "Nguồn khác"]
  ],
  kind: [
    ["doanh_nghiep", "Doanh nghiệp"],
    ["hop_tac_xa", "Hợp tác xã"],
    ["to_hop_tac", "Tổ hợp tác"],
    ["ho_kinh_doanh", "Hộ kinh doanh"]
  ],
  status: [
    ["de_xuat", "Đề xuất"],
    ["tham_dinh", "Đã thẩm định"],
    ["phe_duyet", "Đã phê duyệt"],
    ["dang_thuc_hien", "Đang thực hiện"],
    ["hoan_thanh", "Hoàn thành"],
    ["huy", "Đã hủy"]
  ],
  sector: [
    ["che_bien_nlts", "Chế biến nông, lâm, thủy sản, thực phẩm"],
    ["co_khi", "Cơ khí, điện, sửa chữa"],
    ["moc", "Mộc dân dụng, mỹ nghệ"],
    ["vat_lieu_xd", "Vật liệu xây dựng"],
    ["thu_cong_truyen_thong", "Thủ công mỹ nghệ, ngành nghề truyền thống"],
    ["det_may", "Dệt may"],
    ["khac", "Khác"]
  ]
};

// name: [R required | - optional, type, Vietnamese headers the contract names]
type Col = [string, "R" | "-", "text" | "year" | "count" | "money" | "signed" | "date" | "percent" | `code:${string}`, string[]];
const COLUMNS: Record<KindName, Col[]> = {
  communes: [
    ["commune_code", "R", "text", ["Mã xã"]],
    ["name", "R", "text", ["Tên xã"]],
    ["province", "R", "text", ["Tỉnh"]],
    ["former_unit", "-", "text", ["Xã cũ"]]
  ],
  plan_lines: [
    ["year", "R", "year", ["Năm"]],
    ["line_no", "R", "count", ["STT"]],
    ["content_group", "R", "code:content_group", ["Nhóm nội dung"]],
    ["description", "R", "text", ["Nội dung hỗ trợ"]],
    ["quantity", "R", "count", ["Số lượng"]],
    ["unit_amount", "R", "money", ["Kinh phí hỗ trợ", "Đơn giá"]],
    ["total_amount", "R", "money", ["Tổng kinh phí", "Thành tiền"]],
    ["funding_source", "-", "code:funding_source", ["Nguồn kinh phí"]],
    ["note", "-", "text", ["Ghi chú"]]
  ],
  plan_targets: [
    ["year", "R", "year", []],
    ["indicator", "R", "text", ["Chỉ tiêu"]],
    ["content_group", "R", "code:content_group", []],
    ["description", "R", "text", ["Nội dung"]],
    ["unit", "R", "text", ["Đơn vị tính"]],
    ["target_min", "R", "count", []],
    ["target_max", "R", "count", []]
  ],
  norms: [
    ["content_group", "R", "code:content_group", []],
    ["description", "R", "text", []],
    ["max_amount", "-", "money", ["Mức tối đa"]],
    ["max_percent", "-", "percent", ["Tỷ lệ tối đa"]],
    ["legal_basis", "R", "text", ["Căn cứ"]],
    ["valid_from", "R", "date", []],
    ["valid_to", "-", "date", []]
  ],
  establishments: [
    ["establishment_id", "R", "text", ["Mã cơ sở"]],
    ["name", "R", "text", ["Tên cơ sở"]],
    ["kind", "R", "code:kind", ["Loại hình"]],
    ["sector", "R", "code:sector", ["Ngành nghề"]],
    ["village", "-", "text", ["Thôn"]],
    ["former_unit", "-", "text", ["Xã cũ"]],
    ["owner_name", "-", "text", ["Chủ cơ sở"]],
    ["phone", "-", "text", ["Điện thoại"]],
    ["national_id", "-", "text", ["CCCD"]],
    ["tax_code", "-", "text", ["Mã số thuế"]],
    ["workers", "-", "count", ["Số lao động"]],
    ["founded_year", "-", "year", []],
    ["main_products", "-", "text", ["Sản phẩm chính"]],
    ["ocop_stars", "-", "count", []]
  ],
  projects: [
    ["project_id", "R", "text", ["Mã đề án"]],
    ["year", "R", "year", ["Năm"]],
    ["level", "R", "code:level", ["Cấp"]],
    ["content_group", "R", "code:content_group", []],
    ["title", "R", "text", ["Tên đề án"]],
    ["establishment_id", "-", "text", []],
    ["establishment_name", "-", "text", []],
    ["former_unit", "-", "text", []],
    ["decision_no", "-", "text", ["Số quyết định"]],
    ["decision_date", "-", "date", []],
    ["total_investment", "-", "money", ["Tổng vốn đầu tư"]],
    ["support_amount", "R", "money", ["Kinh phí hỗ trợ"]],
    ["counterpart_amount", "-", "money", ["Vốn đối ứng"]],
    ["jobs_created", "-", "count", ["Lao động tạo thêm"]],
    ["result", "-", "text", ["Kết quả"]]
  ],
  activities: [
    ["activity_id", "R", "text", ["Mã hoạt động"]],
    ["year", "R", "year", ["Năm"]],
    ["line_no", "-", "count", ["Dòng kế hoạch"]],
    ["content_group", "R", "code:content_group", ["Nhóm nội dung"]],
    ["indicator", "-", "text", ["Chỉ tiêu"]],
    ["output_qty", "-", "count", []],
    ["title", "R", "text", ["Tên hoạt động"]],
    ["establishment_id", "-", "text", ["Mã cơ sở"]],
    ["level", "R", "code:level", ["Cấp"]],
    ["status", "R", "code:status", ["Trạng thái"]],
    ["approved_amount", "-", "money", ["Kinh phí phê duyệt"]],
    ["counterpart_amount", "-", "money", ["Vốn đối ứng"]],
    ["decision_no", "-", "text", ["Số quyết định"]],
    ["decision_date", "-", "date", ["Ngày quyết định"]],
    ["completed_on", "-", "date", ["Ngày hoàn thành"]],
    ["participants", "-", "count", ["Số người tham gia"]],
    ["jobs_created", "-", "count", []],
    ["note", "-", "text", []]
  ],
  disbursements: [
    ["voucher_no", "R", "text", ["Số chứng từ"]],
    ["paid_on", "R", "date", ["Ngày chi"]],
    ["activity_id", "R", "text", ["Mã hoạt động"]],
    ["amount", "R", "signed", ["Số tiền"]],
    ["funding_source", "R", "code:funding_source", ["Nguồn kinh phí"]],
    ["payee", "-", "text", ["Đơn vị nhận"]],
    ["description", "-", "text", ["Diễn giải"]]
  ],
  demand_survey: [
    ["survey_id", "R", "text", []],
    ["for_year", "R", "year", []],
    ["establishment_id", "-", "text", []],
    ["establishment_name", "-", "text", []],
    ["content_group", "R", "code:content_group", []],
    ["description", "R", "text", []],
    ["estimated_cost", "-", "money", ["Tổng chi phí dự kiến"]],
    ["requested_support", "R", "money", ["Đề nghị hỗ trợ"]],
    ["priority", "-", "count", []],
    ["surveyed_on", "-", "date", []]
  ]
};

const KEYS: Record<KindName, string[]> = {
  communes: ["former_unit"],
  plan_lines: ["year", "line_no"],
  plan_targets: ["year", "indicator"],
  norms: ["content_group", "description"],
  establishments: ["establishment_id"],
  projects: ["project_id"],
  activities: ["activity_id"],
  disbursements: ["voucher_no"],
  demand_survey: ["survey_id"]
};

describe("code lists", () => {
  it.each(Object.entries(CODES))("%s: the contract's codes, labels and order", (list, entries) => {
    const actual = (codeLists[list as keyof typeof codeLists] as readonly CodeEntry[]).map((e) => [e.code, e.label]);
    expect(actual).toEqual(entries);
    for (const [code, label] of entries) expect(parseCode(list as keyof typeof codeLists, label)).toEqual({ok: true, value: code});
  });
});

describe("columns of each kind", () => {
  it.each(Object.entries(COLUMNS))("%s: every column of the contract, as required and typed as it says", (kind, cols) => {
    const spec = kinds[kind as KindName] as KindSpec;
    const shape = spec.schema.shape;
    for (const [name, req, type, headers] of cols) {
      const schema = shape[name];
      expect(schema, `${kind}.${name}`).toBeDefined();
      const meta = columnMeta(schema!);
      expect(meta.required, `${kind}.${name} required`).toBe(req === "R");
      const t = meta.type;
      const got = t.kind === "code" ? `code:${t.list}` : t.kind === "money" && t.signed ? "signed" : t.kind;
      expect(got, `${kind}.${name} type`).toBe(type);
      // Each Vietnamese header the contract names finds this column.
      for (const h of headers) {
        const others = cols.filter(([n, r]) => n !== name && r === "R").map(([n]) => n);
        const map = matchHeaders(spec, [h, ...others], `${kind}.csv`);
        expect(map.columns[0], `${kind}: "${h}"`).toBe(name);
      }
    }
    // Anything the implementation adds is optional.
    const added = Object.keys(shape).filter((n) => !cols.some(([c]) => c === n));
    for (const n of added) expect(columnMeta(shape[n]!).required, `${kind}.${n} is not in the contract: it must be optional`).toBe(false);
  });

  it("the ranges the contract states", () => {
    const range = (kind: KindName, col: string) => {
      const t = columnMeta((kinds[kind] as KindSpec).schema.shape[col]!).type;
      return t.kind === "count" ? [t.min, t.max] : undefined;
    };
    expect(range("establishments", "ocop_stars")).toEqual([0, 5]);
    expect(range("demand_survey", "priority")).toEqual([1, 3]);
  });

  it("defaults: an empty funding source of a plan line is Ngân sách xã, an empty output counts 1", () => {
    expect(columnMeta(kinds.plan_lines.schema.shape.funding_source).default).toBe("xa");
    expect(columnMeta(kinds.activities.schema.shape.output_qty).default).toBe(1);
  });

  it("personal columns are marked personal", () => {
    for (const c of ["owner_name", "phone", "national_id"]) expect(columnMeta((kinds.establishments as KindSpec).schema.shape[c]!).personal, c).toBe(true);
  });

  it.each(Object.entries(KEYS))("%s: unique on the contract's key (the implementation may refine it)", (kind, key) => {
    const spec = kinds[kind as KindName] as KindSpec;
    expect(spec.key).toEqual(expect.arrayContaining(key));
  });

  it("references the contract names", () => {
    const refs = (kind: KindName) => ((kinds[kind] as KindSpec).references ?? []).map((r) => `${r.columns.join("+")}→${r.kind}.${r.toColumns.join("+")}`);
    // A voucher's activity is looked up in its plan year only (issue 9): the year is part of the reference.
    expect(refs("disbursements")).toContain("plan_year+activity_id→activities.year+activity_id");
    expect(refs("activities")).toContain("carried_from_year+carried_from_id→activities.year+activity_id");
    expect(refs("activities")).toEqual(expect.arrayContaining(["year+line_no→plan_lines.year+line_no", "year+indicator→plan_targets.year+indicator", "establishment_id→establishments.establishment_id"]));
  });
});
