// Kế hoạch – Thực hiện: the drill-down tables. A plan line's activities (click one to see its
// vouchers) and an activity's vouchers (negative amounts are recoveries, thu hồi), both with the
// CSV/XLSX buttons of dataTable.
import {codeLabel} from "../lib/contract/codes.js";
import {formatMoney} from "../lib/format.js";
import {dataTable} from "./table.js";
import type {Activity, Voucher} from "./budget-model.js";

export interface ActivityTableOptions {
  fileName: string;
  title: string;
  onSelect?: (activity: Activity) => void;
  /** The activity shown as chosen (highlighted row). */
  selectedId?: string | null;
  empty?: string;
}

/**
 * A drill-down just drawn (`section`, or the deepest .kc-drill panel inside it) scrolled into view
 * with focus on its heading: on a phone it was drawn below the screen, and the row that opened it
 * is redrawn with it, which dropped focus to the page body. Nothing happens when no panel is open.
 */
export function revealed<T extends HTMLElement>(section: T): T {
  requestAnimationFrame(() => {
    const panels = [...(section.matches(".kc-drill") ? [section] : []), ...section.querySelectorAll<HTMLElement>(".kc-drill")];
    const panel = panels.at(-1);
    const heading = panel?.querySelector<HTMLElement>("h2, h3");
    if (!panel || !heading || !panel.isConnected) return;
    heading.tabIndex = -1;
    heading.focus({preventScroll: true});
    panel.scrollIntoView({block: "start"});
  });
  return section;
}

/** Activities: mã, tên, cơ sở, cấp, trạng thái, phê duyệt, đã chi, ngày quyết định. */
export function activitiesTable(rows: readonly Activity[], options: ActivityTableOptions): HTMLElement {
  const figure = dataTable(rows, {
    fileName: options.fileName,
    title: options.title,
    caption: options.title,
    empty: options.empty ?? "Không có hoạt động nào theo bộ lọc đang chọn.",
    ...(options.onSelect
      ? {
          onRowClick: (row: Activity, tr: HTMLTableRowElement) => {
            for (const other of tr.parentElement?.children ?? []) other.removeAttribute("aria-selected");
            tr.setAttribute("aria-selected", "true");
            options.onSelect!(row);
          },
          rowTitle: "Bấm để xem các chứng từ chi của hoạt động này"
        }
      : {}),
    columns: [
      {key: "activity_id", header: "Mã hoạt động", type: "text"},
      {key: "title", header: "Tên hoạt động", type: "text"},
      {key: "establishment_name", header: "Cơ sở", type: "text"},
      {key: "level", header: "Cấp", type: "text", value: (a) => codeLabel("level", a.level)},
      {key: "status", header: "Trạng thái", type: "text", value: (a) => codeLabel("status", a.status)},
      {key: "approved_amount", header: "Kinh phí phê duyệt", type: "money"},
      {key: "disbursed_amount", header: "Đã chi", type: "money"},
      {key: "decision_date", header: "Ngày quyết định", type: "date"}
    ]
  });
  if (options.selectedId) {
    for (const tr of figure.querySelectorAll("tbody tr")) {
      if ((tr as HTMLTableRowElement).cells[0]?.textContent === options.selectedId) tr.setAttribute("aria-selected", "true");
    }
  }
  return figure;
}

/** Vouchers of one activity, oldest first, with their sum in the footer. */
export function vouchersTable(rows: readonly Voucher[], {fileName, title}: {fileName: string; title: string}): HTMLElement {
  const sorted = [...rows].sort((a, b) => a.paid_on.localeCompare(b.paid_on) || a.voucher_no.localeCompare(b.voucher_no, "vi", {numeric: true}));
  const total = sorted.reduce((s, v) => s + v.amount, 0);
  const footer = {voucher_no: "Cộng", paid_on: "", activity_id: "", year: 0, amount: total, funding_source: "", payee: null, description: null} as Voucher;
  return dataTable(sorted, {
    fileName,
    title,
    caption: title,
    empty: "Hoạt động này chưa có chứng từ chi nào.",
    ...(sorted.length ? {footerRows: [footer]} : {}),
    columns: [
      {key: "voucher_no", header: "Số chứng từ", type: "text"},
      {key: "paid_on", header: "Ngày chi", type: "date"},
      {
        key: "amount",
        header: "Số tiền",
        type: "money",
        format: (value) => (typeof value === "number" ? (value < 0 ? `${formatMoney(value)} (thu hồi)` : formatMoney(value)) : "")
      },
      {key: "funding_source", header: "Nguồn kinh phí", type: "text", value: (v) => codeLabel("funding_source", v.funding_source)},
      {key: "payee", header: "Đơn vị nhận", type: "text"},
      {key: "description", header: "Diễn giải", type: "text"}
    ]
  });
}
