import {describe, expect, it} from "vitest";
import {readHeader} from "../../loaders/read/dialect.js";

describe("delimiter detection", () => {
  it("takes the delimiter that splits every sampled row like the header", () => {
    // Commas in a header cell of a `;` file split the header into more cells, but not the rows.
    const text = "Mã;Nội dung, ghi chú, thêm;Số tiền\r\nA;x;1.000\r\nB;y;2.000\r\n";
    expect(readHeader(text)).toMatchObject({delimiter: ";", header: ["Mã", "Nội dung, ghi chú, thêm", "Số tiền"]});
  });

  it.each([
    [",", "a,b,c\n1,2,3\n"],
    [";", "a;b;c\n1;2;3\n"],
    ["\t", "a\tb\tc\n1\t2\t3\n"]
  ])("detects %j", (delimiter, text) => {
    expect(readHeader(text)).toMatchObject({delimiter, header: ["a", "b", "c"]});
  });

  it("the header is line 1 even when blank (the loaders read line 1 as the header); the lines below are kept, blank ones too", () => {
    expect(readHeader("\r\nMã;Tên;Số tiền\r\nA;x;1\r\n\r\nB;y;2\r\n")).toEqual({
      delimiter: ";",
      header: [""],
      below: [["Mã", "Tên", "Số tiền"], ["A", "x", "1"], [""], ["B", "y", "2"], [""]]
    });
  });

  it("reads a quoted header cell holding the delimiter and a line break", () => {
    expect(readHeader('"Nội dung;\nghi chú";Số tiền\nx;1\n').header).toEqual(["Nội dung;\nghi chú", "Số tiền"]);
  });
});
