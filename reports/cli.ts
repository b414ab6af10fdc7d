// npm run report -- evaluation [--year 2026] [--xa 19414] [--out DIR]
// npm run report -- plan [--year 2027] [--xa 19414] [--out DIR] [--envelope 130000000 | --no-envelope] [--qty may_moc_thiet_bi=4 …]
// Writes the Word document and the XLSX budget table from the warehouse at KC_DB
// (default data/warehouse.duckdb), opened read-only.
import {mkdirSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {parseArgs} from "node:util";
import {adjustmentText, buildDraftPlanDocx, buildDraftPlanXlsx, buildEvaluationDocx, buildEvaluationXlsx, standsOnText} from "../src/lib/documents/index.js";
import {formatMoney, formatPercent} from "../src/lib/format.js";
import {parseMoney} from "../src/lib/parse/money.js";
import {DEFAULT_ZERO_TENS, type ZeroTens} from "../src/lib/words.js";
import {evaluate, evaluationYear, NoPlanYear} from "./evaluation.js";
import {draftFromWarehouse} from "./plan.js";
import {communes, openWarehouse, runInfo, warehousePath, WarehouseMissing} from "../src/lib/warehouse/open.js";

const USAGE = `Cách dùng:
  npm run report -- evaluation [--year 2026] [--xa MÃ_XÃ] [--out THƯ_MỤC] [--zero-tens linh|le]
  npm run report -- plan [--year 2027] [--xa MÃ_XÃ] [--out THƯ_MỤC] [--envelope 130000000 | --no-envelope] [--qty may_moc_thiet_bi=4] [--zero-tens linh|le]
--xa: văn bản của xã nào khi kho có nhiều xã (mặc định: xã của thư mục dữ liệu, hoặc xã đầu tiên).
--zero-tens: cách đọc số 0 ở hàng chục trong "Bằng chữ" (105: "một trăm linh năm" hay "một trăm lẻ năm"); mặc định linh, như Kho bạc ghi.
Kho dữ liệu: biến KC_DB (mặc định data/warehouse.duckdb). Thư mục ra mặc định: van-ban/`;

class UsageError extends Error {}

function fail(message: string, code = 1): never {
  console.error(`LỖI: ${message}`);
  process.exit(code);
}

async function main(): Promise<void> {
  const {values, positionals} = parseArgs({
    allowPositionals: true,
    options: {
      year: {type: "string"},
      xa: {type: "string"},
      out: {type: "string", default: "van-ban"},
      envelope: {type: "string"},
      "no-envelope": {type: "boolean", default: false},
      qty: {type: "string", multiple: true, default: []},
      "zero-tens": {type: "string", default: DEFAULT_ZERO_TENS === "linh" ? "linh" : "le"},
      help: {type: "boolean", short: "h", default: false}
    }
  });
  const command = positionals[0];
  if (values.help || (command !== "evaluation" && command !== "plan")) {
    console.log(USAGE);
    if (!values.help) process.exit(1);
    return;
  }
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !/^\d{4}$/.test(values.year ?? "")) throw new UsageError(`năm không đúng: "${values.year}" (viết 4 chữ số, ví dụ 2026)`);
  const zero = values["zero-tens"];
  if (zero !== "linh" && zero !== "le" && zero !== "lẻ") throw new UsageError(`--zero-tens viết linh hoặc le (nhận được "${zero}")`);
  const zeroTens: ZeroTens = zero === "linh" ? "linh" : "lẻ";
  const out = resolve(values.out);
  const w = await openWarehouse(undefined, values.xa);
  try {
    const all = await communes(w);
    const commune = all.find((c) => c.code === w.commune);
    if (values.xa !== undefined && !commune) throw new UsageError(`kho không có xã mã "${values.xa}" (có: ${all.map((c) => c.code).join(", ") || "không xã nào"})`);
    const run = await runInfo(w);
    const meta = {isSample: run.isSample, words: {zeroTens}, commune: {name: commune?.name ?? null, province: commune?.province ?? null}};
    if (all.length > 1) console.log(`Văn bản của xã ${commune?.name ?? w.commune} (mã ${w.commune}); chọn xã khác bằng --xa.`);
    console.log(`Cách đọc số tiền bằng chữ: ${zeroTens}`);
    mkdirSync(out, {recursive: true});
    if (run.isSample) console.log("Lưu ý: kho đang chứa DỮ LIỆU MẪU; văn bản ghi rõ là số liệu mẫu.");
    if (command === "evaluation") {
      const y = await evaluationYear(w, year);
      const model = await evaluate(w, y, run.dataAsOf ? {dataAsOf: run.dataAsOf} : {});
      const docx = join(out, `bao-cao-danh-gia-khuyen-cong-${y}.docx`);
      const xlsx = join(out, `kinh-phi-khuyen-cong-${y}.xlsx`);
      writeFileSync(docx, await buildEvaluationDocx(model, meta));
      writeFileSync(xlsx, await buildEvaluationXlsx(model, undefined, meta));
      const met = model.targets.filter((t) => t.status !== "chua_dat").length;
      console.log(`Báo cáo đánh giá năm ${y}: ${met}/${model.targets.length} chỉ tiêu đạt hoặc vượt; giải ngân ${formatMoney(model.budget.disbursed)} / ${formatMoney(model.budget.planned)} (${formatPercent(model.budget.disbursement_rate)}); đề nghị chuyển nguồn ${formatMoney(model.carryOver.total)}.`);
      console.log(`${standsOnText(model)}.`);
      const adjustment = adjustmentText(model);
      if (adjustment) console.log(`${adjustment}.`);
      for (const f of model.findings ?? []) console.log(`Tồn tại: ${f.text}.`);
      console.log(`Đã ghi: ${docx}\nĐã ghi: ${xlsx}`);
    } else {
      let envelope: bigint | null | undefined;
      if (values["no-envelope"]) envelope = null;
      else if (values.envelope !== undefined) {
        const parsed = parseMoney(values.envelope);
        if (!parsed.ok) throw new UsageError(`tổng mức kinh phí không đúng: ${parsed.reason}`);
        envelope = parsed.value;
      }
      const quantities: Record<string, number> = {};
      for (const q of values.qty ?? []) {
        const m = /^([^=]+)=(\d+)$/.exec(q);
        if (!m) throw new UsageError(`--qty viết dạng dòng=số lượng, ví dụ may_moc_thiet_bi=4 (nhận được "${q}")`);
        quantities[m[1]!] = Number(m[2]);
      }
      const model = await draftFromWarehouse(w, {
        ...(year === undefined ? {} : {year}),
        ...(envelope === undefined ? {} : {envelope}),
        quantities,
        ...(run.dataAsOf ? {dataAsOf: run.dataAsOf} : {})
      });
      const d = model.draft;
      const docx = join(out, `du-thao-ke-hoach-khuyen-cong-${d.year}.docx`);
      const xlsx = join(out, `du-thao-kinh-phi-khuyen-cong-${d.year}.xlsx`);
      writeFileSync(docx, await buildDraftPlanDocx(model, meta));
      writeFileSync(xlsx, await buildDraftPlanXlsx(model, undefined, meta));
      const placed = d.requests.filter((r) => r.status === "included").length;
      console.log(
        `Dự thảo kế hoạch năm ${d.year}: ${placed}/${d.requests.length} đề nghị được bố trí; kinh phí năm ${d.year} ${formatMoney(d.totals.newTotal)}` +
          (d.totals.envelope === null ? " (không giới hạn tổng mức)" : ` / tổng mức ${formatMoney(d.totals.envelope)}`) +
          `; chuyển nguồn ${formatMoney(d.totals.carryOverTotal)}; tổng cộng ${formatMoney(d.totals.grandTotal)}.`
      );
      for (const warning of d.warnings) console.log(`Cần xem: ${warning}`);
      console.log(`Đã ghi: ${docx}\nĐã ghi: ${xlsx}`);
    }
  } finally {
    w.close();
  }
}

try {
  await main();
} catch (error) {
  if (error instanceof UsageError) fail(`${error.message}\n${USAGE}`);
  if (error instanceof WarehouseMissing || error instanceof NoPlanYear) fail(error.message);
  console.error(`LỖI: không tạo được văn bản từ kho ${warehousePath()}.`);
  console.error(error);
  process.exit(2);
}
