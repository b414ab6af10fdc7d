// A file's facts are found in chunks (loaders/read/facts.ts), beside DuckDB's read: whatever the
// chunk size, they are those of the whole file. Small chunks put every boundary through a blank
// line's mark and through a Vietnamese character.
import {createHash} from "node:crypto";
import {describe, expect, it} from "vitest";
import {fileFacts} from "../../loaders/read/facts.js";
import {FileRefused} from "../../loaders/read/errors.js";

const CHUNKS = [1, 2, 3, 4, 5, 7, 64];

function facts(text: Buffer, chunk: number) {
  return fileFacts("disbursements.csv", text, text, "utf-8", chunk);
}

describe("file facts in chunks", () => {
  it.each(CHUNKS)("a blank line is found wherever the chunks cut (chunk %i)", async (chunk) => {
    for (const blank of ["\n\n", "\r\n\r\n", "\r\r"]) {
      const text = Buffer.from(`Mã;Tên${blank}A;Hoà Bình\r\n`);
      expect((await facts(text, chunk)).blankLine).toBe(true);
    }
  });

  it.each(CHUNKS)("line breaks ending the text are no blank line (chunk %i)", async (chunk) => {
    const text = Buffer.from("Mã;Tên\r\nA;Đức Thành\r\n\r\n\n");
    expect(await facts(text, chunk)).toEqual({blankLine: false, sha256: createHash("sha256").update(text).digest("hex")});
  });

  it.each(CHUNKS)("valid UTF-8 cut inside a character stays valid; a bad byte anywhere is refused naming its line (chunk %i)", async (chunk) => {
    const good = Buffer.from("Mã;Tên\nA;Nguyễn Thị Hằng\nB;Xưởng mộc\n");
    await expect(facts(good, chunk)).resolves.toMatchObject({blankLine: false});
    const bad = Buffer.concat([Buffer.from("Mã;Tên\nA;Hà\nB;"), Buffer.from([0xe0, 0x41]), Buffer.from("\n")]);
    const refused = await facts(bad, chunk).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(FileRefused);
    expect((refused as FileRefused).message).toContain("lỗi mã hóa từ dòng 3");
  });
});
