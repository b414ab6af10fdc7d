// Text rules of the contract: trimmed NFC text, and the two keys used for matching.

/**
 * The blank characters trimmed from a cell, as code-point ranges. Written once so that the
 * JavaScript path and the warehouse's SQL fast path trim exactly the same characters.
 */
export const BLANK_RANGES: readonly (readonly [number, number])[] = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200b],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff]
];

/** The blank ranges as a regular-expression character class body, in JS or RE2 syntax. */
export function blankClass(syntax: "js" | "re2"): string {
  const hex = (n: number) => (syntax === "js" ? `\\u${n.toString(16).padStart(4, "0")}` : `\\x{${n.toString(16)}}`);
  return BLANK_RANGES.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join("");
}

const EDGE_BLANKS = new RegExp(`^[${blankClass("js")}]+|[${blankClass("js")}]+$`, "g");

/** Trimmed, Unicode NFC text; an all-blank cell is no value at all. */
export function cleanText(raw: string | null | undefined): string | undefined {
  if (raw == null) return undefined;
  const text = raw.normalize("NFC").replace(EDGE_BLANKS, "");
  return text === "" ? undefined : text;
}

/**
 * Key for headers and code labels: case, spacing, punctuation and every diacritic folded
 * (`Số tiền`, `so tien`, `SO_TIEN` → `so tien`). Too coarse for people's names.
 */
export function foldKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * Key for names: case and spacing folded, and the tone mark moved to the end of its syllable,
 * so the old and new tone placement match (`Thuỷ` = `Thủy`, `hoà` = `hòa`) while different
 * tones (`Thủy` ≠ `Thùy`) stay apart.
 */
export function nameKey(text: string): string {
  return text
    .normalize("NFD")
    .toLowerCase()
    .split(/[\s\u00a0]+/)
    .filter((w) => w !== "")
    .map((word) => {
      const tones = word.match(TONE_MARKS) ?? [];
      return word.replace(TONE_MARKS, "") + tones.join("");
    })
    .join(" ")
    .normalize("NFC");
}
