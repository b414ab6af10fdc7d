// What the ingest must know of a file's bytes besides what DuckDB reads from it: that its UTF-8
// is valid, whether it has a blank line (DuckDB would skip one without counting it, and the rows
// below would take the wrong spreadsheet numbers) and its SHA-256. Found in one pass over chunks
// as they come from the disk (open.ts, readInChunks), each chunk looked at once while it is in the
// processor's cache; it runs on Node's thread while DuckDB reads the same file on its own threads,
// and a large file is never held whole in memory.
import {isUtf8} from "node:buffer";
import {createHash} from "node:crypto";
import {setImmediate as yieldToLoop} from "node:timers/promises";
import type {Encoding} from "./encoding.js";
import {notUtf8} from "./encoding.js";
import {readInChunks, readRegularFile} from "./open.js";

export interface FileFacts {
  /** The text has a blank line: a line break right after another, the ones ending the text aside. */
  blankLine: boolean;
  sha256: string;
}

/** Two line breaks in a row, in LF, CRLF or CR files. */
const BLANK_MARKS = ["\n\n", "\n\r\n", "\r\r"];
const LF = 0x0a;
const CR = 0x0d;

/**
 * The facts of a text fed in chunks cut anywhere (inside a character, inside a blank line's
 * mark): `bytes()` takes the file's bytes as read (hashed), `text()` the same file as UTF-8 text
 * (for a UTF-8 file, the same chunks).
 */
export class FactsFinder {
  readonly #hash = createHash("sha256");
  readonly #checkUtf8: boolean;
  /** The start of a character cut by the last chunk's end. */
  #carry: Buffer = Buffer.alloc(0);
  /** The last chunk's last two bytes: a blank line's mark may span two chunks. */
  #tail: Buffer = Buffer.alloc(0);
  /** A blank line's mark was seen, and only line breaks since: it counts once text follows. */
  #marked = false;
  #blankLine = false;
  #validUtf8 = true;

  constructor(checkUtf8: boolean) {
    this.#checkUtf8 = checkUtf8;
  }

  bytes(chunk: Buffer): void {
    this.#hash.update(chunk);
  }

  text(chunk: Buffer): void {
    if (this.#checkUtf8 && this.#validUtf8) this.#checkCharacters(chunk);
    if (!this.#blankLine) this.#lookForBlankLine(chunk);
  }

  /** The facts, or undefined when the text was not valid UTF-8. */
  finish(): FileFacts | undefined {
    if (this.#carry.length > 0) this.#validUtf8 = false;
    return this.#validUtf8 ? {blankLine: this.#blankLine, sha256: this.#hash.digest("hex")} : undefined;
  }

  /**
   * Neither check copies the chunk: a character or a blank line's mark cut by the last chunk's
   * end is completed from the few first bytes of this one. (Joining each chunk to the last one's
   * tail copied the whole file once more, in fresh buffers, on processors DuckDB's read beside it
   * needs.)
   */
  #checkCharacters(chunk: Buffer): void {
    let rest = chunk;
    if (this.#carry.length > 0) {
      const missing = charSize(this.#carry[0]!) - this.#carry.length;
      const char = Buffer.concat([this.#carry, chunk.subarray(0, missing)]);
      rest = chunk.subarray(missing);
      if (char.length < charSize(char[0]!)) {
        this.#carry = char;
        return;
      }
      if (!isUtf8(char)) this.#validUtf8 = false;
    }
    const end = wholeCharactersEnd(rest);
    if (!isUtf8(rest.subarray(0, end))) this.#validUtf8 = false;
    // A copy: the chunk's buffer is read into again.
    this.#carry = Buffer.from(rest.subarray(end));
  }

  #lookForBlankLine(chunk: Buffer): void {
    if (this.#marked && !onlyLineBreaks(chunk, 0)) {
      this.#blankLine = true;
      return;
    }
    // A mark that starts in the last chunk's tail is line breaks up to this chunk: what follows
    // it is this whole chunk.
    const edge = Buffer.concat([this.#tail, chunk.subarray(0, 2)]);
    for (const mark of BLANK_MARKS) {
      const inEdge = edge.indexOf(mark);
      const at = inEdge >= 0 ? Math.max(0, inEdge - this.#tail.length) : chunk.indexOf(mark);
      if (at < 0) continue;
      if (!onlyLineBreaks(chunk, at)) {
        this.#blankLine = true;
        return;
      }
      this.#marked = true;
    }
    this.#tail = Buffer.from((chunk.length >= 2 ? chunk : Buffer.concat([this.#tail, chunk])).subarray(-2));
  }
}

/** Whether `text` from `from` on holds line breaks only. */
function onlyLineBreaks(text: Buffer, from: number): boolean {
  for (let i = from; i < text.length; i++) if (text[i] !== LF && text[i] !== CR) return false;
  return true;
}

/**
 * The end of the whole characters of `text`: its length, or where a character cut short by the
 * end begins (a lead byte whose continuation bytes have not all come). Anything else is left for
 * isUtf8 to judge.
 */
function wholeCharactersEnd(text: Buffer): number {
  let at = text.length - 1;
  while (at >= 0 && at > text.length - 4 && (text[at]! & 0xc0) === 0x80) at--;
  if (at < 0) return text.length;
  const size = charSize(text[at]!);
  return size > 1 && at + size > text.length ? at : text.length;
}

/** The bytes of the character a lead byte begins (1 for ASCII, 0 for a byte no character begins with). */
function charSize(lead: number): number {
  return lead < 0x80 ? 1 : lead >= 0xf0 && lead <= 0xf7 ? 4 : lead >= 0xe0 ? (lead <= 0xef ? 3 : 0) : lead >= 0xc0 ? 2 : 0;
}

/** Bytes looked at between two turns of the event loop. */
const CHUNK_BYTES = 1024 * 1024;

/**
 * The facts of a UTF-8 file, read from the disk chunk by chunk. Rejects with the encoding's
 * FileRefused, naming the line, when the UTF-8 is not valid.
 */
export async function streamFileFacts(path: string, file: string, chunkBytes = CHUNK_BYTES): Promise<FileFacts> {
  const finder = new FactsFinder(true);
  await readInChunks(path, file, chunkBytes, (chunk) => {
    finder.bytes(chunk);
    finder.text(chunk);
  });
  const facts = finder.finish();
  if (facts === undefined) throw notUtf8(file, await readRegularFile(path, file));
  return facts;
}

/**
 * The facts of a file already in memory: `bytes` as read, `utf8` its text (UTF-16 already
 * transcoded, and checked then). Rejects with the encoding's FileRefused when the UTF-8 is not valid.
 */
export async function fileFacts(file: string, bytes: Buffer, utf8: Buffer, encoding: Encoding, chunkBytes = CHUNK_BYTES): Promise<FileFacts> {
  const finder = new FactsFinder(encoding === "utf-8" || encoding === "utf-8-bom");
  for (let start = 0; start < bytes.length; start += chunkBytes) finder.bytes(bytes.subarray(start, start + chunkBytes));
  for (let start = 0; start < utf8.length; start += chunkBytes) {
    finder.text(utf8.subarray(start, start + chunkBytes));
    await yieldToLoop();
  }
  const facts = finder.finish();
  if (facts === undefined) throw notUtf8(file, utf8);
  return facts;
}
