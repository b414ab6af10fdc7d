// Spreadsheet row numbers on large files, for both readers. DuckDB's reader writes a file's rows
// straight into the kind's table and numbers them afterwards by their row id (the table keeps the
// file's record order, also when the file is read on several threads); papaparse numbers them as
// it reads. Each voucher here is named after the row it stands on, so any slip shows. The files
// also hold what moves rows about: quoted cells spanning lines (Alt+Enter), rows of empty cells
// (blank, not read), rows SQL is unsure of (zod loads them), and a second file of the same kind
// (its rows follow the first file's in the table).
import {afterAll, describe, expect, it} from "vitest";
import {cleanup, closeAll, ingestFiles, type Warehouse} from "./helpers.js";

const HEADER = "Số chứng từ;Ngày chi;Mã hoạt động;Số tiền;Nguồn kinh phí;Diễn giải\r\n";

/**
 * `rows` records after the header; record k stands on spreadsheet row k + 2. Every 997th record
 * is a row of empty cells, every 1.009th has a description spanning three lines, every 1.013th an
 * amount with a suffix (SQL leaves it to zod, which loads it). With `blankLineAt`, an empty line
 * takes that record's place (papaparse reads the file).
 */
function bigFile(rows: number, prefix: string, blankLineAt?: number): {text: string; vouchers: number; blank: number} {
  const parts = [HEADER];
  let vouchers = 0;
  let blank = 0;
  for (let k = 0; k < rows; k++) {
    const row = k + 2;
    if (k === blankLineAt) {
      parts.push("\r\n");
      blank++;
    } else if (k % 997 === 500) {
      parts.push(";;;;;\r\n");
      blank++;
    } else {
      const amount = k % 1013 === 7 ? `${(k % 90) + 10}.000 đ` : `${(k % 900) + 100}.000`;
      const description = k % 1009 === 3 ? `"Chi đợt ${row}\nghi chú\ndòng ba"` : `Chi đợt ${row} cho cơ sở Hoà Bình`;
      parts.push(`${prefix}${row};${(k % 28) + 1}/${(k % 12) + 1}/2026;A${(k % 3) + 1};${amount};Ngân sách xã;${description}\r\n`);
      vouchers++;
    }
  }
  return {text: parts.join(""), vouchers, blank};
}

const ACTIVITIES =
  "Mã hoạt động;Năm;Nhóm nội dung;Tên hoạt động;Cấp;Trạng thái;Kinh phí phê duyệt\r\n" +
  [1, 2, 3].map((a) => `A${a};2026;may_moc_thiet_bi;Hoạt động ${a};xa;Đang thực hiện;12.000.000`).join("\r\n") +
  "\r\n";

afterAll(() => {
  closeAll();
  cleanup();
});

describe("row numbers on large files", () => {
  const first = bigFile(120_000, "P");
  const second = bigFile(90_000, "Q");
  // Without a last line break: papaparse would read one as a row of its own (a blank one).
  const papaFile = bigFile(40_000, "R", 30_001);
  const papa = {...papaFile, text: papaFile.text.replace(/\r\n$/, "")};
  let w: Warehouse;

  it(
    "every loaded row keeps the spreadsheet row it stands on, with either reader",
    async () => {
      w = await ingestFiles({
        "activities.csv": ACTIVITIES,
        "disbursements_1.csv": first.text,
        "disbursements_2.csv": second.text,
        "disbursements_3.csv": papa.text
      });
      const summary = w.summary.files.filter((f) => f.kind === "disbursements");
      expect(summary.map((f) => [f.file, f.reader, f.rowsRead, f.blankRows, f.rowsLoaded, f.rowsRejected])).toEqual([
        ["disbursements_1.csv", "duckdb", first.vouchers, first.blank, first.vouchers, 0],
        ["disbursements_2.csv", "duckdb", second.vouchers, second.blank, second.vouchers, 0],
        ["disbursements_3.csv", "papaparse", papa.vouchers, papa.blank, papa.vouchers, 0]
      ]);
      expect(await w.scalar("SELECT count(*) FROM disbursements WHERE source_line <> CAST(substr(voucher_no, 2) AS INTEGER)")).toBe("0");
      expect(
        await w.query(`SELECT source_file, min(source_line) AS first, max(source_line) AS last FROM disbursements GROUP BY 1 ORDER BY 1`)
      ).toEqual([
        {source_file: "disbursements_1.csv", first: 2, last: 120_001},
        {source_file: "disbursements_2.csv", first: 2, last: 90_001},
        {source_file: "disbursements_3.csv", first: 2, last: 40_001}
      ]);
      // The prefix names the file: no row was numbered in another file's range.
      expect(
        await w.scalar(
          "SELECT count(*) FROM disbursements WHERE left(voucher_no, 1) <> CASE source_file WHEN 'disbursements_1.csv' THEN 'P' WHEN 'disbursements_2.csv' THEN 'Q' ELSE 'R' END"
        )
      ).toBe("0");
      // Rows zod settled (an amount with a suffix) and rows spanning lines sit on their own rows too.
      expect(await w.query("SELECT voucher_no, source_line, amount FROM disbursements WHERE source_file = 'disbursements_1.csv' AND source_line IN (9, 1013 + 9) ORDER BY 2")).toEqual([
        {voucher_no: "P9", source_line: 9, amount: "17000"},
        {voucher_no: "P1022", source_line: 1022, amount: "40000"}
      ]);
      expect(await w.query("SELECT voucher_no, description FROM disbursements WHERE source_file = 'disbursements_2.csv' AND source_line = 1009 + 5")).toEqual([
        {voucher_no: "Q1014", description: "Chi đợt 1014\nghi chú\ndòng ba"}
      ]);
    },
    120_000
  );
});
