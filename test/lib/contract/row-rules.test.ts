// An example for every row rule of every kind (kinds.ts `rules`): rows that break it are rejected
// with its reason under its column, by validateRow and by the real ingest (whose SQL lets a row
// through only when the rule's `sql` holds); rows that keep it, at its edge, load. The test reads
// the rules from the contract: a rule without an example fails it, and so does an example whose
// rule is gone.
//
// Mutations it caught (each made once in src/lib/contract/kinds.ts, the test failed, reverted):
//   - the communes' control-character rule made void (`holds: () => true`, `sql: "true"`): both
//     the validateRow and the ingest test failed (the three codes loaded);
//   - activities' carried_from_year rule made void (`holds: () => true`, `sql: "true"`): both
//     the validateRow and the ingest test failed (2026 → 2026 loaded);
//   - each of the 7 rules in turn (before issue 9's two carry-over rules) made void (`holds: () => true`, `sql: "true"`): both the
//     validateRow and the ingest test failed, for every one;
//   - the demand survey's rule removed (its JS check and its SQL): "an example names a rule that
//     is gone" and the breaking row loaded;
//   - a rule's `sql` made "true" (disbursements' amount <> 0): the ingest loaded the 0 voucher;
//   - a rule's `holds` made always true (plan targets): validateRow and the ingest loaded max < min;
//   - `<=` made `<` in the demand survey's SQL and JS: the row asking exactly its cost was rejected;
//   - the SQL's committed statuses without 'dang_thuc_hien': the activity under way without an
//     approved amount loaded.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {codeLists, committedStatuses} from "../../../src/lib/contract/codes.js";
import {kindOrder, kinds, type KindName, type KindSpec, type RowRule} from "../../../src/lib/contract/kinds.js";
import {validateRow} from "../../../src/lib/contract/validate.js";
import {cleanText} from "../../../src/lib/parse/text.js";
import {cleanup, closeAll, ingestFiles, type Warehouse} from "../../loaders/helpers.js";
import {cleanRows, csvOf, fileName, distinctKeyColumn, distinctValue, type Cells} from "./rows.js";

interface Example {
  kind: KindName;
  /** The rule's column (a kind's rules each have their own). */
  column: string;
  /** Cells over the kind's clean row that break the rule (and no other). */
  breaks: Cells[];
  /** Cells that keep it, at its edge. */
  holds: Cells[];
}

const notCommitted = codeLists.status.map((s) => s.code).filter((s) => !(committedStatuses as readonly string[]).includes(s));

const EXAMPLES: readonly Example[] = [
  // The ends of the control characters (U+0000, U+001F, U+007F) break it; a space (U+0020) keeps
  // it. The kept row's code is the clean row's: a data folder holds one commune.
  {
    kind: "communes",
    column: "commune_code",
    breaks: [{commune_code: "Hòa Đức\u0000commune_code"}, {commune_code: "Hòa Đức\u001fcommune_code"}, {commune_code: "Hòa Đức\u007fcommune_code"}],
    holds: [{commune_code: "Hòa Đức commune_code"}]
  },
  // 5 > 4 breaks it; 4 = 4 keeps it.
  {kind: "plan_targets", column: "target_max", breaks: [{target_min: "5", target_max: "4"}], holds: [{target_min: "4", target_max: "4"}, {target_min: "0", target_max: "4"}]},
  {kind: "norms", column: "max_amount", breaks: [{max_amount: "", max_percent: ""}], holds: [{max_amount: "", max_percent: "30"}, {max_amount: "1.000.000", max_percent: ""}]},
  // Valid to the day before it starts breaks it; valid for one day keeps it.
  {kind: "norms", column: "valid_to", breaks: [{valid_from: "02/01/2026", valid_to: "01/01/2026"}], holds: [{valid_from: "01/01/2026", valid_to: "01/01/2026"}, {valid_to: ""}]},
  // Every committed status needs its amount; every other status does without.
  {
    kind: "activities",
    column: "approved_amount",
    breaks: committedStatuses.map((status) => ({status, approved_amount: ""})),
    holds: notCommitted.map((status) => ({status, approved_amount: ""}))
  },
  {
    kind: "activities",
    column: "completed_on",
    breaks: [{status: "hoan_thanh", completed_on: ""}, {status: "Hoàn thành", completed_on: ""}],
    holds: [{status: "hoan_thanh", completed_on: "05/03/2026"}, ...["dang_thuc_hien", ...notCommitted].map((status) => ({status, completed_on: ""}))]
  },
  // A carried activity names both its origin's year and id, or neither.
  {
    kind: "activities",
    column: "carried_from_id",
    breaks: [{carried_from_year: "2025", carried_from_id: ""}, {carried_from_year: "", carried_from_id: "Hòa Đức activity_id"}],
    holds: [{carried_from_year: "", carried_from_id: ""}]
  },
  // Carried from its own year (2026 → 2026) breaks it; from the year before (2026 → 2027) keeps it
  // (the origin is the clean 2026 row: same id, so the reference resolves).
  {
    kind: "activities",
    column: "carried_from_year",
    breaks: [{carried_from_year: "2026", carried_from_id: "Hòa Đức activity_id"}],
    holds: [{year: "2027", line_no: "", indicator: "", carried_from_year: "2026", carried_from_id: "Hòa Đức activity_id"}]
  },
  // 0 and −0 đồng are no voucher; 1 đồng and a recovery of 1 đồng are.
  {kind: "disbursements", column: "amount", breaks: [{amount: "0"}, {amount: "-0"}, {amount: "0 đồng"}], holds: [{amount: "1"}, {amount: "-1"}]},
  // Asking 1 đồng more than the cost breaks it; asking exactly the cost, or with no cost given, keeps it.
  {
    kind: "demand_survey",
    column: "requested_support",
    breaks: [{estimated_cost: "1.000.000", requested_support: "1.000.001"}],
    holds: [{estimated_cost: "1.000.000", requested_support: "1.000.000"}, {estimated_cost: "", requested_support: "1.000.001"}]
  }
];

