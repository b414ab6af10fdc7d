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
  let sortIndex = -1;
  let ascending = true;
  const sortedRows = () => {
    const column = options.columns[sortIndex]!;
    return [...rows].sort((a, b) => (ascending ? 1 : -1) * compare(cellValue(a, column), cellValue(b, column)));
  };
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
    const {columns, fileName, title} = options;
    figure.append(downloadButtons(async () => (await loadAll(), [...shown, ...footerRows]), {columns, fileName, ...(title ? {title} : {})}));
  }
  if (count === 0) {
    figure.append(note("kc-muted", options.empty ?? "Chưa có dữ liệu."));
    return figure;
  }
  const table = tableWithCaption(options.caption);
  const headRow = table.createTHead().insertRow();
  const tbody = table.createTBody();
  const more = document.createElement("button");
  more.type = "button";
  more.className = "kc-more-rows kc-screen-only";
  const status = note("kc-download-error", "");
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
  const render = () => {
    // The rows are built apart and put in at once: tbody.insertRow() per row is quadratic in Chromium.
    const body = document.createDocumentFragment();
    for (const [i, row] of shown.slice(0, limit).entries()) body.append(bodyRow(row, i, options));
    tbody.replaceChildren(body);
    const drawn = Math.min(limit, shown.length);
    const left = count - drawn;
    more.hidden = left <= 0;
    more.textContent = `Hiện thêm ${formatNumber(Math.min(pageRows, left))} dòng (đang hiện ${formatNumber(drawn)} / ${formatNumber(count)})`;
  };
  more.addEventListener("click", () =>
    withAll(() => {
      limit += pageRows;
      render();
    })
  );
  if (footerRows.length > 0) {
    const tfoot = table.createTFoot();
    for (const row of footerRows) {
      const tr = tfoot.insertRow();
      tr.style.fontWeight = "bold";
      fillCells(tr, row, options.columns);
    }
  }
  options.columns.forEach((column, i) => {
    const th = headerCell(column, i, () =>
      withAll(() => {
        ascending = sortIndex === i ? !ascending : true;
        sortIndex = i;
        shown = sortedRows();
        for (const other of headRow.children) other.setAttribute("aria-sort", "none");
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        render();
      })
    );
    headRow.append(th);
  });
  render();
  const wrap = document.createElement("div");
  wrap.className = "kc-table-wrap";
  wrap.append(table);
  figure.append(wrap, more, ...(options.all ? [status] : []));
  if (count > PRINT_ROWS) {
    const file = options.fileName ? ` (tệp “${options.fileName}”)` : "";
    figure.append(
      note(
        "kc-print-only kc-note",
        `Bản in chỉ có ${formatNumber(PRINT_ROWS)} dòng đầu trong ${formatNumber(count)} dòng (theo thứ tự đang xem). Danh sách đầy đủ: bấm “CSV” hoặc “Excel (XLSX)” phía trên bảng này trên trang tổng hợp${file}.`
      )
    );
  }
  return figure;
}

function note(className: string, text: string): HTMLParagraphElement {
  const p = document.createElement("p");
  p.className = className;
  p.textContent = text;
  return p;
}

function tableWithCaption(text: string | undefined): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "kc-table";
  if (text) {
    const caption = document.createElement("caption");
    caption.className = "kc-visually-hidden";
    caption.textContent = text;
    table.append(caption);
  }
  return table;
}

function fillCells<R>(tr: HTMLTableRowElement, row: R, columns: readonly TableColumn<R>[]): void {
  for (const column of columns) {
    const td = tr.insertCell();
    const value = cellValue(row, column);
    td.textContent = column.format ? column.format(value, row) : displayCell(value, column.type);
    // The header again, for the card layout of a narrow screen (src/style.css, .kc-cards-narrow).
    td.dataset.label = column.header;
    if (RIGHT.has(column.type ?? "text")) td.className = "kc-right";
    else if (column.breakAnywhere) td.className = "kc-break-anywhere";
  }
}

/** The `index`-th row drawn: beyond the printed rows it is left out of print; clickable with `onRowClick`. */
function bodyRow<R>(row: R, index: number, {columns, onRowClick, rowTitle}: TableOptions<R>): HTMLTableRowElement {
  const tr = document.createElement("tr");
  fillCells(tr, row, columns);
  if (index >= PRINT_ROWS) tr.className = "kc-print-omit";
  if (onRowClick) {
    tr.tabIndex = 0;
    tr.style.cursor = "pointer";
    if (rowTitle) tr.title = rowTitle;
    tr.addEventListener("click", () => onRowClick(row, tr));
    tr.addEventListener("keydown", (event) => {
      if (event.target === tr && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        onRowClick(row, tr);
      }
    });
  }
  return tr;
}

/** A sortable header: `sort` on a click, Enter or Space; the arrow keys move along the header row. */
function headerCell<R>(column: TableColumn<R>, index: number, sort: () => void): HTMLTableCellElement {
  const th = document.createElement("th");
  th.scope = "col";
  if (RIGHT.has(column.type ?? "text")) th.className = "kc-right";
  th.textContent = column.header;
  // One Tab stop for the whole header row: ten sortable headers were ten stops before a keyboard
  // reached the first row.
  th.tabIndex = index === 0 ? 0 : -1;
  th.setAttribute("aria-sort", "none");
  th.title = "Bấm để sắp xếp";
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
  return th;
}
