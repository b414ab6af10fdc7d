// The command (README, "Các lệnh"): `--json` prints a summary per file, exit 0 when
// the run went through (rejected rows included), non-zero when a file refused the run.
import {spawn} from "node:child_process";
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {INGEST_STEPS, type IngestSummary} from "../../loaders/ingest.js";
import {formatSeconds, formatSummary} from "../../loaders/summary.js";
import {HIDDEN_VALUE, type ShownReject, type ShownWarning} from "../../src/lib/rejects.js";
import {cleanup, tempDir, writeFiles} from "./helpers.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BASIC = fileURLToPath(new URL("./fixtures/basic/", import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], script = "loaders/cli.ts", env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", script, ...args], {cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: {...process.env, ...env}});
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({code, stdout, stderr}));
  });
}

let ok: Run;
let okDb: string;
let okSeconds: number;
let refused: Run;
let refusedDb: string;
beforeAll(async () => {
  const bad = writeFiles({
    "activities.csv": readFileSync(join(BASIC, "activities.csv")),
    // "Cơ sở" in TCVN3 bytes: not UTF-8.
    "establishments.csv": Buffer.concat([Buffer.from("Ma co so;Ten co so;Loai hinh;Nganh nghe\r\nCS01;C"), Buffer.from([0xac, 0x20, 0x73, 0xeb]), Buffer.from(";HKD;moc\r\n")])
  });
  refusedDb = join(tempDir("kc-cli-"), "warehouse.duckdb");
  // The two runs are independent: run them side by side.
  const started = performance.now();
  [ok, refused] = await Promise.all([
    cli(["--data", BASIC, "--db", (okDb = join(tempDir("kc-cli-"), "warehouse.duckdb")), "--json"]).then((run) => {
      okSeconds = (performance.now() - started) / 1000;
      return run;
    }),
    cli(["--data", bad, "--db", refusedDb, "--json"])
  ]);
});
afterAll(cleanup);

describe("npm run ingest -- --json", () => {
  it("exits 0 although rows were rejected", () => {
    expect(ok.code, ok.stderr).toBe(0);
  });

  it("prints only JSON on stdout: per file its kind, rows read, loaded, rejected and warnings", () => {
    const out = JSON.parse(ok.stdout) as {files: Record<string, unknown>[]; rejects: number; warnings: number};
    const pick = (f: Record<string, unknown>) => ({
      file: f.file,
      kind: f.kind,
      rows_read: f.rows_read,
      rows_loaded: f.rows_loaded,
      rows_rejected: f.rows_rejected,
      warnings: f.warnings
    });
    const expected = [
      ["establishments.csv", "establishments", 3, 2, 1, 0],
      ["norms.csv", "norms", 2, 2, 0, 0],
      ["plan_lines_2026.csv", "plan_lines", 3, 3, 0, 1],
      ["plan_targets.csv", "plan_targets", 3, 2, 1, 0],
      ["projects.csv", "projects", 3, 3, 0, 1],
      ["activities.csv", "activities", 5, 3, 2, 1],
      ["disbursements_q1.csv", "disbursements", 2, 1, 1, 0],
      ["disbursements_q2.csv", "disbursements", 6, 3, 3, 0],
      ["xa.csv", "communes", 1, 1, 0, 0]
    ].map(([file, kind, rows_read, rows_loaded, rows_rejected, warnings]) => ({file, kind, rows_read, rows_loaded, rows_rejected, warnings}));
    expect([...out.files.map(pick)].sort((a, b) => String(a.file).localeCompare(String(b.file)))).toEqual(
      [...expected].sort((a, b) => String(a.file).localeCompare(String(b.file)))
    );
    // 1 + 1 + 2 + 1 + 3 rejected rows of the table above, each with one reason; 3 warnings.
    expect(out.rejects).toBe(8);
    expect(out.warnings).toBe(3);
  });

  it("lists the rejected rows kind by kind, then by file and row, each with the column's header, value and reason", () => {
    const out = JSON.parse(ok.stdout) as {firstRejects: ShownReject[]; firstWarnings: ShownWarning[]};
    // The 8 rejects of the table above (fewer than the 10 listed at most), as the fixtures have them.
    expect(out.firstRejects.map((r) => [r.source_file, r.source_line, r.column_header, r.raw_value])).toEqual([
      ["establishments.csv", 4, "Mã cơ sở", "CS01"],
      ["plan_targets.csv", 4, "Chỉ tiêu tối đa", "2"],
      ["activities.csv", 5, "Dòng kế hoạch", "9"],
      ["activities.csv", 6, "Ngày hoàn thành", null],
      ["disbursements_q1.csv", 3, "Ngày chi", "31/02/2026"],
      ["disbursements_q2.csv", 5, "Số chứng từ", "2026 / PC1"],
      ["disbursements_q2.csv", 6, "Mã hoạt động", "A99"],
      ["disbursements_q2.csv", 7, "Số tiền", "1.000.000,5"]
    ]);
    // Vouchers are numbered afresh each year: the reason names the year the two share.
    expect(out.firstRejects[5]!.reason).toBe("trùng năm của Ngày chi + Số chứng từ (2026 / PC1) với dòng 2 của tệp disbursements_q1.csv (dòng đầu tiên được giữ)");
    expect(out.firstWarnings.map((w) => [w.source_file, w.source_line, w.rule])).toEqual([
      ["plan_lines_2026.csv", 4, "plan_line_total_mismatch"],
      ["projects.csv", 4, "establishment_name_unresolved"],
      ["activities.csv", 3, "approved_over_norm"]
    ]);
    expect(out.firstWarnings[0]!.rule_label).toBe("Tổng kinh phí khác Số lượng × Kinh phí hỗ trợ");
  });

  it("says how long each step took: every step once, none negative, together less than the whole command", () => {
    const {seconds} = JSON.parse(ok.stdout) as {seconds: Record<string, number>};
    expect(Object.keys(seconds)).toEqual([...INGEST_STEPS]);
    for (const step of INGEST_STEPS) expect(seconds[step], step).toBeGreaterThanOrEqual(0);
    expect(seconds.files).toBeGreaterThan(0);
    expect(INGEST_STEPS.reduce((sum, step) => sum + seconds[step]!, 0)).toBeLessThan(okSeconds);
  });

  it("a refused file: non-zero exit, the reason on stderr, nothing on stdout, no warehouse made", () => {
    expect(refused.code).not.toBe(0);
    expect(refused.code).not.toBeNull();
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toContain("establishments.csv");
    expect(refused.stderr).toContain("CSV UTF-8");
    expect(existsSync(refusedDb)).toBe(false);
  });
});

