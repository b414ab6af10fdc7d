// One commune's data grown N times, for the growth benchmark (bench/scale.ts): the sample's rows
// copied N times, copy i with its own keys (facility CS001 → CS001-i and its name "… (i)", lines
// numbered on, activities, vouchers, projects, survey forms and targets suffixed "-i"), so every
// key stays unique and every reference still finds its row. The support caps and the commune's
// xa.csv are written once. Written with the sample's own file specs (generate.ts sampleFiles).
import {mkdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import type {KindName} from "../../src/lib/contract/kinds.js";
import {writeFile, type Cells, type FileSpec, type SampleRow} from "./csv.js";
import {DEFAULT_SEED, MARKER_FILE, MARKER_TEXT, sampleFiles} from "./generate.js";

/** Copy `i` (1-based) of a cell of `column`; `lines` = the sample's number of plan lines a year. */
function copyCell(kind: KindName, column: string, value: string | number | undefined, i: number, lines: number): string | number | undefined {
  if (value === undefined || value === "" || i === 1) return value;
  const text = String(value);
  switch (column) {
    case "line_no":
      return Number(text) + (i - 1) * lines;
    case "establishment_id":
    case "project_id":
    case "activity_id":
    case "carried_from_id":
    case "voucher_no":
    case "survey_id":
    case "indicator":
      return `${text}-${i}`;
    case "establishment_name":
      return `${text} (${i})`;
    case "name":
      return kind === "establishments" ? `${text} (${i})` : value;
    default:
      return value;
  }
}

/** Writes the sample N times over into `outDir` (one file per kind and name of the sample). */
export function generateScaled(outDir: string, n: number, seed = DEFAULT_SEED): FileSpec[] {
  mkdirSync(outDir, {recursive: true});
  const specs = sampleFiles(seed);
  const lines = Math.max(...specs.filter((s) => s.kind === "plan_lines").flatMap((s) => s.rows.map((r) => Number(r.cells.line_no) || 0)));
  const once = new Set<KindName>(["communes", "norms"]);
  const scaled = specs.map((spec): FileSpec => {
    const copies = once.has(spec.kind) ? 1 : n;
    const rows: SampleRow[] = [];
    for (let i = 1; i <= copies; i++) {
      for (const row of spec.rows) {
        const cells: Cells = {};
        for (const [column, value] of Object.entries(row.cells)) cells[column] = copyCell(spec.kind, column, value, i, lines);
        rows.push({cells});
      }
    }
    return {...spec, rows};
  });
  for (const spec of scaled) writeFile(outDir, spec);
  writeFileSync(join(outDir, MARKER_FILE), MARKER_TEXT, "utf8");
  return scaled;
}
