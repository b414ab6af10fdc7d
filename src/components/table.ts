// A plain HTML table of all rows (prints whole, unlike a lazily-rendered Inputs.table), formatted
// with the vi-VN module, sortable by clicking a header, with CSV/XLSX download buttons that
// export the same columns. Cell text always goes through textContent: data is never HTML.
import {formatDate, formatMoney, formatNumber, formatPercent} from "../lib/format.js";
import {cellValue, type CellType, type ExportColumn} from "../lib/export.js";
import {downloadButtons} from "./download.js";
import {PRINT_LANDSCAPE_COLUMNS, PRINT_ROWS} from "./print.js";

export interface TableColumn<R> extends ExportColumn<R> {
  /** Screen text of the cell; default from `type`. */
  format?: (value: unknown, row: R) => string;
  /** Long free text (a reason, a message) that may break inside a word: the table then fits the
   * page, where a long code list or file name would push it wider and cut this column off. */
  breakAnywhere?: boolean;
}

export interface TableOptions<R> {
  columns: readonly TableColumn<R>[];
  /** Download file name without extension; no buttons when omitted. */
  fileName?: string;
  title?: string;
  /** Shown when there are no rows. */
  empty?: string;
  /** Accessible caption (visually hidden unless `showCaption`). */
  caption?: string;
  /** Rows shown in a <tfoot> under the body (e.g. a totals row): never sorted, bold, exported
   * after the body rows. */
  footerRows?: readonly R[];
  /** Makes body rows clickable and focusable (Enter or Space), e.g. to drill down into a row. */
  onRowClick?: (row: R, tr: HTMLTableRowElement) => void;
  /** Tooltip of clickable rows. */
  rowTitle?: string;
  /** Rows drawn at first and added by each "Hiện thêm" (default PAGE_ROWS). */
  pageRows?: number;
}

const RIGHT: ReadonlySet<CellType> = new Set(["integer", "money", "number", "percent"]);

/** Rows drawn at a time: a register or history of thousands of rows drew every row before the
 * page could be used (bench:scale, 100×: Giai đoạn and Cơ sở CNNT never settled). The rest come a
 * page at a time on request; sorting and the downloads take every row. */
export const PAGE_ROWS = 500;

export function displayCell(value: unknown, type: CellType = "text"): string {
  if (value === null || value === undefined || value === "") return "";
  switch (type) {
    case "money":
      return formatMoney(typeof value === "bigint" ? value : Number(value));
    case "integer":
      return formatNumber(typeof value === "bigint" ? value : Number(value));
    case "number":
      return formatNumber(Number(value), Number.isInteger(Number(value)) ? 0 : 1);
    case "percent":
      return formatPercent(Number(value));
    case "date":
      return typeof value === "string" || value instanceof Date ? formatDate(value) : String(value);
    case "boolean":
      return value ? "Có" : "Không";
    default:
      return String(value);
  }
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined || a === "") return 1;
  if (b === null || b === undefined || b === "") return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), "vi", {numeric: true});
}

