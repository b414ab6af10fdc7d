// Data loader for "Chất lượng dữ liệu" (src/chat-luong-du-lieu.md): the last ingest run, its files
// (and those of the folder it did not load), the data tests, every rejected row and every warning (views of loaders/sql/marts/site_quality.sql).
//
// Personal data is hidden as src/lib/rejects.ts says (the ingest's summary shows rejects the same
// way): a personal cell, a row of a kind with personal columns rejected whole, and any personal
// value of the register quoted in a text.
import path from "node:path";
import {fileURLToPath} from "node:url";
import {kindOrder, kinds} from "../lib/contract/kinds.js";
import {showReject} from "../lib/contract/personal.js";
import {PERSONAL_VALUES_SQL, personalScrubber, showWarning, type RejectRecord, type WarningRecord} from "../lib/rejects.js";
import {ruleLabel, skippedReasonLabel, testLabel} from "../lib/quality-labels.js";
import type {FileRow, Run} from "../components/quality-summary.js";
import {type Row, type Sources, hasRelation} from "../lib/warehouse/json.js";

/** The last run, as the page's summary reads it. */
export type QualityRun = Run & Row;

/** A source file with its counts, as the page's summary reads it. */
export type QualityFile = FileRow & Row;

export default async function quality(sources: Sources) {
  const {query} = sources;
  if (!(await hasRelation(sources, "site_quality_rejects"))) {
    throw new Error("Kho dữ liệu được dựng trước khi có view site_quality_rejects: chạy lại npm run ingest.");
  }
  const [run] = await query<QualityRun>(
    "SELECT run_id, started_at, finished_at, data_dir, status, is_sample, data_as_of FROM ingest_runs ORDER BY started_at DESC LIMIT 1"
  );
  // Kind by kind, as the ingest's summary lists them (kinds load side by side, so the table's own
  // order varies from run to run), then by name.
  const rank = (kind: string) => (kindOrder as readonly string[]).indexOf(kind);
  const files = (
    await query<QualityFile>(
      `SELECT source_file, kind, sha256, bytes, encoding, delimiter, reader, rows_read, rows_loaded, rows_rejected, blank_rows, warnings
         FROM site_quality_files WHERE commune_code = $commune`
    )
  ).sort((a, b) => rank(a.kind) - rank(b.kind) || a.source_file.localeCompare(b.source_file));
  const tests = (await hasRelation(sources, "data_tests"))
    ? await query<{test: string; failures: number; example: string | null}>("SELECT test, failures, example FROM data_tests ORDER BY test")
    : [];
  // Warehouses built before skipped_files existed have no such view: nothing to list then.
  const skipped = (await hasRelation(sources, "site_quality_skipped_files"))
    ? (await query<{source_file: string; reason: string}>("SELECT source_file, reason FROM site_quality_skipped_files WHERE commune_code = $commune")).map((f) => ({...f, label: skippedReasonLabel(f.reason)}))
    : [];
  const rawRejects = await query<RejectRecord>("SELECT kind, source_file, source_line, column_name, raw_value, reason FROM site_quality_rejects WHERE commune_code = $commune");
  const warnings = await query<WarningRecord>("SELECT kind, source_file, source_line, rule, message FROM site_quality_warnings WHERE commune_code = $commune");

  const scrub = personalScrubber((await query<{v: string}>(PERSONAL_VALUES_SQL)).map((r) => r.v));
  const rejects = rawRejects.map((r) => showReject(r, scrub));

  return {
    run: run ? {...run, data_dir: projectRelative(run.data_dir)} : null,
    kinds: Object.fromEntries(kindOrder.map((k) => [k, kinds[k].title])),
    files,
    skipped,
    tests: tests.map((t) => ({test: t.test, label: testLabel(t.test), failures: t.failures, example: scrub(t.example)})),
    rejects,
    warnings: warnings.map((w) => showWarning(w, ruleLabel, scrub))
  };
}

/**
 * The data folder as the page shows it: relative to the project (`data`), never the absolute path
 * the ingest was given, which names the machine's folders (on Windows, C:\Users\<account>\…).
 * A folder on another drive shows its name only.
 */
function projectRelative(dir: string): string {
  const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
  const relative = path.relative(projectRoot, path.resolve(projectRoot, dir));
  return path.isAbsolute(relative) ? path.basename(dir) : relative.split(path.sep).join("/") || ".";
}
