import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {dataDictionary, dictionaryMarkdown} from "../../src/lib/contract/dictionary.js";

describe("data dictionary", () => {
  it("docs/du-lieu.md is the dictionary the contract gives (run npm run docs after changing the contract)", () => {
    const committed = readFileSync(new URL("../../docs/du-lieu.md", import.meta.url), "utf8");
    expect(committed).toBe(dictionaryMarkdown() + "\n");
  });

  it("lists the required columns of the contract for disbursements, with their office headers", () => {
    const d = dataDictionary().find((k) => k.kind === "disbursements")!;
    expect(d.columns.filter((c) => c.required).map((c) => `${c.name}:${c.header}`)).toEqual([
      "voucher_no:Số chứng từ",
      "paid_on:Ngày chi",
      "activity_id:Mã hoạt động",
      "amount:Số tiền",
      "funding_source:Nguồn kinh phí"
    ]);
  });

  it("marks exactly the personal fields of the register", () => {
    const e = dataDictionary().find((k) => k.kind === "establishments")!;
    expect(e.columns.filter((c) => c.personal).map((c) => c.name)).toEqual(["owner_name", "phone", "national_id"]);
  });
});
