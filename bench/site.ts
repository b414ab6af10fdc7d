// npm run bench:site [-- --cold] [-- --no-build] [-- --runs N]
// Builds the site from data/ (npm run build: ingest + offline cache + Framework build), then opens
// every page in headless Chromium with the browser cache off and prints, per page, the bytes it
// loaded and the time until its last chart or table appeared. Targets: build ≤ 30 s, each page
// ≤ 1 MB and ≤ 1 s. Then Tổng quan and Kế hoạch – Thực hiện on a phone (390 px), unthrottled and
// on a slow phone (Slow 4G: 1,6 Mbps, 150 ms, and a 4× slower CPU, through CDP), side by side:
// when the key figures appear, the last chart, and the cumulative layout shift. Targets (slow
// phone): key figures ≤ 1,5 s, last chart ≤ 2,5 s (Tổng quan), layout shift ≤ 0,1.
// Exit code 1 when a target is missed. Results also go to bench/out/site.json.
//   --cold      delete src/.observablehq/cache first (as in a fresh clone)
//   --no-build  measure the existing dist/
//   --runs N    open each phone page N times (default 3) and report the medians: one slow-phone
//               load varies by a few tenths of a second with the machine's other work
import {execFileSync} from "node:child_process";
import {mkdirSync, rmSync, writeFileSync} from "node:fs";
import path from "node:path";
import {fileURLToPath} from "node:url";
import config from "../observablehq.config.js";
import {launchSite, SLOW_PHONE, type OpenedPage} from "../test/browser/chromium.js";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const argv = process.argv.slice(2);
const args = new Set(argv);
const runsAt = argv.indexOf("--runs");
const RUNS = runsAt >= 0 ? Math.max(1, Number(argv[runsAt + 1]) || 1) : 3;
const TARGET = {buildMs: 30_000, pageBytes: 1024 * 1024, pageMs: 1000, phoneKeyMs: 1500, phoneLastChartMs: 2500, layoutShift: 0.1};
/** The phone pages and what counts as their key figures. */
const PHONE_PAGES = [
  {name: "Tổng quan", path: "/", keySelector: "main .kc-kpi .big", charts: true},
  {name: "Kế hoạch – Thực hiện", path: "/ke-hoach-thuc-hien", keySelector: "main figure.kc-budget-table tbody tr", charts: false}
];
type PhoneRun = Pick<OpenedPage, "keyMs" | "lastChartMs" | "settledMs" | "layoutShift" | "bytes">;

/** Each measure's median over the runs. */
function median(runs: readonly PhoneRun[]): PhoneRun {
  const mid = (f: (r: PhoneRun) => number) => [...runs.map(f)].sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
  return {keyMs: mid((r) => r.keyMs), lastChartMs: mid((r) => r.lastChartMs), settledMs: mid((r) => r.settledMs), layoutShift: mid((r) => r.layoutShift), bytes: mid((r) => r.bytes)};
}

const fmtKB = (n: number) => `${(n / 1024).toFixed(0)} kB`;
const fmtS = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

let buildMs: number | null = null;
if (!args.has("--no-build")) {
  if (args.has("--cold")) rmSync(path.join(projectRoot, "src", ".observablehq", "cache"), {recursive: true, force: true});
  const start = performance.now();
  execFileSync("npm", ["run", "build"], {cwd: projectRoot, stdio: ["ignore", "ignore", "inherit"], env: {...process.env, KC_SITE_OUT: "dist"}});
  buildMs = Math.round(performance.now() - start);
  console.log(`Dựng trang (npm run build${args.has("--cold") ? ", bộ đệm trống" : ""}): ${fmtS(buildMs)}  ${buildMs <= TARGET.buildMs ? "đạt" : "VƯỢT"} (≤ 30 s)`);
}

const site = await launchSite(path.join(projectRoot, "dist"));
const pages = [...(config.pages as {name: string; path: string}[])];
const results: {name: string; path: string; bytes: number; lastChartMs: number; settledMs: number; errors: string[]; outside: string[]}[] = [];
const phone: {name: string; path: string; charts: boolean; fast: PhoneRun; slow: PhoneRun}[] = [];
try {
  // One warm-up load so the browser's own start-up is not charged to the first page.
  await (await site.open("/", {noScreenshot: true, noCache: true})).page.close();
  for (const {name, path: p} of pages) {
    const {page, bytes, lastChartMs, settledMs, errors, outsideRequests} = await site.open(p, {noScreenshot: true, noCache: true, quietMs: 300});
    results.push({name, path: p, bytes, lastChartMs, settledMs, errors, outside: outsideRequests});
    await page.close();
  }
  for (const {name, path: p, keySelector, charts} of PHONE_PAGES) {
    const medians: PhoneRun[] = [];
    for (const throttle of [undefined, SLOW_PHONE]) {
      const runs: PhoneRun[] = [];
      for (let i = 0; i < RUNS; i++) {
        const opened = await site.open(p, {noScreenshot: true, noCache: true, quietMs: 600, keySelector, viewport: {width: 390, height: 844}, ...(throttle ? {throttle} : {})});
        runs.push({keyMs: opened.keyMs, lastChartMs: opened.lastChartMs, settledMs: opened.settledMs, layoutShift: opened.layoutShift, bytes: opened.bytes});
        await opened.page.close();
      }
      medians.push(median(runs));
    }
    phone.push({name, path: p, charts, fast: medians[0]!, slow: medians[1]!});
  }
} finally {
  await site.close();
}

