// Summary cards of the facility register (page "Cơ sở CNNT"), from the register's totals summed in
// the warehouse (src/data/establishments.ts).
import {statCard} from "./stat-card.js";
import {codeLabel, codeLists} from "../lib/contract/codes.js";
import {formatMoney, formatNumber} from "../lib/format.js";

/** The register's totals: facilities, by kind, workers (of those that report them), OCOP, supported. */
export interface FacilityCounts {
  facilities: number;
  kinds: readonly {kind: string; n: number}[];
  with_workers: number;
  workers: number;
  /** Facilities with an OCOP product of at least 3 stars, and of at least 4. */
  ocop3: number;
  ocop4: number;
  supported: number;
  support_total: number;
}

export function facilityCards(t: FacilityCounts): HTMLElement {
  const byKind = codeLists.kind
    .map((e) => ({label: codeLabel("kind", e.code).toLowerCase(), n: t.kinds.find((k) => k.kind === e.code)?.n ?? 0}))
    .filter((k) => k.n > 0)
    .map((k) => `${formatNumber(k.n)} ${k.label}`)
    .join(", ");
  const grid = document.createElement("div");
  grid.className = "grid grid-cols-4";
  grid.append(
    statCard("Cơ sở trong danh bạ", formatNumber(t.facilities), byKind || "Chưa có cơ sở nào."),
    statCard(
      "Lao động",
      formatNumber(t.workers),
      t.with_workers > 0 ? `bình quân ${formatNumber(t.workers / t.with_workers, 1)} người một cơ sở` : "Chưa ghi số lao động."
    ),
    statCard("Có sản phẩm OCOP từ 3 sao", formatNumber(t.ocop3), `${formatNumber(t.ocop4)} cơ sở có sản phẩm 4–5 sao`),
    statCard("Đã được hỗ trợ", formatNumber(t.supported), `tổng kinh phí hỗ trợ ${formatMoney(t.support_total)}`)
  );
  return grid;
}
