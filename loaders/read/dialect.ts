// Delimiter detection: the office's Excel writes `,` or `;` (Vietnamese list separator) or tab.
import Papa from "papaparse";

export type Delimiter = "," | ";" | "\t";
const CANDIDATES: readonly Delimiter[] = [";", ",", "\t"];

/** The header row's cells and the delimiter that splits it into the most cells. */
export function readHeader(text: string): {delimiter: Delimiter; header: string[]} {
  const firstRecord = text.slice(0, headerEnd(text));
  let best: {delimiter: Delimiter; header: string[]} = {delimiter: ",", header: [firstRecord]};
  for (const delimiter of CANDIDATES) {
    const header = Papa.parse<string[]>(firstRecord, {delimiter, quoteChar: '"'}).data[0] ?? [];
    if (header.length > best.header.length) best = {delimiter, header};
  }
  return best;
}

/** End of the first record: the first line break outside quotes. */
function headerEnd(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) return i;
  }
  return text.length;
}
