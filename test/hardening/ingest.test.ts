// The ingest as a careless office or a hostile file name would try it (issue 13, items 3–6): it
// reads only the regular files directly in the data folder, never a pattern, within bounds;
// every refusal is one Vietnamese line with no stack trace and no personal value; control codes
// are escaped; one run per warehouse; a failed run leaves no temporary file; `npm run query`
// writes no file. Each case failed before its fix (the probes; noted per test), and each
// guard was broken on purpose once and its test seen failing: names quoted into the SQL again,
// the pattern copy skipped, stat for lstat, the 64 KiB header slice, papaparse's last empty
// record counted, a lenient UTF-16 decoder, external access left on in query, a lock per run,
// unknown header cells printed, control codes printed raw, no cell bound, no cleanup on SIGINT.
import {execFileSync, spawn} from "node:child_process";
import {chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {afterAll, describe, expect, it} from "vitest";
import {ingest} from "../../loaders/ingest.js";
import {MAX_CELL_CHARS} from "../../loaders/load/raw.js";
import {printable} from "../../loaders/summary.js";
import {BOM, cleanup, closeAll, csv, ingestFiles, ingestRefused, openWarehouse, tempDir, utf16, writeFiles} from "../loaders/helpers.js";
import {asUnprivileged, unprivilegedCannotRun} from "./server.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BASIC = fileURLToPath(new URL("../loaders/fixtures/basic/", import.meta.url));
const ESTABLISHMENTS = readFileSync(join(BASIC, "establishments.csv"), "utf8");
const HEADER = ["Mã cơ sở", "Tên cơ sở", "Loại hình", "Ngành nghề"];
const register = (...rows: string[][]) => csv(HEADER, rows);
const isRoot = process.getuid?.() === 0;

afterAll(() => {
  closeAll();
  cleanup();
});

interface Run {
  pid: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], options: {script?: string; env?: Record<string, string>; uid?: number; signalAfter?: string} = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", options.script ?? "loaders/cli.ts", ...args], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: {...process.env, ...options.env},
      ...(options.uid === undefined ? {} : {uid: options.uid, gid: options.uid})
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
      if (options.signalAfter !== undefined && stderr.includes(options.signalAfter)) child.kill("SIGINT");
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({pid: child.pid!, code, stdout, stderr}));
  });
}

/** One Vietnamese line on stderr, nothing else: no stack trace, no Node error dump. */
function expectOneLine(run: Run, text: string | RegExp): void {
  expect(run.code, run.stderr).not.toBe(0);
  const lines = run.stderr.trim().split("\n");
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^LỖI: /);
  expect(lines[0]).toMatch(text);
  expect(run.stderr).not.toMatch(/\n\s+at |Error:|node:internal/);
}

