// The data dictionary, read off the contract itself so the office's documentation cannot drift
// from what the ingest accepts: the site's "Từ điển dữ liệu" page renders it (through the loader
// src/data/dictionary.ts, which keeps zod out of the browser), and `npm run docs` writes it
// into docs/du-lieu.md.
import {codeLists, type CodeEntry, type CodeListName} from "./codes.js";
import {columnMeta, type FieldType} from "./fields.js";
import {filePrefix, keyHeader, kindOrder, kinds, referenceReason, type KindName, type KindSpec} from "./kinds.js";

export interface DictionaryColumn {
  name: string;
  header: string;
  aliases: readonly string[];
  required: boolean;
  type: string;
  /** The code list of a code column. */
  codeList?: CodeListName;
  help: string;
  default?: string | number;
  personal: boolean;
}

export interface DictionaryKind {
  kind: KindName;
  title: string;
  filePattern: string;
  key: readonly string[];
  columns: DictionaryColumn[];
  rules: string[];
}

const CODE_LIST_TITLES: Record<CodeListName, string> = {
  content_group: "Nhóm nội dung (Điều 4 Nghị định 45/2012/NĐ-CP)",
  level: "Cấp khuyến công",
  funding_source: "Nguồn kinh phí",
  kind: "Loại hình cơ sở",
  status: "Trạng thái hoạt động",
  sector: "Ngành nghề"
};

export function describeType(type: FieldType): string {
  switch (type.kind) {
    case "text":
      return "chữ";
    case "year":
      return `năm (4 chữ số, ${type.min}–${type.max})`;
    case "count":
      return type.max >= 1_000_000 ? "số nguyên ≥ 0" : `số nguyên ${type.min}–${type.max}`;
    case "money":
      return type.signed ? "tiền (đồng, số nguyên; số âm là thu hồi)" : "tiền (đồng, số nguyên)";
    case "date":
      return "ngày (dd/mm/yyyy)";
    case "percent":
      return "tỷ lệ % (0–100)";
    case "code":
      return `mã: ${CODE_LIST_TITLES[type.list]}`;
  }
}

export function dataDictionary(): DictionaryKind[] {
  return kindOrder.map((name) => {
    const spec = kinds[name] as KindSpec;
    const columns = Object.entries(spec.schema.shape).map(([col, schema]): DictionaryColumn => {
      const meta = columnMeta(schema);
      return {
        name: col,
        header: meta.header,
        aliases: meta.aliases,
        required: meta.required,
        type: describeType(meta.type),
        ...(meta.type.kind === "code" ? {codeList: meta.type.list} : {}),
        help: meta.help,
        ...(meta.default === undefined ? {} : {default: meta.default}),
        personal: meta.personal === true
      };
    });
    const rules = [
      ...(spec.key ? [`Không trùng: ${spec.key.map((k) => keyHeader(spec, k)).join(" + ")} (dòng đầu tiên được giữ, dòng sau bị loại)`] : []),
      ...(spec.fills ?? []).map((f) => `${columnMeta(spec.schema.shape[f.column]!).header} để trống được hiểu là ${f.meaning}`),
      ...(spec.rules ?? []).map((r) => `Dòng bị loại nếu ${r.reason}`),
      ...(spec.references ?? []).map((r) => `Dòng bị loại nếu ${referenceReason(r.reason, (c) => `[${columnMeta(spec.schema.shape[c]!).header}]`)}`)
    ];
    return {kind: name, title: spec.title, filePattern: `${filePrefix(spec)}*.csv`, key: (spec.key ?? []).map((k) => (typeof k === "string" ? k : k.header)), columns, rules};
  });
}

export function codeListTables(): {list: CodeListName; title: string; entries: readonly CodeEntry[]}[] {
  return (Object.keys(codeLists) as CodeListName[]).map((list) => ({list, title: CODE_LIST_TITLES[list], entries: codeLists[list]}));
}

