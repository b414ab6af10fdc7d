// Kế hoạch – Thực hiện: the budget table in the plan's own shape (STT, Nội dung hỗ trợ, Số lượng,
// Kinh phí hỗ trợ, Tổng kinh phí, …) with its TỔNG CỘNG row and "ĐVT: Đồng", and the same money by
// funding source. Amounts are shown as plain grouped numbers (the unit is written above the table)
// and exported as whole đồng.
import {codeLabel} from "../lib/contract/codes.js";
import {formatNumber} from "../lib/format.js";
import {dataTable} from "./table.js";
import type {BudgetRow, SourceRow} from "./budget-model.js";

const dong = (value: unknown) => (typeof value === "number" ? formatNumber(value) : "");

/** "ĐVT: Đồng" right above the table (under the download buttons), as in the plan document. */
function unitCaption(figure: HTMLElement): HTMLElement {
  const wrap = figure.querySelector(".kc-table-wrap");
  if (!wrap) return figure;
  const unit = document.createElement("p");
  unit.className = "kc-unit";
  unit.textContent = "ĐVT: Đồng";
  unit.style.cssText = "text-align:right;font-style:italic;margin:0.25rem 0;font-size:14px;max-width:none;";
  figure.insertBefore(unit, wrap);
  return figure;
}

export function budgetTable(
  rows: readonly BudgetRow[],
  total: BudgetRow,
  options: {year: number | null; onSelect?: (row: BudgetRow) => void}
): HTMLElement {
  const title = `Kinh phí khuyến công cấp xã${options.year ? ` năm ${options.year}` : ""}: kế hoạch và thực hiện (ĐVT: Đồng)`;
  const table = dataTable(rows, {
    fileName: `Ke hoach thuc hien kinh phi khuyen cong${options.year ? ` ${options.year}` : ""}`,
    title,
    caption: title,
    empty: "Không có dòng kinh phí kế hoạch nào theo bộ lọc đang chọn.",
    footerRows: rows.length ? [total] : [],
    ...(options.onSelect
      ? {
          onRowClick: (row: BudgetRow, tr: HTMLTableRowElement) => {
            for (const other of tr.parentElement?.children ?? []) other.removeAttribute("aria-selected");
            tr.setAttribute("aria-selected", "true");
            options.onSelect!(row);
          },
          rowTitle: "Bấm để xem các hoạt động của dòng này"
        }
      : {}),
    columns: [
      {key: "line_no", header: "STT", type: "text"},
      {key: "description", header: "Nội dung hỗ trợ", type: "text"},
      {key: "quantity", header: "Số lượng", type: "integer"},
      {key: "unit_amount", header: "Kinh phí hỗ trợ", type: "money", format: dong},
      {key: "planned", header: "Tổng kinh phí (kế hoạch)", type: "money", format: dong},
      {key: "approved", header: "Đã phê duyệt", type: "money", format: dong},
      {key: "disbursed", header: "Đã giải ngân", type: "money", format: dong},
      {key: "remaining", header: "Còn lại", type: "money", format: dong},
      {key: "commitment_rate", header: "Tỷ lệ phê duyệt", type: "percent"},
      {key: "disbursement_rate", header: "Tỷ lệ giải ngân", type: "percent"}
    ]
  });
  // On a phone each line is a card, so Đã giải ngân, Còn lại and the rates need no sideways scroll.
  table.classList.add("kc-budget-table", "kc-cards-narrow");
  return unitCaption(table);
}

export function sourceTable(rows: readonly SourceRow[], total: SourceRow, options: {year: number | null}): HTMLElement {
  const title = `Kinh phí khuyến công theo nguồn${options.year ? ` năm ${options.year}` : ""} (ĐVT: Đồng)`;
  const footer = {...total, funding_source: "TỔNG CỘNG"};
  const table = dataTable(rows, {
    fileName: `Kinh phi khuyen cong theo nguon${options.year ? ` ${options.year}` : ""}`,
    title,
    caption: title,
    empty: "Không có khoản kinh phí nào theo bộ lọc đang chọn.",
    footerRows: rows.length ? [footer] : [],
    columns: [
      {key: "funding_source", header: "Nguồn kinh phí", type: "text", value: (r) => (r.funding_source === "TỔNG CỘNG" ? r.funding_source : codeLabel("funding_source", r.funding_source))},
      {key: "planned", header: "Kế hoạch", type: "money", format: dong},
      {key: "approved", header: "Đã phê duyệt", type: "money", format: dong},
      {key: "disbursed", header: "Đã giải ngân", type: "money", format: dong},
      {key: "remaining", header: "Còn lại", type: "money", format: dong},
      {key: "commitment_rate", header: "Tỷ lệ phê duyệt", type: "percent"},
      {key: "disbursement_rate", header: "Tỷ lệ giải ngân", type: "percent"}
    ]
  });
  table.classList.add("kc-source-table");
  return unitCaption(table);
}
