// Long lists travel column by column (a data loader packs, a page unpacks): a list of row objects
// repeats every key on every row, and a column of few distinct values (a code, a former commune,
// a facility's name on each of its projects, a decision shared by many projects) is written once
// as a dictionary plus the index of each row's value. Also the shards a per-facility file is cut
// into (shardOf), computed alike by the loader and by the page.

/** Rows a long table draws at first and adds at each "Hiện thêm" (src/components/table.ts): what a
 * dataset cut to its first page ships for the first paint, the rest coming on demand. */
export const PAGE_ROWS = 500;

/** A column: the values row by row, or a dictionary and each row's index into it. */
export type PackedColumn = unknown[] | {dict: unknown[]; codes: number[]};

export interface Packed {
  rows: number;
  columns: Record<string, PackedColumn>;
}

/** `rows` as columns `keys`; the `dictionary` keys as dictionary and codes. */
export function pack<R extends object>(rows: readonly R[], keys: readonly (keyof R & string)[], dictionary: readonly (keyof R & string)[] = []): Packed {
  const columns: Record<string, PackedColumn> = {};
  for (const key of keys) {
    const values = rows.map((row) => row[key] as unknown);
    if (!dictionary.includes(key)) {
      columns[key] = values;
      continue;
    }
    const index = new Map<unknown, number>();
    const dict: unknown[] = [];
    const codes = values.map((value) => {
      // A list (a facility's levels) is one value by its content, not by its identity.
      const key = typeof value === "object" && value !== null ? JSON.stringify(value) : value;
      let code = index.get(key);
      if (code === undefined) {
        code = dict.length;
        index.set(key, code);
        dict.push(value);
      }
      return code;
    });
    columns[key] = {dict, codes};
  }
  return {rows: rows.length, columns};
}

/** The rows again, as objects with the packed keys. */
export function unpack<R>(packed: Packed): R[] {
  const columns = Object.entries(packed.columns).map(([key, column]) => {
    const at = Array.isArray(column) ? (i: number) => column[i] : (i: number) => column.dict[column.codes[i]!];
    return [key, at] as const;
  });
  const rows: R[] = [];
  for (let i = 0; i < packed.rows; i++) {
    const row: Record<string, unknown> = {};
    for (const [key, at] of columns) row[key] = at(i);
    rows.push(row as R);
  }
  return rows;
}

/** The shard (0 … count − 1) of an id: FNV-1a of its UTF-16 code units, so loader and page agree. */
export function shardOf(id: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % count;
}
