// Writing CSV files the way the commune office's Excel saves them: UTF-8 with a BOM, CRLF line
// ends (a line break inside a cell stays a bare LF, as Alt+Enter gives), `;` as the Vietnamese
// list separator (some files `,` or tab), cells quoted only when they need it.
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {columnMeta} from "../../src/lib/contract/fields.js";
import {kinds, type KindName} from "../../src/lib/contract/kinds.js";

export const BOM = "\ufeff";
export const CRLF = "\r\n";
export type Delimiter = ";" | "," | "\t";

/** 20000000 → "20.000.000"; negative amounts keep their minus sign. */
export function money(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`money must be whole đồng: ${value}`);
  const sign = value < 0 ? "-" : "";
  return sign + String(Math.abs(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/** ISO yyyy-mm-dd → dd/mm/yyyy. */
export function dmy(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return `${m[3]}/${m[2]}/${m[1]}`;
}

export function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The Vietnamese header the office writes for a canonical column. */
export function headerOf(kind: KindName, column: string): string {
  const shape = kinds[kind].schema.shape as Record<string, Parameters<typeof columnMeta>[0]>;
  const schema = shape[column];
  if (!schema) throw new Error(`${kind} has no column ${column}`);
  return columnMeta(schema).header;
}

export function quoteCell(text: string, delimiter: Delimiter): string {
  if (text.includes(delimiter) || text.includes('"') || text.includes("\n") || text.includes("\r")) {
    return `"${text.replace(/"/g, '""')}"`;
  }
  return text;
}

export function csvLine(cells: readonly string[], delimiter: Delimiter): string {
  return cells.map((c) => quoteCell(c, delimiter)).join(delimiter) + CRLF;
}

/** A row of cells by canonical column; a missing or undefined cell is written empty. */
export type Cells = Record<string, string | number | undefined>;

/** A row the generator breaks on purpose (see BAD_ROWS in generate.ts). */
export interface BadMark {
  column: string;
  why: string;
}

export interface SampleRow {
  cells: Cells;
  bad?: BadMark;
}

export interface FileSpec {
  name: string;
  kind: KindName;
  delimiter: Delimiter;
  /** Canonical columns in the order written. */
  columns: readonly string[];
  /** Header per column; default: the contract's Vietnamese header. */
  headers?: Partial<Record<string, string>>;
  /** Columns the contract does not know (kept by the ingest as extra columns). */
  extraColumns?: readonly string[];
  rows: readonly SampleRow[];
}

export interface WrittenBadRow {
  file: string;
  /** Row number as the spreadsheet shows it: header 1, first data row 2. */
  line: number;
  column: string;
  value: string;
  why: string;
}

export function renderFile(spec: FileSpec): {text: string; bad: WrittenBadRow[]} {
  const header = [
    ...spec.columns.map((c) => spec.headers?.[c] ?? headerOf(spec.kind, c)),
    ...(spec.extraColumns ?? [])
  ];
  let text = BOM + csvLine(header, spec.delimiter);
  const bad: WrittenBadRow[] = [];
  spec.rows.forEach((row, i) => {
    const cells = [...spec.columns, ...(spec.extraColumns ?? [])].map((c) => {
      const v = row.cells[c];
      return v === undefined ? "" : String(v);
    });
    text += csvLine(cells, spec.delimiter);
    if (row.bad) {
      const v = row.cells[row.bad.column];
      bad.push({file: spec.name, line: i + 2, column: row.bad.column, value: v === undefined ? "" : String(v), why: row.bad.why});
    }
  });
  return {text, bad};
}

export function writeFile(dir: string, spec: FileSpec): {rows: number; bytes: number; bad: WrittenBadRow[]} {
  const {text, bad} = renderFile(spec);
  const buf = Buffer.from(text, "utf8");
  writeFileSync(join(dir, spec.name), buf);
  return {rows: spec.rows.length, bytes: buf.length, bad};
}
