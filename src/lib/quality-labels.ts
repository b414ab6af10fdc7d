// Vietnamese names for the ingest's bookkeeping, shared by the "Chất lượng dữ liệu" page and its
// dataset (src/data/quality.ts). Pure data: browser- and Node-safe.
//
// Each warning rule is a file loaders/sql/warnings/<rule>.sql, plus `establishment_name_unresolved`
// (loaders/load/names.ts) and `commune_missing` (loaders/load/communes.ts). A rule without a name
// here is shown by its code.

export const WARNING_RULES: Readonly<Record<string, {label: string; fix: string}>> = {
  activity_group_mismatch: {
    label: "Hoạt động ghi vào dòng kế hoạch khác nhóm nội dung",
    fix: "Kiểm tra cột Dòng kế hoạch hoặc Nhóm nội dung của hoạt động."
  },
  activity_over_disbursed: {
    label: "Hoạt động đã chi vượt kinh phí phê duyệt",
    fix: "Đối chiếu chứng từ chi với quyết định phê duyệt; thu hồi hoặc điều chỉnh nếu cần."
  },
  approved_over_norm: {
    label: "Kinh phí phê duyệt vượt định mức hỗ trợ",
    fix: "Đối chiếu với định mức (tệp norms) và quyết định phê duyệt."
  },
  carried_line_not_carry_over: {
    label: "Hoạt động chuyển nguồn ghi vào dòng không phải nguồn chuyển sang",
    fix: "Ghi hoạt động vào dòng kế hoạch có nguồn \"Kinh phí năm trước chuyển sang\" của năm mới."
  },
  completed_nothing_paid: {
    label: "Hoạt động đã hoàn thành nhưng chưa có chứng từ chi",
    fix: "Bổ sung chứng từ chi vào tệp disbursements, hoặc sửa trạng thái hoạt động."
  },
  line_over_committed: {
    label: "Dòng kế hoạch: phê duyệt vượt kinh phí kế hoạch",
    fix: "Xem lại các hoạt động ghi vào dòng này, hoặc điều chỉnh kế hoạch."
  },
  line_over_disbursed: {
    label: "Dòng kế hoạch: giải ngân vượt kinh phí kế hoạch",
    fix: "Xem lại các chứng từ chi của dòng này."
  },
  payment_before_approval: {
    label: "Chứng từ chi trước ngày phê duyệt",
    fix: "Kiểm tra Ngày chi và Ngày quyết định của hoạt động."
  },
  payment_without_approval: {
    label: "Chi cho hoạt động chưa phê duyệt hoặc đã hủy",
    fix: "Kiểm tra trạng thái hoạt động; khoản chi cho hoạt động đã hủy cần được thu hồi."
  },
  personal_id_format: {
    label: "Số CCCD hoặc điện thoại sai định dạng",
    fix: "Định dạng ô là Văn bản (Text) trong Excel để giữ số 0 ở đầu, rồi nhập lại."
  },
  plan_line_total_mismatch: {
    label: "Tổng kinh phí khác Số lượng × Kinh phí hỗ trợ",
    fix: "Sửa Tổng kinh phí hoặc Số lượng, Kinh phí hỗ trợ của dòng kế hoạch."
  },
  project_in_plan_year: {
    label: "Đề án thuộc năm đã có kế hoạch: không tính thêm vào lịch sử",
    fix: "Hỗ trợ của năm có kế hoạch được tính từ tệp activities; bỏ đề án khỏi tệp projects nếu trùng."
  },
  establishment_name_unresolved: {
    label: "Tên cơ sở không tìm thấy (hoặc trùng) trong danh bạ",
    fix: "Ghi Mã cơ sở thay cho tên, hoặc bổ sung cơ sở vào danh bạ (tệp establishments)."
  },
  commune_missing: {
    label: "Chưa biết tên xã (thiếu tệp xa.csv hợp lệ)",
    fix: "Thêm tệp xa.csv với các cột Mã xã, Tên xã, Tỉnh, Xã cũ (một dòng cho mỗi xã cũ)."
  }
};

export function ruleLabel(rule: string): string {
  return WARNING_RULES[rule]?.label ?? rule;
}

/** Data tests: loaders/sql/tests/<test>.sql, run at the end of every ingest (0 failing rows = pass). */
export const DATA_TESTS: Readonly<Record<string, string>> = {
  accepted_codes: "Mọi ô mã (nhóm nội dung, cấp, trạng thái…) đều có trong danh mục",
  plan_totals: "Tổng kế hoạch – thực hiện khớp với bảng kinh phí và chứng từ chi, không mất đồng nào",
  references_resolve: "Mọi mã tham chiếu (mã hoạt động, mã cơ sở, dòng kế hoạch…) đều tìm thấy dòng được tham chiếu",
  rows_balance: "Mỗi tệp: số dòng đọc = số dòng nạp + số dòng bị loại",
  unique_keys: "Không còn mã trùng sau khi nạp (dòng trùng đã bị loại, dòng đầu được giữ)"
};

export function testLabel(test: string): string {
  return DATA_TESTS[test] ?? test;
}

/** A code's label from `labels`, the code itself when it has none. */
const labelFrom =
  (labels: Readonly<Record<string, string>>) =>
  (code: string): string =>
    labels[code] ?? code;

/** source_files.encoding → how the office would say it. */
export const encodingLabel = labelFrom({"utf-8": "UTF-8", "utf-8-bom": "UTF-8 (có BOM)", "utf-16le": "UTF-16 LE", "utf-16be": "UTF-16 BE"});

export const delimiterLabel = labelFrom({";": "chấm phẩy (;)", ",": "phẩy (,)", tab: "tab"});

/** source_files.reader: DuckDB reads a clean file at once; papaparse reads a file row by row. */
export const readerLabel = labelFrom({duckdb: "đọc cả tệp", papaparse: "đọc từng dòng"});

export function runStatusLabel(status: string): string {
  return status === "ok" ? "Thành công" : status;
}

/** How to turn a workbook into a file the ingest reads (encoding refusals and skipped workbooks). */
export const SAVE_AS_CSV = 'Hãy mở tệp bằng Excel, chọn Tệp > Lưu thành > kiểu "CSV UTF-8 (phân cách bằng dấu phẩy)".';

/** Why a file of the data folder was not loaded (table skipped_files). */
export const SKIPPED_REASONS: Readonly<Record<string, string>> = {
  unknown_kind: "tên tệp không bắt đầu bằng loại tệp nào, như disbursements_2026.csv",
  not_csv: "không phải tệp CSV",
  folder: "thư mục: chỉ các tệp nằm ngay trong thư mục dữ liệu được đọc",
  link: "liên kết (shortcut, symlink): không đọc nơi nó trỏ tới; hãy chép chính tệp vào thư mục dữ liệu",
  special: "không phải tệp bình thường (thiết bị, FIFO, socket)"
};

/** A workbook file name (Excel, LibreOffice): it wants saving as CSV, not a new name. */
export const WORKBOOK = /\.(xlsx|xlsm|xls|ods)$/i;

export const skippedReasonLabel = labelFrom(SKIPPED_REASONS);
