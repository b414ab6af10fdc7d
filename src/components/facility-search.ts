// Searching and filtering the facility register (page "Cơ sở CNNT"). Pure functions, no DOM.
// Search folds case, diacritics and tone placement (foldKey): "hoa binh", "Hoà Bình" and
// "Hòa Bình" all find "Cơ sở nước mắm Hoà Bình".
import {foldKey} from "../lib/parse/text.js";

export interface FacilityLike {
  establishment_id: string;
  name: string;
  kind: string;
  sector: string;
  village: string | null;
  former_unit: string | null;
  main_products: string | null;
}

export interface FacilityFilter {
  query?: string;
  /** null or undefined: every value. */
  kind?: string | null;
  sector?: string | null;
  /** "" stands for facilities with no former commune written. */
  formerUnit?: string | null;
}

/** The folded text a facility is searched in: id, name, village, former commune, products. */
export function searchText(f: FacilityLike): string {
  return foldKey([f.establishment_id, f.name, f.village, f.former_unit, f.main_products].filter((s) => s != null).join(" | "));
}

/** Every word of the query (folded) must appear in the facility's folded text. */
export function matchesQuery(f: FacilityLike, query: string): boolean {
  const words = foldKey(query).split(" ").filter((w) => w !== "");
  if (words.length === 0) return true;
  const text = searchText(f);
  return words.every((w) => text.includes(w));
}

export function filterFacilities<F extends FacilityLike>(facilities: readonly F[], filter: FacilityFilter): F[] {
  return facilities.filter(
    (f) =>
      (filter.kind == null || f.kind === filter.kind) &&
      (filter.sector == null || f.sector === filter.sector) &&
      (filter.formerUnit == null || (f.former_unit ?? "") === filter.formerUnit) &&
      matchesQuery(f, filter.query ?? "")
  );
}