/** How the files of one plan year sit beside the next year's (Vietnamese), with a carried activity. */
const YEAR_AFTER_YEAR: readonly string[] = [
  "## Năm này qua năm khác: đánh số lại, chi năm sau, chuyển nguồn",
  "",
  "Tệp của năm sau được để **cạnh** tệp của năm trước trong thư mục dữ liệu (ví dụ `activities_2026.csv` và `activities_2027.csv`); không cần xóa tệp năm cũ.",
  "",
  "- **Mỗi năm đánh số lại từ đầu** được: mã hoạt động không trùng *trong một năm* (Năm + Mã hoạt động), số chứng từ không trùng *trong năm của Ngày chi*, mã phiếu khảo sát không trùng *trong một Năm đề nghị*, mã chỉ tiêu không trùng *trong một năm*. Năm 2027 có thể lại có `HD-01`, `PC-001`, `KS-01`.",
  "- **Chứng từ chi tìm hoạt động trong đúng một năm kế hoạch**: cột **Năm kế hoạch** (`plan_year`) của tệp chứng từ chi; để trống là năm của Ngày chi. Khoản chi tháng 1 năm sau cho hoạt động của kế hoạch năm trước (thời gian chỉnh lý quyết toán) thì ghi năm đó, ví dụ chứng từ `PC-001` ngày `12/01/2027`, Mã hoạt động `HD-09`, Năm kế hoạch `2026` là chi cho hoạt động `HD-09` của năm 2026, không phải `HD-09` của năm 2027. Mã hoạt động không có trong năm kế hoạch của chứng từ thì dòng bị loại, lý do ghi rõ năm; chứng từ không bao giờ bị tính sang năm khác.",
  "- **Hoạt động chuyển nguồn**: hoạt động năm trước chưa xong, phần kinh phí chưa chi được chuyển sang năm sau, được ghi **lại** trong danh sách hoạt động của năm mới: mã của năm mới, ghi vào dòng kinh phí \"Kinh phí năm trước chuyển sang\" của kế hoạch năm mới, và hai cột **Chuyển từ năm** (`carried_from_year`) và **Mã hoạt động năm trước** (`carried_from_id`) chỉ hoạt động gốc. Hai cột này ghi cả hai hoặc để trống cả hai; hoạt động gốc phải có trong danh sách hoạt động của năm đó. Ghi hoạt động chuyển nguồn vào dòng kinh phí không phải nguồn chuyển sang thì dòng vẫn được nạp nhưng có cảnh báo.",
  "",
  "Ví dụ: năm 2026, hoạt động `HD-03` (máy tráng bánh ướt của cơ sở `CS004`) được phê duyệt 20.000.000 đ, đến cuối năm đã chi 14.000.000 đ và chưa xong. Kế hoạch năm 2027 có dòng 4 \"Chuyển nguồn năm 2026: …\", nguồn *Kinh phí năm trước chuyển sang*, 6.000.000 đ. Tệp `activities_2027.csv` ghi:",
  "",
  "| Mã hoạt động | Năm | Dòng kế hoạch | Tên hoạt động | Mã cơ sở | Trạng thái | Kinh phí phê duyệt | Chuyển từ năm | Mã hoạt động năm trước |",
  "|---|---|---|---|---|---|---|---|---|",
  "| HD-08 | 2027 | 4 | Hỗ trợ ứng dụng máy tráng bánh ướt (chuyển nguồn năm 2026) | CS004 | Hoàn thành | 6.000.000 | 2026 | HD-03 |",
  "",
  "Các chứng từ chi năm 2027 ghi Mã hoạt động `HD-08` (Năm kế hoạch để trống: 2027). Phê duyệt và giải ngân của `HD-08` được tính vào dòng 4 của năm 2027; số liệu năm 2026 (20.000.000 đ phê duyệt, 14.000.000 đ đã chi của `HD-03`) **không thay đổi**. Nếu đến cuối năm 2027 `HD-08` vẫn chưa xong, phần chưa chi lại được đề nghị chuyển nguồn sang năm 2028, vẫn nối với `HD-03` năm 2026.",
  "",
  "Đánh giá năm của một năm tính đến ngày 31/12 của năm đó (hoặc ngày của số liệu nếu sớm hơn): trạng thái theo Ngày quyết định và Ngày hoàn thành, giải ngân theo Ngày chi. Nạp thêm tệp của năm sau không làm đổi kết quả của năm đã qua; khoản chi tháng 1 ghi Năm kế hoạch năm trước được nêu riêng là chi trong thời gian chỉnh lý.",
  ""
];

