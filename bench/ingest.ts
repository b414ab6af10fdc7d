// npm run bench:ingest [-- --rows N --runs K]
//
// The project's validated ingest against DuckDB's own typed read_csv, on the same office-style
// disbursement file, side by side in one run. Each measurement runs in a fresh process (so peak
// memory is its own) and the two alternate, K times each; the medians are compared.
// Ends with `ratio: R` = project time / DuckDB time. Target: R ≤ 2,0 and peak memory < 1 GiB.
// Beside them, the project on the sample's other files alone (no large file: the fixed part of a
// run, the other kinds, models, warnings and data tests, which DuckDB's bare read has no share
// of), and the ratio of what is left, the part that grows with the file. The runs wait for the
// machine's other work to calm, and the other work seen beside them is printed, with a warning
// when it was enough to move the ratio (machine.ts).
import {spawnSync} from "node:child_process";
import {cpSync, mkdtempSync, readdirSync, rmSync, statSync, unlinkSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {parseArgs} from "node:util";
import {fileURLToPath} from "node:url";
import {formatNumber} from "../src/lib/format.js";
import {INGEST_STEPS, ingest, type IngestStep} from "../loaders/ingest.js";
import {formatSeconds} from "../loaders/summary.js";
import {generateSample} from "../scripts/sample/generate.js";
import {writeLargeDisbursements} from "../scripts/sample/large.js";
import {DISTURBED, waitForQuiet, watchMachine} from "./machine.js";
import {duckdbReadCsv} from "./reference.js";

type Mode = "project" | "duckdb" | "fixed";
/** The longest the runs wait for the machine's other work to calm (waitUntilQuiet). */
const QUIET_WAIT_MINUTES = 2;
interface Measurement {
  seconds: number;
  /** CPU time of all threads over the same span as `seconds`: steadier than wall time on a shared machine. */
  cpuSeconds: number;
  /** CPU time of the whole process, its start (Node, tsx, the modules) included: what /proc/stat saw of it. */
  processCpuSeconds: number;
  maxRssMiB: number;
  rowsLoaded: number;
  /** The project's own steps (project runs only). */
  steps?: Record<IngestStep, number>;
  /** Processors' worth of the machine's other work while the run's process lived (machine.ts; undefined off Linux). */
  otherWork?: number;
}

const {values} = parseArgs({
  options: {
    rows: {type: "string", default: "1000000"},
    // Seven alternated runs of each: on a shared 2-core machine one run moves by a fifth with the
    // host's load, and three left the median to one or two such runs.
    runs: {type: "string", default: "7"},
    child: {type: "string"},
    data: {type: "string"},
    db: {type: "string"}
  }
});

if (values.child) {
  const result = await measure(values.child as Mode, values.data!, values.db!);
  process.stdout.write(JSON.stringify(result));
} else {
  await main(Number(values.rows), Number(values.runs));
}

async function measure(mode: Mode, dataDir: string, dbPath: string): Promise<Measurement> {
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  let rowsLoaded: number;
  let steps: Record<IngestStep, number> | undefined;
  if (mode !== "duckdb") {
    const summary = await ingest({dataDir, dbPath});
    rowsLoaded = summary.files.filter((f) => f.kind === "disbursements").reduce((n, f) => n + f.rowsLoaded, 0);
    steps = summary.seconds;
  } else {
    rowsLoaded = await duckdbReadCsv(join(dataDir, bigFileName(dataDir)), dbPath);
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuAtStart);
  const usage = process.resourceUsage();
  return {
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    processCpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    maxRssMiB: usage.maxRSS / 1024,
    rowsLoaded,
    steps
  };
}

function bigFileName(dataDir: string): string {
  return readdirSync(dataDir).find((f) => f.startsWith("disbursements_bench"))!;
}

async function main(rows: number, runs: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "kc-bench-"));
  try {
    const dataDir = join(dir, "data");
    generateSample(dataDir);
    // The sample's own vouchers make way for the large file (its rows cite the sample activities).
    for (const f of readdirSync(dataDir)) if (f.startsWith("disbursements")) unlinkSync(join(dataDir, f));
    const fixedDir = join(dir, "fixed");
    cpSync(dataDir, fixedDir, {recursive: true});
    const big = await writeLargeDisbursements(join(dataDir, "disbursements_bench.csv"), {rows});
    const mb = statSync(join(dataDir, "disbursements_bench.csv")).size / 1024 / 1024;
    console.log(`Tệp: ${formatNumber(rows)} dòng chứng từ, ${formatNumber(mb, 0)} MB (;, UTF-8 BOM, dd/mm/yyyy, 14.000.000), ${formatNumber(Object.values(big.bad).reduce((a, b) => a + b, 0))} dòng lỗi cố ý`);
    await waitUntilQuiet();
    const results: Record<Mode, Measurement[]> = {project: [], duckdb: [], fixed: []};
    for (let i = 0; i < runs; i++) {
      for (const mode of ["duckdb", "project", "fixed"] as const) {
        const db = join(dir, `${mode}-${i}.duckdb`);
        results[mode].push(runChild(mode, mode === "fixed" ? fixedDir : dataDir, db));
        rmSync(db, {force: true});
      }
    }
    const p = summarise("project (kiểm tra đủ hợp đồng dữ liệu)", results.project, rows);
    const d = summarise("duckdb read_csv (cột có kiểu, không kiểm tra)", results.duckdb, rows);
    // Where the project's time goes: the median of each step over the runs (the process start,
    // the same for both, is the difference to the total).
    const stepMedians = Object.fromEntries(INGEST_STEPS.map((step) => [step, median(results.project.map((r) => r.steps![step]))])) as Record<IngestStep, number>;
    console.log(`project steps: ${formatSeconds(stepMedians)}`);
    console.log(`peak memory: project ${formatNumber(p.maxRss, 0)} MiB, duckdb ${formatNumber(d.maxRss, 0)} MiB (target < 1024 MiB)`);
    console.log(`cpu ratio: ${(p.cpuMedian / d.cpuMedian).toFixed(2)} (CPU time of all threads over the measured span, the process's start left out as from the wall times; the machine's other work moves it less)`);
    const fixed = median(results.fixed.map((r) => r.seconds));
    console.log(`fixed part: project on the sample's other files alone ${formatNumber(fixed, 2)} s (${results.fixed.map((r) => formatNumber(r.seconds, 2)).join(" / ")})`);
    console.log(`ratio without the fixed part: ${((p.median - fixed) / d.median).toFixed(2)} (the part that grows with the file)`);
    // Each project run over the DuckDB run just before it: on a machine whose speed drifts within
    // a bench, steadier than the ratio of the two medians.
    // Their spread shows how far the host's noise moves a single run's ratio.
    const pairs = results.project.map((r, i) => r.seconds / results.duckdb[i]!.seconds);
    console.log(
      `ratio run by run: ${median(pairs).toFixed(2)} (median of project ÷ the DuckDB run beside it; ` +
        `from ${Math.min(...pairs).toFixed(2)} to ${Math.max(...pairs).toFixed(2)})`
    );
    reportOtherWork([...results.project, ...results.duckdb]);
    console.log(`ratio: ${(p.median / d.median).toFixed(2)}`);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

function runChild(mode: Mode, dataDir: string, db: string): Measurement {
  const self = fileURLToPath(import.meta.url);
  const watch = watchMachine();
  const child = spawnSync(process.execPath, ["--import", "tsx", self, "--child", mode, "--data", dataDir, "--db", db], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"]
  });
  if (child.status !== 0) throw new Error(`${mode} run failed (exit ${child.status})`);
  const measured = JSON.parse(child.stdout) as Measurement;
  return {...measured, otherWork: watch(measured.processCpuSeconds)};
}

