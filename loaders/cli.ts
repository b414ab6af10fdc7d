// npm run ingest -- --data DIR --db FILE [--json]
// Every way it can stop says so in one Vietnamese line (a mistyped option, a folder it cannot
// create, a file it refuses), never with a stack trace; KC_DEBUG=1 adds the trace for a developer.
// Text from the office's files reaches the terminal with its control codes escaped (printable).
import {mkdirSync} from "node:fs";
import {dirname} from "node:path";
import {parseArgs} from "node:util";
import {releaseHeldLocks} from "../src/lib/process/lock.js";
import {IngestFailed, ingest, removeRunningBuilds} from "./ingest.js";
import {formatSummary, printable} from "./summary.js";

const USAGE = "Cách dùng: npm run ingest -- --data THƯ_MỤC --db TỆP_KHO [--json] (mặc định --data data --db data/warehouse.duckdb).";

function fail(message: string, code = 1, error?: unknown): never {
  console.error(printable(`LỖI: ${message}`));
  if (process.env.KC_DEBUG === "1" && error !== undefined) console.error(error);
  process.exit(code);
}

let values: {data: string; db: string; json: boolean};
try {
  ({values} = parseArgs({
    options: {
      data: {type: "string", default: process.env.KC_DATA ?? "data"},
      db: {type: "string", default: process.env.KC_DB ?? "data/warehouse.duckdb"},
      json: {type: "boolean", default: false}
    }
  }));
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  const option = /'(-[^' ]+)/.exec((error as Error).message)?.[1] ?? "";
  fail(
    code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE"
      ? `tùy chọn ${option} cần một giá trị (một tên bắt đầu bằng dấu -, viết liền: ${option}=./-ten). ${USAGE}`
      : code === "ERR_PARSE_ARGS_UNKNOWN_OPTION"
        ? `không có tùy chọn ${option}. ${USAGE}`
        : `${(error as Error).message.split("\n")[0]}. ${USAGE}`,
    1,
    error
  );
}

// Ctrl+C (or the machine's shutdown) in the middle of a run: its temporary files go with it.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    removeRunningBuilds();
    releaseHeldLocks();
    fail("lần nạp bị dừng giữa chừng; kho cũ được giữ nguyên.", 130);
  });
}

try {
  mkdirSync(dirname(values.db), {recursive: true});
} catch (error) {
  fail(`không tạo được thư mục ${dirname(values.db)} cho kho dữ liệu (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Chọn chỗ khác bằng --db.`, 1, error);
}

try {
  const summary = await ingest({dataDir: values.data, dbPath: values.db, onProgress: (m) => console.error(printable(m))});
  if (values.json) {
    const files = summary.files.map((f) => ({
      file: f.file,
      kind: f.kind,
      rows_read: f.rowsRead,
      rows_loaded: f.rowsLoaded,
      rows_rejected: f.rowsRejected,
      warnings: f.warnings
    }));
    console.log(printable(JSON.stringify({...summary, files}, null, 2)));
  } else {
    console.log(printable(formatSummary(summary)));
  }
} catch (error) {
  if (error instanceof IngestFailed) fail(error.message, 1, error);
  const message = (error instanceof Error ? error.message : String(error)).split("\n")[0];
  fail(`nạp dữ liệu thất bại (${message}); kho cũ được giữ nguyên.`, 2, error);
}
