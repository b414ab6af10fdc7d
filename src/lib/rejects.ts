// A rejected row or a warning as the office is shown it, on the "Chất lượng dữ liệu" page and in
// the ingest's summary alike: the column's Vietnamese header, and no personal data. Personal data
// (owner name, phone, CCCD: `personal` in the contract) stays in the commune's own warehouse.
// Light on purpose: the page bundles it, so the contract (and zod) stay out; showReject(), which
// needs the contract, is in contract/personal.ts.

/** What a personal value shows instead of itself. */
export const HIDDEN_VALUE = "(thông tin cá nhân, ẩn)";

// Types, not interfaces: a row type must be assignable to the data loaders' Row (an index signature).
/** A row of the warehouse's `rejects` table. */
export type RejectRecord = {
  kind: string;
  source_file: string;
  source_line: number;
  column_name: string | null;
  raw_value: string | null;
  reason: string;
};

/** A rejected row as shown: the column's Vietnamese header, personal values hidden. */
export type ShownReject = RejectRecord & {
  column_header: string | null;
  /** The value (or, for a row rejected whole, the line) held personal data and is hidden. */
  personal: boolean;
};

/**
 * Masks every personal value of the register (`values`: the owner names, phones and CCCD numbers
 * the warehouse holds) that appears in a text: a second guard for texts that quote a cell.
 */
export function personalScrubber(values: readonly string[]): (text: string | null) => string | null {
  // Long enough to be recognisable; longest first, so that a value inside another goes with it.
  const masked = values.filter((v) => v.length >= 4).sort((a, b) => b.length - a.length);
  return (text) => {
    if (text === null) return null;
    let out = text;
    for (const v of masked) if (out.includes(v)) out = out.split(v).join(HIDDEN_VALUE);
    return out;
  };
}

/** A row of the warehouse's `warnings` table. */
export type WarningRecord = {
  kind: string;
  source_file: string;
  source_line: number;
  rule: string;
  message: string;
};

/** A warning as shown: its rule's Vietnamese name (`label`: quality-labels.ts), personal values hidden. */
export type ShownWarning = WarningRecord & {rule_label: string};

export function showWarning(w: WarningRecord, label: (rule: string) => string, scrub: (text: string | null) => string | null): ShownWarning {
  return {...w, rule_label: label(w.rule), message: scrub(w.message) ?? ""};
}

/** The register's personal values, as personalScrubber() takes them. */
export const PERSONAL_VALUES_SQL = `
  SELECT DISTINCT v FROM (SELECT unnest([owner_name, phone, national_id]) AS v FROM establishments) WHERE v IS NOT NULL`;

/** The column a reject names: its header, else its code, else the whole row. */
export function columnText(r: ShownReject): string {
  return r.column_header ?? (r.column_name ? r.column_name : "(cả dòng)");
}

/** The rejected value, or that the cell was empty. */
export function valueText(r: ShownReject): string {
  return r.raw_value === null || r.raw_value === "" ? "(ô trống)" : r.raw_value;
}
