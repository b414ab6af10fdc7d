// A large disbursements file in the office's style, for the ingest benchmark: `;`, UTF-8 with
// BOM, CRLF, dd/mm/yyyy, `14.000.000`, Vietnamese descriptions, activity ids of the sample
// activities (valid references), and about 0,1% bad rows of several kinds. Streamed in chunks,
// so a million rows never sit in memory at once; deterministic by seed.
//
//   await writeLargeDisbursements("/tmp/disbursements_big.csv", {rows: 1_000_000});
//   npx tsx scripts/sample/large.ts --rows 1000000 --out /tmp/disbursements_big.csv
import {once} from "node:events";
import {createWriteStream} from "node:fs";
import {resolve} from "node:path";
import {finished} from "node:stream/promises";
import {pathToFileURL} from "node:url";
import {codeLabel, committedStatuses} from "../../src/lib/contract/codes.js";
import {BOM, CRLF, csvLine, headerOf, money, quoteCell} from "./csv.js";
import {facility} from "./facilities.js";
import {mulberry32} from "./prng.js";
import {ACTIVITIES, sourceOf} from "./story.js";

/** The kinds of bad row, each rejected by the contract for a different reason. */
export const LARGE_BAD_KINDS = [
  "impossible_date", // 31/02/2026 and the like
  "fraction_amount", // 1.500.000,5
  "unknown_activity", // HD-2026-99
  "duplicate_voucher", // the voucher number of the previous good row
  "missing_amount", // Số tiền left empty
  "unknown_source" // "Ngân sách thôn"
] as const;
export type LargeBadKind = (typeof LARGE_BAD_KINDS)[number];

export interface LargeOptions {
  rows: number;
  seed?: number;
  /** Share of bad rows (default 0,001). */
  badRate?: number;
}

export interface LargeResult {
  rows: number;
  bytes: number;
  /** Bad rows written, by kind; rows − their sum is what a correct ingest loads. */
  bad: Record<LargeBadKind, number>;
  /** Spreadsheet line numbers (header = 1) of the bad rows, at most the first 1.000. */
  badLines: number[];
}

export const LARGE_COLUMNS = ["voucher_no", "paid_on", "activity_id", "amount", "funding_source", "payee", "description"] as const;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const IMPOSSIBLE = ["31/02/2026", "30/02/2026", "29/02/2026", "31/04/2026", "31/06/2026", "31/09/2026", "31/11/2026"];
const CHUNK_ROWS = 16_384;

interface PoolEntry {
  id: string;
  /** The dates a voucher of this activity can bear: from its decision on, as in real books. */
  dates: string[];
  source: string;
  payee: string;
  descriptions: string[];
}

function activityPool(dates: readonly {dmy: string; iso: string}[]): PoolEntry[] {
  return ACTIVITIES.filter((a) => (committedStatuses as readonly string[]).includes(a.status)).map((a) => {
    const source = codeLabel("funding_source", sourceOf(a));
    const payee = a.facilityId ? facility(a.facilityId).name : "Trung tâm Dịch vụ tổng hợp xã";
    const from = a.decisionDate ?? "0000";
    return {
      id: a.id,
      dates: dates.filter((d) => d.iso >= from).map((d) => d.dmy),
      source: quoteCell(source, ";"),
      payee: quoteCell(payee, ";"),
      descriptions: [
        "Tạm ứng 70% kinh phí hỗ trợ",
        "Thanh toán kinh phí hỗ trợ",
        "Thanh toán còn lại sau nghiệm thu",
        "Chi hỗ trợ theo hợp đồng",
        `Thanh toán ${a.id}`
      ].map((t) => quoteCell(t, ";"))
    };
  });
}

/** Writes `rows` data rows (plus the header) to `path`. */
export async function writeLargeDisbursements(path: string, options: LargeOptions): Promise<LargeResult> {
  const {rows, seed = 20260101, badRate = 0.001} = options;
  if (!Number.isSafeInteger(rows) || rows < 0) throw new Error(`rows must be a whole number ≥ 0: ${rows}`);
  const rng = mulberry32(seed);
  const dates: {dmy: string; iso: string}[] = [];
  for (let m = 2; m <= 11; m++) {
    for (let d = 1; d <= DAYS_IN_MONTH[m - 1]!; d++) {
      const [dd, mm] = [String(d).padStart(2, "0"), String(m).padStart(2, "0")];
      dates.push({dmy: `${dd}/${mm}/2026`, iso: `2026-${mm}-${dd}`});
    }
  }
  const pool = activityPool(dates);
  const amounts: string[] = [];
  for (let v = 500_000; v <= 20_000_000; v += 50_000) amounts.push(money(v));
  const recovery = quoteCell("Thu hồi tạm ứng", ";");

  const bad = Object.fromEntries(LARGE_BAD_KINDS.map((k) => [k, 0])) as Record<LargeBadKind, number>;
  const badLines: number[] = [];
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text, "utf8");
    // events.once rejects on an "error" event and removes its listeners either way.
    if (!out.write(text, "utf8")) await once(out, "drain");
  };

  await write(BOM + csvLine(LARGE_COLUMNS.map((c) => headerOf("disbursements", c)), ";"));
  let lastGoodVoucher = "";
  let chunk: string[] = [];
  for (let i = 0; i < rows; i++) {
    const a = pool[(rng() * pool.length) | 0]!;
    let voucher = "PC-2026-" + String(i + 1).padStart(7, "0");
    let date = a.dates[(rng() * a.dates.length) | 0]!;
    let activity = a.id;
    let source = a.source;
    let amount: string;
    let description: string;
    if (rng() < 0.005) {
      amount = "-" + amounts[(rng() * 100) | 0]!;
      description = recovery;
    } else {
      amount = amounts[(rng() * amounts.length) | 0]!;
      description = a.descriptions[(rng() * a.descriptions.length) | 0]!;
    }
    if (i > 0 && rng() < badRate) {
      const kind = LARGE_BAD_KINDS[(rng() * LARGE_BAD_KINDS.length) | 0]!;
      bad[kind]++;
      if (badLines.length < 1000) badLines.push(i + 2);
      switch (kind) {
        case "impossible_date":
          date = IMPOSSIBLE[(rng() * IMPOSSIBLE.length) | 0]!;
          break;
        case "fraction_amount":
          amount = amount.replace(/^-/, "") + ",5";
          break;
        case "unknown_activity":
          activity = "HD-2026-99";
          break;
        case "duplicate_voucher":
          voucher = lastGoodVoucher;
          break;
        case "missing_amount":
          amount = "";
          break;
        case "unknown_source":
          source = "Ngân sách thôn";
          break;
      }
    } else {
      lastGoodVoucher = voucher;
    }
    chunk.push(voucher + ";" + date + ";" + activity + ";" + amount + ";" + source + ";" + a.payee + ";" + description + CRLF);
    if (chunk.length === CHUNK_ROWS) {
      await write(chunk.join(""));
      chunk = [];
    }
  }
  if (chunk.length > 0) await write(chunk.join(""));
  out.end();
  await finished(out);
  return {rows, bytes, bad, badLines};
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const arg = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const rows = Number(arg("--rows") ?? 1_000_000);
  const outPath = resolve(arg("--out") ?? "disbursements_large.csv");
  const seed = arg("--seed") === undefined ? undefined : Number(arg("--seed"));
  const started = performance.now();
  const result = await writeLargeDisbursements(outPath, seed === undefined ? {rows} : {rows, seed});
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(`${outPath}: ${result.rows} dòng, ${result.bytes} byte, ${seconds} s; dòng lỗi: ${JSON.stringify(result.bad)}`);
}
