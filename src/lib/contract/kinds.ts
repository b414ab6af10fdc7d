// The nine kinds of file the office hands in (the contract: src/lib/contract, for the office docs/du-lieu.md). Each kind's zod object is the
// statement of its columns; the row types below derive from it. Browser-safe.
import {z} from "zod";
import {committedStatuses} from "./codes.js";
import {columnMeta, defaulted, optional, required, t} from "./fields.js";

const YEAR = ["Năm", "Nam ke hoach", "Year"];
const CONTENT_GROUP = ["Nhóm nội dung", "Nội dung khuyến công", "Nhóm"];
const ESTABLISHMENT_ID = ["Mã cơ sở", "Ma CS", "ID cơ sở"];
const ESTABLISHMENT_NAME = ["Tên cơ sở", "Cơ sở", "Đơn vị thụ hưởng"];
const DECISION_NO = ["Số quyết định", "Số QĐ", "Quyết định số"];
const DECISION_DATE = ["Ngày quyết định", "Ngày QĐ", "Ngày phê duyệt"];
const FORMER_UNIT = ["Xã cũ", "Đơn vị cũ", "Địa bàn"];
const LEVEL = ["Cấp", "Cấp khuyến công", "Chương trình"];
const COUNTERPART = ["Vốn đối ứng", "Đối ứng", "Vốn đối ứng của cơ sở"];
const JOBS = ["Lao động tạo thêm", "Việc làm mới", "Số lao động tạo thêm"];
const FUNDING = ["Nguồn kinh phí", "Nguồn vốn", "Nguồn"];

export const commune = z.object({
  commune_code: required(t.text, "Mã xã", {
    aliases: ["Mã đơn vị hành chính", "Mã ĐVHC"],
    help: "Mã đơn vị hành chính của xã; khi một kho chứa nhiều xã, là tên thư mục của xã (data/<Mã xã>/)"
  }),
  name: required(t.text, "Tên xã", {aliases: ["Tên đơn vị hành chính", "Tên đơn vị"], help: "Tên xã, không kèm chữ \"xã\" (ví dụ Vĩnh Thủy)"}),
  province: required(t.text, "Tỉnh", {aliases: ["Tên tỉnh", "Tỉnh/thành phố"], help: "Tên tỉnh, không kèm chữ \"tỉnh\" (ví dụ Quảng Trị)"}),
  former_unit: optional(t.text, "Xã cũ", {
    aliases: FORMER_UNIT,
    help: "Một dòng cho mỗi xã cũ đã hợp nhất vào xã, theo thứ tự muốn hiện; Mã xã, Tên xã, Tỉnh ghi lặp lại"
  })
});

export const planLine = z.object({
  year: required(t.year, "Năm", {aliases: YEAR}),
  line_no: required(t.range(1, 999), "STT", {aliases: ["Số thứ tự", "Dòng", "TT"], help: "Số thứ tự dòng trong bảng kinh phí; không trùng trong một năm"}),
  content_group: required(t.code("content_group"), "Nhóm nội dung", {aliases: CONTENT_GROUP}),
  description: required(t.text, "Nội dung hỗ trợ", {aliases: ["Nội dung", "Nội dung hỗ trợ khuyến công", "Diễn giải"]}),
  quantity: required(t.count, "Số lượng", {aliases: ["SL"]}),
  unit_amount: required(t.money, "Kinh phí hỗ trợ", {aliases: ["Đơn giá", "Mức hỗ trợ", "Kinh phí hỗ trợ/đơn vị"], help: "Kinh phí hỗ trợ cho một đơn vị (đồng)"}),
  total_amount: required(t.money, "Tổng kinh phí", {aliases: ["Thành tiền", "Tổng kinh phí hỗ trợ", "Tổng"], help: "Tổng kinh phí của dòng (đồng); lệch với Số lượng × Kinh phí hỗ trợ sẽ được cảnh báo"}),
  funding_source: defaulted(t.code("funding_source"), "Nguồn kinh phí", "xa", {aliases: FUNDING, help: "Để trống là Ngân sách xã"}),
  note: optional(t.text, "Ghi chú", {aliases: ["Mục tiêu", "Ghi chu"]})
});

