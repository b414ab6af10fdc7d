// Reads the sample's CSV files the way the contract describes (independently of the ingest):
// BOM, detected delimiter, headers matched on folded canonical name / header / aliases, cells
// trimmed NFC, then validateRow, keys and references. Used by the sample tests only.
import {readFileSync, readdirSync} from "node:fs";
import {join} from "node:path";
import Papa from "papaparse";
import {columnMeta} from "../../../src/lib/contract/fields.js";
import {keyColumn, keyText, kindOfFile, kindOrder, kinds, referenceReason, type KindName, type KindSpec} from "../../../src/lib/contract/kinds.js";
import {validateRow} from "../../../src/lib/contract/validate.js";
import {cleanText, foldKey} from "../../../src/lib/parse/text.js";

export interface RawFile {
  name: string;
  kind: KindName;
  delimiter: string;
  header: string[];
  /** canonical column per header position (undefined: extra column) */
  columns: (string | undefined)[];
  /** cells by canonical column, one per data row, row i is spreadsheet line i + 2 */
  rows: Record<string, string | undefined>[];
}

export interface Failure {
  file: string;
  line: number;
  column: string;
  reason: string;
}

export interface Loaded {
  files: RawFile[];
  /** valid rows by kind, with file and line */
  rows: Record<KindName, {file: string; line: number; row: Record<string, unknown>}[]>;
  failures: Failure[];
}

function headerIndex(kind: KindName): Map<string, string> {
  const shape = kinds[kind].schema.shape as Record<string, Parameters<typeof columnMeta>[0]>;
  const index = new Map<string, string>();
  for (const [column, schema] of Object.entries(shape)) {
    const meta = columnMeta(schema);
    for (const spelling of [column, meta.header, ...meta.aliases]) index.set(foldKey(spelling), column);
  }
  return index;
}

export function readCsv(path: string, name: string): RawFile {
  const kind = kindOfFile(name);
  if (!kind) throw new Error(`not a data file: ${name}`);
  let text = readFileSync(path, "utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const firstLine = text.slice(0, text.indexOf("\n"));
  const delimiter = [";", ",", "\t"].map((d) => [d, firstLine.split(d).length] as const).sort((a, b) => b[1] - a[1])[0]![0];
  const parsed = Papa.parse<string[]>(text, {delimiter, skipEmptyLines: true});
  if (parsed.errors.length > 0) throw new Error(`${name}: ${parsed.errors[0]!.message}`);
  const [header = [], ...data] = parsed.data;
  const index = headerIndex(kind);
  const columns = header.map((h) => index.get(foldKey(h)));
  const rows = data.map((cells) => {
    const row: Record<string, string | undefined> = {};
    columns.forEach((c, i) => {
      if (c !== undefined) row[c] = cleanText(cells[i]);
    });
    return row;
  });
  return {name, kind, delimiter, header, columns, rows};
}

const valueKey = (row: Record<string, unknown>, columns: readonly string[]) => columns.map((c) => String(row[c])).join("\u0000");

/** Every data file of `dir`, in load order (kind order, then file name). */
export function loadDir(dir: string): Loaded {
  const names = readdirSync(dir).filter((n) => kindOfFile(n) !== undefined).sort();
  const files = names.map((n) => readCsv(join(dir, n), n));
  const rows = Object.fromEntries(kindOrder.map((k) => [k, []])) as unknown as Loaded["rows"];
  const failures: Failure[] = [];
  for (const kind of kindOrder) {
    const spec = kinds[kind] as unknown as KindSpec;
    const seen = new Set<string>();
    for (const file of files.filter((f) => f.kind === kind)) {
      file.rows.forEach((cells, i) => {
        const line = i + 2;
        const result = validateRow(spec, cells);
        if (!result.ok) {
          for (const issue of result.issues) failures.push({file: file.name, line, column: issue.column, reason: issue.reason});
          return;
        }
        const row = result.row as Record<string, unknown>;
        if (spec.key) {
          const k = keyText(spec.key, row);
          if (seen.has(k)) {
            failures.push({file: file.name, line, column: keyColumn(spec.key), reason: "trùng khóa"});
            return;
          }
          seen.add(k);
        }
        for (const ref of spec.references ?? []) {
          if (ref.columns.some((c) => row[c] === undefined)) continue;
          const want = valueKey(row, ref.columns);
          const found = rows[ref.kind].some((t) => valueKey(t.row, ref.toColumns) === want);
          if (!found) {
            failures.push({file: file.name, line, column: ref.columns[ref.columns.length - 1]!, reason: referenceReason(ref.reason, (c) => String(row[c]))});
            return;
          }
        }
        rows[kind].push({file: file.name, line, row});
      });
    }
  }
  return {files, rows, failures};
}
