// "Tải CSV" / "Tải Excel" buttons for a table. Browser-only (DOM). Text is always set with
// textContent, never as HTML.
import {FileAttachment} from "observablehq:stdlib";
import {CSV_MIME, XLSX_MIME, csvBytes, safeFileName, toXlsx, type ExcelJSModule, type ExportColumn} from "../lib/export.js";

// exceljs's prebuilt browser file (copied by scripts/npm-cache.ts), fetched on first use only.
const EXCELJS_FILE = FileAttachment("../data/vendor/exceljs.min.js");
let excelJs: Promise<ExcelJSModule> | undefined;

/** Loads exceljs once, with a classic <script> (it is a UMD file that sets window.ExcelJS). */
export function loadExcelJS(): Promise<ExcelJSModule> {
  const w = window as unknown as {ExcelJS?: ExcelJSModule};
  if (w.ExcelJS) return Promise.resolve(w.ExcelJS);
  excelJs ??= EXCELJS_FILE.url().then(
    (url) =>
      new Promise<ExcelJSModule>((resolve, reject) => {
        const script = document.createElement("script");
        script.src = url;
        script.async = true;
        script.onload = () => (w.ExcelJS ? resolve(w.ExcelJS) : reject(new Error("exceljs did not load")));
        script.onerror = () => reject(new Error(`cannot load ${url}`));
        document.head.append(script);
      })
  );
  excelJs.catch(() => (excelJs = undefined));
  return excelJs;
}

export interface DownloadOptions<R> {
  columns: readonly ExportColumn<R>[];
  /** File name without extension, e.g. "Hoạt động năm 2026". */
  fileName: string;
  /** Worksheet name and optional title line of the XLSX. */
  sheetName?: string;
  title?: string;
}

/** Saves bytes as a file through a temporary object URL. */
export function saveFile(bytes: Uint8Array, fileName: string, mimeType: string): void {
  const blob = new Blob([bytes as BlobPart], {type: mimeType});
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

function button(label: string, title: string): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  b.title = title;
  return b;
}

/** A row of download buttons; `rows` may be a function so the buttons export what is shown now,
 * and may fetch rows the page does not carry yet (dataTable's `all`). */
export function downloadButtons<R>(rows: readonly R[] | (() => readonly R[] | Promise<readonly R[]>), options: DownloadOptions<R>): HTMLElement {
  const getRows = typeof rows === "function" ? rows : () => rows;
  const base = safeFileName(options.fileName);
  const box = document.createElement("div");
  box.className = "kc-download";
  const label = document.createElement("span");
  label.className = "kc-muted";
  label.textContent = "Tải bảng:";
  const csv = button("CSV", "Tải bảng dạng CSV (UTF-8, dấu ;) để mở bằng Excel");
  const xlsx = button("Excel (XLSX)", "Tải bảng dạng tệp Excel .xlsx");
  const status = document.createElement("span");
  status.className = "kc-download-error";
  status.setAttribute("role", "status");
  csv.addEventListener("click", async () => {
    status.textContent = "";
    try {
      saveFile(csvBytes(await getRows(), options.columns), `${base}.csv`, CSV_MIME);
    } catch (error) {
      console.warn(error);
      status.textContent = "Không tạo được tệp CSV. Vui lòng thử lại.";
    }
  });
  xlsx.addEventListener("click", async () => {
    status.textContent = "";
    xlsx.disabled = true;
    const text = xlsx.textContent;
    xlsx.textContent = "Đang tạo tệp…";
    try {
      const bytes = await toXlsx(await loadExcelJS(), await getRows(), options.columns, {
        sheetName: options.sheetName ?? options.title ?? options.fileName,
        ...(options.title ? {title: options.title} : {})
      });
      saveFile(bytes, `${base}.xlsx`, XLSX_MIME);
    } catch (error) {
      console.warn(error);
      status.textContent = "Không tạo được tệp Excel. Hãy dùng nút CSV.";
    } finally {
      xlsx.disabled = false;
      xlsx.textContent = text;
    }
  });
  box.append(label, csv, xlsx, status);
  return box;
}