export const planTarget = z.object({
  year: required(t.year, "Năm", {aliases: YEAR}),
  indicator: required(t.text, "Chỉ tiêu", {aliases: ["Mã chỉ tiêu"], help: "Mã chỉ tiêu, không trùng trong một năm (ví dụ may_moc_xa)"}),
  content_group: required(t.code("content_group"), "Nhóm nội dung", {aliases: CONTENT_GROUP}),
  description: required(t.text, "Nội dung", {aliases: ["Nội dung chỉ tiêu", "Tên chỉ tiêu"]}),
  unit: required(t.text, "Đơn vị tính", {aliases: ["ĐVT", "Đơn vị"], help: "cơ sở, lượt, lớp, đoàn, …"}),
  target_min: required(t.count, "Chỉ tiêu tối thiểu", {aliases: ["Từ", "Tối thiểu", "Min"]}),
  target_max: required(t.count, "Chỉ tiêu tối đa", {aliases: ["Đến", "Tối đa", "Max"], help: "Không nhỏ hơn chỉ tiêu tối thiểu"})
});

export const norm = z.object({
  content_group: required(t.code("content_group"), "Nhóm nội dung", {aliases: CONTENT_GROUP}),
  description: required(t.text, "Nội dung", {aliases: ["Nội dung hỗ trợ", "Nội dung định mức"]}),
  max_amount: optional(t.money, "Mức tối đa", {aliases: ["Mức hỗ trợ tối đa", "Tối đa (đồng)"], help: "Mức hỗ trợ tối đa cho một cơ sở / một mô hình (đồng)"}),
  max_percent: optional(t.percent, "Tỷ lệ tối đa", {aliases: ["Tỷ lệ hỗ trợ tối đa", "Tỷ lệ (%)"], help: "Tỷ lệ tối đa trên tổng chi phí của hạng mục (%)"}),
  level: optional(t.code("level"), "Cấp áp dụng", {aliases: ["Cấp", "Áp dụng cho cấp"], help: "Chương trình mà mức này áp dụng; để trống là mọi cấp"}),
  legal_basis: required(t.text, "Căn cứ", {aliases: ["Căn cứ pháp lý", "Văn bản"]}),
  valid_from: required(t.date, "Hiệu lực từ", {aliases: ["Từ ngày", "Áp dụng từ"]}),
  valid_to: optional(t.date, "Hiệu lực đến", {aliases: ["Đến ngày", "Áp dụng đến"]})
});

export const establishment = z.object({
  establishment_id: required(t.text, "Mã cơ sở", {aliases: ESTABLISHMENT_ID, help: "Mã cơ sở, không trùng"}),
  name: required(t.text, "Tên cơ sở", {aliases: ["Tên", "Tên doanh nghiệp"]}),
  kind: required(t.code("kind"), "Loại hình", {aliases: ["Loại hình cơ sở"]}),
  sector: required(t.code("sector"), "Ngành nghề", {aliases: ["Lĩnh vực", "Ngành"]}),
  village: optional(t.text, "Thôn", {aliases: ["Thôn/xóm", "Địa chỉ"]}),
  former_unit: optional(t.text, "Xã cũ", {aliases: FORMER_UNIT}),
  owner_name: optional(t.text, "Chủ cơ sở", {aliases: ["Người đại diện", "Họ tên chủ cơ sở"], personal: true}),
  phone: optional(t.text, "Điện thoại", {aliases: ["SĐT", "Số điện thoại"], personal: true}),
  national_id: optional(t.text, "CCCD", {aliases: ["Số CCCD", "CMND", "Căn cước"], personal: true}),
  tax_code: optional(t.text, "Mã số thuế", {aliases: ["MST"]}),
  workers: optional(t.count, "Số lao động", {aliases: ["Lao động"]}),
  founded_year: optional(t.pastYear, "Năm thành lập", {aliases: ["Năm bắt đầu hoạt động"]}),
  main_products: optional(t.text, "Sản phẩm chính", {aliases: ["Sản phẩm"]}),
  ocop_stars: optional(t.range(0, 5), "Số sao OCOP", {aliases: ["OCOP", "Sao OCOP"]})
});

