// Summary cards of the facility register (page "Cơ sở CNNT").
import {statCard} from "./stat-card.js";
import {codeLabel, codeLists} from "../lib/contract/codes.js";
import {formatMoney, formatNumber} from "../lib/format.js";

export interface CardFacility {
  kind: string;
  workers: number | null;
  ocop_stars: number | null;
  supports: number;
  support_total: number;
}


export function facilityCards(facilities: readonly CardFacility[], _options: {width?: number} = {}): HTMLElement {
  const byKind = codeLists.kind
    .map((e) => ({label: codeLabel("kind", e.code).toLowerCase(), n: facilities.filter((f) => f.kind === e.code).length}))
    .filter((k) => k.n > 0)
    .map((k) => `${formatNumber(k.n)} ${k.label}`)
    .join(", ");
  const withWorkers = facilities.filter((f) => f.workers != null);
  const workers = withWorkers.reduce((s, f) => s + (f.workers ?? 0), 0);
  const ocop = facilities.filter((f) => (f.ocop_stars ?? 0) >= 3);
  const supported = facilities.filter((f) => f.supports > 0);
  const total = supported.reduce((s, f) => s + f.support_total, 0);
  const grid = document.createElement("div");
  grid.className = "grid grid-cols-4";
  grid.append(
    statCard("Cơ sở trong danh bạ", formatNumber(facilities.length), byKind || "Chưa có cơ sở nào."),
    statCard(
      "Lao động",
      formatNumber(workers),
      withWorkers.length > 0 ? `bình quân ${formatNumber(workers / withWorkers.length, 1)} người một cơ sở` : "Chưa ghi số lao động."
    ),
    statCard("Có sản phẩm OCOP từ 3 sao", formatNumber(ocop.length), `${formatNumber(ocop.filter((f) => (f.ocop_stars ?? 0) >= 4).length)} cơ sở có sản phẩm 4–5 sao`),
    statCard("Đã được hỗ trợ", formatNumber(supported.length), `tổng kinh phí hỗ trợ ${formatMoney(total)}`)
  );
  return grid;
}
