// Rows written from the contract itself (kinds.ts, fields.ts), so that a test built on them
// covers a new kind or column without being edited: a clean cell for each cell type, a clean row
// for each kind whose references find the other kinds' clean rows, and the data folder file of
// such rows.
import {codeLists, type CodeEntry} from "../../../src/lib/contract/codes.js";
import {columnMeta, type ColumnMeta, type FieldType} from "../../../src/lib/contract/fields.js";
import {filePrefix, kindOrder, kinds, type KindName, type KindSpec} from "../../../src/lib/contract/kinds.js";
import {validateRow} from "../../../src/lib/contract/validate.js";
import {cleanText} from "../../../src/lib/parse/text.js";
import {quoteCell} from "../../loaders/helpers.js";

export interface ContractColumn {
  name: string;
  meta: ColumnMeta;
}

export function columnsOf(kind: KindName): ContractColumn[] {
  return Object.entries((kinds[kind] as KindSpec).schema.shape).map(([name, schema]) => ({name, meta: columnMeta(schema)}));
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** dd/mm/yyyy of 5 March 2026 plus `days`. */
export function dateText(days = 0): string {
  const d = new Date(Date.UTC(2026, 2, 5) + days * 86_400_000);
  return `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/**
 * A cell the SQL fast path is sure of (plain digits, dd/mm/yyyy, a code as listed, NFC text with
 * no blank at an end) and zod accepts. Money and counts are alike across columns, so the rules
 * comparing two of them (minimum ≤ maximum, request ≤ cost) hold; text carries Vietnamese
 * letters so that its decomposed (NFD) spelling differs.
 */
export function cleanCell(type: FieldType, column: string): string {
  switch (type.kind) {
    case "text":
      return `Hòa Đức ${column}`;
    case "year":
      return String(Math.min(Math.max(2026, type.min), type.max));
    case "count":
      return String(Math.min(Math.max(1, type.min), type.max));
    case "money":
      return "1.000.000";
    case "date":
      return dateText();
    case "percent":
      return "30";
    case "code":
      return (codeLists[type.list] as readonly CodeEntry[])[0]!.code;
  }
}

export type Cells = Record<string, string>;

/**
 * One clean row per kind, every column filled that can be; a reference's columns hold the
 * referenced kind's clean row's values (a kind's reference to itself, its own row's), so every
 * reference resolves. An optional column that breaks a row rule so filled (a year that must
 * come before the row's own) is left empty instead; a required one is left to fail the tests.
 */
export function cleanRows(): Record<KindName, Cells> {
  const rows = {} as Record<KindName, Cells>;
  for (const kind of kindOrder) {
    const spec = kinds[kind] as KindSpec;
    const columns = columnsOf(kind);
    const row: Cells = Object.fromEntries(columns.map((c) => [c.name, cleanCell(c.meta.type, c.name)]));
    rows[kind] = row;
    for (const ref of spec.references ?? []) {
      ref.columns.forEach((c, i) => (row[c] = rows[ref.kind][ref.toColumns[i]!]!));
    }
    for (let tries = 0; tries < columns.length; tries++) {
      const result = validateRow(spec, Object.fromEntries(Object.entries(row).map(([k, v]) => [k, cleanText(v)])));
      const optional = result.ok ? [] : result.issues.filter((i) => columns.some((c) => c.name === i.column && !c.meta.required && row[c.name] !== ""));
      if (optional.length === 0) break;
      for (const issue of optional) row[issue.column] = "";
    }
  }
  return rows;
}

/** Every column that a reference of the kind reads. */
export function referenceColumns(kind: KindName): Set<string> {
  return new Set(((kinds[kind] as KindSpec).references ?? []).flatMap((r) => r.columns));
}

/**
 * The key column made different on each row of a file, so that rows do not reject each other as
 * duplicates: one not read by a reference (the references must keep finding the clean rows),
 * text before numbers before dates (a date could break a rule on its order with another date),
 * and not `mutated` when another will do. Undefined for a kind without such a key column.
 */
export function distinctKeyColumn(kind: KindName, mutated?: string): ContractColumn | undefined {
  const refs = referenceColumns(kind);
  const rank = (c: ContractColumn) => ["text", "count", "year", "date"].indexOf(c.meta.type.kind);
  const key = ((kinds[kind] as KindSpec).key ?? []) as readonly string[];
  const candidates = columnsOf(kind)
    .filter((c) => key.includes(c.name) && !refs.has(c.name) && rank(c) >= 0)
    .sort((a, b) => rank(a) - rank(b));
  return candidates.find((c) => c.name !== mutated) ?? candidates[0];
}

/** The column's clean value made the `i`-th of its kind (text and numbers within their range). */
export function distinctValue(column: ContractColumn, clean: string, i: number): string {
  const type = column.meta.type;
  switch (type.kind) {
    case "text":
      return `${clean} ${i}`;
    case "count":
    case "year":
      return String(type.min + ((Number(clean) - type.min + 1 + i) % (Math.min(type.max, 1_000_000) - type.min + 1)));
    case "date":
      return dateText(1 + i);
    default:
      return clean;
  }
}

/** A kind's file with the contract's own headers, `;`-separated, quoted as Excel does. */
/** A file name the ingest reads as `kind` (`xa.csv` for the communes, `plan_lines_2.csv`…). */
export function fileName(kind: KindName, suffix = ""): string {
  return `${filePrefix(kinds[kind] as KindSpec)}${suffix}.csv`;
}

export function csvOf(kind: KindName, rows: readonly Cells[]): {text: string; columns: {name: string; header: string; extra: boolean}[]} {
  const columns = columnsOf(kind).map((c) => ({name: c.name, header: c.meta.header, extra: false}));
  const lines = [columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => r[c.name] ?? ""))];
  return {text: lines.map((l) => l.map((cell) => quoteCell(cell, ";")).join(";")).join("\r\n") + "\r\n", columns};
}
