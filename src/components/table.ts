// A plain HTML table of all rows (prints whole, unlike a lazily-rendered Inputs.table), formatted
// with the vi-VN module, sortable by clicking a header, with CSV/XLSX download buttons that
// export the same columns. Cell text always goes through textContent: data is never HTML.
import {formatDate, formatMoney, formatNumber, formatPercent} from "../lib/format.js";
import {cellValue, type CellType, type ExportColumn} from "../lib/export.js";
import {PAGE_ROWS} from "../lib/columns.js";
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
  /** When the rows given are only what is drawn first (a long list's first page, or rows whose
   * labels come later), every row: `count` of them, fetched by `load` the first time the user shows more,
   * sorts or downloads (the page's first paint need not carry them). */
  all?: {count: number; load: () => Promise<readonly R[]>};
}

const RIGHT: ReadonlySet<CellType> = new Set(["integer", "money", "number", "percent"]);

/** Rows drawn at a time (src/lib/columns.ts, where the datasets cutting a list to its first page
 * read it too): a register or history of thousands of rows drew every row before the page could be
 * used (bench:scale, 100×: Giai đoạn and Cơ sở CNNT never settled). The rest come a page at a time
 * on request; sorting and the downloads take every row. */
export {PAGE_ROWS};

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

export function dataTable<R>(first: readonly R[], options: TableOptions<R>): HTMLElement {
  const figure = document.createElement("figure");
  figure.className = options.columns.length >= PRINT_LANDSCAPE_COLUMNS ? "kc-table-figure kc-print-landscape" : "kc-table-figure";
  figure.style.maxWidth = "none";
  let rows = first;
  let shown = [...rows];
  const count = options.all?.count ?? rows.length;
  // Every row, fetched once (options.all); a failed fetch is tried again at the next click.
  let loading: Promise<void> | undefined;
  const loadAll = (): Promise<void> => {
    if (!options.all) return Promise.resolve();
    loading ??= options.all.load().then((all) => {
      rows = all;
      shown = sortIndex < 0 ? [...rows] : sortedRows();
    });
    loading.catch(() => (loading = undefined));
    return loading;
  };
  const pageRows = options.pageRows ?? PAGE_ROWS;
  let limit = pageRows;
  const footerRows = options.footerRows ?? [];
  if (options.fileName) {
    figure.append(
      downloadButtons(async () => {
        await loadAll();
        return [...shown, ...footerRows];
      }, {
        columns: options.columns,
        fileName: options.fileName,
        ...(options.title ? {title: options.title} : {})
      })
    );
  }
  if (count === 0) {
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
  const sortedRows = () => {
    const column = options.columns[sortIndex]!;
    return [...rows].sort((a, b) => (ascending ? 1 : -1) * compare(cellValue(a, column), cellValue(b, column)));
  };

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
  const status = document.createElement("p");
  status.className = "kc-download-error";
  status.setAttribute("role", "status");
  /** `action` once every row is here (at once when the table has them all); says so when they cannot be fetched. */
  const withAll = async (action: () => void) => {
    if (options.all) {
      status.textContent = "";
      try {
        await loadAll();
      } catch (error) {
        console.warn(error);
        status.textContent = "Không tải được các dòng còn lại. Vui lòng thử lại.";
        return;
      }
    }
    action();
  };
  more.addEventListener("click", () =>
    withAll(() => {
      limit += pageRows;
      render();
    })
  );
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
    const drawn = Math.min(limit, shown.length);
    const left = count - drawn;
    more.hidden = left <= 0;
    more.textContent = `Hiện thêm ${formatNumber(Math.min(pageRows, left))} dòng (đang hiện ${formatNumber(drawn)} / ${formatNumber(count)})`;
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
    const sort = () =>
      withAll(() => {
        ascending = sortIndex === i ? !ascending : true;
        sortIndex = i;
        shown = sortedRows();
        for (const other of headRow.children) other.setAttribute("aria-sort", "none");
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        render();
      });
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
  figure.append(wrap, more, ...(options.all ? [status] : []));
  if (count > PRINT_ROWS) {
    const note = document.createElement("p");
    note.className = "kc-print-only kc-note";
    note.textContent = `Bản in chỉ có ${formatNumber(PRINT_ROWS)} dòng đầu trong ${formatNumber(count)} dòng (theo thứ tự đang xem). Danh sách đầy đủ: bấm “CSV” hoặc “Excel (XLSX)” phía trên bảng này trên trang tổng hợp${options.fileName ? ` (tệp “${options.fileName}”)` : ""}.`;
    figure.append(note);
  }
  return figure;
}
