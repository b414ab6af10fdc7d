// Delimiter detection: the office's Excel writes `,` or `;` (Vietnamese list separator) or tab.
import Papa from "papaparse";

export type Delimiter = "," | ";" | "\t";
const CANDIDATES: readonly Delimiter[] = [";", ",", "\t"];
/** Records looked at: enough to see the shape, few enough to stay instant on a large file. */
const SAMPLE_RECORDS = 20;

/**
 * The header row's cells and the delimiter of the file. A delimiter that splits the header and
 * the first rows into the same number of cells wins over one that only splits the header into
 * more (a header cell such as "Nội dung, ghi chú" holds commas in a `;` file); among those, the
 * one giving the most cells.
 */
export function readHeader(text: string): {delimiter: Delimiter; header: string[]} {
  let best: {delimiter: Delimiter; header: string[]; consistent: boolean} | undefined;
  for (const delimiter of CANDIDATES) {
    const rows = Papa.parse<string[]>(text, {delimiter, quoteChar: '"', preview: SAMPLE_RECORDS, skipEmptyLines: true}).data;
    const header = rows[0] ?? [];
    // The last sampled record may be cut short by the sample's end.
    const body = rows.slice(1, -1);
    const consistent = header.length > 1 && body.every((r) => r.length === header.length);
    const better =
      best === undefined ||
      (consistent && !best.consistent) ||
      (consistent === best.consistent && header.length > best.header.length);
    if (better) best = {delimiter, header, consistent};
  }
  return {delimiter: best!.delimiter, header: best!.header};
}
