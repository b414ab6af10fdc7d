// Facilities in the register by sector, for section III of the draft plan. Browser-safe.
import {codeLists} from "../contract/codes.js";
import type {Establishment} from "../contract/kinds.js";
import type {CountBy} from "../documents/models.js";

export function registryBySector(establishments: readonly Pick<Establishment, "sector">[]): {total: number; bySector: CountBy[]} {
  const bySector = codeLists.sector.map((e) => ({code: e.code as string, label: e.label as string, count: establishments.filter((x) => x.sector === e.code).length}));
  return {total: establishments.length, bySector};
}