export function dataTable<R>(rows: readonly R[], options: TableOptions<R>): HTMLElement {
  const figure = document.createElement("figure");
  figure.className = options.columns.length >= PRINT_LANDSCAPE_COLUMNS ? "kc-table-figure kc-print-landscape" : "kc-table-figure";
  figure.style.maxWidth = "none";
  let shown = [...rows];
  const pageRows = options.pageRows ?? PAGE_ROWS;
  let limit = pageRows;
  const footerRows = options.footerRows ?? [];
  if (options.fileName) {
    figure.append(
      downloadButtons(() => [...shown, ...footerRows], {
        columns: options.columns,
        fileName: options.fileName,
        ...(options.title ? {title: options.title} : {})
      })
    );
  }
  if (rows.length === 0) {
    const p = document.createElement("p");
    p.className = "kc-muted";
    p.textContent = options.empty ?? "Chưa có dữ liệu.";
    figure.append(p);
    return figure;
  }
  const wrap = document.createElement("div");
  wrap.className = "kc-table-wrap";
  const table = document.createElement("table");
  table.className = "kc-table";
  if (options.caption) {
    const caption = document.createElement("caption");
    caption.className = "kc-visually-hidden";
    caption.textContent = options.caption;
    table.append(caption);
  }
  const thead = table.createTHead();
  const headRow = thead.insertRow();
  const tbody = table.createTBody();
  let sortIndex = -1;
  let ascending = true;

  const fillRow = (tr: HTMLTableRowElement, row: R) => {
    for (const column of options.columns) {
      const td = tr.insertCell();
      const value = cellValue(row, column);
      td.textContent = column.format ? column.format(value, row) : displayCell(value, column.type);
      // The header again, for the card layout of a narrow screen (src/style.css, .kc-cards-narrow).
      td.dataset.label = column.header;
      if (RIGHT.has(column.type ?? "text")) td.className = "kc-right";
      else if (column.breakAnywhere) td.className = "kc-break-anywhere";
    }
  };

  // The rows are built apart and put in at once: tbody.insertRow() per row is quadratic in
  // Chromium.
  const more = document.createElement("button");
  more.type = "button";
  more.className = "kc-more-rows kc-screen-only";
  more.addEventListener("click", () => {
    limit += pageRows;
    render();
  });
  const render = () => {
    const rows = document.createDocumentFragment();
    for (const [i, row] of shown.slice(0, limit).entries()) {
      const tr = document.createElement("tr");
      rows.append(tr);
      fillRow(tr, row);
      if (i >= PRINT_ROWS) tr.className = "kc-print-omit";
      const onRowClick = options.onRowClick;
      if (onRowClick) {
        tr.tabIndex = 0;
        tr.style.cursor = "pointer";
        if (options.rowTitle) tr.title = options.rowTitle;
        tr.addEventListener("click", () => onRowClick(row, tr));
        tr.addEventListener("keydown", (event) => {
          if (event.target === tr && (event.key === "Enter" || event.key === " ")) {
            event.preventDefault();
            onRowClick(row, tr);
          }
        });
      }
    }
    tbody.replaceChildren(rows);
    const left = shown.length - Math.min(limit, shown.length);
    more.hidden = left === 0;
    more.textContent = `Hiện thêm ${formatNumber(Math.min(pageRows, left))} dòng (đang hiện ${formatNumber(Math.min(limit, shown.length))} / ${formatNumber(shown.length)})`;
  };

  if (footerRows.length > 0) {
    const tfoot = table.createTFoot();
    for (const row of footerRows) {
      const tr = tfoot.insertRow();
      tr.style.fontWeight = "bold";
      fillRow(tr, row);
    }
  }

  options.columns.forEach((column, i) => {
    const th = document.createElement("th");
    th.scope = "col";
    if (RIGHT.has(column.type ?? "text")) th.className = "kc-right";
    th.textContent = column.header;
    // One Tab stop for the whole header row (the arrow keys move along it): ten sortable headers
    // were ten stops before a keyboard reached the first row.
    th.tabIndex = i === 0 ? 0 : -1;
    th.setAttribute("aria-sort", "none");
    th.title = "Bấm để sắp xếp";
    const sort = () => {
      ascending = sortIndex === i ? !ascending : true;
      sortIndex = i;
      shown = [...rows].sort((a, b) => (ascending ? 1 : -1) * compare(cellValue(a, column), cellValue(b, column)));
      for (const other of headRow.children) other.setAttribute("aria-sort", "none");
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      render();
    };
    th.addEventListener("click", sort);
    th.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        sort();
      } else if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
        const next = (event.key === "ArrowRight" ? th.nextElementSibling : th.previousElementSibling) as HTMLElement | null;
        if (!next) return;
        event.preventDefault();
        th.tabIndex = -1;
        next.tabIndex = 0;
        next.focus();
      }
    });
    headRow.append(th);
  });
  render();
  wrap.append(table);
  figure.append(wrap, more);
  if (rows.length > PRINT_ROWS) {
    const note = document.createElement("p");
    note.className = "kc-print-only kc-note";
    note.textContent = `Bản in chỉ có ${formatNumber(PRINT_ROWS)} dòng đầu trong ${formatNumber(rows.length)} dòng (theo thứ tự đang xem). Danh sách đầy đủ: bấm “CSV” hoặc “Excel (XLSX)” phía trên bảng này trên trang tổng hợp${options.fileName ? ` (tệp “${options.fileName}”)` : ""}.`;
    figure.append(note);
  }
  return figure;
}
