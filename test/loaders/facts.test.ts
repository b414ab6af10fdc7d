// A file's facts are found in chunks (loaders/read/facts.ts), beside DuckDB's read: whatever the
// chunk size, they are those of the whole file, whether the chunks come from a text in memory or
// stream from the disk. Small chunks put every boundary through a blank line's mark and through
// a Vietnamese character. Neither check copies a chunk: a cut character or mark is completed from
// the next chunk's first bytes. Validating the whole next chunk after completing the character
// fails 20 of these tests; not looking for a mark that starts in the last chunk's tail fails 6;
// not carrying a character still cut after a one-byte chunk fails 3.
import {createHash} from "node:crypto";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {fileFacts, streamFileFacts} from "../../loaders/read/facts.js";
import {FileRefused} from "../../loaders/read/errors.js";

const CHUNKS = [1, 2, 3, 4, 5, 7, 64];
const dir = mkdtempSync(join(tmpdir(), "kc-facts-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

/** The facts both ways, which must agree; the file's own. */
async function facts(text: Buffer, chunk: number) {
  const inMemory = await fileFacts("disbursements.csv", text, text, "utf-8", chunk).catch((e: unknown) => e);
  const path = join(dir, `f-${chunk}.csv`);
  writeFileSync(path, text);
  const streamed = await streamFileFacts(path, "disbursements.csv", chunk).catch((e: unknown) => e);
  expect(streamed).toEqual(inMemory);
  if (inMemory instanceof Error) throw inMemory;
  return inMemory as Awaited<ReturnType<typeof fileFacts>>;
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

  it.each(CHUNKS)("a blank line followed by text only chunks later still counts; the BOM is hashed with the rest (chunk %i)", async (chunk) => {
    // A mark followed by line breaks to the chunk's end is held until text comes (or the file ends).
    // Not looking back at a held mark when text comes fails this and the blank-line test at chunks 1–5.
    const text = Buffer.from("\ufeffMã;Tên\r\n\r\n\r\n\r\n\r\nA;Hà\r\n");
    expect(await facts(text, chunk)).toEqual({blankLine: true, sha256: createHash("sha256").update(text).digest("hex")});
  });

  it.each(CHUNKS)("a character cut at the file's end is not valid UTF-8 (chunk %i)", async (chunk) => {
    // Its start carried over to the next chunk, which never comes: the carry is judged at the end
    // (not judging it passed this file as valid, at every chunk size).
    const text = Buffer.concat([Buffer.from("Mã;Tên\nA;Hà\n"), Buffer.from("ễ").subarray(0, 2)]);
    await expect(facts(text, chunk)).rejects.toBeInstanceOf(FileRefused);
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