describe("only the office's regular files are read", () => {
  // Before: a link named *.csv was followed (the ingest printed the first line of /etc/passwd,
  // loaded a CSV from outside the folder), /dev/zero grew without end, a FIFO hung it, a folder
  // named norms_x.csv and a dangling link stopped it with a stack trace.
  it("links (to a system file, to a CSV outside, to /dev/zero, dangling), a FIFO and a folder named *.csv are listed as not loaded, with why", async () => {
    const outside = writeFiles({"establishments.csv": register(["CS77", "Cơ sở ngoài thư mục", "HKD", "moc"])});
    const dataDir = writeFiles({"establishments.csv": register(["CS01", "Cơ sở mộc", "HKD", "moc"])});
    symlinkSync("/etc/passwd", join(dataDir, "disbursements_passwd.csv"));
    symlinkSync(join(outside, "establishments.csv"), join(dataDir, "establishments_outside.csv"));
    symlinkSync("/dev/zero", join(dataDir, "norms_zero.csv"));
    symlinkSync(join(dataDir, "khong-co.csv"), join(dataDir, "activities_dead.csv"));
    execFileSync("mkfifo", [join(dataDir, "plan_lines_fifo.csv")]);
    mkdirSync(join(dataDir, "norms_x.csv"));
    const started = performance.now();
    const wh = await ingestFiles({}, {dataDir});
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(wh.summary.skippedFiles).toEqual([
      {source_file: "activities_dead.csv", reason: "link"},
      {source_file: "disbursements_passwd.csv", reason: "link"},
      {source_file: "establishments_outside.csv", reason: "link"},
      {source_file: "norms_x.csv", reason: "folder"},
      {source_file: "norms_zero.csv", reason: "link"},
      {source_file: "plan_lines_fifo.csv", reason: "special"}
    ]);
    expect(wh.summary.files.map((f) => f.file)).toEqual(["establishments.csv"]);
    expect(await wh.query("SELECT establishment_id FROM establishments")).toEqual([{establishment_id: "CS01"}]);
    expect(JSON.stringify(await wh.query("SELECT * FROM rejects"))).not.toContain("root:");
  });

  it("a file named disbursements_extra_?.csv is read alone, not as a pattern that also reads its neighbour", async () => {
    // Before: DuckDB took `?` as a wildcard, so establishments_?.csv also read establishments_b.csv
    // (2 rows read, and CS02 rejected as a duplicate of itself).
    const wh = await ingestFiles({
      "establishments_?.csv": register(["CS01", "Cơ sở một", "HKD", "moc"]),
      "establishments_b.csv": register(["CS02", "Cơ sở hai", "HKD", "moc"]),
      "establishments_[ab].csv": register(["CS03", "Cơ sở ba", "HKD", "moc"])
    });
    expect(wh.summary.files.map((f) => [f.file, f.rowsRead, f.rowsLoaded])).toEqual([
      ["establishments_?.csv", 1, 1],
      ["establishments_[ab].csv", 1, 1],
      ["establishments_b.csv", 1, 1]
    ]);
    expect(wh.summary.rejects).toBe(0);
  });

  it("a file over the size bound is refused in one line before a byte is read (a sparse 3 GB file)", async () => {
    // Before: Node's "File size (3221225472) is greater than 2 GiB" RangeError with its stack.
    const dataDir = writeFiles({"establishments.csv": register(["CS01", "Cơ sở mộc", "HKD", "moc"])});
    const fd = openSync(join(dataDir, "disbursements_big.csv"), "w");
    execFileSync("truncate", ["-s", "3G", join(dataDir, "disbursements_big.csv")]);
    closeSync(fd);
    const run = await cli(["--data", dataDir, "--db", join(tempDir(), "w.duckdb")]);
    expectOneLine(run, /disbursements_big\.csv: lớn 3,0 GB, vượt giới hạn 1,0 GB/);
  });

  it.skipIf(unprivilegedCannotRun)("an unreadable file is refused in one line naming it (skipped where the unprivileged user cannot reach the checkout)", async () => {
    // Before: EACCES with a stack trace. Run as another user when root (root reads anything).
    const dataDir = writeFiles({"establishments.csv": register(["CS01", "Cơ sở mộc", "HKD", "moc"])});
    chmodSync(join(dataDir, "establishments.csv"), 0o000);
    const dbDir = tempDir();
    for (const dir of [dataDir, dbDir]) chmodSync(dir, 0o777);
    const run = await cli(["--data", dataDir, "--db", join(dbDir, "w.duckdb")], asUnprivileged);
    expectOneLine(run, /establishments\.csv: không có quyền đọc tệp/);
  });
});

