// Delimiter detection: the office's Excel writes `,` or `;` (Vietnamese list separator) or tab.
import Papa from "papaparse";

export type Delimiter = "," | ";" | "\t";
const CANDIDATES: readonly Delimiter[] = [";", ",", "\t"];
/** Records looked at: enough to see the shape, few enough to stay instant on a large file. */
const SAMPLE_RECORDS = 20;

/** The bytes looked at for the header and the sample, at least: the first 64 KiB. */
export const SAMPLE_BYTES = 64 * 1024;
/** …and at most 16 MiB: no header is that long, and a file's whole text may not fit in one string. */
export const SAMPLE_MAX_BYTES = 16 * 1024 * 1024;

/**
 * The start of a file's text that readHeader() looks at: 64 KiB, or more when that does not hold
 * the whole header line and the line below it (a header of hundreds of columns, or a text pasted
 * into line 1): cut inside the header, the file's columns were miscounted.
 */
export function headerSample(utf8: Buffer): string {
  const first = utf8.indexOf(0x0a);
  const second = first < 0 ? -1 : utf8.indexOf(0x0a, first + 1);
  const end = Math.min(second < 0 ? utf8.length : Math.max(Math.min(utf8.length, SAMPLE_BYTES), second + 1), SAMPLE_MAX_BYTES);
  return utf8.toString("utf8", 0, end);
}

/**
 * Whether the first SAMPLE_BYTES of a longer text hold all headerSample() looks at (the line
 * below the header ends in them); if not, it looks at up to SAMPLE_MAX_BYTES.
 */
export function sampleComplete(start: Buffer): boolean {
  const first = start.indexOf(0x0a);
  return first >= 0 && start.indexOf(0x0a, first + 1) >= 0;
}

/**
 * The header row's cells, the delimiter of the file, and the records sampled below the header
 * (`below[0]` is line 2, blank lines included). The header is line 1, as the loaders read it,
 * even when blank. A delimiter that splits the header and the first rows into the same number of
 * cells wins over one that only splits the header into more (a header cell such as "Nội dung,
 * ghi chú" holds commas in a `;` file); among those, the one giving the most cells.
 */
export function readHeader(text: string): {delimiter: Delimiter; header: string[]; below: string[][]} {
  let best: {delimiter: Delimiter; header: string[]; below: string[][]; consistent: boolean} | undefined;
  for (const delimiter of CANDIDATES) {
    const rows = Papa.parse<string[]>(text, {delimiter, quoteChar: '"', preview: SAMPLE_RECORDS, skipEmptyLines: false}).data;
    const header = rows[0] ?? [];
    // The last sampled record may be cut short by the sample's end; a blank line says nothing
    // of the shape.
    const body = rows.slice(1, -1).filter((r) => !(r.length === 1 && r[0] === ""));
    const consistent = header.length > 1 && body.every((r) => r.length === header.length);
    const better =
      best === undefined ||
      (consistent && !best.consistent) ||
      (consistent === best.consistent && header.length > best.header.length);
    if (better) best = {delimiter, header, below: rows.slice(1), consistent};
  }
  return {delimiter: best!.delimiter, header: best!.header, below: best!.below};
}

/**
 * The records of a file's start below its header line, as `delimiter` splits them (the text of
 * headerSample(): the last record, maybe cut short by the sample's end, left out; blank lines
 * too). What a kind's table is declared from (repeatedTexts).
 */
export function sampleRecords(text: string, delimiter: Delimiter): string[][] {
  return Papa.parse<string[]>(text, {delimiter, quoteChar: '"', skipEmptyLines: true}).data.slice(1, -1);
}
