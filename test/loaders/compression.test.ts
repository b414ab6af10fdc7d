// How the kinds' text columns are stored. Codes and references (a bounded set of values) are
// declared dictionary-compressed, sparing DuckDB an FSST symbol table per row group that it would
// drop; free texts are left to DuckDB's choice, since a dictionary of distinct descriptions takes
// several times the space FSST gives them (typed.ts, boundedTexts).
// Mutation: declaring every text outside the key dictionary-compressed (the rule of 7acb0db)
// stored the distinct descriptions by dictionary and failed this test.
import {afterAll, describe, expect, it} from "vitest";
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
});
