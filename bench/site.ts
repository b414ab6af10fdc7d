// npm run bench:site [-- --cold] [-- --no-build]
// Builds the site from data/ (npm run build: ingest + offline cache + Framework build), then opens
// every page in headless Chromium with the browser cache off and prints, per page, the bytes it
// loaded and the time until its last chart or table appeared. Targets: build ≤ 30 s, each page
// ≤ 1 MB and ≤ 1 s. Exit code 1 when a target is missed. Results also go to bench/out/site.json.
//   --cold      delete src/.observablehq/cache first (as in a fresh clone)
//   --no-build  measure the existing dist/
import {execFileSync} from "node:child_process";
import {mkdirSync, rmSync, writeFileSync} from "node:fs";
import path from "node:path";
import {fileURLToPath} from "node:url";
import config from "../observablehq.config.js";
import {launchSite} from "../test/browser/chromium.js";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = new Set(process.argv.slice(2));
const TARGET = {buildMs: 30_000, pageBytes: 1024 * 1024, pageMs: 1000};

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
try {
  // One warm-up load so the browser's own start-up is not charged to the first page.
  await (await site.open("/", {noScreenshot: true, noCache: true})).page.close();
  for (const {name, path: p} of pages) {
    const {page, bytes, lastChartMs, settledMs, errors, outsideRequests} = await site.open(p, {noScreenshot: true, noCache: true, quietMs: 300});
    results.push({name, path: p, bytes, lastChartMs, settledMs, errors, outside: outsideRequests});
    await page.close();
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

mkdirSync(path.join(projectRoot, "bench", "out"), {recursive: true});
writeFileSync(
  path.join(projectRoot, "bench", "out", "site.json"),
  JSON.stringify({measuredAt: new Date().toISOString(), buildMs, cold: args.has("--cold"), targets: TARGET, pages: results}, null, 2)
);
process.exit(missed ? 1 : 0);
