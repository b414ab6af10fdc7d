// What the ingest must know of a file's bytes besides what DuckDB reads from it: that its UTF-8
// is valid, whether it has a blank line (DuckDB would skip one without counting it, and the rows
// below would take the wrong spreadsheet numbers) and its SHA-256. One pass in chunks, giving way
// to the event loop between them: it runs on Node's thread while DuckDB reads the same file on
// its own threads, instead of DuckDB waiting for it.
import {isUtf8} from "node:buffer";
import {createHash} from "node:crypto";
import {setImmediate as yieldToLoop} from "node:timers/promises";
import type {Encoding} from "./encoding.js";
import {notUtf8} from "./encoding.js";

export interface FileFacts {
  /** The text has a blank line: a line break right after another, the ones ending the text aside. */
  blankLine: boolean;
  sha256: string;
}

/** Bytes looked at between two turns of the event loop. */
const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * The facts of a file: `bytes` as read, `utf8` its text (without BOM; UTF-16 already transcoded,
 * and checked then). Rejects with the encoding's FileRefused when the UTF-8 is not valid.
 */
export async function fileFacts(file: string, bytes: Buffer, utf8: Buffer, encoding: Encoding, chunkBytes = CHUNK_BYTES): Promise<FileFacts> {
  const hash = createHash("sha256");
  const body = bodyEnd(utf8);
  const checkUtf8 = encoding === "utf-8" || encoding === "utf-8-bom";
  let blankLine = false;
  for (let start = 0; start < utf8.length; ) {
    const end = characterBoundary(utf8, start, Math.min(start + chunkBytes, utf8.length));
    if (checkUtf8 && !isUtf8(utf8.subarray(start, end))) throw notUtf8(file, utf8);
    // A blank line's mark (3 bytes at most) starting in this chunk ends at most 2 bytes past it.
    if (!blankLine && start < body) blankLine = hasBlankMark(utf8.subarray(start, Math.min(end + 2, body)));
    start = end;
    await yieldToLoop();
  }
  for (let start = 0; start < bytes.length; start += chunkBytes) {
    hash.update(bytes.subarray(start, start + chunkBytes));
    await yieldToLoop();
  }
  return {blankLine, sha256: hash.digest("hex")};
}

/** Two line breaks in a row, in LF, CRLF or CR files. */
function hasBlankMark(text: Buffer): boolean {
  return text.includes("\n\n") || text.includes("\n\r\n") || text.includes("\r\r");
}

/** The end of the text without its trailing line breaks. */
function bodyEnd(utf8: Buffer): number {
  let end = utf8.length;
  while (end > 0 && (utf8[end - 1] === 0x0a || utf8[end - 1] === 0x0d)) end--;
  return end;
}

/**
 * `end`, or when it falls inside a character, the start of that character (its end, if the chunk
 * holds nothing before it): chunks of whole characters are valid exactly when the text is.
 */
function characterBoundary(utf8: Buffer, start: number, end: number): number {
  const inside = (at: number) => at < utf8.length && (utf8[at]! & 0xc0) === 0x80;
  let at = end;
  while (at > start && inside(at)) at--;
  if (at > start) return at;
  for (at = end; inside(at); ) at++;
  return at;
}