const rulesOf = (kind: KindName) => ((kinds[kind] as KindSpec).rules ?? []) as readonly RowRule<Record<string, unknown>>[];
const ruleOf = (e: Example) => rulesOf(e.kind).find((r) => r.column === e.column);

const clean = cleanRows();

/** The example's rows, each over the clean row with a key of its own; `line` as written in the kind's file. */
interface Placed {
  example: Example;
  breaks: boolean;
  cells: Cells;
  line: number;
}

function placeRows(): {files: Record<string, string>; placed: Placed[]} {
  const placed: Placed[] = [];
  const files: Record<string, string> = {};
  for (const kind of kindOrder) {
    const rows: Cells[] = [clean[kind]];
    const distinct = distinctKeyColumn(kind);
    for (const example of EXAMPLES.filter((e) => e.kind === kind)) {
      for (const [cellsList, breaks] of [[example.breaks, true], [example.holds, false]] as const) {
        for (const over of cellsList) {
          const cells = {...clean[kind], ...over};
          if (distinct) cells[distinct.name] = distinctValue(distinct, clean[kind][distinct.name]!, rows.length);
          rows.push(cells);
          placed.push({example, breaks, cells, line: rows.length + 1});
        }
      }
    }
    files[fileName(kind)] = csvOf(kind, rows).text;
  }
  return {files, placed};
}

const {files, placed} = placeRows();
let w: Warehouse;

beforeAll(async () => {
  w = await ingestFiles(files);
});

afterAll(() => {
  closeAll();
  cleanup();
});

describe("every row rule has an example that bites", () => {
  it("every rule of every kind has an example, and every example names a rule of the contract", () => {
    const rules = kindOrder.flatMap((kind) => rulesOf(kind).map((r) => `${kind}.${r.column}`));
    const examples = EXAMPLES.map((e) => `${e.kind}.${e.column}`);
    expect(rules.filter((r) => !examples.includes(r)), "rules without an example").toEqual([]);
    expect(examples.filter((e) => !rules.includes(e)), "examples whose rule is gone").toEqual([]);
    expect(new Set(rules).size, "two rules of a kind on one column: give the examples the rule's reason").toBe(rules.length);
  });

  it("validateRow rejects each breaking row with the rule's reason under its column only, and loads each row keeping it", () => {
    for (const p of placed) {
      const rule = ruleOf(p.example);
      const result = validateRow(kinds[p.example.kind] as KindSpec, Object.fromEntries(Object.entries(p.cells).map(([k, v]) => [k, cleanText(v)])));
      const issues = result.ok ? [] : result.issues;
      const want = p.breaks ? [{column: p.example.column, reason: rule?.reason}] : [];
      expect(issues, `${p.example.kind} ${JSON.stringify(p.cells)}`).toEqual(want);
    }
  });

  it("the ingest rejects each breaking row with the rule's reason under its column only, and loads each row keeping it", async () => {
    const rejects = await w.query("SELECT kind, source_line, column_name, reason FROM rejects ORDER BY ALL");
    for (const p of placed) {
      const rule = ruleOf(p.example);
      const got = rejects.filter((r) => r.kind === p.example.kind && r.source_line === p.line).map((r) => ({column: r.column_name, reason: r.reason}));
      const loaded = Number(await w.scalar(`SELECT count(*) FROM ${p.example.kind} WHERE source_line = ${p.line}`));
      const what = `${p.example.kind} row ${p.line} ${JSON.stringify(p.cells)}`;
      expect({rejects: got, loaded}, what).toEqual(p.breaks ? {rejects: [{column: p.example.column, reason: rule?.reason}], loaded: 0} : {rejects: [], loaded: 1});
    }
    // The clean rows load too: nothing else in these files is at fault.
    expect(rejects.filter((r) => r.source_line === 2)).toEqual([]);
  });
});