describe("every refusal is one Vietnamese line", () => {
  it("an uncreatable --db folder, --data -x, an unknown option", async () => {
    // Before: ENOTDIR and parseArgs' TypeError, each with a stack trace.
    const file = join(writeFiles({"a.txt": "x"}), "a.txt");
    expectOneLine(await cli(["--data", BASIC, "--db", join(file, "kho", "w.duckdb")]), /không tạo được thư mục .* cho kho dữ liệu \(ENOTDIR\)/);
    expectOneLine(await cli(["--data", "-x"]), /tùy chọn --data cần một giá trị/);
    expectOneLine(await cli(["--dat", BASIC]), /không có tùy chọn --dat\b/);
  });

  it.skipIf(unprivilegedCannotRun)("a --db folder that cannot be written (skipped where the unprivileged user cannot reach the checkout)", async () => {
    // A --db folder that exists but cannot be written (DuckDB's IO Error, exit 2, before; with
    // the lock, the mkdir failure was first taken for a held lock and waited on for 10 minutes).
    const readOnly = tempDir();
    chmodSync(readOnly, isRoot ? 0o755 : 0o555);
    const run = await cli(["--data", BASIC, "--db", join(readOnly, "w.duckdb")], asUnprivileged);
    expectOneLine(run, /Không ghi được vào thư mục .* của kho \(EACCES\).*chọn chỗ khác bằng --db/);
    expect(run.code).toBe(1);
  });

  it("a register whose header row was deleted: refused without printing the owner, phone or CCCD of its first row, also with --json", async () => {
    // Before: "Các cột tìm thấy: CS01, …, Nguyễn Văn An, 0912345678, 044090001234, …".
    const headless = ESTABLISHMENTS.replace(/^\ufeff?[^\n]*\n/, "");
    const dataDir = writeFiles({"establishments.csv": headless});
    for (const args of [[], ["--json"]]) {
      const run = await cli(["--data", dataDir, "--db", join(tempDir(), "w.duckdb"), ...args]);
      expectOneLine(run, /establishments\.csv: thiếu cột bắt buộc/);
      for (const personal of ["Nguyễn Văn An", "0912345678", "044090001234"]) expect(run.stderr).not.toContain(personal);
      expect(run.stderr).toContain("9 ô khác ở dòng 1 không phải tên cột");
    }
  });

  it("UTF-16 that does not decode (a lone surrogate, an odd byte count) is refused, not loaded as �", async () => {
    const text = register(["CS01", "Cơ sở mộc", "HKD", "moc"]);
    const good = utf16(text, "le");
    // A high surrogate (D800) with no low one after it, in line 2.
    const lone = Buffer.concat([good.subarray(0, good.length - 4), Buffer.from([0x00, 0xd8, 0x0a, 0x00])]);
    expect((await ingestRefused({"establishments.csv": lone})).message).toMatch(/establishments\.csv: có BOM của UTF-16 nhưng không đọc được như UTF-16 \(có ký tự hỏng \(từ dòng 2\)\)/);
    const odd = Buffer.concat([good, Buffer.from([0x41])]);
    expect((await ingestRefused({"establishments.csv": odd})).message).toContain("số byte lẻ");
    // The same file whole loads (the guard refuses only what does not decode).
    expect((await ingestFiles({"establishments.csv": good})).summary.files[0]!.rowsLoaded).toBe(1);
  });
});

