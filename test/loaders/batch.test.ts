// Small files of a kind written alike are read by one statement (loaders/load/raw.ts loadBatch):
// the warehouse must be exactly what reading them one by one gives. Each case is ingested twice,
// once as written (the files share a header: batched) and once with each file's amount column
// under another of its accepted headers (no two alike: read one by one), and every table compared.
// Mutation: numberFiles numbering from the file's first row + 1 instead of + 2 made the clean and
// the blank-line cases fail on source_line (the other two are given back whole and read one by
// one); a batch keeping the rows of a file with a blank line made "a blank line" fail. The texts
// are checked among their distinct values after the insert: that check taking every ASCII text
// as clean (its blank or control character at an end not looked at) made "an ASCII text with a
// blank at an end" fail (the cells loaded untrimmed); a key's text left unchecked made "a key's
// text with a blank at an end" fail.
import {afterAll, describe, expect, it} from "vitest";
import {cleanup, closeAll, ingestFiles, type Warehouse} from "./helpers.js";

const AMOUNT_HEADERS = ["Số tiền", "Số tiền chi", "Thành tiền"];
const commune = "Mã xã;Tên xã;Tỉnh\n19393;Thử Nghiệm;Quảng Trị";
const lines = "Năm;STT;Nhóm nội dung;Nội dung hỗ trợ;Số lượng;Kinh phí hỗ trợ;Tổng kinh phí\n2026;1;may_moc_thiet_bi;Máy;1;50.000.000;50.000.000";
const activities = "Mã hoạt động;Năm;Dòng kế hoạch;Nhóm nội dung;Tên hoạt động;Cấp;Trạng thái;Kinh phí phê duyệt;Ngày quyết định\nA1;2026;1;may_moc_thiet_bi;Máy;xa;dang_thuc_hien;50.000.000;01/02/2026";

/** Three voucher files; `bodies[i]` are file i's rows under a header naming the amount `amountHeaders[i]`. */
function folder(bodies: readonly string[][], amountHeaders: readonly string[]) {
  const files: Record<string, string> = {"xa.csv": commune, "plan_lines_2026.csv": lines, "activities_2026.csv": activities};
  bodies.forEach((rows, i) => {
    files[`disbursements_${i + 1}.csv`] = [`Số chứng từ;Ngày chi;Mã hoạt động;${amountHeaders[i]};Nguồn kinh phí;Diễn giải`, ...rows].join("\n");
  });
  return files;
}

async function tables(w: Warehouse) {
  const out: Record<string, unknown> = {};
  for (const t of ["disbursements", "rejects", "warnings"]) out[t] = await w.query(`SELECT * FROM ${t} ORDER BY ALL`);
  out.files = await w.query("SELECT source_file, reader, rows_read, rows_loaded, rows_rejected, blank_rows FROM source_files ORDER BY ALL");
  return out;
}

async function same(bodies: readonly string[][]) {
  const batched = await ingestFiles(folder(bodies, [AMOUNT_HEADERS[0]!, AMOUNT_HEADERS[0]!, AMOUNT_HEADERS[0]!]));
  const oneByOne = await ingestFiles(folder(bodies, AMOUNT_HEADERS));
  const got = await tables(batched);
  expect(got).toEqual(await tables(oneByOne));
  return got as {disbursements: {source_file: string; source_line: number; voucher_no: string; description: string}[]; files: {reader: string}[]};
}

const v = (no: string, day: string, amount: string, note = "Tạm ứng") => `${no};${day}/03/2026;A1;${amount};xa;${note}`;

afterAll(() => {
  closeAll();
  cleanup();
});

describe("files read together are read as one by one", () => {
  it("clean files: each row numbered in its own file", async () => {
    const got = await same([[v("PC1", "01", "1.000.000"), v("PC2", "02", "2.000.000")], [v("PC3", "03", "3.000.000")], [v("PC4", "04", "4.000.000"), v("PC5", "05", "5.000.000")]]);
    expect(got.disbursements.map((d) => [d.source_file, d.source_line, d.voucher_no])).toEqual([
      ["disbursements_1.csv", 2, "PC1"],
      ["disbursements_1.csv", 3, "PC2"],
      ["disbursements_2.csv", 2, "PC3"],
      ["disbursements_3.csv", 2, "PC4"],
      ["disbursements_3.csv", 3, "PC5"]
    ]);
  });

  it("a blank line in one file: that file read again on its own, the others kept", async () => {
    const got = await same([[v("PC1", "01", "1.000.000")], [v("PC2", "02", "2.000.000"), "", v("PC3", "03", "3.000.000")], [v("PC4", "04", "4.000.000")]]);
    expect(got.disbursements.map((d) => [d.source_file, d.source_line])).toContainEqual(["disbursements_2.csv", 4]);
    expect(got.files.map((f) => f.reader)).toContain("papaparse");
  });

  it("a ragged row in one file, and bad cells in another", async () => {
    await same([[v("PC1", "01", "1.000.000"), "PC9;02/03/2026"], [v("PC2", "31/02", "2.000.000")], [v("PC3", "03", "1.000.000,5")]]);
  });

  it("a text that is not plainly clean (decomposed Vietnamese) in one file", async () => {
    await same([[v("PC1", "01", "1.000.000")], [v("PC2", "02", "2.000.000", "Tạm ứng".normalize("NFD"))], [v("PC3", "03", "3.000.000")]]);
  });

  it("an ASCII text with a blank at an end: trimmed as the contract says", async () => {
    const got = await same([[v("PC1", "01", "1.000.000")], [v("PC2 ", "02", "2.000.000", "\tTam ung")], [v("PC3", "03", "3.000.000")]]);
    expect(got.disbursements.map((d) => [d.voucher_no, d.description])).toContainEqual(["PC2", "Tam ung"]);
  });

  it("a key's text with a blank at an end, every other text clean: trimmed as the contract says", async () => {
    // A key's text is checked as the row goes in, the other texts among their distinct values
    // afterwards (typed.ts deferredTexts). Mutation: the voucher number deferred too, but left out
    // of the check afterwards, loaded "PC2 " untrimmed and this test failed (the case above hides
    // it: its unclean description sends the whole file to the cell-by-cell check).
    const got = await same([[v("PC1", "01", "1.000.000")], [v("PC2 ", "02", "2.000.000")], [v("PC3", "03", "3.000.000")]]);
    expect(got.disbursements.map((d) => d.voucher_no)).toEqual(["PC1", "PC2", "PC3"]);
  });
});