/** The runs start once the machine's other work has calmed: other work beside them stretches the project's many statements more than DuckDB's one read. */
async function waitUntilQuiet(): Promise<void> {
  let waited = false;
  const other = await waitForQuiet(QUIET_WAIT_MINUTES * 60, (busy) => {
    if (!waited) console.log(`chờ máy rảnh: việc khác đang dùng ${formatNumber(busy, 1)} lõi…`);
    waited = true;
  });
  if (waited && other !== undefined) console.log(other < DISTURBED ? "máy đã rảnh, bắt đầu đo" : `máy vẫn bận (${formatNumber(other, 1)} lõi) sau ${QUIET_WAIT_MINUTES} phút: đo luôn`);
}

/** How much other work ran beside the measured runs, and a warning when it was enough to move the ratio. */
function reportOtherWork(runs: readonly Measurement[]): void {
  const seen = runs.map((r) => r.otherWork).filter((o): o is number => o !== undefined);
  if (seen.length === 0) return;
  const disturbed = seen.filter((o) => o >= DISTURBED).length;
  console.log(`other work on the machine: median ${formatNumber(median(seen), 2)}, highest ${formatNumber(Math.max(...seen), 2)} processors during a run (from /proc/stat)`);
  if (disturbed > 0) console.log(`cảnh báo: ${disturbed}/${seen.length} lần đo có việc khác chạy cùng (≥ ${formatNumber(DISTURBED, 1)} lõi): tỉ số bị kéo lệch; hãy chạy lại khi máy rảnh`);
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

function summarise(label: string, runs: Measurement[], rows: number): {median: number; cpuMedian: number; maxRss: number} {
  const times = runs.map((r) => r.seconds);
  const wall = median(times);
  const cpuMedian = median(runs.map((r) => r.cpuSeconds));
  const maxRss = Math.max(...runs.map((r) => r.maxRssMiB));
  console.log(
    `${label}: trung vị ${formatNumber(wall, 2)} s (${times.map((t) => formatNumber(t, 2)).join(" / ")}), ` +
      `${formatNumber(Math.round(rows / wall))} dòng/s, CPU ${formatNumber(cpuMedian, 2)} s, nạp ${formatNumber(runs[0]!.rowsLoaded)} dòng, bộ nhớ đỉnh ${formatNumber(maxRss, 0)} MiB`
  );
  return {median: wall, cpuMedian, maxRss};
}
