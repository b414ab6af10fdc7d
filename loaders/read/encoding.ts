// The contract's encodings: UTF-8 with or without BOM, or UTF-16 with BOM. Anything else is
// refused as a whole, with how to re-save it: guessing a legacy Vietnamese encoding (TCVN3,
// VNI, Windows-1258) would load wrong names without anyone noticing.
import {isUtf8} from "node:buffer";
import {SAVE_AS_CSV} from "../../src/lib/quality-labels.js";
import {FileRefused} from "./errors.js";

export type Encoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be";

const RESAVE = `${SAVE_AS_CSV.slice(0, -1)} rồi nộp lại.`;

/**
 * The file's encoding, from its first bytes (its BOM, or 200 bytes for UTF-16 without one, which
 * is refused). UTF-8 is checked by fileFacts() (facts.ts), beside DuckDB's read.
 */
export function detectEncoding(start: Buffer, file: string): Encoding {
  if (start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf) return "utf-8-bom";
  if (start[0] === 0xff && start[1] === 0xfe) return "utf-16le";
  if (start[0] === 0xfe && start[1] === 0xff) return "utf-16be";
  if (looksLikeUtf16WithoutBom(start)) {
    throw new FileRefused(file, `có vẻ là UTF-16 nhưng không có BOM, không đọc được chắc chắn. ${RESAVE}`);
  }
  return "utf-8";
}

/** Bytes of a UTF-8 file's BOM, which its text leaves out. */
export const bomBytes = (encoding: Encoding): number => (encoding === "utf-8-bom" ? 3 : 0);

/** The file's text as UTF-8 bytes without BOM, and the encoding it came in. UTF-16 is checked here, as it is transcoded. */
export function toUtf8(bytes: Buffer, file: string): {utf8: Buffer; encoding: Encoding} {
  const encoding = detectEncoding(bytes, file);
  const utf8 = encoding === "utf-16le" || encoding === "utf-16be" ? fromUtf16(bytes, encoding, file) : bytes.subarray(bomBytes(encoding));
  return {utf8, encoding};
}

/**
 * UTF-16 text (after its BOM) as UTF-8, or refused: an odd number of bytes or a half of a
 * surrogate pair is not text (a file cut short, or not UTF-16 at all), and decoding it leniently
 * loaded "�" in its place without a word.
 */
function fromUtf16(bytes: Buffer, encoding: "utf-16le" | "utf-16be", file: string): Buffer {
  const body = bytes.subarray(2);
  const fault = body.length % 2 === 1 ? "số byte lẻ: tệp bị cắt cụt" : undefined;
  try {
    if (fault === undefined) return Buffer.from(new TextDecoder(encoding, {fatal: true}).decode(body), "utf8");
  } catch {
    // reported below, with the line
  }
  const text = new TextDecoder(encoding).decode(body);
  const bad = fault === undefined ? text.indexOf("\ufffd") : -1;
  const where = bad < 0 ? "" : ` (từ dòng ${text.slice(0, bad).split("\n").length})`;
  throw new FileRefused(file, `có BOM của UTF-16 nhưng không đọc được như UTF-16 (${fault ?? "có ký tự hỏng"}${where}). ${RESAVE}`);
}

export function notUtf8(file: string, bytes: Buffer): FileRefused {
  const line = lineOfFirstInvalidByte(bytes);
  return new FileRefused(
    file,
    `không phải mã UTF-8 (lỗi mã hóa từ dòng ${line}; có thể là Windows-1258, TCVN3 hoặc VNI). ${RESAVE}`
  );
}

function looksLikeUtf16WithoutBom(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, 200);
  let zeros = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros++;
  return n > 0 && zeros > n / 4;
}

function lineOfFirstInvalidByte(bytes: Buffer): number {
  // Binary search the longest valid prefix; a cut inside a character is invalid too, so step
  // back to a line boundary before testing.
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    const cut = bytes.lastIndexOf(0x0a, mid);
    if (isUtf8(bytes.subarray(0, cut < 0 ? 0 : cut + 1))) lo = mid;
    else hi = mid;
  }
  let line = 1;
  const end = bytes.lastIndexOf(0x0a, lo);
  for (let i = 0; i <= end; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
