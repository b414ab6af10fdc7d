// Cell types of the contract. Each builder gives the zod schema that turns a cell's text into a
// typed value (or a Vietnamese reason), and registers what the rest of the project needs to know
// about the column: its type (the SQL fast path casts from it), header aliases, personal data.
import {z} from "zod";
import {codeLists, type Code, type CodeEntry, type CodeListName} from "./codes.js";
import {parseDate} from "../parse/dates.js";
import {parseMoney} from "../parse/money.js";
import {parseCount, parsePercent, parseYear} from "../parse/numbers.js";
import type {Parsed} from "../parse/result.js";
import {foldKey} from "../parse/text.js";

export type FieldType =
  | {kind: "text"}
  | {kind: "year"; min: number; max: number}
  | {kind: "count"; min: number; max: number}
  | {kind: "money"; signed: boolean}
  | {kind: "date"}
  | {kind: "percent"}
  | {kind: "code"; list: CodeListName};

export interface ColumnMeta {
  type: FieldType;
  /** The header the office writes (Vietnamese); also an alias. */
  header: string;
  aliases: readonly string[];
  required: boolean;
  /** Value used when the cell is empty. */
  default?: string | number;
  /** Personal data: kept in the warehouse, never handed to the site. */
  personal?: boolean;
  /** What the column means, for the data dictionary (Vietnamese). */
  help: string;
}

export const columnRegistry = z.registry<ColumnMeta>();

export function columnMeta(schema: z.ZodType): ColumnMeta {
  const meta = columnRegistry.get(schema);
  if (!meta) throw new Error("column schema without metadata");
  return meta;
}

/** Folded label/code/alias → code, for each code list. */
export const codeIndex: {[L in CodeListName]: ReadonlyMap<string, Code<L>>} = Object.fromEntries(
  Object.entries(codeLists).map(([name, entries]) => {
    const index = new Map<string, string>();
    for (const e of entries as readonly CodeEntry[]) {
      for (const spelling of [e.code, e.label, ...(e.aliases ?? [])]) index.set(foldKey(spelling), e.code);
    }
    return [name, index];
  })
) as never;

export function parseCode<L extends CodeListName>(list: L, text: string): Parsed<Code<L>> {
  const code = codeIndex[list].get(foldKey(text));
  if (code !== undefined) return {ok: true, value: code};
  const known = (codeLists[list] as readonly CodeEntry[]).map((e) => e.code).join(", ");
  return {ok: false, reason: `mã không có trong danh mục: "${text}" (dùng một trong: ${known}, hoặc tên tiếng Việt của mã)`};
}

/** A cell's text (already cleaned) as its column type's value. */
export function parseCell(type: FieldType, text: string): Parsed<unknown> {
  switch (type.kind) {
    case "text":
      return {ok: true, value: text};
    case "year":
      return parseYear(text, type);
    case "count":
      return parseCount(text, type);
    case "money":
      return parseMoney(text, type);
    case "date":
      return parseDate(text);
    case "percent":
      return parsePercent(text);
    case "code":
      return parseCode(type.list, text);
  }
}

type Out<T extends FieldType> = T extends {kind: "text" | "date"}
  ? string
  : T extends {kind: "money"}
    ? bigint
    : T extends {kind: "code"; list: infer L extends CodeListName}
      ? Code<L>
      : number;

interface ColumnOptions {
  aliases?: readonly string[];
  personal?: boolean;
  help?: string;
}

function cell<T extends FieldType>(type: T) {
  return z.string().transform((text, ctx): Out<T> => {
    const parsed = parseCell(type, text);
    if (parsed.ok) return parsed.value as Out<T>;
    ctx.issues.push({code: "custom", message: parsed.reason, input: text});
    return z.NEVER;
  });
}

const MISSING = "thiếu giá trị bắt buộc";

/** A column that must have a value. Cells arrive trimmed and NFC; an empty cell is `undefined`. */
export function required<T extends FieldType>(type: T, header: string, options: ColumnOptions = {}) {
  const schema = z.string({error: MISSING}).pipe(cell(type));
  schema.register(columnRegistry, meta(type, header, true, undefined, options));
  return schema;
}

/** A column that may be empty. */
export function optional<T extends FieldType>(type: T, header: string, options: ColumnOptions = {}) {
  const schema = cell(type).optional();
  schema.register(columnRegistry, meta(type, header, false, undefined, options));
  return schema;
}

/** A column that takes `fallback` when empty. */
export function defaulted<T extends FieldType>(type: T, header: string, fallback: Out<T> & (string | number), options: ColumnOptions = {}) {
  const schema = z
    .string()
    .optional()
    .transform((text) => text ?? String(fallback))
    .pipe(cell(type));
  schema.register(columnRegistry, meta(type, header, false, fallback, options));
  return schema;
}

function meta(type: FieldType, header: string, isRequired: boolean, fallback: string | number | undefined, o: ColumnOptions): ColumnMeta {
  return {
    type,
    header,
    aliases: o.aliases ?? [],
    required: isRequired,
    ...(fallback === undefined ? {} : {default: fallback}),
    ...(o.personal ? {personal: true} : {}),
    help: o.help ?? header
  };
}

export const t = {
  text: {kind: "text"},
  /** A year of the programme's records. */
  year: {kind: "year", min: 2000, max: 2100},
  /** A year in a facility's past (founding). */
  pastYear: {kind: "year", min: 1900, max: 2100},
  date: {kind: "date"},
  percent: {kind: "percent"},
  money: {kind: "money", signed: false},
  signedMoney: {kind: "money", signed: true},
  count: {kind: "count", min: 0, max: 1_000_000_000},
  range: (min: number, max: number) => ({kind: "count", min, max}) as const,
  code: <L extends CodeListName>(list: L) => ({kind: "code", list}) as const
} as const;
