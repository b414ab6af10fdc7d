// The first rejected rows and warnings of a run, for its summary: the office sees at once which
// row of which file to fix, without opening the site. Shown as the "Chất lượng dữ liệu" page
// shows them (src/lib/rejects.ts): the column's header, no personal data.
import type {DuckDBConnection} from "@duckdb/node-api";
import {ruleLabel} from "../src/lib/quality-labels.js";
import {kindOrder} from "../src/lib/contract/kinds.js";
import {showReject} from "../src/lib/contract/personal.js";
import {PERSONAL_VALUES_SQL, personalScrubber, showWarning, type RejectRecord, type ShownReject, type ShownWarning, type WarningRecord} from "../src/lib/rejects.js";
import {quoteLiteral as lit} from "./load/sql.js";

/** How many of each the summary lists; the rest are on the site. */
export const SHOWN_ROWS = 10;

export async function firstRows(conn: DuckDBConnection): Promise<{rejects: ShownReject[]; warnings: ShownWarning[]}> {
  // In the summary's order: kind by kind as the files are listed, then file and row.
  const order = `list_position([${kindOrder.map(lit).join(", ")}], kind), source_file, source_line`;
  const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS();
  const scrub = personalScrubber((await rows(PERSONAL_VALUES_SQL)).map((r) => String(r.v)));
  const rejects = (await rows(`
    SELECT kind, source_file, source_line, nullif(column_name, '') AS column_name, raw_value, reason
    FROM rejects ORDER BY ${order}, column_name LIMIT ${SHOWN_ROWS}`)) as RejectRecord[];
  const warnings = (await rows(`SELECT kind, source_file, source_line, rule, message FROM warnings ORDER BY ${order}, rule LIMIT ${SHOWN_ROWS}`)) as WarningRecord[];
  return {
    rejects: rejects.map((r) => showReject(r, scrub)),
    warnings: warnings.map((w) => showWarning(w, ruleLabel, scrub))
  };
}
