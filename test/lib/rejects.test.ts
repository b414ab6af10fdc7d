// A rejected row or a warning as the office is shown it (src/lib/rejects.ts): on the "Chất lượng
// dữ liệu" page and in the ingest's summary alike. Personal values never show.
import {describe, expect, it} from "vitest";
import {showReject} from "../../src/lib/contract/personal.js";
import {HIDDEN_VALUE, personalScrubber, showWarning, type RejectRecord} from "../../src/lib/rejects.js";

const scrub = personalScrubber(["0912345678", "Nguyễn Văn An", "044090001234", "An"]);
const reject = (r: Partial<RejectRecord>): RejectRecord => ({
  kind: "establishments",
  source_file: "establishments.csv",
  source_line: 3,
  column_name: "workers",
  raw_value: "khoảng 10",
  reason: 'không phải số nguyên: "khoảng 10"',
  ...r
});

describe("showReject", () => {
  it("names the column by its Vietnamese header and keeps a value that is not personal", () => {
    expect(showReject(reject({}), scrub)).toEqual({...reject({}), column_header: "Số lao động", personal: false});
  });

  it("hides the value of a personal column, in the value and in the reason", () => {
    const shown = showReject(reject({column_name: "phone", raw_value: "09123", reason: 'không phải số điện thoại: "09123"'}), scrub);
    expect(shown).toMatchObject({column_header: "Điện thoại", raw_value: HIDDEN_VALUE, reason: `không phải số điện thoại: "${HIDDEN_VALUE}"`, personal: true});
  });

  it("hides a whole rejected line of a kind with personal columns, but not of one without", () => {
    const line = "CS09;Cơ sở mới;HKD;moc;;Trần Thị B;0987;";
    const whole = showReject(reject({column_name: null, raw_value: line, reason: "dòng có 8 ô nhưng tiêu đề có 9 cột"}), scrub);
    expect(whole).toMatchObject({column_header: null, raw_value: HIDDEN_VALUE, personal: true});
    const voucher = showReject(reject({kind: "disbursements", column_name: null, raw_value: "PC9;01/02/2026", reason: "dòng có 2 ô nhưng tiêu đề có 7 cột"}), scrub);
    expect(voucher).toMatchObject({raw_value: "PC9;01/02/2026", personal: false});
  });

  it("masks a personal value of the register quoted anywhere, the longer value first; values under 4 characters stay", () => {
    const shown = showReject(reject({column_name: "name", raw_value: "x", reason: "trùng tên với Nguyễn Văn An (0912345678), An"}), scrub);
    expect(shown.reason).toBe(`trùng tên với ${HIDDEN_VALUE} (${HIDDEN_VALUE}), An`);
  });
});

describe("showWarning", () => {
  it("gives the rule's name and masks personal values in the message", () => {
    const w = {kind: "establishments", source_file: "e.csv", source_line: 2, rule: "personal_id_format", message: "CCCD 044090001234 không đủ 12 số"};
    expect(showWarning(w, (rule) => `tên của ${rule}`, scrub)).toEqual({...w, rule_label: "tên của personal_id_format", message: `CCCD ${HIDDEN_VALUE} không đủ 12 số`});
  });
});