let missed = buildMs !== null && buildMs > TARGET.buildMs;
console.log("");
console.log(`${"Trang".padEnd(28)} ${"Dung lượng".padStart(11)} ${"Biểu đồ cuối".padStart(13)} ${"Ổn định".padStart(9)}  Kết quả`);
for (const r of results) {
  const ok = r.bytes <= TARGET.pageBytes && (r.lastChartMs || r.settledMs) <= TARGET.pageMs && !r.errors.length && !r.outside.length;
  if (!ok) missed = true;
  const notes = [
    r.bytes > TARGET.pageBytes ? "> 1 MB" : "",
    (r.lastChartMs || r.settledMs) > TARGET.pageMs ? "> 1 s" : "",
    r.errors.length ? `${r.errors.length} lỗi` : "",
    r.outside.length ? `${r.outside.length} yêu cầu ra ngoài` : ""
  ].filter(Boolean);
  console.log(
    `${r.name.padEnd(28)} ${fmtKB(r.bytes).padStart(11)} ${(r.lastChartMs ? fmtS(r.lastChartMs) : "–").padStart(13)} ${fmtS(r.settledMs).padStart(9)}  ${ok ? "đạt" : `VƯỢT: ${notes.join(", ")}`}`
  );
}
console.log("\nMục tiêu: mỗi trang ≤ 1 MB và biểu đồ cuối ≤ 1 s (bộ đệm trình duyệt tắt, máy chủ 127.0.0.1).");

const shift = (v: number) => v.toFixed(3).replace(".", ",");
console.log(`\nĐiện thoại 390 px, trung vị của ${RUNS} lần: không giới hạn | Slow 4G (1,6 Mbps, 150 ms) + CPU chậm 4×`);
console.log(`${"Trang".padEnd(22)} ${"Số liệu chính".padStart(15)} ${"Biểu đồ cuối".padStart(15)} ${"Ổn định".padStart(15)} ${"Dịch bố cục".padStart(15)}  Kết quả`);
for (const r of phone) {
  const notes = [
    r.slow.keyMs === 0 || r.slow.keyMs > TARGET.phoneKeyMs ? "số liệu chính > 1,5 s" : "",
    r.charts && r.slow.lastChartMs > TARGET.phoneLastChartMs ? "biểu đồ cuối > 2,5 s" : "",
    Math.max(r.fast.layoutShift, r.slow.layoutShift) > TARGET.layoutShift ? "dịch bố cục > 0,1" : ""
  ].filter(Boolean);
  if (notes.length) missed = true;
  const pair = (a: string, b: string) => `${a} | ${b}`.padStart(15);
  console.log(
    `${r.name.padEnd(22)} ${pair(fmtS(r.fast.keyMs), fmtS(r.slow.keyMs))} ${pair(r.charts ? fmtS(r.fast.lastChartMs) : "–", r.charts ? fmtS(r.slow.lastChartMs) : "–")} ${pair(fmtS(r.fast.settledMs), fmtS(r.slow.settledMs))} ${pair(shift(r.fast.layoutShift), shift(r.slow.layoutShift))}  ${notes.length ? `VƯỢT: ${notes.join(", ")}` : "đạt"}`
  );
}
console.log("Mục tiêu (Slow 4G + CPU 4×): số liệu chính ≤ 1,5 s, biểu đồ cuối của Tổng quan ≤ 2,5 s, dịch bố cục ≤ 0,1.");

mkdirSync(path.join(projectRoot, "bench", "out"), {recursive: true});
writeFileSync(
  path.join(projectRoot, "bench", "out", "site.json"),
  JSON.stringify({measuredAt: new Date().toISOString(), buildMs, cold: args.has("--cold"), targets: TARGET, pages: results, phone: {slowPhone: SLOW_PHONE, pages: phone}}, null, 2)
);
process.exit(missed ? 1 : 0);