describe("cells, headers and lines counted right", () => {
  it("a cell longer than Excel's 32.767 characters rejects its row, on both readers", async () => {
    // Before: a 200 MB cell was loaded and shipped whole in the site's JSON. DuckDB refuses a
    // line of more bytes than the limit (raw.ts, max_line_size) and papaparse counts characters:
    // a Vietnamese cell of 20.000 characters (60.000 bytes) is within the limit and loads.
    // Mutations: read_csv without max_line_size, or with the limit 40 bytes higher, loaded the
    // long cell through DuckDB and failed this test.
    const long = "a".repeat(MAX_CELL_CHARS + 1);
    const rows = [
      ["CS01", "Cơ sở mộc", "HKD", "moc"],
      ["CS02", long, "HKD", "moc"],
      ["CS03", "a".repeat(MAX_CELL_CHARS), "HKD", "moc"],
      ["CS04", "ệ".repeat(20_000), "HKD", "moc"]
    ];
    // Without a blank line DuckDB reads the file; with one, papaparse.
    const wh = await ingestFiles({"establishments.csv": register(...rows), "establishments_blank.csv": register(...rows.map(([id, ...r]) => [`${id}B`, ...r])).replace("\r\n", "\r\n\r\n")});
    expect(wh.summary.files.map((f) => [f.file, f.rowsRead, f.rowsLoaded, f.rowsRejected])).toEqual([
      ["establishments.csv", 4, 3, 1],
      ["establishments_blank.csv", 4, 3, 1]
    ]);
    const reasons = await wh.query("SELECT source_file, source_line, reason FROM rejects ORDER BY source_file");
    expect(reasons).toEqual([
      {source_file: "establishments.csv", source_line: 3, reason: "ô thứ 2 dài 32.768 ký tự, quá giới hạn 32.767 ký tự của một ô Excel"},
      // line 2 blank, so CS02B is line 4
      {source_file: "establishments_blank.csv", source_line: 4, reason: "ô thứ 2 dài 32.768 ký tự, quá giới hạn 32.767 ký tự của một ô Excel"}
    ]);
  });

  it("a header over 64 KiB is read whole: its columns counted right", async () => {
    // Before: the header was read from the first 64 KiB only, cut inside the long column name:
    // "thiếu cột bắt buộc: Tên cơ sở…".
    const longName = "Ghi chú ".repeat(10_000).trim();
    const text = csv(["Mã cơ sở", longName, "Tên cơ sở", "Loại hình", "Ngành nghề"], [["CS01", "x", "Cơ sở mộc", "HKD", "moc"]]);
    const wh = await ingestFiles({"establishments.csv": text});
    expect(wh.summary.files[0]!.rowsLoaded).toBe(1);
    expect(await wh.query("SELECT name, extra_columns FROM establishments")).toEqual([{name: "Cơ sở mộc", extra_columns: JSON.stringify({[longName]: "x"})}]);
  });

  it("a blank line is counted once by the papaparse reader (the last line break is not a line)", async () => {
    // Before: 2 blank rows for 1 (papaparse's empty record after the final line break).
    const text = `${BOM}${HEADER.join(";")}\r\nCS01;Cơ sở mộc;HKD;moc\r\n\r\nCS02;Cơ sở hai;HKD;moc\r\n`;
    const wh = await ingestFiles({"establishments.csv": text});
    expect(wh.summary.files.map((f) => [f.reader, f.rowsRead, f.blankRows])).toEqual([["papaparse", 2, 1]]);
  });

  it("a NUL byte in a facility name that matches none loads its row with a warning", async () => {
    // Before: the name was quoted into the SQL text: "unterminated quoted string", exit 2.
    const dataDir = writeFiles({
      "establishments.csv": ESTABLISHMENTS,
      "projects.csv": `${BOM}Mã đề án;Năm;Cấp;Nhóm nội dung;Tên đề án;Mã cơ sở;Tên cơ sở;Kinh phí hỗ trợ;Vốn đối ứng;Lao động tạo thêm\r\nDA01;2022;Huyện;may_moc_thiet_bi;Máy;;Cơ sở\u0000lạ;30.000.000;70.000.000;2\r\n`
    });
    const wh = await ingestFiles({}, {dataDir});
    const warnings = await wh.query("SELECT source_line, rule FROM warnings WHERE kind = 'projects'");
    const loaded = await wh.query("SELECT project_id, establishment_id FROM projects");
    expect({warnings, loaded}).toEqual({warnings: [{source_line: 2, rule: "establishment_name_unresolved"}], loaded: [{project_id: "DA01", establishment_id: null}]});
  });

  it("a NUL byte in the commune code of xa.csv rejects its row, naming the file, row and column; the run goes on, saying the commune is unknown", async () => {
    // Before: the code became every table's commune and DuckDB's parser stopped the whole run
    // ("unterminated quoted string"). The communes' control-character rule (kinds.ts) rejects it;
    // made void, this test failed that way again.
    const dataDir = writeFiles({
      "xa.csv": `${BOM}Mã xã;Tên xã;Tỉnh\r\n19\u0000414;Vĩnh Thủy;Quảng Trị\r\n`,
      "establishments.csv": ESTABLISHMENTS
    });
    const wh = await ingestFiles({}, {dataDir});
    const rejects = await wh.query("SELECT source_file, source_line, column_name, reason FROM rejects WHERE kind = 'communes'");
    expect(rejects).toEqual([{source_file: "xa.csv", source_line: 2, column_name: "commune_code", reason: "Mã xã có ký tự điều khiển (NUL, tab, xuống dòng…)"}]);
    expect(await wh.query("SELECT DISTINCT commune_code FROM establishments")).toEqual([{commune_code: ""}]);
    // The warning says the file was handed in and none of its rows held (not that it is missing:
    // that wording, kept for this case too, made this fail).
    expect(await wh.query("SELECT source_file, rule, message FROM warnings WHERE kind = 'communes'")).toEqual([
      {
        source_file: "xa.csv",
        rule: "commune_missing",
        message: "Tệp xa.csv của thư mục dữ liệu không có dòng nào hợp lệ (xem các dòng bị loại): tên xã chưa có trên trang và văn bản, các tệp vẫn được nạp"
      }
    ]);
  });
});

