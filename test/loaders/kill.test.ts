// A run killed in the middle leaves the previous warehouse exactly as it was (docs/du-lieu.md,
// README, "Các lệnh"): the CLI builds into `<db>.tmp-<pid>` and renames only at the end. The next
// run clears the dead run's build and succeeds. The large file (300.000 vouchers, ~22 MB) also
// checks that rows keep their spreadsheet numbers when DuckDB reads a file on several threads.
import {spawn} from "node:child_process";
import {existsSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {basename, dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {afterAll, describe, expect, it} from "vitest";
import {ingest} from "../../loaders/ingest.js";
import {cleanup, ingestDir, openWarehouse, tableRows, tempDir} from "./helpers.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BASIC = fileURLToPath(new URL("./fixtures/basic/", import.meta.url));
const ROWS = 300_000;
/** Every 50.000th voucher has a fraction of a đồng: 6 rejected rows. */
const BAD_EVERY = 50_000;

function writeLargeFolder(dir: string): void {
  writeFileSync(join(dir, "plan_lines_2026.csv"), "Năm;STT;Nhóm nội dung;Nội dung hỗ trợ;Số lượng;Kinh phí hỗ trợ;Tổng kinh phí\r\n2026;1;may_moc_thiet_bi;Máy móc;3;20.000.000;60.000.000\r\n");
  const acts = ["Mã hoạt động;Năm;Dòng kế hoạch;Nhóm nội dung;Tên hoạt động;Cấp;Trạng thái;Kinh phí phê duyệt"];
  for (let a = 1; a <= 5; a++) acts.push(`A${a};2026;1;may_moc_thiet_bi;Hoạt động ${a};xa;Đang thực hiện;12.000.000`);
  writeFileSync(join(dir, "activities.csv"), acts.join("\r\n") + "\r\n");
  // Voucher V<i> is on spreadsheet row i + 1.
  const parts: string[] = ["\ufeffSố chứng từ;Ngày chi;Mã hoạt động;Số tiền;Nguồn kinh phí;Diễn giải\r\n"];
  for (let i = 1; i <= ROWS; i++) {
    const amount = i % BAD_EVERY === 0 ? "1.000,5" : `${(i % 900) + 100}.000`;
    parts.push(`V${i};${(i % 28) + 1}/${(i % 12) + 1}/2026;A${(i % 5) + 1};${amount};Ngân sách xã;Chi đợt ${i} cho cơ sở Hoà Bình\r\n`);
  }
  writeFileSync(join(dir, "disbursements_big.csv"), parts.join(""));
}

afterAll(cleanup);

describe("a killed run", () => {
  it(
    "leaves the previous warehouse byte for byte; the next run clears its build and succeeds",
    async () => {
      // The previous warehouse, from the basic fixture.
      const dbDir = tempDir("kc-kill-");
      const dbPath = join(dbDir, "warehouse.duckdb");
      const previous = await ingestDir(BASIC, dbPath);
      const before = readFileSync(dbPath);
      const rowsBefore = await tableRows(previous, "disbursements");
      const filesBefore = await tableRows(previous, "source_files");
      previous.close();
      expect(rowsBefore).toHaveLength(4);

      const big = tempDir("kc-big-");
      writeLargeFolder(big);

      // Start the command and kill it while it builds: once it says it is reading the large
      // file (its progress line) and its build file exists.
      const child = spawn(process.execPath, ["--import", "tsx", "loaders/cli.ts", "--data", big, "--db", dbPath], {cwd: ROOT, stdio: ["ignore", "ignore", "pipe"]});
      const build = `${dbPath}.tmp-${child.pid}`;
      let stderr = "";
      const exited = new Promise<{code: number | null; signal: NodeJS.Signals | null}>((resolve) => child.on("exit", (code, signal) => resolve({code, signal})));
      await new Promise<void>((resolve, reject) => {
        child.stderr.setEncoding("utf8").on("data", (d: string) => {
          stderr += d;
          if (stderr.includes("disbursements_big.csv: đọc") && existsSync(build)) {
            child.kill("SIGKILL");
            resolve();
          }
        });
        void exited.then(() => {
          if (!stderr.includes("disbursements_big.csv: đọc")) reject(new Error(`the run ended before it could be killed: ${stderr}`));
        });
      });
      const end = await exited;
      expect(end.signal).toBe("SIGKILL");

      // It died mid-build: its build file is still there, the warehouse untouched.
      expect(existsSync(build)).toBe(true);
      expect(readFileSync(dbPath).equals(before)).toBe(true);
      const after = await openWarehouse(dbPath);
      try {
        expect(await tableRows(after, "disbursements")).toEqual(rowsBefore);
        expect(await tableRows(after, "source_files")).toEqual(filesBefore);
      } finally {
        after.close();
      }

      // A normal run afterwards: succeeds, removes the dead run's build, loads every row.
      const summary = await ingest({dataDir: big, dbPath});
      expect(readdirSync(dirname(dbPath)).filter((f) => f.startsWith(`${basename(dbPath)}.tmp-`))).toEqual([]);
      const big_ = summary.files.find((f) => f.file === "disbursements_big.csv")!;
      const bad = Math.floor(ROWS / BAD_EVERY);
      expect([big_.rowsRead, big_.rowsLoaded, big_.rowsRejected]).toEqual([ROWS, ROWS - bad, bad]);
      const w = await openWarehouse(dbPath);
      try {
        expect(await w.scalar("SELECT count(*) FROM disbursements")).toBe(String(ROWS - bad));
        // Every voucher on its own spreadsheet row, also when DuckDB reads the file in parallel.
        expect(await w.scalar("SELECT count(*) FROM disbursements WHERE source_line <> CAST(substr(voucher_no, 2) AS INTEGER) + 1")).toBe("0");
        expect(await w.query("SELECT source_line, column_name, raw_value FROM rejects ORDER BY source_line")).toEqual(
          Array.from({length: bad}, (_, k) => ({source_line: (k + 1) * BAD_EVERY + 1, column_name: "amount", raw_value: "1.000,5"}))
        );
        expect(await w.query("SELECT voucher_no, paid_on, activity_id, amount, funding_source, description FROM disbursements WHERE source_line = 123457")).toEqual([
          // i = 123456: day 123456 % 28 + 1 = 5, month 123456 % 12 + 1 = 1, A(123456 % 5 + 1) = A2, (123456 % 900 + 100).000 = (156 + 100).000 = 256.000
          {voucher_no: "V123456", paid_on: "2026-01-05", activity_id: "A2", amount: "256000", funding_source: "xa", description: "Chi đợt 123456 cho cơ sở Hoà Bình"}
        ]);
      } finally {
        w.close();
      }
    },
    180_000
  );
});
