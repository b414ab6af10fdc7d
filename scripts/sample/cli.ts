// npm run sample [-- --seed N] [--out DIR] [--force] [--second-year | --communes N]
// Regenerates the sample data folder (default data/); --second-year adds the 2027 plan year (the
// 2026 files then read as the previous year's, numbering restarted). Refuses to write into a folder that holds
// CSV files but no DU_LIEU_MAU.txt (the office's real data) unless --force is given.
import {existsSync, readdirSync} from "node:fs";
import {resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {kindOfFile} from "../../src/lib/contract/kinds.js";
import {generateCommunes} from "./communes.js";
import {DEFAULT_SEED, MARKER_FILE, generateSample} from "./generate.js";

function main(argv: readonly string[]): number {
  let seed = DEFAULT_SEED;
  let out = fileURLToPath(new URL("../../data", import.meta.url));
  let force = false;
  let secondYear = false;
  let communes = 0;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--seed") seed = Number(argv[++i]);
    else if (a === "--out") out = resolve(argv[++i] ?? "");
    else if (a === "--force") force = true;
    else if (a === "--second-year") secondYear = true;
    else if (a === "--communes") communes = Number(argv[++i]);
    else if (a === "--help" || a === "-h") {
      console.log("npm run sample -- [--seed N] [--out DIR] [--force] [--second-year | --communes N]");
      console.log("  --second-year  thêm năm kế hoạch 2027 (kế hoạch, hoạt động, chứng từ, khảo sát cho năm 2028)");
      console.log("  --communes N   N xã, mỗi xã một thư mục con data/<Mã xã>/ (cách bày thư mục của tỉnh)");
      return 0;
    } else {
      console.error(`Tham số không hợp lệ: ${a}`);
      return 2;
    }
  }
  if (!Number.isSafeInteger(seed)) {
    console.error("--seed phải là số nguyên");
    return 2;
  }
  if (!Number.isSafeInteger(communes) || communes < 0) {
    console.error("--communes phải là số nguyên dương");
    return 2;
  }
  if (existsSync(out) && !existsSync(resolve(out, MARKER_FILE)) && !force) {
    const real = readdirSync(out).filter((n) => kindOfFile(n) !== undefined);
    if (real.length > 0) {
      console.error(
        `Thư mục ${out} đang có ${real.length} tệp CSV nhưng không có ${MARKER_FILE}: có thể là số liệu thật của văn phòng.\n` +
          `Không ghi đè. Chọn thư mục khác (--out) hoặc thêm --force nếu chắc chắn.`
      );
      return 1;
    }
  }
  if (communes > 0) {
    const made = generateCommunes(out, communes, seed);
    console.log(`Đã sinh dữ liệu mẫu của ${made.length} xã vào ${out}: ${made.map((c) => `${c.code}/ (xã ${c.name})`).join(", ")}`);
    return 0;
  }
  const result = generateSample(out, seed, {secondYear});
  console.log(`Đã sinh dữ liệu mẫu (hạt giống ${seed}) vào ${out}:`);
  for (const f of result.files) console.log(`  ${f.name.padEnd(30)} ${String(f.rows).padStart(4)} dòng  ${f.bytes} byte`);
  console.log(`  ${MARKER_FILE}`);
  console.log(`Dòng cố ý ghi sai: ${result.bad.length}`);
  for (const b of result.bad) console.log(`  ${b.file} dòng ${b.line}, cột ${b.column}: ${b.why}`);
  if (result.strangers.length > 0) {
    console.warn(`Lưu ý: thư mục còn các tệp không thuộc bộ mẫu, sẽ được nạp cùng: ${result.strangers.join(", ")}`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
