// How the kinds' text columns are stored. Codes and references (a bounded set of values), and
// free texts that repeat a few values at the start of the kind's largest file, are declared
// dictionary-compressed, sparing DuckDB an FSST symbol table per row group that it would drop;
// other free texts are left to DuckDB's choice, since a dictionary of distinct descriptions takes
// several times the space FSST gives them (typed.ts, boundedTexts, repeatedTexts).
// Mutations: declaring every text outside the key dictionary-compressed (the rule of 7acb0db)
// stored the distinct descriptions by dictionary and failed the first test; repeatedTexts
// returning no column, or judging with `<` for `<=` (one distinct text in ten exactly), failed
// the second; sampleRecords keeping its last record failed the third.
import {afterAll, describe, expect, it} from "vitest";
import {kinds, type KindSpec} from "../../src/lib/contract/kinds.js";
import {sampleRecords} from "../../loaders/read/dialect.js";
import {REPEAT_SAMPLE, repeatedTexts} from "../../loaders/load/typed.js";
import {cleanup, closeAll, ingestFiles} from "./helpers.js";

afterAll(() => {
  closeAll();
  cleanup();
});

describe("the storage of text columns", () => {
  it("a voucher's activity and funding source are stored by dictionary, 6.000 distinct descriptions as DuckDB chooses", async () => {
    const activities = "Mã hoạt động;Năm;Nhóm nội dung;Tên hoạt động;Cấp;Trạng thái\n" + [1, 2, 3].map((a) => `A${a};2026;may_moc_thiet_bi;Hoạt động ${a};xa;Đề xuất`).join("\n") + "\n";
    const vouchers = Array.from(
      {length: 6000},
      (_, i) => `PC${i};${(i % 28) + 1}/03/2026;A${(i % 3) + 1};1.000.000;xa;Cơ sở ${i % 5};Thanh toán đợt ${i} hợp đồng số ${i * 7}/HĐ cho cơ sở mộc Hoà Bình`
    );
    const w = await ingestFiles({
      "activities.csv": activities,
      "disbursements.csv": ["Số chứng từ;Ngày chi;Mã hoạt động;Số tiền;Nguồn kinh phí;Đơn vị nhận;Diễn giải", ...vouchers].join("\n") + "\n"
    });
    expect(w.summary.files.find((f) => f.kind === "disbursements")?.rowsLoaded).toBe(6000);
    const stored = await w.query(
      `SELECT column_name, list(DISTINCT compression ORDER BY compression) AS compression FROM pragma_storage_info('disbursements')
       WHERE segment_type = 'VARCHAR' AND column_name IN ('activity_id', 'funding_source', 'description') GROUP BY ALL ORDER BY ALL`
    );
    expect(stored.map((r) => [r.column_name, r.compression])).toEqual([
      ["activity_id", ["Dictionary"]],
      ["description", ["FSST"]],
      ["funding_source", ["Dictionary"]]
    ]);
  });

  it("a free text is judged to repeat from REPEAT_SAMPLE filled cells with at most one distinct text in ten", () => {
    const spec = kinds.disbursements as KindSpec;
    const columns = ["voucher_no", "paid_on", "activity_id", "amount", "funding_source", "payee", "description", null];
    // 200 vouchers: the payee one of `payees` names, each description its own, the activity (a
    // reference, declared anyway) and the extra column (not the contract's) out of the question.
    const records = (n: number, payees: number) =>
      Array.from({length: n}, (_, i) => [`PC${i}`, "01/03/2026", "A1", "1.000.000", "xa", `Cơ sở ${i % payees}`, `Thanh toán đợt ${i}`, "ghi chú"]);
    expect(REPEAT_SAMPLE).toBe(200);
    expect([...repeatedTexts(spec, columns, records(200, 20))]).toEqual(["payee"]);
    expect([...repeatedTexts(spec, columns, records(200, 21))]).toEqual([]);
    expect([...repeatedTexts(spec, columns, records(199, 5))]).toEqual([]);
    // Empty cells do not count: 400 records, half of them without a payee.
    const halfEmpty = records(400, 5).map((r, i) => (i % 2 === 0 ? [...r.slice(0, 5), "", ...r.slice(6)] : r));
    expect([...repeatedTexts(spec, columns, halfEmpty)]).toEqual(["payee"]);
    expect([...repeatedTexts(spec, columns, halfEmpty.slice(0, 398))]).toEqual([]);
  });

  it("the sample's records are those below the header, blank lines and the last record (cut by the sample's end) left out", () => {
    const text = 'Số chứng từ;Diễn giải\r\nPC1;"một;\r\nhai"\r\n\r\nPC2;ba\r\nPC3;bố';
    expect(sampleRecords(text, ";")).toEqual([
      ["PC1", "một;\r\nhai"],
      ["PC2", "ba"]
    ]);
  });
});
