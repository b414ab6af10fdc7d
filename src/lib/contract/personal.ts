// What the contract says of a rejected cell when it is shown: its column's Vietnamese header, and
// whether its value is personal (owner name, phone, CCCD: `personal` in the contract) and hidden.
import {HIDDEN_VALUE, type RejectRecord, type ShownReject} from "../rejects.js";
import {columnMeta} from "./fields.js";
import {kindOrder, kinds, type KindName, type KindSpec} from "./kinds.js";

function spec(kind: string): KindSpec | undefined {
  return (kindOrder as readonly string[]).includes(kind) ? (kinds[kind as KindName] as KindSpec) : undefined;
}

function columnInfo(kind: string, column: string | null): {header: string | null; personal: boolean} {
  const schema = column === null ? undefined : spec(kind)?.schema.shape[column];
  if (!schema) return {header: null, personal: false};
  const meta = columnMeta(schema);
  return {header: meta.header, personal: meta.personal === true};
}

/** Whether the kind has a personal column: a line of its file may then hold personal data. */
export function hasPersonalColumns(kind: string): boolean {
  const s = spec(kind);
  return s !== undefined && Object.values(s.schema.shape).some((schema) => columnMeta(schema).personal === true);
}

/**
 * A rejected row as it may be shown. A cell of a personal column shows HIDDEN_VALUE, and so does a
 * row rejected whole (its raw value is the entire line) of a kind with personal columns.
 */
export function showReject(r: RejectRecord, scrub: (text: string | null) => string | null): ShownReject {
  const {header, personal} = columnInfo(r.kind, r.column_name);
  const hidden = personal || (r.column_name === null && hasPersonalColumns(r.kind));
  let reason = r.reason;
  if (hidden && r.raw_value !== null && r.raw_value !== "") reason = reason.split(r.raw_value).join(HIDDEN_VALUE);
  return {
    kind: r.kind,
    source_file: r.source_file,
    source_line: r.source_line,
    column_name: r.column_name,
    column_header: header,
    raw_value: hidden && r.raw_value !== null ? HIDDEN_VALUE : scrub(r.raw_value),
    reason: scrub(reason) ?? "",
    personal: hidden
  };
}
