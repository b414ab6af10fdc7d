// What the ingest must make of a data folder, worked out from the contract alone (validateRow,
// the kinds' keys and references, the name matching of facilities) with no SQL, and the list of
// differences between that and a warehouse. The property test (consistency.test.ts) and the
// near-miss matrix (test/lib/contract/near-miss.test.ts) both hold the ingest to it.
import {keyColumn, keyText, kindOrder, kinds, type KindName, type KindSpec} from "../../src/lib/contract/kinds.js";
import {validateRow} from "../../src/lib/contract/validate.js";
import {cleanText, nameKey} from "../../src/lib/parse/text.js";
import type {Query} from "./helpers.js";

/** A file as written: its columns (canonical, or an extra header) and its records as a spreadsheet numbers them. */
export interface WrittenFile {
  kind: KindName;
  name: string;
  columns: readonly {name: string; header: string; extra: boolean}[];
  /** A record of one empty cell is a blank line; `label` names the record in a difference. */
  records: readonly {line: number; cells: readonly string[]; label?: string}[];
}

export interface ExpectedFile {
  read: number;
  loaded: Map<number, Record<string, unknown>>;
  /** Line → the columns its rejects name ("" for a row that is not a row of the table). */
  rejected: Map<number, Set<string>>;
  extras: Map<number, unknown>;
}

type Typed = {file: string; line: number; row: Record<string, unknown>};

function keyOf(row: Record<string, unknown>, cols: readonly string[]): string {
  return JSON.stringify(cols.map((c) => (row[c] === undefined ? null : String(row[c]))));
}

export function oracle(files: readonly WrittenFile[]): Map<string, ExpectedFile> {
  const expected = new Map<string, ExpectedFile>();
  const loadedByKind = new Map<KindName, Typed[]>();
  for (const kind of kindOrder) {
    const own = files.filter((p) => p.kind === kind).sort((a, b) => (a.name < b.name ? -1 : 1));
    const spec = kinds[kind] as KindSpec;
    const valid: Typed[] = [];
    for (const file of own) {
      const entry: ExpectedFile = {read: 0, loaded: new Map(), rejected: new Map(), extras: new Map()};
      expected.set(file.name, entry);
      const width = file.columns.length;
      for (const rec of file.records) {
        if (rec.cells.every((c) => c === "")) continue; // a blank row is not a row
        entry.read++;
        if (rec.cells.length !== width) {
          entry.rejected.set(rec.line, new Set([""]));
          continue;
        }
        const cells: Record<string, string | undefined> = {};
        const extras: Record<string, string | null> = {};
        file.columns.forEach((c, i) => {
          if (c.extra) extras[c.header] = rec.cells[i] === "" ? null : rec.cells[i]!;
          else cells[c.name] = cleanText(rec.cells[i]);
        });
        entry.extras.set(rec.line, Object.values(extras).every((v) => v === null) ? null : extras);
        const result = validateRow(spec, cells);
        if (!result.ok) entry.rejected.set(rec.line, new Set(result.issues.map((i) => i.column)));
        else valid.push({file: file.name, line: rec.line, row: result.row as Record<string, unknown>});
      }
    }
    valid.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
    // A folder holds one commune: a row of xa.csv naming another than the folder's first row is
    // rejected on the first column that differs (loaders/load/communes.ts).
    const first = valid[0]?.row;
    const settled =
      kind !== "communes" || first === undefined
        ? valid
        : valid.filter((t) => {
            const column = ["commune_code", "name", "province"].find((c) => t.row[c] !== first[c]);
            if (column !== undefined) expected.get(t.file)!.rejected.set(t.line, new Set([column]));
            return column === undefined;
          });
    // The first row of a key wins.
    let current = settled;
    if (spec.key && spec.key.length > 0) {
      const seen = new Set<string>();
      current = [];
      for (const t of settled) {
        const k = keyText(spec.key, t.row);
        if (seen.has(k)) expected.get(t.file)!.rejected.set(t.line, new Set([keyColumn(spec.key)]));
        else (seen.add(k), current.push(t));
      }
    }
    // One reference after the other, each against the rows still there (a reference to the
    // kind's own rows sees the rows the earlier references left).
    for (const ref of spec.references ?? []) {
      const targets = new Set((ref.kind === kind ? current : (loadedByKind.get(ref.kind) ?? [])).map((r) => keyOf(r.row, ref.toColumns)));
      current = current.filter((t) => {
        if (ref.columns.some((c) => t.row[c] === undefined) || targets.has(keyOf(t.row, ref.columns))) return true;
        expected.get(t.file)!.rejected.set(t.line, new Set([ref.columns[ref.columns.length - 1]!]));
        return false;
      });
    }
    if ("establishment_name" in spec.schema.shape && "establishment_id" in spec.schema.shape) {
      current = current.map((t) => ({...t, row: {...t.row, establishment_id: t.row.establishment_id ?? registerMatch(loadedByKind, t.row.establishment_name)}}));
    }
    loadedByKind.set(kind, current);
    for (const t of current) expected.get(t.file)!.loaded.set(t.line, t.row);
  }
  return expected;
}

