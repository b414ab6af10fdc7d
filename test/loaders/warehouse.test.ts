// The warehouse of docs/du-lieu.md on the hand-made fixture test/loaders/fixtures/basic: typed
// columns, provenance, plan_vs_actual against figures worked out by hand, the vnd() macro
// against formatMoney, ingest_runs and source_files, the sample marker, and a rebuild from the
// same files giving the same tables.
import {createHash} from "node:crypto";
import {copyFileSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {DuckDBInstance} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {createNameType, FILE_TYPE} from "../../loaders/load/typed.js";
import {columnMeta, type FieldType} from "../../src/lib/contract/fields.js";
import {kindOfFile, kinds, type KindSpec} from "../../src/lib/contract/kinds.js";
import {formatMoney, formatPercent} from "../../src/lib/format.js";
import {cleanup, closeAll, ingestDir, tableRows, tempDir, type Warehouse} from "./helpers.js";

const BASIC = fileURLToPath(new URL("./fixtures/basic/", import.meta.url));

let w: Warehouse;
let again: Warehouse;
let sample: Warehouse;
beforeAll(async () => {
  w = await ingestDir(BASIC);
  again = await ingestDir(BASIC);
  const withMarker = tempDir("kc-sample-");
  for (const f of readdirSync(BASIC)) copyFileSync(join(BASIC, f), join(withMarker, f));
  writeFileSync(join(withMarker, "DU_LIEU_MAU.txt"), "Dữ liệu mẫu, không phải số liệu thật.\n");
  sample = await ingestDir(withMarker);
});
afterAll(() => {
  closeAll();
  cleanup();
});

describe("plan_vs_actual on the basic fixture", () => {
  it("line 1: 60 tr planned, 38 tr approved (A1 20 + A2 18; A3 cancelled), 30,6 tr paid (14 + 6 + 12,6 − 2)", async () => {
    const [line] = await w.query("SELECT * FROM plan_vs_actual WHERE year = 2026 AND line_no = 1");
    expect(line).toMatchObject({
      year: 2026,
      line_no: 1,
      content_group: "may_moc_thiet_bi",
      description: "Hỗ trợ ứng dụng máy móc, thiết bị tiên tiến",
      planned_quantity: 3,
      planned_amount: "60000000",
      approved_amount: "38000000",
      disbursed_amount: "30600000"
    });
    expect(line!.commitment_rate).toBeCloseTo((100 * 38) / 60, 10); // 63,33…%
    expect(line!.disbursement_rate).toBeCloseTo(51, 10); // 30,6 / 60
  });

  it("lines 2 and 3: planned, nothing approved or paid (A5 was rejected: completed without a date)", async () => {
    const rows = await w.query(
      "SELECT line_no, planned_quantity, planned_amount, approved_amount, disbursed_amount, commitment_rate, disbursement_rate FROM plan_vs_actual WHERE line_no > 1 ORDER BY line_no"
    );
    expect(rows).toEqual([
      {line_no: 2, planned_quantity: 1, planned_amount: "20000000", approved_amount: "0", disbursed_amount: "0", commitment_rate: 0, disbursement_rate: 0},
      {line_no: 3, planned_quantity: 2, planned_amount: "25000000", approved_amount: "0", disbursed_amount: "0", commitment_rate: 0, disbursement_rate: 0}
    ]);
  });
});

describe("tables and columns", () => {
  const sqlType = (type: FieldType): string =>
    ({money: "BIGINT", date: "DATE", year: "INTEGER", count: "INTEGER", percent: "DOUBLE", text: "VARCHAR", code: "VARCHAR"})[type.kind];

  it("every kind's table has its canonical columns typed (money BIGINT, dates DATE), then its commune, then provenance", async () => {
    // The bookkeeping columns repeat one name per row: ENUMs of the folder's files and communes,
    // declared sorted (a sort by them is a sort by name); the top folder's commune is xa.csv's 19393.
    const files = readdirSync(BASIC).filter((f) => kindOfFile(f) !== undefined).sort();
    const fileType = `ENUM(${files.map((f) => `'${f}'`).join(", ")})`;
    for (const spec of Object.values(kinds) as KindSpec[]) {
      const cols = await w.query(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${spec.name}' ORDER BY ordinal_position`);
      const expected = Object.entries(spec.schema.shape).map(([name, schema]) => ({column_name: name, data_type: sqlType(columnMeta(schema).type)}));
      if (!("commune_code" in spec.schema.shape)) expected.push({column_name: "commune_code", data_type: "ENUM('19393')"});
      expected.push({column_name: "source_file", data_type: fileType}, {column_name: "source_line", data_type: "INTEGER"}, {column_name: "extra_columns", data_type: "VARCHAR"});
      expect(cols, spec.name).toEqual(expected);
    }
  });

  it("the file and commune ENUMs: the distinct names, sorted, bound not quoted, read back as text", async () => {
    // Mutation run once: without the ORDER BY in createNameType the type lists b, a, the ORDER BY
    // below gives b first, and this test fails (the ingest happens to hand its files over sorted).
    const instance = await DuckDBInstance.create(":memory:");
    const conn = await instance.connect();
    try {
      await createNameType(conn, FILE_TYPE, ["chi_tra_b.csv", "chi'tra_a.csv", "chi_tra_b.csv"]);
      const read = async (sql: string) => (await conn.runAndReadAll(sql)).getRowsJS();
      expect(await read(`SELECT unnest(enum_range(NULL::${FILE_TYPE}))`)).toEqual([["chi'tra_a.csv"], ["chi_tra_b.csv"]]);
      await conn.run(`CREATE TABLE t (f ${FILE_TYPE}); INSERT INTO t VALUES ('chi_tra_b.csv'), ('chi''tra_a.csv')`);
      expect(await read("SELECT f, f = 'chi_tra_b.csv', f || '!' FROM t ORDER BY f")).toEqual([
        ["chi'tra_a.csv", false, "chi'tra_a.csv!"],
        ["chi_tra_b.csv", true, "chi_tra_b.csv!"]
      ]);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  });

  it("provenance: each row names its file and its spreadsheet row", async () => {
    expect(await w.query("SELECT voucher_no, source_file, source_line FROM disbursements ORDER BY voucher_no")).toEqual([
      {voucher_no: "PC1", source_file: "disbursements_q1.csv", source_line: 2},
      {voucher_no: "PC2", source_file: "disbursements_q2.csv", source_line: 2},
      {voucher_no: "PC3", source_file: "disbursements_q2.csv", source_line: 3},
      {voucher_no: "PC4", source_file: "disbursements_q2.csv", source_line: 4}
    ]);
    expect(await w.query("SELECT establishment_id, source_line, extra_columns FROM establishments ORDER BY 1")).toEqual([
      {establishment_id: "CS01", source_line: 2, extra_columns: JSON.stringify({"Sổ tay riêng": "ghi chép"})},
      {establishment_id: "CS02", source_line: 3, extra_columns: null}
    ]);
  });

  it("values typed as the contract reads them", async () => {
    expect(await w.query("SELECT voucher_no, paid_on, amount FROM disbursements WHERE voucher_no IN ('PC3', 'PC4') ORDER BY 1")).toEqual([
      {voucher_no: "PC3", paid_on: "2026-04-10", amount: "12600000"},
      {voucher_no: "PC4", paid_on: "2026-05-15", amount: "-2000000"}
    ]);
    expect(await w.query("SELECT line_no, content_group, quantity, unit_amount, total_amount, funding_source FROM plan_lines ORDER BY 1")).toEqual([
      {line_no: 1, content_group: "may_moc_thiet_bi", quantity: 3, unit_amount: "20000000", total_amount: "60000000", funding_source: "xa"},
      {line_no: 2, content_group: "tu_van_thiet_ke", quantity: 1, unit_amount: "20000000", total_amount: "20000000", funding_source: "xa"},
      {line_no: 3, content_group: "san_pham_thi_truong", quantity: 2, unit_amount: "10000000", total_amount: "25000000", funding_source: "xa"}
    ]);
    expect(await w.query("SELECT content_group, max_amount, max_percent FROM norms ORDER BY 1")).toEqual([
      {content_group: "may_moc_thiet_bi", max_amount: "300000000", max_percent: 50},
      {content_group: "tu_van_thiet_ke", max_amount: "35000000", max_percent: 50}
    ]);
  });
});

describe("the vnd() macro writes money as formatMoney does", () => {
  const values = [0n, 5n, 999n, 1000n, 12_600_000n, 20_000_000n, -2_000_000n, -999n, 1_234_567_890_123n, 9_999_999_999_999n, -9_999_999_999_999n];

  it.each(values.map((v) => [v]))("%s", async (v) => {
    expect(await w.scalar(`SELECT vnd(CAST(${v} AS BIGINT))`)).toBe(formatMoney(v));
  });

  it("also on a sum (HUGEINT), as the warning messages use it", async () => {
    expect(await w.scalar("SELECT vnd(sum(x)) FROM (VALUES (14000000::BIGINT), (6000000), (-2000000), (12600000)) t(x)")).toBe(formatMoney(30_600_000n));
    expect(formatMoney(30_600_000n)).toBe("30.600.000 đ");
  });
});

describe("the pct() macro writes a percentage as formatPercent does", () => {
  it.each([[0], [50], [60], [63.333333], [99.95], [100], [122.5]])("%s", async (v) => {
    expect(await w.scalar(`SELECT pct(${v}::DOUBLE)`)).toBe(formatPercent(v));
  });
});

describe("ingest_runs and source_files", () => {
  it("one run, finished ok, on the folder it read, not sample data", async () => {
    const runs = await w.query("SELECT run_id, started_at, finished_at, data_dir, status, is_sample FROM ingest_runs");
    expect(runs).toHaveLength(1);
    const run = runs[0]!;
    expect(run).toMatchObject({data_dir: BASIC, status: "ok", is_sample: false});
    expect(String(run.run_id)).not.toBe("");
    expect(Date.parse(String(run.finished_at))).toBeGreaterThanOrEqual(Date.parse(String(run.started_at)));
  });

  it("DU_LIEU_MAU.txt in the folder marks the run as sample data (and is not a data file)", async () => {
    expect(await sample.scalar("SELECT is_sample FROM ingest_runs")).toBe(true);
    expect(await sample.scalar("SELECT count(*) FROM source_files")).toBe("9");
  });

  it("every CSV file of the folder, with node's sha256 of its bytes and its size", async () => {
    const rows = await w.query("SELECT source_file, kind, sha256, bytes FROM source_files ORDER BY source_file");
    const files = readdirSync(BASIC).filter((f) => f.endsWith(".csv")).sort();
    expect(rows).toEqual(
      files.map((f) => {
        const bytes = readFileSync(join(BASIC, f));
        return {
          source_file: f,
          kind: kindOfFile(f),
          sha256: createHash("sha256").update(bytes).digest("hex"),
          bytes: String(bytes.length)
        };
      })
    );
  });

  it("rows read = loaded + rejected, with the fixture's hand-counted figures", async () => {
    const rows = await w.query("SELECT source_file, rows_read, rows_loaded, rows_rejected, warnings FROM source_files ORDER BY source_file");
    expect(rows.map((r) => [r.source_file, r.rows_read, r.rows_loaded, r.rows_rejected, r.warnings])).toEqual([
      ["activities.csv", 5, 3, 2, 1], // A4 line 9 of no plan line, A5 completed without a date; A2 over the norm's 50%
      ["disbursements_q1.csv", 2, 1, 1, 0], // PC5 31/02/2026
      ["disbursements_q2.csv", 6, 3, 3, 0], // PC1 again, PC6 of A99, PC7 1.000.000,5
      ["establishments.csv", 3, 2, 1, 0], // CS01 twice
      ["norms.csv", 2, 2, 0, 0],
      ["plan_lines_2026.csv", 3, 3, 0, 1], // line 3: 2 × 10 tr ≠ 25 tr
      ["plan_targets.csv", 3, 2, 1, 0], // sai_khoang: 5 to 2
      ["projects.csv", 3, 3, 0, 1], // DA03's facility is not in the register
      ["xa.csv", 1, 1, 0, 0]
    ]);
  });
});

describe("the same files ingested twice", () => {
  it("give the same tables and views, all but the run's id and times", async () => {
    const objects = await w.query(
      "SELECT table_name AS name FROM duckdb_tables() WHERE NOT internal AND NOT temporary UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal AND NOT temporary ORDER BY 1"
    );
    const names = objects.map((o) => String(o.name));
    expect(names).toEqual(expect.arrayContaining(["activities", "disbursements", "ingest_runs", "plan_vs_actual", "rejects", "source_files", "warnings"]));
    const names2 = (await again.query("SELECT table_name AS name FROM duckdb_tables() WHERE NOT internal AND NOT temporary UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal AND NOT temporary ORDER BY 1")).map((o) => String(o.name));
    expect(names2).toEqual(names);
    for (const name of names) {
      const omit = name === "ingest_runs" ? ["run_id", "started_at", "finished_at"] : [];
      expect(await tableRows(again, name, omit), name).toEqual(await tableRows(w, name, omit));
    }
  });
});
