// npm run bench:scale [-- --scale N] [--communes M] [--only 1x|scale|communes]
// How the tool grows, side by side in one run: the sample (1×), one commune grown N times (default
// 100: scripts/sample/scale.ts) and M communes of sample size (default 80: scripts/sample/
// communes.ts); --only runs one of them (the N× growth check then has no sample to compare with). For each: the ingest's time and peak memory (a process of its own), the site
// build's time, dist/'s size, and each page's bytes (transferred, and uncompressed: copies of the
// sample compress far better than real growth would) and time to its last chart (Chromium, browser
// cache off). Targets: ingest ≤ 10 s, peak memory < 2 GiB, build ≤ 60 s, each page ≤ 1 MB
// transferred and ≤ 1 s, and no page's uncompressed bytes more than 3× the sample's at N×. Exit
// code 1 when a target is missed. First, the machine's own speed (bench/reference.ts), and the build
// in units of it: absolute times move with the machine.
// Results also go to bench/out/scale.json.
import {spawnSync} from "node:child_process";
import {mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import path from "node:path";
import {parseArgs} from "node:util";
import {fileURLToPath} from "node:url";
import {ingest} from "../loaders/ingest.js";
import {writeCommunePages} from "../scripts/commune-pages.js";
import {generateCommunes} from "../scripts/sample/communes.js";
import {generateSample} from "../scripts/sample/generate.js";
import {generateScaled} from "../scripts/sample/scale.js";
import {launchSite} from "../test/browser/chromium.js";
import {machineReference} from "./reference.js";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TARGET = {ingestS: 10, peakMiB: 2048, buildS: 60, pageBytes: 1024 * 1024, pageMs: 1000, growth: 3};
const PAGES = [
  ["Tổng quan", "/"],
  ["Kế hoạch – Thực hiện", "/ke-hoach-thuc-hien"],
  ["Hoạt động", "/hoat-dong"],
  ["Giai đoạn", "/giai-doan"],
  ["Cơ sở CNNT", "/co-so"],
  ["Chất lượng dữ liệu", "/chat-luong-du-lieu"],
  ["Đánh giá năm", "/danh-gia"],
  ["Dự thảo kế hoạch", "/ke-hoach-nam-sau"],
  ["Từ điển dữ liệu", "/tu-dien-du-lieu"],
  ["Các xã", "/tinh"]
] as const;

const {values} = parseArgs({
  options: {
    scale: {type: "string", default: "100"},
    communes: {type: "string", default: "80"},
    only: {type: "string"},
    "child-ingest": {type: "string"},
    db: {type: "string"}
  }
});

interface Scenario {
  name: string;
  fill: (dataDir: string) => void;
}
interface Measured {
  name: string;
  ingestS: number;
  peakMiB: number;
  buildS: number;
  distMiB: number;
  pages: {path: string; bytes: number; decodedBytes: number; ms: number}[];
}

if (values["child-ingest"]) {
  // A process of its own: its peak memory is the ingest's.
  const started = performance.now();
  await ingest({dataDir: values["child-ingest"], dbPath: values.db!});
  process.stdout.write(JSON.stringify({seconds: (performance.now() - started) / 1000, maxRssMiB: process.resourceUsage().maxRSS / 1024}));
} else {
  await main(Number(values.scale), Number(values.communes), values.only);
}

async function main(n: number, m: number, only?: string): Promise<void> {
  const all: (Scenario & {key: string})[] = [
    {key: "1x", name: "mẫu (1×)", fill: (d) => generateSample(d)},
    {key: "scale", name: `${n}×`, fill: (d) => generateScaled(d, n)},
    {key: "communes", name: `${m} xã`, fill: (d) => generateCommunes(d, m)}
  ];
  const scenarios = all.filter((s) => only === undefined || s.key === only);
  if (!scenarios.length) throw new Error(`--only: một trong ${all.map((s) => s.key).join(", ")}`);
  const work = mkdtempSync(path.join(tmpdir(), "kc-scale-"));
  const results: Measured[] = [];
  let referenceS: number;
  try {
    referenceS = await machineReference(work);
    console.log(`Máy đo: DuckDB đọc tệp 1.000.000 dòng của bench:ingest (không kiểm tra) trong ${fmt(referenceS)} s`);
    for (const s of scenarios) {
      const dir = path.join(work, String(results.length));
      const data = path.join(dir, "data");
      s.fill(data);
      results.push(await measure(s.name, data, dir));
      console.log(`${s.name}: nạp ${fmt(results.at(-1)!.ingestS)} s, dựng ${fmt(results.at(-1)!.buildS)} s`);
    }
  } finally {
    writeCommunePages(path.join(projectRoot, "src"), 0);
    rmSync(work, {recursive: true, force: true});
  }
  const missed = report(results, referenceS);
  mkdirSync(path.join(projectRoot, "bench", "out"), {recursive: true});
  writeFileSync(path.join(projectRoot, "bench", "out", "scale.json"), JSON.stringify({measuredAt: new Date().toISOString(), targets: TARGET, referenceS, results}, null, 2));
  process.exit(missed ? 1 : 0);
}

async function measure(name: string, data: string, dir: string): Promise<Measured> {
  const db = path.join(dir, "warehouse.duckdb");
  const child = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--child-ingest", data, "--db", db], {cwd: projectRoot, encoding: "utf8", maxBuffer: 1 << 26});
  if (child.status !== 0) throw new Error(`nạp ${name} thất bại:\n${child.stderr}`);
  const ingested = JSON.parse(child.stdout) as {seconds: number; maxRssMiB: number};
  const dist = path.join(dir, "dist");
  const started = performance.now();
  const built = spawnSync(process.execPath, ["--import", "tsx", "scripts/build-site.ts"], {
    cwd: projectRoot,
    encoding: "utf8",
    env: {...process.env, KC_DB: db, KC_SITE_OUT: path.relative(projectRoot, dist)},
    maxBuffer: 1 << 26
  });
  if (built.status !== 0) throw new Error(`dựng trang ${name} thất bại:\n${built.stderr}`);
  const buildS = (performance.now() - started) / 1000;
  const site = await launchSite(dist);
  const pages: Measured["pages"] = [];
  try {
    await (await site.open("/", {noScreenshot: true, noCache: true})).page.close();
    for (const [, p] of PAGES) {
      try {
        const opened = await site.open(p, {noScreenshot: true, noCache: true, quietMs: 300});
        pages.push({path: p, bytes: opened.bytes, decodedBytes: opened.decodedBytes, ms: opened.lastChartMs || opened.settledMs});
        await opened.page.close();
      } catch {
        // Not settled within the harness's 15 s: measured as too slow, not as a crash of the run.
        pages.push({path: p, bytes: Number.NaN, decodedBytes: Number.NaN, ms: Number.POSITIVE_INFINITY});
      }
    }
  } finally {
    await site.close();
  }
  return {name, ingestS: ingested.seconds, peakMiB: ingested.maxRssMiB, buildS, distMiB: folderBytes(dist) / 1024 / 1024, pages};
}

function fmt(v: number, digits = 2): string {
  return v.toFixed(digits).replace(".", ",");
}

function folderBytes(dir: string): number {
  return readdirSync(dir, {withFileTypes: true}).reduce((sum, e) => sum + (e.isDirectory() ? folderBytes(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).size), 0);
}

/** Prints the side-by-side tables; says whether a target was missed. */
function report(results: readonly Measured[], referenceS: number): boolean {
  let missed = false;
  const flag = (ok: boolean) => {
    if (!ok) missed = true;
    return ok ? "" : " VƯỢT";
  };
  const col = (text: string) => text.padStart(20);
  console.log(`\n${"".padEnd(22)}${results.map((r) => col(r.name)).join("")}`);
  console.log(`${"Nạp (≤ 10 s)".padEnd(22)}${results.map((r) => col(`${fmt(r.ingestS)} s${flag(r.ingestS <= TARGET.ingestS)}`)).join("")}`);
  console.log(`${"Bộ nhớ đỉnh (< 2 GiB)".padEnd(22)}${results.map((r) => col(`${fmt(r.peakMiB, 0)} MiB${flag(r.peakMiB < TARGET.peakMiB)}`)).join("")}`);
  console.log(`${"Dựng trang (≤ 60 s)".padEnd(22)}${results.map((r) => col(`${fmt(r.buildS, 1)} s${flag(r.buildS <= TARGET.buildS)}`)).join("")}`);
  // The same build on a machine twice as fast takes half as long: in units of the machine's own read it does not move.
  console.log(`${"Dựng ÷ máy đo".padEnd(22)}${results.map((r) => col(`${fmt(r.buildS / referenceS, 0)}×`)).join("")}`);
  console.log(`${"dist/".padEnd(22)}${results.map((r) => col(`${fmt(r.distMiB, 1)} MB`)).join("")}`);
  console.log(`\nTừng trang: kB truyền / kB giải nén, biểu đồ cuối (≤ 1 MB truyền, ≤ 1 s; ${results[1]?.name ?? "N×"}: giải nén ≤ 3× mẫu)`);
  const base = results[0]!;
  const wide = (text: string) => text.padStart(28);
  console.log(`${"".padEnd(22)}${results.map((r) => wide(r.name)).join("")}`);
  PAGES.forEach(([name, p], i) => {
    const cells = results.map((r, j) => {
      const page = r.pages[i]!;
      const grown = j === 1 && page.decodedBytes > TARGET.growth * base.pages[i]!.decodedBytes;
      const ok = page.bytes <= TARGET.pageBytes && page.ms <= TARGET.pageMs && !grown;
      if (!Number.isFinite(page.ms)) return wide(`> 15 s${flag(false)}`);
      return wide(`${fmt(page.bytes / 1024, 0)}/${fmt(page.decodedBytes / 1024, 0)} kB ${fmt(page.ms / 1000)} s${flag(ok)}`);
    });
    console.log(`${`${name} (${p})`.padEnd(22).slice(0, 22)}${cells.join("")}`);
  });
  return missed;
}