/** A facility named without an id takes the register's id when exactly one facility has that name. */
function registerMatch(loaded: Map<KindName, Typed[]>, name: unknown): unknown {
  if (name === undefined) return undefined;
  const ids = (loaded.get("establishments") ?? []).filter((e) => nameKey(String(e.row.name)) === nameKey(String(name)));
  return ids.length === 1 ? ids[0]!.row.establishment_id : undefined;
}

function asWarehouse(v: unknown): unknown {
  if (v === undefined) return null;
  if (typeof v === "bigint") return v.toString();
  return v;
}

/** Every way the warehouse differs from the oracle: counts, loaded rows and values, reject columns, extra columns. */
export async function differences(w: Query, files: readonly WrittenFile[], expected: Map<string, ExpectedFile>): Promise<string[]> {
  const problems: string[] = [];
  const sf = await w.query("SELECT source_file, rows_read, rows_loaded, rows_rejected FROM source_files");
  for (const f of sf) {
    const e = expected.get(String(f.source_file))!;
    const counts = [f.rows_read, f.rows_loaded, f.rows_rejected];
    const want = [e.read, e.loaded.size, e.rejected.size];
    if (JSON.stringify(counts) !== JSON.stringify(want)) problems.push(`${f.source_file}: read/loaded/rejected ${counts.join("/")}, oracle ${want.join("/")}`);
    if (Number(f.rows_read) !== Number(f.rows_loaded) + Number(f.rows_rejected)) problems.push(`${f.source_file}: rows read ≠ loaded + rejected`);
  }
  if (sf.length !== files.length) problems.push(`${sf.length} files in source_files for ${files.length} written`);
  const rejects = await w.query("SELECT source_file, source_line, column_name FROM rejects");
  for (const kind of new Set(files.map((f) => f.kind))) {
    const rows = await w.query(`SELECT * FROM ${kind}`);
    const byLine = new Map(rows.map((r) => [`${r.source_file}#${r.source_line}`, r]));
    for (const p of files.filter((x) => x.kind === kind)) {
      const e = expected.get(p.name)!;
      const records = new Map(p.records.map((r) => [r.line, r]));
      const what = (line: number) => {
        const r = records.get(line)!;
        return `${r.label === undefined ? "" : `${r.label}; `}cells ${JSON.stringify(r.cells)}`;
      };
      for (const [line, want] of e.loaded) {
        const got = byLine.get(`${p.name}#${line}`);
        if (!got) {
          const why = rejects.filter((r) => r.source_file === p.name && r.source_line === line).map((r) => r.column_name);
          problems.push(`${p.name} row ${line}: validateRow loads it, the ingest rejected it (${why.join(", ")}); ${what(line)}`);
          continue;
        }
        byLine.delete(`${p.name}#${line}`);
        for (const col of Object.keys((kinds[kind] as KindSpec).schema.shape)) {
          if (got[col] !== asWarehouse(want[col])) {
            problems.push(`${p.name} row ${line} ${col}: ${JSON.stringify(asWarehouse(want[col]))} to validateRow, ${JSON.stringify(got[col])} in the warehouse; ${what(line)}`);
          }
        }
        const extras = e.extras.get(line);
        const gotExtras = got.extra_columns === null ? null : JSON.parse(String(got.extra_columns));
        if (JSON.stringify(gotExtras) !== JSON.stringify(extras)) problems.push(`${p.name} row ${line}: extra_columns ${JSON.stringify(gotExtras)}, written ${JSON.stringify(extras)}`);
      }
      for (const [line, columns] of e.rejected) {
        const got = new Set(rejects.filter((r) => r.source_file === p.name && r.source_line === line).map((r) => String(r.column_name)));
        if (JSON.stringify([...got].sort()) !== JSON.stringify([...columns].sort())) {
          problems.push(`${p.name} row ${line}: rejected under ${JSON.stringify([...got])}, oracle ${JSON.stringify([...columns])}; ${what(line)}`);
        }
      }
    }
    for (const [k, r] of byLine) problems.push(`${k}: loaded, but validateRow or the keys/references refuse it: ${JSON.stringify(r)}`);
  }
  return problems;
}