describe("npm run query", () => {
  const query = (...statements: string[]) => cli(statements, "scripts/query.ts", {KC_DB: okDb});

  it("prints each statement's rows from the warehouse", async () => {
    const run = await query("SELECT count(*) AS n FROM disbursements", "SELECT sum(amount) AS total FROM disbursements");
    expect(run.code, run.stderr).toBe(0);
    // The fixture's 4 loaded vouchers: 14 + 6 + 12,6 − 2 million đồng.
    expect(run.stdout).toMatch(/│ n +│[\s\S]*│ 4 +│/);
    expect(run.stdout).toMatch(/│ 30600000 +│/);
  });

  it("says in one Vietnamese line that the warehouse is read-only, or missing; changes nothing", async () => {
    const write = await query("DELETE FROM disbursements");
    expect(write.code).toBe(1);
    expect(write.stderr).toMatch(/^LỖI: câu lệnh không chạy được \(kho chỉ đọc\): .*read-only/);
    expect(write.stderr).not.toMatch(/^\s+at /m);
    expect((await query("SELECT count(*) AS n FROM disbursements")).stdout).toMatch(/│ 4 +│/);
    const missing = await cli(["SELECT 1"], "scripts/query.ts", {KC_DB: join(tempDir("kc-cli-"), "khong-co.duckdb")});
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("LỖI: Chưa có kho dữ liệu");
  });
});