export const project = z.object({
  project_id: required(t.text, "Mã đề án", {aliases: ["Mã dự án", "Mã"], help: "Mã đề án, không trùng"}),
  year: required(t.year, "Năm", {aliases: YEAR}),
  level: required(t.code("level"), "Cấp", {aliases: LEVEL}),
  content_group: required(t.code("content_group"), "Nhóm nội dung", {aliases: CONTENT_GROUP}),
  title: required(t.text, "Tên đề án", {aliases: ["Tên dự án", "Nội dung đề án"]}),
  establishment_id: optional(t.text, "Mã cơ sở", {aliases: ESTABLISHMENT_ID}),
  establishment_name: optional(t.text, "Tên cơ sở", {aliases: ESTABLISHMENT_NAME, help: "Dùng khi cơ sở chưa có mã; được đối chiếu theo tên"}),
  former_unit: optional(t.text, "Xã cũ", {aliases: FORMER_UNIT}),
  decision_no: optional(t.text, "Số quyết định", {aliases: DECISION_NO}),
  decision_date: optional(t.date, "Ngày quyết định", {aliases: DECISION_DATE}),
  total_investment: optional(t.money, "Tổng vốn đầu tư", {aliases: ["Tổng mức đầu tư", "Tổng chi phí"]}),
  support_amount: required(t.money, "Kinh phí hỗ trợ", {aliases: ["Kinh phí khuyến công", "Số tiền hỗ trợ"]}),
  counterpart_amount: optional(t.money, "Vốn đối ứng", {aliases: COUNTERPART}),
  jobs_created: optional(t.count, "Lao động tạo thêm", {aliases: JOBS}),
  result: optional(t.text, "Kết quả", {aliases: ["Kết quả thực hiện", "Hiệu quả"]})
});

export const activity = z.object({
  activity_id: required(t.text, "Mã hoạt động", {aliases: ["Mã HĐ"], help: "Mã hoạt động, không trùng trong một năm (mỗi năm được đánh số lại từ đầu)"}),
  year: required(t.year, "Năm", {aliases: YEAR}),
  line_no: optional(t.range(1, 999), "Dòng kế hoạch", {aliases: ["STT kế hoạch", "Dòng KH"], help: "STT dòng kinh phí của kế hoạch cùng năm; để trống nếu chỉ do tỉnh hoặc quốc gia cấp kinh phí"}),
  content_group: required(t.code("content_group"), "Nhóm nội dung", {aliases: CONTENT_GROUP}),
  indicator: optional(t.text, "Chỉ tiêu", {aliases: ["Mã chỉ tiêu"], help: "Mã chỉ tiêu của kế hoạch cùng năm mà hoạt động được tính vào"}),
  output_qty: defaulted(t.count, "Số lượng đạt", 1, {aliases: ["Sản lượng", "Kết quả đầu ra"], help: "Số được tính vào chỉ tiêu; để trống là 1"}),
  title: required(t.text, "Tên hoạt động", {aliases: ["Nội dung", "Hoạt động"]}),
  establishment_id: optional(t.text, "Mã cơ sở", {aliases: ESTABLISHMENT_ID}),
  level: required(t.code("level"), "Cấp", {aliases: LEVEL}),
  status: required(t.code("status"), "Trạng thái", {aliases: ["Tình trạng", "Tiến độ"]}),
  approved_amount: optional(t.money, "Kinh phí phê duyệt", {aliases: ["Kinh phí được duyệt", "Số tiền phê duyệt"], help: "Bắt buộc từ trạng thái Đã phê duyệt trở đi"}),
  counterpart_amount: optional(t.money, "Vốn đối ứng", {aliases: COUNTERPART}),
  decision_no: optional(t.text, "Số quyết định", {aliases: DECISION_NO}),
  decision_date: optional(t.date, "Ngày quyết định", {aliases: DECISION_DATE}),
  completed_on: optional(t.date, "Ngày hoàn thành", {aliases: ["Ngày nghiệm thu"], help: "Bắt buộc khi Hoàn thành"}),
  participants: optional(t.count, "Số người tham gia", {aliases: ["Số người", "Số lượt người"]}),
  jobs_created: optional(t.count, "Lao động tạo thêm", {aliases: JOBS}),
  note: optional(t.text, "Ghi chú"),
  carried_from_year: optional(t.year, "Chuyển từ năm", {
    aliases: ["Năm chuyển nguồn", "Chuyển nguồn từ năm"],
    help: "Hoạt động năm trước chưa xong được chuyển nguồn sang năm nay: năm của hoạt động gốc; ghi cùng Mã hoạt động năm trước"
  }),
  carried_from_id: optional(t.text, "Mã hoạt động năm trước", {
    aliases: ["Mã HĐ năm trước", "Mã hoạt động gốc"],
    help: "Mã của hoạt động gốc trong danh sách hoạt động của năm ghi ở Chuyển từ năm"
  })
});