/** The dictionary as Markdown (Vietnamese), for docs/du-lieu.md. */
export function dictionaryMarkdown(): string {
  const out: string[] = [
    "# Từ điển dữ liệu: các tệp CSV Phòng Kinh tế nộp vào",
    "",
    "<!-- Tệp này được sinh từ hợp đồng dữ liệu (src/lib/contract) bằng `npm run docs`; đừng sửa tay. -->",
    "",
    "Mỗi tệp là một bảng CSV có một dòng tiêu đề, nằm ở **dòng 1** (xóa tên bảng, dòng \"Đơn vị: đồng\"… phía trên trước khi lưu). Loại tệp nhận theo **đầu tên tệp** (ví dụ `disbursements_2026_q3.csv` là chứng từ chi), nên có thể nộp mỗi tháng, mỗi quý một tệp.",
    "",
    "Quy tắc chung:",
    "",
    '- Mã hóa: UTF-8 (có hoặc không có BOM) hoặc UTF-16 có BOM. Trong Excel chọn **Tệp > Lưu thành > CSV UTF-8 (phân cách bằng dấu phẩy)**. Tệp mã khác (Windows-1258, TCVN3, VNI) bị từ chối cả tệp.',
    "- Dấu phân cách `,`, `;` hoặc tab: tự nhận ra.",
    "- Tên cột không phân biệt hoa thường, dấu cách, dấu tiếng Việt: `Số tiền`, `so tien`, `SO_TIEN` đều là cột Số tiền. Có thể dùng tên gốc (cột *Tên trong hệ thống*) hoặc một tên khác được liệt kê. Thiếu cột bắt buộc thì cả tệp bị từ chối; cột lạ được giữ nguyên (không mất dữ liệu).",
    "- Tiền tính bằng đồng, số nguyên: `20000000`, `20.000.000`, `20,000,000`, `20 000 000`, có thể thêm `đ`, `đồng`, `VNĐ`. Có phần lẻ đồng là lỗi.",
    "- Ngày viết ngày trước: `05/01/2026`, `5/1/2026` hoặc `2026-01-05`. Ngày không có thật (`31/02/2026`) là lỗi.",
    "- Ô mã (nhóm nội dung, trạng thái, nguồn kinh phí…) ghi mã hoặc tên tiếng Việt của mã, không cần đúng dấu.",
    "- Dòng sai quy tắc **bị loại, không bị bỏ qua**: ghi vào bảng lỗi với tên tệp, số dòng (như Excel đánh số, dòng tiêu đề là 1), cột, giá trị và lý do. Dòng đúng nhưng vi phạm quy định nghiệp vụ (vượt định mức, vượt kế hoạch…) vẫn được nạp và có **cảnh báo**.",
    "",
    ...YEAR_AFTER_YEAR,
    ""
  ];
  for (const k of dataDictionary()) {
    out.push(`## ${k.title} — \`${k.filePattern}\``, "");
    out.push("| Cột (tiêu đề nên dùng) | Tên trong hệ thống | Bắt buộc | Kiểu | Ý nghĩa | Tên khác được nhận |", "|---|---|---|---|---|---|");
    for (const c of k.columns) {
      const help = [c.help, c.default === undefined ? "" : `Để trống: ${c.default}.`, c.personal ? "**Thông tin cá nhân**: không đưa lên trang tổng hợp." : ""]
        .filter((s) => s !== "" && s !== c.header)
        .join(" ");
      out.push(`| ${c.header} | \`${c.name}\` | ${c.required ? "có" : ""} | ${c.type} | ${help} | ${c.aliases.join(", ")} |`);
    }
    out.push("");
    if (k.rules.length > 0) out.push(...k.rules.map((r) => `- ${r}`), "");
  }
  out.push("## Danh mục mã", "");
  for (const t of codeListTables()) {
    out.push(`### ${t.title}`, "", "| Mã | Tên | Cách ghi khác |", "|---|---|---|");
    for (const e of t.entries) out.push(`| \`${e.code}\` | ${e.label} | ${(e.aliases ?? []).join(", ")} |`);
    out.push("");
  }
  return out.join("\n");
}
