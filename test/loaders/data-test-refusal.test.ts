// A data test that finds rows refuses the run (loaders/ingest.ts, refuseFailedTests): the message
// names the test, its count and an example, and the previous warehouse stays byte for byte, with
// no build left beside it, although the new warehouse was being written out while the tests read
// it (testWhileWriting). No input breaks a data test of the real contract (that is what they
// guard), so one more generic test, finding every facility, is put in beside them here.
// Mutation: refuseFailedTests not called: the run replaced the warehouse and this test failed.
import {readdirSync, readFileSync} from "node:fs";
import {dirname} from "node:path";
import {afterAll, describe, expect, it, vi} from "vitest";
import {cleanup, closeAll, csv, ingestFiles, ingestRefused, tableRows} from "./helpers.js";

const spoil = vi.hoisted(() => ({on: false}));

vi.mock("../../loaders/sql/generic-tests.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../loaders/sql/generic-tests.js")>();
  const everyFacility = {name: "every_facility_found", queries: [{label: "establishments", sql: "SELECT source_file, source_line FROM establishments"}]};
  return {...original, genericDataTests: () => [...original.genericDataTests(), ...(spoil.on ? [everyFacility] : [])]};
});

afterAll(() => {
  closeAll();
  cleanup();
});

const HEADER = ["Mã cơ sở", "Tên cơ sở", "Loại hình", "Ngành nghề"];
const facilities = (...ids: string[]) => ({"establishments.csv": csv(HEADER, ids.map((id) => [id, `Cơ sở ${id}`, "HTX", "moc"]))});

describe("a data test that finds rows", () => {
  it("refuses the run, naming the test, and leaves the previous warehouse as it was", async () => {
    const w = await ingestFiles(facilities("CS01"));
    expect(w.summary.dataTests.map((t) => t.test)).not.toContain("every_facility_found");
    const before = readFileSync(w.dbPath);
    spoil.on = true;
    const error = await ingestRefused(facilities("CS01", "CS02", "CS03"), {dbPath: w.dbPath});
    spoil.on = false;
    expect(error.message).toContain("Kiểm thử dữ liệu của kho không đạt: every_facility_found (3 dòng sai, ví dụ");
    expect(error.message).toContain('"where":"establishments","source_file":"establishments.csv","source_line":2');
    expect(error.message).toContain("Kho cũ được giữ nguyên");
    expect(readFileSync(w.dbPath).equals(before)).toBe(true);
    expect(readdirSync(dirname(w.dbPath)).filter((f) => f.includes(".tmp-"))).toEqual([]);
    expect((await tableRows(w, "establishments")).map((r) => r.establishment_id)).toEqual(["CS01"]);
  });
});