export const disbursement = z.object({
  voucher_no: required(t.text, "Số chứng từ", {aliases: ["Chứng từ", "Số CT", "Số phiếu chi"], help: "Số chứng từ, không trùng trong một năm của Ngày chi (mỗi năm ngân sách được đánh số lại)"}),
  paid_on: required(t.date, "Ngày chi", {aliases: ["Ngày chứng từ", "Ngày thanh toán", "Ngày"]}),
  activity_id: required(t.text, "Mã hoạt động", {aliases: ["Mã HĐ"]}),
  amount: required(t.signedMoney, "Số tiền", {aliases: ["Số tiền chi", "Thành tiền"], help: "Số âm là thu hồi kinh phí"}),
  funding_source: required(t.code("funding_source"), "Nguồn kinh phí", {aliases: FUNDING}),
  payee: optional(t.text, "Đơn vị nhận", {aliases: ["Người nhận", "Đơn vị thụ hưởng"]}),
  description: optional(t.text, "Diễn giải", {aliases: ["Nội dung chi", "Nội dung"]}),
  plan_year: optional(t.year, "Năm kế hoạch", {
    aliases: ["Thuộc năm kế hoạch", "Năm ngân sách"],
    help: "Năm kế hoạch của hoạt động được chi; để trống là năm của Ngày chi. Ghi khi chi trong thời gian chỉnh lý (tháng 1) cho hoạt động năm trước"
  })
});

export const demandSurvey = z.object({
  survey_id: required(t.text, "Mã phiếu", {aliases: ["Mã khảo sát", "Số phiếu"], help: "Mã phiếu khảo sát, không trùng trong một năm đề nghị"}),
  for_year: required(t.year, "Năm đề nghị", {aliases: ["Năm kế hoạch", "Cho năm"]}),
  establishment_id: optional(t.text, "Mã cơ sở", {aliases: ESTABLISHMENT_ID}),
  establishment_name: optional(t.text, "Tên cơ sở", {aliases: ESTABLISHMENT_NAME}),
  content_group: required(t.code("content_group"), "Nhóm nội dung", {aliases: CONTENT_GROUP}),
  description: required(t.text, "Nội dung đề nghị", {aliases: ["Nội dung", "Nhu cầu"]}),
  estimated_cost: optional(t.money, "Tổng chi phí dự kiến", {aliases: ["Chi phí dự kiến", "Tổng kinh phí"]}),
  requested_support: required(t.money, "Đề nghị hỗ trợ", {aliases: ["Kinh phí đề nghị", "Số tiền đề nghị"]}),
  priority: optional(t.range(1, 3), "Mức ưu tiên", {aliases: ["Ưu tiên"], help: "1 cao – 3 thấp"}),
  surveyed_on: optional(t.date, "Ngày khảo sát", {aliases: ["Ngày"]})
});

