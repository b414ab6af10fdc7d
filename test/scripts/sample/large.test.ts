import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {LARGE_BAD_KINDS, writeLargeDisbursements} from "../../../scripts/sample/large.js";
import {ACTIVITIES} from "../../../scripts/sample/story.js";
import {loadDir} from "./read.js";

const dir = mkdtempSync(join(tmpdir(), "kc-large-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe("large disbursements writer", () => {
  it("writes exactly N data rows, deterministically, with the announced bad rows", async () => {
    const rows = 20_000;
    const path = join(dir, "disbursements_big.csv");
    const result = await writeLargeDisbursements(path, {rows, seed: 7, badRate: 0.005});
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text.split("\r\n").length - 2).toBe(rows); // header + rows, each ending in CRLF
    expect(result.bytes).toBe(bytes.length);
    const totalBad = LARGE_BAD_KINDS.reduce((a, k) => a + result.bad[k], 0);
    expect(totalBad).toBeGreaterThan(50);
    for (const k of LARGE_BAD_KINDS) expect(result.bad[k], k).toBeGreaterThan(0);

    const again = join(dir, "again.csv");
    await writeLargeDisbursements(again, {rows, seed: 7, badRate: 0.005});
    expect(readFileSync(again).equals(bytes)).toBe(true);

    // Checked against the contract next to the sample activities (and what they reference).
    const check = mkdtempSync(join(dir, "check-"));
    const {generateSample} = await import("../../../scripts/sample/generate.js");
    generateSample(check);
    for (const n of ["disbursements_2026_q1.csv", "disbursements_2026_q2.csv", "disbursements_2026_q3.csv", "disbursements_2026_q4.csv"]) rmSync(join(check, n));
    await writeLargeDisbursements(join(check, "disbursements_big.csv"), {rows, seed: 7, badRate: 0.005});
    const loaded = loadDir(check);
    const failed = loaded.failures.filter((f) => f.file === "disbursements_big.csv");
    expect(failed.length).toBe(totalBad);
    expect(failed.map((f) => f.line)).toEqual(result.badLines);
    expect(loaded.rows.disbursements.length).toBe(rows - totalBad);
    const ids = new Set(ACTIVITIES.map((a) => a.id));
    expect(loaded.rows.disbursements.every((d) => ids.has(d.row.activity_id as string))).toBe(true);
  });
});
