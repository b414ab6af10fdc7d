// Page "Từ điển dữ liệu": the data dictionary of src/lib/contract/dictionary.ts as DOM, and a CSV
// template (header row only) per kind of file. Text is set with textContent; the little Markdown of
// the dictionary's general rules (`code`, **bold**, *italic*) becomes <code>, <strong>, <em>.
import {codeLabel, type CodeListName} from "../lib/contract/codes.js";
import type {CodeEntry} from "../lib/contract/codes.js";
import type {DictionaryColumn, DictionaryKind} from "../lib/contract/dictionary.js";
import {CSV_MIME, csvBytes} from "../lib/export.js";
import {saveFile} from "./download.js";

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** `code`, **bold** and *italic* of a line of the dictionary's Markdown, as DOM nodes. */
export function inlineMarkdown(text: string): Node[] {
  const nodes: Node[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*]+)\*/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) nodes.push(document.createTextNode(text.slice(last, m.index)));
    // A sample with Vietnamese letters reads better in the text font (monospace fonts often lack them).
    if (m[1] !== undefined) nodes.push(/^[\x20-\x7e]*$/.test(m[1]) ? el("code", m[1]) : el("span", m[1], "kc-sample"));
    else if (m[2] !== undefined) nodes.push(el("strong", m[2]));
    else nodes.push(el("em", m[3]));
    last = m.index + m[0].length;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}

/** The dictionary's introduction and general rules, read from its Markdown so they never drift. */
export function generalRules(markdown: string): {intro: string[]; rules: string[]} {
  const lines = markdown.split("\n");
  const end = lines.findIndex((l) => l.startsWith("## "));
  const head = lines.slice(0, end < 0 ? lines.length : end);
  const rulesAt = head.findIndex((l) => l.trim() === "Quy tắc chung:");
  const intro = head
    .slice(0, rulesAt < 0 ? head.length : rulesAt)
    .filter((l) => l.trim() !== "" && !l.startsWith("#") && !l.startsWith("<!--"));
  const rules = head.filter((l) => l.startsWith("- ")).map((l) => l.slice(2));
  return {intro, rules};
}

export function generalRulesView(markdown: string, _options: {width?: number} = {}): HTMLElement {
  const {intro, rules} = generalRules(markdown);
  const box = el("div", undefined, "kc-dictionary-rules");
  for (const line of intro) {
    const p = el("p");
    p.append(...inlineMarkdown(line));
    box.append(p);
  }
  const ul = el("ul");
  for (const rule of rules) {
    const li = el("li");
    li.append(...inlineMarkdown(rule));
    ul.append(li);
  }
  box.append(ul);
  return box;
}

/** "Để trống: Ngân sách xã (xa)" for a column with a default code. */
function defaultText(kind: DictionaryKind, column: DictionaryColumn): string {
  if (column.default === undefined) return "";
  const value = column.codeList ? `${codeLabel(column.codeList, String(column.default))} (${column.default})` : String(column.default);
  return `Để trống là ${value}.`;
}

export function columnMeaning(kind: DictionaryKind, column: DictionaryColumn): string {
  return [
    column.help === column.header ? "" : column.help,
    /để trống/i.test(column.help) ? "" : defaultText(kind, column),
    column.personal ? "Thông tin cá nhân: chỉ lưu trong kho trên máy của xã, không đưa lên trang tổng hợp." : ""
  ]
    .filter((s) => s !== "")
    .join(" ");
}

function plainTable(headers: readonly string[], rows: readonly (readonly (string | Node)[])[], caption: string): HTMLElement {
  const wrap = el("div", undefined, "kc-table-wrap kc-dictionary-table");
  const table = el("table", undefined, "kc-table");
  table.append(el("caption", caption, "kc-visually-hidden"));
  const tr = table.createTHead().insertRow();
  for (const h of headers) {
    const th = el("th", h);
    th.scope = "col";
    tr.append(th);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const r = body.insertRow();
    for (const cell of row) {
      const td = r.insertCell();
      if (typeof cell === "string") td.textContent = cell;
      else td.append(cell);
    }
  }
  wrap.append(table);
  return wrap;
}

function code(text: string): HTMLElement {
  return el("code", text);
}

export function codeListId(list: string): string {
  return `danh-muc-${list.replace(/_/g, "-")}`;
}

