// npm run query -- "SELECT …" [more statements]: read-only look into the warehouse (KC_DB).
// Opened as the reports open it (src/lib/warehouse/open.ts): a missing warehouse, a typo or a write to
// the read-only file gets one Vietnamese line, not a stack trace.
// Read-only means no file either: the warehouse holds personal columns, and COPY … TO, EXPORT
// DATABASE or ATTACH would write them anywhere (read_csv would read any file of the machine).
// DuckDB's external access is turned off before the first statement and the configuration locked,
// so no statement can turn it back on.
import {openWarehouse, WarehouseMissing} from "../src/lib/warehouse/open.js";
import {printable} from "../loaders/summary.js";

const statements = process.argv.slice(2);
if (statements.length === 0) {
  console.error('Cách dùng: npm run query -- "SELECT …" [câu lệnh khác…]. Kho chỉ đọc: biến KC_DB (mặc định data/warehouse.duckdb).');
  process.exit(1);
}
try {
  const warehouse = await openWarehouse();
  try {
    await warehouse.query("SET enable_external_access = false");
    await warehouse.query("SET lock_configuration = true");
    for (const sql of statements) console.table((await warehouse.query(sql)).map(shown));
  } finally {
    warehouse.close();
  }
} catch (error) {
  // DuckDB's message without its class ("Permission Error: "), which reads like a crash.
  const message = firstLine(error instanceof Error ? error.message : String(error)).replace(/^[A-Za-z ]*Error: /, "");
  console.error(
    printable(
      error instanceof WarehouseMissing
        ? `LỖI: ${message}`
        : /disabled by configuration|configuration has been locked/.test(message)
          ? `LỖI: npm run query chỉ đọc kho, không đọc hay ghi tệp nào khác (COPY, EXPORT, ATTACH, read_csv…) và không đổi cấu hình: ${message}`
          : `LỖI: câu lệnh không chạy được (kho chỉ đọc): ${message}`
    )
  );
  process.exit(1);
}

function firstLine(text: string): string {
  return text.split("\n")[0]!;
}

/**
 * console.table writes a bigint as "16n": whole đồng amounts read better as plain numbers. Text
 * from the office's files may hold terminal control codes: shown escaped, never sent to the terminal.
 */
function shown(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [printable(k), typeof v === "bigint" && Number.isSafeInteger(Number(v)) ? Number(v) : typeof v === "string" ? printable(v) : v])
  );
}
