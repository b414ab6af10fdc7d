// Text rules of the contract: trimmed NFC text, and the two keys used for matching.

/** Trimmed, Unicode NFC text; an all-blank cell is no value at all. */
export function cleanText(raw: string | null | undefined): string | undefined {
  if (raw == null) return undefined;
  const text = raw.normalize("NFC").replace(/[\s\u00a0\u200b\ufeff]+/g, " ").trim();
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
