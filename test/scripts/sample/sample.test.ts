import {mkdtempSync, readFileSync, readdirSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {columnMeta} from "../../../src/lib/contract/fields.js";
import {kinds} from "../../../src/lib/contract/kinds.js";
import {nameKey} from "../../../src/lib/parse/text.js";
import {BAD_ROWS, DEFAULT_SEED, MARKER_FILE, generateSample} from "../../../scripts/sample/generate.js";
import {XSS_NAME} from "../../../scripts/sample/facilities.js";
import {loadDir, readCsv, type Loaded} from "./read.js";

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "kc-sample-"));
  dirs.push(d);
  return d;
}

let dir: string;
let loaded: Loaded;

beforeAll(() => {
  dir = tempDir();
  generateSample(dir);
  loaded = loadDir(dir);
});

afterAll(() => {
  for (const d of dirs) rmSync(d, {recursive: true, force: true});
});

const money = (v: unknown) => v as bigint;

describe("sample generator", () => {
  it("is deterministic: the same seed writes byte-identical files", () => {
    const other = tempDir();
    generateSample(other, DEFAULT_SEED);
    const names = readdirSync(dir).sort();
    expect(readdirSync(other).sort()).toEqual(names);
    for (const n of names) expect(readFileSync(join(other, n)).equals(readFileSync(join(dir, n))), n).toBe(true);
    const third = tempDir();
    generateSample(third, DEFAULT_SEED + 1);
    expect(readFileSync(join(third, "projects_2020_2025.csv")).equals(readFileSync(join(dir, "projects_2020_2025.csv")))).toBe(false);
  });

  it("writes the office's format: BOM, CRLF, detected delimiters, Vietnamese headers", () => {
    for (const f of loaded.files) {
      const bytes = readFileSync(join(dir, f.name));
      expect([...bytes.subarray(0, 3)], f.name).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString("utf8");
      expect(text.endsWith("\r\n"), f.name).toBe(true);
      // Every LF outside a quoted cell is preceded by CR.
      expect(text.replace(/"(?:[^"]|"")*"/g, "").match(/[^\r]\n/g), f.name).toBeNull();
      expect(f.columns.filter((c) => c !== undefined).length, f.name).toBeGreaterThan(3);
    }
    const delimiter = (n: string) => loaded.files.find((f) => f.name === n)!.delimiter;
    expect(delimiter("norms.csv")).toBe(",");
    expect(delimiter("projects_2020_2025.csv")).toBe("\t");
    expect(delimiter("plan_lines_2026.csv")).toBe(";");
    const q3 = loaded.files.find((f) => f.name === "disbursements_2026_q3.csv")!;
    expect(q3.header).toContain("So tien");
    expect(q3.columns).toContain("amount");
    const plan = loaded.files.find((f) => f.name === "plan_lines_2026.csv")!;
    expect(plan.header[0]).toBe(columnMeta(kinds.plan_lines.schema.shape.year).header);
    expect(readFileSync(join(dir, MARKER_FILE), "utf8")).toContain("npm run sample");
  });

  it("plan lines 2026 are the founding plan's table: 5 lines, 130.000.000 đ", () => {
    const lines = loaded.rows.plan_lines.map((r) => r.row);
    expect(loaded.failures.filter((f) => f.file.startsWith("plan_"))).toEqual([]);
    expect(lines.map((l) => l.content_group)).toEqual(["may_moc_thiet_bi", "tu_van_thiet_ke", "san_pham_thi_truong", "nang_cao_nang_luc", "thong_tin_du_lieu"]);
    expect(lines.map((l) => [l.quantity, money(l.unit_amount)])).toEqual([
      [3, 20_000_000n],
      [1, 20_000_000n],
      [2, 10_000_000n],
      [1, 20_000_000n],
      [1, 10_000_000n]
    ]);
    for (const l of lines) expect(money(l.total_amount)).toBe(BigInt(l.quantity as number) * money(l.unit_amount));
    expect(lines.reduce((a, l) => a + money(l.total_amount), 0n)).toBe(130_000_000n);
    expect(lines.every((l) => l.funding_source === "xa" && l.year === 2026)).toBe(true);
    expect(loaded.rows.plan_targets.length).toBeGreaterThanOrEqual(8);
  });

  it("the deliberately bad rows are exactly the rows that fail the contract", () => {
    const got = loaded.failures.map((f) => `${f.file}:${f.line}:${f.column}`).sort();
    const want = BAD_ROWS.map((b) => `${b.file}:${b.line}:${b.column}`).sort();
    expect(got).toEqual(want);
    expect(new Set(BAD_ROWS.map((b) => b.file)).size).toBeGreaterThanOrEqual(6);
  });

  it("the projects file has a line break inside a cell, before its bad row", () => {
    const text = readFileSync(join(dir, "projects_2020_2025.csv"), "utf8");
    const bad = BAD_ROWS.find((b) => b.file === "projects_2020_2025.csv")!;
    const badId = readCsv(join(dir, "projects_2020_2025.csv"), "projects_2020_2025.csv").rows[bad.line - 2]!.project_id!;
    // Physical lines (any LF) versus spreadsheet rows (records).
    const physical = text.split("\n").findIndex((l) => l.startsWith(badId)) + 1;
    expect(physical).toBeGreaterThan(bad.line);
  });

  it("history: district projects end in June 2025, 2022 matches the district's record", () => {
    const projects = loaded.rows.projects.map((r) => r.row);
    for (const p of projects.filter((p) => p.level === "huyen")) expect(p.decision_date as string < "2025-07-01").toBe(true);
    expect(projects.some((p) => p.level === "xa" && p.year === 2025)).toBe(true);
    const y2022 = projects.filter((p) => p.year === 2022 && p.level === "huyen");
    expect(y2022.length).toBe(13);
    expect(y2022.reduce((a, p) => a + money(p.support_amount), 0n)).toBe(365_000_000n);
    const t2022 = projects.filter((p) => p.year === 2022 && p.level === "tinh");
    expect(t2022.length).toBe(6);
    expect(t2022.reduce((a, p) => a + money(p.support_amount), 0n)).toBe(505_000_000n);
    for (const p of projects) {
      if (p.counterpart_amount !== undefined) expect(money(p.total_investment)).toBe(money(p.support_amount) + money(p.counterpart_amount));
    }
  });

  it("by-name projects resolve to the register only with tone placement folded", () => {
    const register = loaded.rows.establishments.map((r) => r.row);
    const byName = loaded.rows.projects.map((r) => r.row).filter((p) => p.establishment_id === undefined && p.establishment_name !== undefined);
    expect(byName.length).toBeGreaterThanOrEqual(3);
    for (const p of byName) {
      const name = p.establishment_name as string;
      expect(register.some((e) => e.name === name)).toBe(false);
      expect(register.filter((e) => nameKey(e.name as string) === nameKey(name)).length).toBe(1);
    }
  });

  it("personal data is fake but shaped like real data, and unique", () => {
    const register = loaded.files.find((f) => f.name === "establishments.csv")!.rows;
    const ids = register.flatMap((r) => (r.national_id ? [r.national_id] : []));
    const phones = register.flatMap((r) => (r.phone ? [r.phone] : []));
    expect(ids.length).toBeGreaterThanOrEqual(38);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(phones).size).toBe(phones.length);
    for (const id of ids) expect(id).toMatch(/^045[01]\d{8}$/);
    for (const p of phones) expect(p).toMatch(/^09\d{8}$/);
    expect(register.filter((r) => r.name === XSS_NAME).length).toBe(1);
    expect(new Set(register.map((r) => r.kind)).size).toBeGreaterThan(4);
  });

  it("tells the 2026 story: line 3 over-committed, line 5 behind, recovery netted", () => {
    const activities = loaded.rows.activities.map((r) => r.row);
    const byId = new Map(activities.map((a) => [a.activity_id as string, a]));
    const approved = new Map<number, bigint>();
    for (const a of activities) {
      if (a.line_no === undefined || !["phe_duyet", "dang_thuc_hien", "hoan_thanh"].includes(a.status as string)) continue;
      approved.set(a.line_no as number, (approved.get(a.line_no as number) ?? 0n) + money(a.approved_amount));
    }
    const disbursed = new Map<string, bigint>();
    for (const {row} of loaded.rows.disbursements) {
      const a = byId.get(row.activity_id as string)!;
      const key = a.line_no === undefined ? String(a.level) : `line ${a.line_no}`;
      disbursed.set(key, (disbursed.get(key) ?? 0n) + money(row.amount));
    }
    expect(Object.fromEntries(approved)).toEqual({1: 57_500_000n, 2: 18_000_000n, 3: 24_500_000n, 4: 20_000_000n});
    expect(Object.fromEntries(disbursed)).toEqual({
      "line 1": 51_500_000n,
      "line 2": 12_600_000n,
      "line 3": 11_500_000n,
      "line 4": 19_850_000n,
      tinh: 114_600_000n,
      quoc_gia: 175_000_000n
    });
    expect(loaded.rows.disbursements.some((d) => money(d.row.amount) < 0n)).toBe(true);
    expect(activities.filter((a) => a.line_no === 5).map((a) => a.status).sort()).toEqual(["de_xuat", "tham_dinh"]);
  });

  it("demand survey 2027: some requests above the caps, never above their own cost", () => {
    const survey = loaded.rows.demand_survey.map((r) => r.row);
    expect(survey.length).toBeGreaterThanOrEqual(20);
    expect(survey.every((s) => s.for_year === 2027)).toBe(true);
    expect(survey.filter((s) => s.content_group === "may_moc_thiet_bi" && money(s.requested_support) > 20_000_000n).length).toBeGreaterThan(3);
    expect(survey.some((s) => s.establishment_id === undefined)).toBe(true);
  });
});
