// One row against its kind: the cell types (zod), then the rules across its cells.
import type {z} from "zod";
import type {KindSpec} from "./kinds.js";

export interface Issue {
  column: string;
  reason: string;
}

export type RowResult<Row> = {ok: true; row: Row} | {ok: false; issues: Issue[]};

/** `cells`: canonical column → trimmed NFC text, absent when the cell is empty. */
export function validateRow<S extends z.ZodObject>(spec: KindSpec<S>, cells: Record<string, string | undefined>): RowResult<z.output<S>> {
  const parsed = spec.schema.safeParse(cells);
  if (!parsed.success) {
    return {ok: false, issues: parsed.error.issues.map((i) => ({column: String(i.path[0] ?? ""), reason: i.message}))};
  }
  const row = parsed.data as z.output<S>;
  for (const fill of spec.fills ?? []) {
    if (row[fill.column] === undefined) (row as Record<string, unknown>)[fill.column] = fill.value(row);
  }
  const broken = (spec.rules ?? []).filter((rule) => !rule.holds(row));
  if (broken.length > 0) return {ok: false, issues: broken.map((r) => ({column: r.column, reason: r.reason}))};
  return {ok: true, row};
}