export type Commune = z.output<typeof commune>;
export type PlanLine = z.output<typeof planLine>;
export type PlanTarget = z.output<typeof planTarget>;
export type Norm = z.output<typeof norm>;
export type Establishment = z.output<typeof establishment>;
export type Project = z.output<typeof project>;
export type Activity = z.output<typeof activity>;
export type Disbursement = z.output<typeof disbursement>;
export type DemandSurvey = z.output<typeof demandSurvey>;

/** A rule across the cells of one row. `sql` holds when the row is valid (columns typed). */
export interface RowRule<Row> {
  column: keyof Row & string;
  reason: string;
  holds: (row: Row) => boolean;
  sql: string;
}

/**
 * Another kind's row that a column must point to. `reason` may name a column of the row in
 * braces ("của năm {plan_year}"): the message then shows the row's value (referenceReason).
 */
export interface Reference {
  columns: readonly string[];
  kind: KindName;
  toColumns: readonly string[];
  reason: string;
}

/** A part of a key that is not a column as written: computed from the row (the year of a date). */
export interface DerivedKeyPart<Row> {
  header: string;
  sql: string;
  value: (row: Row) => unknown;
}

export type KeyPart<Row> = (keyof Row & string) | DerivedKeyPart<Row>;

/** An optional column that takes a value computed from the row when empty (plan_year from paid_on). */
export interface Fill<Row> {
  column: keyof Row & string;
  /** What the empty cell stands for, as the data dictionary says it. */
  meaning: string;
  sql: string;
  value: (row: Row) => unknown;
}

export interface KindSpec<S extends z.ZodObject = z.ZodObject> {
  name: KindName;
  /** What the office calls this file (Vietnamese). */
  title: string;
  /** The start of its files' names, when not the kind's name (xa.csv). */
  filePrefix?: string;
  schema: S;
  /** Columns (or values computed from the row) that must be unique together; the first row wins. */
  key?: readonly KeyPart<z.output<S>>[];
  /** Applied before the key and the references, so both see the filled value. */
  fills?: readonly Fill<z.output<S>>[];
  rules?: readonly RowRule<z.output<S>>[];
  references?: readonly Reference[];
}

/**
 * The commune a row belongs to: every table of the warehouse carries it (from the xa.csv of the
 * row's folder), and every key and reference holds within one commune, so one commune's rows
 * never reach another's even when both number their rows alike.
 */
export const COMMUNE_COLUMN = "commune_code";

/** A kind's key as the warehouse holds it: within a commune. */
export function communeKey(spec: KindSpec): readonly AnyKeyPart[] {
  return [COMMUNE_COLUMN, ...((spec.key ?? []) as readonly AnyKeyPart[])];
}

/** A reference as the warehouse resolves it: to a row of the same commune. */
export function communeReference(ref: Reference): Reference {
  return {...ref, columns: [COMMUNE_COLUMN, ...ref.columns], toColumns: [COMMUNE_COLUMN, ...ref.toColumns]};
}

/** The start of a kind's file names: `plan_lines` for plan_lines_2026.csv, `xa` for xa.csv. */
export function filePrefix(spec: KindSpec): string {
  return spec.filePrefix ?? spec.name;
}

/** A reason with each {column} replaced by `value(column)`. */
export function referenceReason(reason: string, value: (column: string) => string): string {
  return reason.replace(/\{(\w+)\}/g, (_, column: string) => value(column));
}

type AnyKeyPart = KeyPart<Record<string, unknown>>;

/** How the office reads a part of a key: the column's header, or what the derived part is. */
export function keyHeader(spec: KindSpec, part: AnyKeyPart): string {
  return typeof part === "string" ? columnMeta(spec.schema.shape[part]!).header : part.header;
}

/** A row's key as one comparable text (rows typed as validateRow gives them). */
export function keyText(key: readonly AnyKeyPart[], row: Record<string, unknown>): string {
  return key.map((p) => String(typeof p === "string" ? row[p] : p.value(row))).join("\u0000");
}

/** The column a duplicated key is reported on: its last written column (the id, not the year). */
export function keyColumn(key: readonly AnyKeyPart[]): string {
  return key.filter((p): p is string => typeof p === "string").at(-1)!;
}

