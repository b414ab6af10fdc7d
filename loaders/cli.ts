// npm run ingest -- --data DIR --db FILE [--json]
import {mkdirSync} from "node:fs";
import {dirname} from "node:path";
import {parseArgs} from "node:util";
import {IngestFailed, ingest} from "./ingest.js";
import {formatSummary} from "./summary.js";

const {values} = parseArgs({
  options: {
    data: {type: "string", default: process.env.KC_DATA ?? "data"},
    db: {type: "string", default: process.env.KC_DB ?? "data/warehouse.duckdb"},
    json: {type: "boolean", default: false}
  }
});

try {
  mkdirSync(dirname(values.db), {recursive: true});
  const summary = await ingest({dataDir: values.data, dbPath: values.db, onProgress: (m) => console.error(m)});
  if (values.json) {
    const files = summary.files.map((f) => ({
      file: f.file,
      kind: f.kind,
      rows_read: f.rowsRead,
      rows_loaded: f.rowsLoaded,
      rows_rejected: f.rowsRejected,
      warnings: f.warnings
    }));
    console.log(JSON.stringify({...summary, files}, null, 2));
  } else {
    console.log(formatSummary(summary));
  }
} catch (error) {
  if (error instanceof IngestFailed) {
    console.error(`LỖI: ${error.message}`);
    process.exit(1);
  }
  console.error("LỖI: nạp dữ liệu thất bại; kho cũ được giữ nguyên.");
  console.error(error);
  process.exit(2);
}
