// The communes of a warehouse. Each folder's xa.csv names its commune (Mã xã, Tên xã, Tỉnh, one row
// per former commune); a commune's folder is named by its code (data/<Mã xã>/), and the data
// folder's own files belong to the commune its own xa.csv names. Every table carries the commune
// of its row's folder (commune_code), which scopes every key and reference (kinds.ts communeKey).
import type {DuckDBConnection} from "@duckdb/node-api";

/**
 * The type of every kind's commune column: an ENUM of the communes' codes (typed.ts, createNameType),
 * made once the communes are settled, before any other kind's table.
 */
export const COMMUNE_TYPE = "commune_code_value";

/** The folder a source file (SQL naming its name) lies in: its commune's code, or "" for the data folder itself. */
const folderOf = (file: string): string => `CASE WHEN contains(${file}, '/') THEN split_part(${file}, '/', 1) ELSE '' END`;
const FOLDER = folderOf("source_file");

/** The commune of a row from its source file (SQL naming its name): its folder's code, the data folder's own rows `$top` (bound). */
export const communeOf = (file: string): string => `CASE WHEN ${folderOf(file)} = '' THEN $top ELSE ${folderOf(file)} END`;

/**
 * Rejects the rows of xa.csv that contradict their folder (another code than the folder's name,
 * or another commune than the file's first row: a folder holds one commune), warns of each folder
 * that names no commune, and returns the data folder's own commune code ("" when it names none).
 * `folders`: the folders holding the office's files ("" the data folder itself).
 */
export async function settleCommunes(conn: DuckDBConnection, folders: readonly string[]): Promise<string> {
  const wrongFolder = await conn.run(`
    INSERT INTO rejects (kind, source_file, source_line, column_name, raw_value, reason)
    SELECT 'communes', source_file, source_line, 'commune_code', commune_code,
           'Mã xã khác tên thư mục của xã (' || ${FOLDER} || '): thư mục của một xã mang đúng Mã xã của xã đó'
    FROM communes WHERE ${FOLDER} <> '' AND commune_code <> ${FOLDER}`);
  if (wrongFolder.rowsChanged > 0) await removeRejected(conn);
  const otherCommune = await conn.run(`
    INSERT INTO rejects (kind, source_file, source_line, column_name, raw_value, reason)
    SELECT 'communes', source_file, source_line, column_name, raw_value,
           column_header || ' khác dòng ' || first_line || ' của tệp ' || first_file || ' (' || first_value || '): một thư mục chỉ chứa một xã'
    FROM (
      SELECT source_file, source_line, first_file, first_line,
             CASE WHEN commune_code <> c0 THEN 'commune_code' WHEN name <> n0 THEN 'name' ELSE 'province' END AS column_name,
             CASE WHEN commune_code <> c0 THEN commune_code WHEN name <> n0 THEN name ELSE province END AS raw_value,
             CASE WHEN commune_code <> c0 THEN 'Mã xã' WHEN name <> n0 THEN 'Tên xã' ELSE 'Tỉnh' END AS column_header,
             CASE WHEN commune_code <> c0 THEN c0 WHEN name <> n0 THEN n0 ELSE p0 END AS first_value
      FROM (
        SELECT *, first_value(commune_code) OVER w AS c0, first_value(name) OVER w AS n0, first_value(province) OVER w AS p0,
               first_value(source_file) OVER w AS first_file, first_value(source_line) OVER w AS first_line
        FROM communes
        WINDOW w AS (PARTITION BY ${FOLDER} ORDER BY source_file, source_line)
      )
      WHERE commune_code <> c0 OR name <> n0 OR province <> p0
    )`);
  if (otherCommune.rowsChanged > 0) await removeRejected(conn);
  // Each folder's commune: one code a folder, the rows contradicting its first gone.
  const named = new Map(
    (await conn.runAndReadAll(`SELECT ${FOLDER}, any_value(commune_code) FROM communes GROUP BY 1`)).getRows().map(([folder, code]) => [String(folder), String(code)])
  );
  const unnamed = folders.filter((f) => !named.has(f));
  // A folder may have handed in its xa.csv and had every row of it rejected: the warning says so.
  const handedIn = new Map(
    unnamed.length === 0
      ? []
      : (await conn.runAndReadAll(`SELECT ${FOLDER}, min(source_file) FROM source_files WHERE kind = 'communes' GROUP BY 1`)).getRows().map(([folder, file]) => [String(folder), String(file)])
  );
  for (const folder of unnamed) {
    const where = folder === "" ? "Thư mục dữ liệu" : `Thư mục ${folder}`;
    const file = handedIn.get(folder);
    const missing = file === undefined ? `${where} chưa có tệp xa.csv (Mã xã, Tên xã, Tỉnh, Xã cũ)` : `Tệp ${file} của ${where.toLowerCase()} không có dòng nào hợp lệ (xem các dòng bị loại)`;
    await conn.run(
      `INSERT INTO warnings (kind, source_file, source_line, rule, message) VALUES ('communes', $file, 0, 'commune_missing', $message)`,
      {
        file: file ?? (folder === "" ? "xa.csv" : `${folder}/xa.csv`),
        message: `${missing}: tên xã chưa có trên trang và văn bản, các tệp vẫn được nạp${folder === "" ? "" : ` cho mã xã ${folder}`}`
      }
    );
  }
  return named.get("") ?? "";
}

/** Each bookkeeping row (file, skipped file, reject, warning) gets the commune of its file; `top` is the data folder's own. */
export async function labelBookkeeping(conn: DuckDBConnection, top: string): Promise<void> {
  for (const table of ["source_files", "skipped_files", "rejects", "warnings"]) {
    await conn.run(`UPDATE ${table} SET commune_code = ${communeOf("source_file")} WHERE commune_code IS NULL`, {top});
  }
}

async function removeRejected(conn: DuckDBConnection): Promise<void> {
  await conn.run(`DELETE FROM communes t USING rejects r WHERE r.kind = 'communes' AND r.source_file = t.source_file AND r.source_line = t.source_line`);
}
