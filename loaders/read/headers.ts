// Header matching: case-, space- and diacritic-insensitive, against the canonical name, the
// office's header and every alias of the contract.
import {columnMeta} from "../../src/lib/contract/fields.js";
import type {KindSpec} from "../../src/lib/contract/kinds.js";
import {hasPersonalColumns} from "../../src/lib/contract/personal.js";
import {cleanText, foldKey} from "../../src/lib/parse/text.js";
import {FileRefused} from "./errors.js";

export interface HeaderMap {
  /** For each position of the file: the canonical column, or null for an extra column. */
  columns: (string | null)[];
  /** Extra columns, kept as they are: position → header as written (or "Cột N" when blank). */
  extras: {position: number; header: string}[];
}

/**
 * The file's header (line 1) against the kind's columns. `below`: records under it (line 2 on),
 * where the column names are looked for when line 1 lacks them, to say where they are.
 */
export function matchHeaders(spec: KindSpec, header: readonly string[], file: string, below: readonly (readonly string[])[] = []): HeaderMap {
  const index = new Map<string, string>();
  for (const [name, schema] of Object.entries(spec.schema.shape)) {
    const meta = columnMeta(schema);
    for (const spelling of [name, meta.header, ...meta.aliases]) index.set(foldKey(spelling), name);
  }
  const required = Object.entries(spec.schema.shape).filter(([, schema]) => columnMeta(schema).required);
  // Offices often put a title (or leave a blank row) above the table: name the line that holds
  // the column names, and what to delete.
  const lower = () => {
    const at = below.findIndex((cells) => {
      const names = new Set(cells.map((c) => index.get(foldKey(cleanText(c) ?? ""))));
      return required.every(([name]) => names.has(name));
    });
    return at < 0 ? "" : ` Tên cột đang ở dòng ${at + 2}: hãy xóa ${at + 1} dòng phía trên để tên cột nằm ở dòng 1.`;
  };
  // An empty file (a failed export) or a blank line 1 says so, rather than that every column is
  // missing.
  if (header.every((h) => (cleanText(h) ?? "") === "")) {
    throw new FileRefused(file, `dòng 1 không có tên cột (tệp trống, hoặc dòng 1 để trống). Các cột cần có: ${requiredList(spec)}.${lower()}`);
  }
  const columns: (string | null)[] = [];
  const extras: HeaderMap["extras"] = [];
  const seen = new Map<string, string>();
  header.forEach((raw, position) => {
    const written = cleanText(raw) ?? "";
    const name = written === "" ? undefined : index.get(foldKey(written));
    if (name === undefined) {
      columns.push(null);
      // Nothing is lost: a column the contract does not know, even one without a header, is
      // kept as written.
      // Two such columns under one header keep both values: the later ones are numbered, since
      // extra_columns is a JSON object and a repeated key would keep only one of them.
      const base = written === "" ? `Cột ${position + 1}` : written;
      let header = base;
      for (let n = 2; extras.some((e) => e.header === header); n++) header = `${base} (${n})`;
      extras.push({position, header});
      return;
    }
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      throw new FileRefused(file, `hai cột "${earlier}" và "${written}" cùng là cột ${name}; hãy giữ một cột.`);
    }
    seen.set(name, written);
    columns.push(name);
  });
  const missing = required.filter(([name]) => !seen.has(name)).map(([name, schema]) => `${columnMeta(schema).header} (${name})`);
  if (missing.length > 0) {
    throw new FileRefused(
      file,
      `thiếu cột bắt buộc: ${missing.join(", ")}. Các cột cần có: ${requiredList(spec)}. ${foundList(spec, header, columns)}${lower()}`
    );
  }
  return {columns, extras};
}

/**
 * What line 1 holds, for the refusal. When line 1 is not the header (deleted, say), it is the
 * first data row: in a kind with personal columns (the register: owner, phone, CCCD) the cells
 * that are not column names are counted, not printed, since the refusal goes to the terminal,
 * `--json` runs and logs.
 */
function foundList(spec: KindSpec, header: readonly string[], columns: readonly (string | null)[]): string {
  const written = header.map((h) => cleanText(h) ?? "");
  if (!hasPersonalColumns(spec.name)) return `Các cột tìm thấy: ${written.filter((h) => h !== "").join(", ")}.`;
  const known = written.filter((h, i) => h !== "" && columns[i] !== null);
  const others = written.filter((h, i) => h !== "" && columns[i] === null).length;
  const parts = [...(known.length > 0 ? [`Các cột tìm thấy: ${known.join(", ")}.`] : []), ...(others > 0 ? [`${others} ô khác ở dòng 1 không phải tên cột (không in ra vì có thể là thông tin cá nhân).`] : [])];
  return parts.join(" ");
}

function requiredList(spec: KindSpec): string {
  return Object.entries(spec.schema.shape)
    .filter(([, schema]) => columnMeta(schema).required)
    .map(([name, schema]) => `${columnMeta(schema).header} (${name})`)
    .join(", ");
}