describe("the rows listed by the summary", () => {
  const reject = (line: number, column_name: string | null, column_header: string | null, raw_value: string | null, reason: string, personal = false): ShownReject => ({
    kind: "disbursements",
    source_file: "chi.csv",
    source_line: line,
    column_name,
    column_header,
    raw_value,
    reason,
    personal
  });
  const summary = {
    dbPath: "kho.duckdb",
    dataDir: "data",
    isSample: false,
    dataAsOf: "2026-11-19",
    files: [{file: "chi.csv", kind: "disbursements", rowsRead: 3000, rowsLoaded: 1766, rowsRejected: 1234, warnings: 0}],
    skippedFiles: [
      {source_file: "chung_tu_2026.xlsx", reason: "not_csv"},
      {source_file: "ghi chép.csv", reason: "unknown_kind"}
    ],
    rejects: 1234,
    warnings: 1,
    firstRejects: [
      reject(6, "voucher_no", "Số chứng từ", "PC1", "trùng Số chứng từ với dòng 2 của tệp chi.csv (dòng đầu tiên được giữ)"),
      reject(7, "amount", "Số tiền", "1,5", 'số tiền có phần lẻ đồng: "1,5"'),
      reject(8, "paid_on", "Ngày chi", null, "thiếu giá trị bắt buộc"),
      reject(9, null, null, `PC9;${"x".repeat(80)}`, "dòng có 2 ô nhưng tiêu đề có 7 cột"),
      reject(10, "phone", "Điện thoại", HIDDEN_VALUE, "không phải số điện thoại", true)
    ],
    firstWarnings: [{kind: "activities", source_file: "hd.csv", source_line: 3, rule: "r", rule_label: "Tên quy tắc", message: "Hoạt động A2: vượt"}],
    dataTests: [],
    seconds: {files: 0, rows: 0, models: 0, warnings: 0, tests: 0, write: 0, other: 0}
  } as unknown as IngestSummary;

  it("names file, row and column; quotes the value only where the reason does not; says how many more there are", () => {
    const text = formatSummary(summary);
    // the file's kind by its Vietnamese name
    expect(text).toMatch(/^chi\.csv +Chứng từ chi +3\.000 +1\.766 +1\.234 +0$/m);
    const block = (heading: string) => text.slice(text.indexOf(heading)).split("\n\n")[0]!.split("\n");
    expect(block("1.234 lỗi")).toEqual([
      "1.234 lỗi làm loại bỏ dòng (5 đầu tiên):",
      "  chi.csv, dòng 6, cột Số chứng từ: trùng Số chứng từ với dòng 2 của tệp chi.csv (dòng đầu tiên được giữ) (giá trị: PC1)",
      '  chi.csv, dòng 7, cột Số tiền: số tiền có phần lẻ đồng: "1,5"',
      "  chi.csv, dòng 8, cột Ngày chi: thiếu giá trị bắt buộc",
      `  chi.csv, dòng 9, cả dòng: dòng có 2 ô nhưng tiêu đề có 7 cột (giá trị: PC9;${"x".repeat(55)}…)`,
      `  chi.csv, dòng 10, cột Điện thoại: không phải số điện thoại (giá trị: ${HIDDEN_VALUE})`,
      "  … và 1.229 nữa."
    ]);
    expect(block("1 cảnh báo")).toEqual(["1 cảnh báo (dòng vẫn được nạp):", "  hd.csv, dòng 3: Tên quy tắc — Hoạt động A2: vượt"]);
  });

  it("says when the data folder gave no file to load", () => {
    const empty = {...summary, files: [], skippedFiles: [], rejects: 0, warnings: 0, firstRejects: [], firstWarnings: []} as IngestSummary;
    expect(formatSummary(empty)).toContain("Thư mục data không có tệp CSV nào để nạp: kho được dựng nhưng trống.");
    expect(formatSummary(summary)).not.toContain("không có tệp CSV nào");
  });

  it("lists the files not loaded and why, with how to save a workbook as CSV", () => {
    expect(formatSummary(summary)).toContain(
      "2 tệp/thư mục KHÔNG được nạp: chung_tu_2026.xlsx (không phải tệp CSV); ghi chép.csv (tên tệp không bắt đầu bằng loại tệp nào, như disbursements_2026.csv). " +
        'Hãy mở tệp bằng Excel, chọn Tệp > Lưu thành > kiểu "CSV UTF-8 (phân cách bằng dấu phẩy)".'
    );
  });
});

describe("the time line of the summary", () => {
  it("gives the total and each step in seconds, the vi-VN way", () => {
    const line = formatSeconds({files: 3.1, rows: 0.5, models: 0.25, warnings: 0.35, tests: 0.4, write: 0.15, other: 0.05});
    expect(line).toBe(
      "Thời gian: 4,80 s (đọc và kiểm tra từng ô 3,10 s; trùng khóa, tham chiếu 0,50 s; bảng tổng hợp 0,25 s; cảnh báo 0,35 s; " +
        "kiểm thử dữ liệu 0,40 s; ghi kho 0,15 s; việc khác 0,05 s)"
    );
  });
});
