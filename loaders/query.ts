// npm run query -- "SELECT …" [more statements]: read-only look into the warehouse (KC_DB).
// Opened as the reports open it (reports/warehouse.ts): a missing warehouse, a typo or a write to
// the read-only file gets one Vietnamese line, not a stack trace.
import {openWarehouse, WarehouseMissing} from "../reports/warehouse.js";

const statements = process.argv.slice(2);
if (statements.length === 0) {
  console.error('Cách dùng: npm run query -- "SELECT …" [câu lệnh khác…]. Kho chỉ đọc: biến KC_DB (mặc định data/warehouse.duckdb).');
  process.exit(1);
}
try {
  const warehouse = await openWarehouse();
  try {
    for (const sql of statements) console.table((await warehouse.query(sql)).map(plainNumbers));
  } finally {
    warehouse.close();
  }
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(error instanceof WarehouseMissing ? `LỖI: ${message}` : `LỖI: câu lệnh không chạy được (kho chỉ đọc): ${message}`);
  process.exit(1);
}

/** console.table writes a bigint as "16n": whole đồng amounts read better as plain numbers. */
function plainNumbers(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "bigint" && Number.isSafeInteger(Number(v)) ? Number(v) : v]));
}