const yearOf = (isoDate: string): number => Number(isoDate.slice(0, 4));

const committed = committedStatuses.map((s) => `'${s}'`).join(", ");

function spec<S extends z.ZodObject>(s: KindSpec<S>): KindSpec<S> {
  return s;
}

export const kinds = {
  communes: spec({
    name: "communes",
    title: "Xã",
    filePrefix: "xa",
    schema: commune,
    key: ["former_unit"],
    // A commune's code names its rows in every table (and its folder): a control character in it
    // is no code, and a NUL byte in one stopped the whole run.
    rules: [
      {
        column: "commune_code",
        reason: "Mã xã có ký tự điều khiển (NUL, tab, xuống dòng…)",
        holds: (r) => !/[\u0000-\u001f\u007f]/.test(r.commune_code),
        sql: "NOT regexp_matches(commune_code, '[\\x00-\\x1f\\x7f]')"
      }
    ]
  }),
  plan_lines: spec({name: "plan_lines", title: "Bảng kinh phí kế hoạch", schema: planLine, key: ["year", "line_no"]}),
  plan_targets: spec({
    name: "plan_targets",
    title: "Chỉ tiêu kế hoạch",
    schema: planTarget,
    key: ["year", "indicator"],
    rules: [
      {
        column: "target_max",
        reason: "chỉ tiêu tối đa nhỏ hơn chỉ tiêu tối thiểu",
        holds: (r) => r.target_max >= r.target_min,
        sql: "target_max >= target_min"
      }
    ]
  }),
  norms: spec({
    name: "norms",
    title: "Định mức hỗ trợ",
    schema: norm,
    key: ["content_group", "description", "level", "valid_from"],
    rules: [
      {
        column: "max_amount",
        reason: "không có Mức tối đa lẫn Tỷ lệ tối đa",
        holds: (r) => r.max_amount !== undefined || r.max_percent !== undefined,
        sql: "max_amount IS NOT NULL OR max_percent IS NOT NULL"
      },
      {
        column: "valid_to",
        reason: "ngày hết hiệu lực trước ngày bắt đầu hiệu lực",
        holds: (r) => r.valid_to === undefined || r.valid_to >= r.valid_from,
        sql: "valid_to IS NULL OR valid_to >= valid_from"
      }
    ]
  }),
  establishments: spec({name: "establishments", title: "Danh bạ cơ sở CNNT", schema: establishment, key: ["establishment_id"]}),
  projects: spec({
    name: "projects",
    title: "Đề án đã hỗ trợ các năm trước",
    schema: project,
    key: ["project_id"],
    references: [
      {columns: ["establishment_id"], kind: "establishments", toColumns: ["establishment_id"], reason: "mã cơ sở không có trong danh bạ cơ sở (establishments)"}
    ]
  }),
  activities: spec({
    name: "activities",
    title: "Hoạt động trong năm kế hoạch",
    schema: activity,
    key: ["year", "activity_id"],
    rules: [
      {
        column: "approved_amount",
        reason: "thiếu kinh phí phê duyệt (bắt buộc từ trạng thái Đã phê duyệt trở đi)",
        holds: (r) => r.approved_amount !== undefined || !(committedStatuses as readonly string[]).includes(r.status),
        sql: `approved_amount IS NOT NULL OR status NOT IN (${committed})`
      },
      {
        column: "completed_on",
        reason: "thiếu ngày hoàn thành (bắt buộc khi trạng thái là Hoàn thành)",
        holds: (r) => r.completed_on !== undefined || r.status !== "hoan_thanh",
        sql: "completed_on IS NOT NULL OR status <> 'hoan_thanh'"
      },
      {
        column: "carried_from_id",
        reason: "hoạt động chuyển nguồn ghi thiếu Chuyển từ năm hoặc Mã hoạt động năm trước (ghi cả hai, hoặc để trống cả hai)",
        holds: (r) => (r.carried_from_year === undefined) === (r.carried_from_id === undefined),
        sql: "(carried_from_year IS NULL) = (carried_from_id IS NULL)"
      },
      {
        column: "carried_from_year",
        reason: "Chuyển từ năm không trước Năm của hoạt động (hoạt động chỉ chuyển nguồn từ năm trước sang)",
        holds: (r) => r.carried_from_year === undefined || r.carried_from_year < r.year,
        sql: "carried_from_year IS NULL OR carried_from_year < year"
      }
    ],
    references: [
      {columns: ["year", "line_no"], kind: "plan_lines", toColumns: ["year", "line_no"], reason: "dòng kế hoạch không có trong bảng kinh phí năm {year} (plan_lines)"},
      {columns: ["year", "indicator"], kind: "plan_targets", toColumns: ["year", "indicator"], reason: "chỉ tiêu không có trong chỉ tiêu kế hoạch năm {year} (plan_targets)"},
      {
        columns: ["carried_from_year", "carried_from_id"],
        kind: "activities",
        toColumns: ["year", "activity_id"],
        reason: "hoạt động gốc {carried_from_id} không có trong danh sách hoạt động năm {carried_from_year} (activities)"
      },
      {columns: ["establishment_id"], kind: "establishments", toColumns: ["establishment_id"], reason: "mã cơ sở không có trong danh bạ cơ sở (establishments)"}
    ]
  }),
  disbursements: spec({
    name: "disbursements",
    title: "Chứng từ chi",
    schema: disbursement,
    // Phiếu chi are numbered afresh each fiscal year.
    key: [{header: "năm của Ngày chi", sql: "year(paid_on)", value: (r) => yearOf(r.paid_on)}, "voucher_no"],
    fills: [{column: "plan_year", meaning: "năm của Ngày chi", sql: "year(paid_on)", value: (r) => yearOf(r.paid_on)}],
    rules: [{column: "amount", reason: "số tiền bằng 0", holds: (r) => r.amount !== 0n, sql: "amount <> 0"}],
    references: [
      {
        columns: ["plan_year", "activity_id"],
        kind: "activities",
        toColumns: ["year", "activity_id"],
        reason:
          "mã hoạt động không có trong danh sách hoạt động năm {plan_year} (activities); chi cho hoạt động của năm khác thì ghi năm đó ở cột Năm kế hoạch"
      }
    ]
  }),
  demand_survey: spec({
    name: "demand_survey",
    title: "Khảo sát nhu cầu năm sau",
    schema: demandSurvey,
    key: ["for_year", "survey_id"],
    rules: [
      {
        column: "requested_support",
        reason: "đề nghị hỗ trợ lớn hơn tổng chi phí dự kiến",
        holds: (r) => r.estimated_cost === undefined || r.requested_support <= r.estimated_cost,
        sql: "estimated_cost IS NULL OR requested_support <= estimated_cost"
      }
    ],
    references: [
      {columns: ["establishment_id"], kind: "establishments", toColumns: ["establishment_id"], reason: "mã cơ sở không có trong danh bạ cơ sở (establishments)"}
    ]
  })
} as const;

export type KindName =
  | "communes"
  | "plan_lines"
  | "plan_targets"
  | "norms"
  | "establishments"
  | "projects"
  | "activities"
  | "disbursements"
  | "demand_survey";

/** Load order: a kind comes after every kind it references. */
export const kindOrder: readonly KindName[] = [
  "communes",
  "establishments",
  "norms",
  "plan_lines",
  "plan_targets",
  "projects",
  "activities",
  "disbursements",
  "demand_survey"
];

/** The kind of a file, from its name's prefix (`disbursements_2026_q3.csv` → disbursements, `xa.csv` → communes). */
export function kindOfFile(fileName: string): KindName | undefined {
  const base = fileName.toLowerCase();
  if (!base.endsWith(".csv")) return undefined;
  const prefix = (k: KindName) => filePrefix(kinds[k] as KindSpec);
  // Longest prefix first: "plan_lines" must not be taken for another kind's prefix.
  return [...kindOrder].sort((a, b) => prefix(b).length - prefix(a).length).find((k) => base.startsWith(prefix(k)));
}
