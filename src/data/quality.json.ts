// Data loader for "Chất lượng dữ liệu" (src/chat-luong-du-lieu.md): the last ingest run, its files,
// the data tests, every rejected row and every warning (views of loaders/sql/marts/site_quality.sql).
//
// Personal data: a rejected cell of a personal column (owner name, phone, CCCD: `personal` in the
// contract) shows "(thông tin cá nhân, ẩn)" instead of its value, and so does a row rejected as a
// whole (its raw value is the entire line) of a kind that has personal columns. As a second guard,
// any personal value of the register that still appears in a text is masked too.
import {columnMeta} from "../lib/contract/fields.js";
import {kindOrder, kinds, type KindName, type KindSpec} from "../lib/contract/kinds.js";
import {HIDDEN_VALUE, ruleLabel, testLabel} from "../components/quality-labels.js";
import type {FileRow, Run} from "../components/quality-summary.js";
import type {RejectRow, WarningRow} from "../components/quality-tables.js";
import {hasRelation, withWarehouse, writeJson, type Row} from "./warehouse.js";

/** The last run, as the page's summary reads it. */
export type QualityRun = Run & Row;

/** A source file with its counts, as the page's summary reads it. */
export type QualityFile = FileRow & Row;

/** A rejected row, as the page's table reads it. */
export type QualityReject = RejectRow & Row;

/** A warning, as the page's table reads it. */
export type QualityWarning = WarningRow & Row;

function spec(kind: string): KindSpec | undefined {
  return (kindOrder as readonly string[]).includes(kind) ? (kinds[kind as KindName] as KindSpec) : undefined;
}

function columnInfo(kind: string, column: string | null): {header: string | null; personal: boolean} {
  const s = spec(kind);
  if (!s || column === null) return {header: null, personal: false};
  const schema = s.schema.shape[column];
  if (!schema) return {header: null, personal: false};
  const meta = columnMeta(schema);
  return {header: meta.header, personal: meta.personal === true};
}

function hasPersonalColumns(kind: string): boolean {
  const s = spec(kind);
  return s !== undefined && Object.values(s.schema.shape).some((schema) => columnMeta(schema).personal === true);
}

const quality = await withWarehouse(async (query) => {
  if (!(await hasRelation(query, "site_quality_rejects"))) {
    throw new Error("Kho dữ liệu được dựng trước khi có view site_quality_rejects: chạy lại npm run ingest.");
  }
  const [run] = await query<QualityRun>(
    "SELECT run_id, started_at, finished_at, data_dir, status, is_sample, data_as_of FROM ingest_runs ORDER BY started_at DESC LIMIT 1"
  );
  const files = await query<QualityFile>(
    `SELECT source_file, kind, sha256, bytes, encoding, delimiter, reader, rows_read, rows_loaded, rows_rejected, blank_rows, warnings
       FROM site_quality_files`
  );
  const tests = (await hasRelation(query, "data_tests"))
    ? await query<{test: string; failures: number; example: string | null}>("SELECT test, failures, example FROM data_tests ORDER BY test")
    : [];
  const rawRejects = await query<{kind: string; source_file: string; source_line: number; column_name: string | null; raw_value: string | null; reason: string}>(
    "SELECT kind, source_file, source_line, column_name, raw_value, reason FROM site_quality_rejects"
  );
  const warnings = await query<{kind: string; source_file: string; source_line: number; rule: string; message: string}>("SELECT kind, source_file, source_line, rule, message FROM site_quality_warnings");

  // Every personal value the register holds (long enough to be recognisable), longest first.
  const personal = (
    await query<{v: string}>(
      `SELECT DISTINCT v FROM (SELECT unnest([owner_name, phone, national_id]) AS v FROM establishments)
        WHERE v IS NOT NULL AND length(v) >= 4`
    )
  )
    .map((r) => r.v)
    .sort((a, b) => b.length - a.length);
  const scrub = (text: string | null): string | null => {
    if (text === null) return null;
    let out = text;
    for (const v of personal) if (out.includes(v)) out = out.split(v).join(HIDDEN_VALUE);
    return out;
  };

  const rejects: QualityReject[] = rawRejects.map((r) => {
    const {header, personal: isPersonal} = columnInfo(r.kind, r.column_name);
    const hidden = isPersonal || (r.column_name === null && hasPersonalColumns(r.kind));
    const raw = r.raw_value;
    let reason = r.reason;
    if (hidden && raw !== null && raw !== "") reason = reason.split(raw).join(HIDDEN_VALUE);
    return {
      kind: r.kind,
      source_file: r.source_file,
      source_line: r.source_line,
      column_name: r.column_name,
      column_header: header,
      raw_value: hidden && raw !== null ? HIDDEN_VALUE : scrub(raw),
      reason: scrub(reason) ?? "",
      personal: hidden
    };
  });

  return {
    run: run ?? null,
    kinds: Object.fromEntries(kindOrder.map((k) => [k, kinds[k].title])),
    files,
    tests: tests.map((t) => ({test: t.test, label: testLabel(t.test), failures: t.failures, example: scrub(t.example)})),
    rejects,
    warnings: warnings.map((w) => ({...w, rule_label: ruleLabel(w.rule), message: scrub(w.message) ?? ""}))
  };
});

writeJson(quality);