describe("printed text never drives the terminal", () => {
  it("escape codes in a file name and a cell are printed escaped, in the summary and in --json", async () => {
    // Before: ESC[2J (clear screen) reached the terminal raw.
    const dataDir = writeFiles({
      "establishments.csv": register(["CS01", "Cơ sở mộc", "HKD", "moc"], ["CS01", "Trùng \u001b[2J mã", "HKD", "moc"]),
      "establishments_\u001b[31m\u009b.csv": register(["CS05", "Cơ sở năm", "HKD", "moc"])
    });
    for (const args of [[], ["--json"]]) {
      const run = await cli(["--data", dataDir, "--db", join(tempDir(), "w.duckdb"), ...args]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).not.toMatch(/[\u001b\u009b]/);
      expect(run.stdout).toContain("establishments_\\u001b[31m\\u009b.csv");
    }
    expect(printable("a\u001b[2Jb\tc\nd\u202ee")).toBe("a\\u001b[2Jb\tc\nd\\u202ee");
  });
});

describe("one ingest per warehouse, and nothing left behind", () => {
  it("two runs into one warehouse: the second waits for the first, saying which process holds it", async () => {
    // Before: both ran at once and both reported success; the slower one's data won silently.
    const dbPath = join(tempDir(), "w.duckdb");
    const a = writeFiles({"establishments.csv": register(["CS01", "Cơ sở A", "HKD", "moc"])});
    const b = writeFiles({"establishments.csv": register(["CS02", "Cơ sở B", "HKD", "moc"])});
    const said: string[] = [];
    const [first, second] = await Promise.all([ingest({dataDir: a, dbPath}), ingest({dataDir: b, dbPath, onProgress: (m) => said.push(m)})]);
    expect(second.startedAt >= first.finishedAt).toBe(true);
    expect(said).toEqual([expect.stringContaining(`đang được một lần nạp khác ghi (tiến trình ${process.pid})`)]);
    const wh = await openWarehouse(dbPath);
    expect(await wh.query("SELECT establishment_id FROM establishments")).toEqual([{establishment_id: "CS02"}]);
    wh.close();
    expect(readdirSync(join(dbPath, "..")).sort()).toEqual(["w.duckdb"]);
  });

  it("a failed run removes its temporary files at once, and so does Ctrl+C", async () => {
    const dbDir = tempDir();
    await ingestRefused({"establishments.csv": Buffer.from([0xff, 0xfe, 0x41])}, {dbPath: join(dbDir, "w.duckdb")});
    expect(readdirSync(dbDir)).toEqual([]);
    // Ctrl+C while a large file is read (it reports progress from 5 MB on).
    const rows = Array.from({length: 90_000}, (_, i) => [`CS${i}`, `Cơ sở số ${i} với tên khá dài cho đủ cỡ tệp`, "HKD", "moc"]);
    const dataDir = writeFiles({"establishments.csv": register(...rows)});
    const run = await cli(["--data", dataDir, "--db", join(dbDir, "w.duckdb")], {signalAfter: "MB…"});
    expect(run.code).toBe(130);
    expect(run.stderr).toContain("LỖI: lần nạp bị dừng giữa chừng; kho cũ được giữ nguyên.");
    expect(readdirSync(dbDir)).toEqual([]);
    // The run's scratch folder (kc-ingest-<its pid>-…) went with it.
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith(`kc-ingest-${run.pid}-`))).toEqual([]);
  });
});

describe("npm run query writes no file", () => {
  it("refuses COPY … TO, EXPORT DATABASE, ATTACH and reading other files, in one Vietnamese line", async () => {
    // Before: COPY (SELECT owner_name, phone, national_id FROM establishments) TO '…' wrote them out.
    const wh = await ingestFiles({"establishments.csv": ESTABLISHMENTS});
    wh.close();
    const out = tempDir();
    const attempts = [
      `COPY (SELECT owner_name, phone, national_id FROM establishments) TO '${join(out, "x.csv")}'`,
      `EXPORT DATABASE '${join(out, "export")}'`,
      `ATTACH '${join(out, "a.duckdb")}' AS a`,
      "SELECT * FROM read_csv('/etc/passwd')",
      "SET enable_external_access = true"
    ];
    for (const sql of attempts) {
      const run = await cli([sql], {script: "scripts/query.ts", env: {KC_DB: wh.dbPath}});
      expectOneLine(run, /npm run query chỉ đọc kho, không đọc hay ghi tệp nào khác/);
      expect(run.stderr).not.toContain("root:");
    }
    expect(readdirSync(out)).toEqual([]);
    expect(existsSync(join(out, "x.csv"))).toBe(false);
    const ok = await cli(["SELECT count(*) AS n FROM establishments"], {script: "scripts/query.ts", env: {KC_DB: wh.dbPath}});
    expect(ok.code, ok.stderr).toBe(0);
  });
});
