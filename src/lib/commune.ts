// How pages and documents name the commune they stand for, from its xa.csv (src/data/commune.ts,
// open.ts communes()): never from the code. A commune whose folder has no xa.csv is named by what
// is known of it, and documents leave a dotted blank for the office to write in.

export interface CommuneName {
  code: string;
  name: string | null;
  province: string | null;
  /** The former communes merged into it, in its xa.csv's order. */
  formerUnits: readonly string[];
}

/** "xã Vĩnh Thủy"; "xã" alone when the name is not known. */
export function communeLabel(c: Pick<CommuneName, "name">): string {
  return c.name ? `xã ${c.name}` : "xã";
}

/** "xã Vĩnh Thủy, tỉnh Quảng Trị". */
export function communePlace(c: Pick<CommuneName, "name" | "province">): string {
  return c.province ? `${communeLabel(c)}, tỉnh ${c.province}` : communeLabel(c);
}

/** "các xã cũ Vĩnh Thủy, Vĩnh Lâm, Vĩnh Sơn", or "" without former communes. */
export function formerUnitsText(c: Pick<CommuneName, "formerUnits">): string {
  return c.formerUnits.length === 0 ? "" : `${c.formerUnits.length === 1 ? "xã cũ" : "các xã cũ"} ${c.formerUnits.join(", ")}`;
}

/** Former communes in the commune's own order first, any other name after, alphabetically. */
export function byFormerUnit(formerUnits: readonly string[]): (a: string, b: string) => number {
  const rank = (u: string) => formerUnits.indexOf(u) + 1 || formerUnits.length + 1;
  return (a, b) => rank(a) - rank(b) || a.localeCompare(b, "vi");
}