/** The column's type; a code column links to its code list further down the page. */
function typeCell(kind: DictionaryKind, column: DictionaryColumn): string | Node {
  if (column.codeList === undefined) return column.type;
  const span = el("span");
  const a = el("a", column.type.replace(/^mã: /, ""));
  a.href = `#${codeListId(column.codeList)}`;
  span.append("mã trong danh mục ", a);
  return span;
}

/** The header-only CSV template of a kind: the office's headers, UTF-8 with BOM, separated by ";". */
export function templateBytes(kind: DictionaryKind): Uint8Array {
  return csvBytes([], kind.columns.map((c) => ({key: c.name, header: c.header})));
}

export function templateFileName(kind: DictionaryKind): string {
  return `${kind.kind}.csv`;
}

export function templateButton(kind: DictionaryKind): HTMLElement {
  const box = el("div", undefined, "kc-download");
  const button = el("button", `Tải tệp mẫu ${templateFileName(kind)}`);
  button.type = "button";
  button.title = "Tệp CSV chỉ có dòng tiêu đề (UTF-8, dấu ;): mở bằng Excel, nhập từ dòng 2, lưu lại dạng CSV UTF-8";
  button.dataset.kind = kind.kind;
  button.addEventListener("click", () => saveFile(templateBytes(kind), templateFileName(kind), CSV_MIME));
  box.append(button);
  return box;
}

export function sectionId(kind: DictionaryKind): string {
  return `tep-${kind.kind.replace(/_/g, "-")}`;
}

/** One kind of file: its name pattern, template, columns and rules. */
export function kindSection(kind: DictionaryKind, _options: {width?: number} = {}): HTMLElement {
  const section = el("section", undefined, "kc-dictionary-kind");
  section.id = sectionId(kind);
  section.dataset.kind = kind.kind;
  const h2 = el("h2");
  h2.append(`${kind.title} — `, code(kind.filePattern));
  const required = kind.columns.filter((c) => c.required).map((c) => c.header);
  const p = el("p");
  p.append(
    "Tên tệp bắt đầu bằng ",
    code(kind.kind),
    " (ví dụ ",
    code(`${kind.kind}.csv`),
    " hoặc ",
    code(`${kind.kind}_2026.csv`),
    `). Có ${kind.columns.length} cột, trong đó ${required.length} cột bắt buộc: ${required.join(", ")}.`
  );
  section.append(h2, p, templateButton(kind));
  section.append(
    plainTable(
      ["Tiêu đề nên dùng", "Tên trong hệ thống", "Bắt buộc", "Kiểu", "Ý nghĩa", "Tên khác được nhận"],
      kind.columns.map((c) => [c.header, code(c.name), c.required ? "Có" : "", typeCell(kind, c), columnMeaning(kind, c), c.aliases.join("; ")]),
      `Các cột của tệp ${kind.filePattern}`
    )
  );
  if (kind.rules.length > 0) {
    section.append(el("h3", "Quy tắc của tệp"));
    const ul = el("ul");
    for (const rule of kind.rules) ul.append(el("li", rule));
    section.append(ul);
  }
  return section;
}

/** The overview: one line per kind, linking to its section. */
export function kindsOverview(dictionary: readonly DictionaryKind[], _options: {width?: number} = {}): HTMLElement {
  return plainTable(
    ["Loại tệp", "Tên tệp", "Số cột", "Cột bắt buộc"],
    dictionary.map((k) => {
      const a = el("a", k.title);
      a.href = `#${sectionId(k)}`;
      return [a, code(k.filePattern), String(k.columns.length), k.columns.filter((c) => c.required).map((c) => c.header).join(", ")];
    }),
    "Các loại tệp"
  );
}

export interface CodeListTable {
  list: CodeListName;
  title: string;
  entries: readonly CodeEntry[];
}

export function codeListsView(tables: readonly CodeListTable[], _options: {width?: number} = {}): HTMLElement {
  const box = el("div");
  for (const t of tables) {
    const section = el("section", undefined, "kc-dictionary-codes");
    section.id = codeListId(t.list);
    section.append(el("h3", t.title));
    section.append(
      plainTable(
        ["Mã", "Tên", "Cách ghi khác"],
        t.entries.map((e) => [code(e.code), e.label, (e.aliases ?? []).join("; ")]),
        t.title
      )
    );
    box.append(section);
  }
  return box;
}

