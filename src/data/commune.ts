// The commune a page stands for, named from its xa.csv (code, name, province, former communes),
// and how many communes the warehouse holds: titles, the footer and the "Xã cũ" charts read it.
import {ownCommune, type CommuneInfo} from "../lib/warehouse/open.js";
import {warehouseCommunes, type Sources} from "../lib/warehouse/json.js";

export interface CommuneData extends CommuneInfo {
  /** Communes in the warehouse: more than one adds the province page. */
  communes: number;
}

export default async function commune(sources: Sources): Promise<CommuneData> {
  const all = warehouseCommunes(sources);
  return {...(await ownCommune(sources.warehouse, all)), communes: (await all).length};
}
