// One facility's card and support history (page "Cơ sở CNNT"): its projects (the projects file's years) and its
// plan-year activities. Every text from the data is set with textContent.
import {codeLabel} from "../lib/contract/codes.js";
import {formatMoney, formatNumber} from "../lib/format.js";
import type {FacilityLike} from "./facility-search.js";
import {dataTable} from "./table.js";

export interface DetailFacility extends FacilityLike {
  workers: number | null;
  founded_year: number | null;
  ocop_stars: number | null;
  supports: number;
  support_total: number;
  last_support_year: number | null;
}

export interface DetailSupport {
  source: "du_an" | "hoat_dong";
  establishment_id: string;
  support_id: string;
  year: number;
  level: string;
  content_group: string;
  title: string;
  status: string | null;
  amount: number | null;
  counterpart_amount: number | null;
  jobs_created: number | null;
  result: string | null;
  paid_amount: number | null;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** "Hộ kinh doanh · Chế biến … · thôn Thủy Ba Hạ, xã cũ Vĩnh Thủy · 2 lao động · thành lập 2004 · OCOP 3 sao". */
export function facilityFacts(f: DetailFacility): string {
  const place = [f.village ? `thôn ${f.village}` : "", f.former_unit ? `xã cũ ${f.former_unit}` : ""].filter((s) => s !== "").join(", ");
  return [
    codeLabel("kind", f.kind),
    codeLabel("sector", f.sector),
    place,
    f.workers != null ? `${formatNumber(f.workers)} lao động` : "",
    f.founded_year != null ? `thành lập năm ${f.founded_year}` : "",
    (f.ocop_stars ?? 0) > 0 ? `sản phẩm OCOP ${f.ocop_stars} sao` : ""
  ]
    .filter((s) => s !== "")
    .join(" · ");
}

/** `supports`: projects and activities, the facility's among them (other facilities' are skipped);
 * `period`: the years of the projects file the supports count ("2020–2025", formatPeriod). */
export function facilityDetail(facility: DetailFacility | null | undefined, supports: readonly DetailSupport[], {period}: {period: string}): HTMLElement {
  const box = el("div", undefined, "kc-facility-detail");
  if (!facility) {
    box.append(el("p", "Chọn một cơ sở trong danh sách để xem lịch sử hỗ trợ.", "kc-muted"));
    return box;
  }
  const mine = supports.filter((s) => s.establishment_id === facility.establishment_id);
  const projects = mine.filter((s) => s.source === "du_an");
  const activities = mine.filter((s) => s.source === "hoat_dong");

  const title = el("h3");
  title.className = "kc-facility-name";
  title.append(el("span", facility.establishment_id, "kc-muted"), " ", el("span", facility.name));
  box.append(title, el("p", facilityFacts(facility)));
  if (facility.main_products) {
    const p = el("p");
    p.append(el("strong", "Sản phẩm chính: "), facility.main_products);
    box.append(p);
  }
  const summary = el("p", undefined, "kc-note");
  summary.textContent =
    facility.supports > 0
      ? `Được hỗ trợ ${formatNumber(facility.supports)} lần, tổng ${formatMoney(facility.support_total)}; lần gần nhất năm ${facility.last_support_year}. ` +
        `Tính các đề án ${period} (mọi cấp) và các hoạt động từ khi được phê duyệt (không tính đề xuất, hoạt động đã hủy).`
      : "Cơ sở chưa được hỗ trợ lần nào trong dữ liệu hiện có.";
  box.append(summary);

  box.append(el("h4", `Đề án đã hỗ trợ giai đoạn ${period} (${formatNumber(projects.length)})`));
  const projectsTable = dataTable(projects, {
    fileName: `De an ho tro ${facility.establishment_id}`,
    title: `Đề án đã hỗ trợ cơ sở ${facility.establishment_id} giai đoạn ${period}`,
    caption: `Đề án đã hỗ trợ giai đoạn ${period}`,
    empty: `Cơ sở không có đề án nào giai đoạn ${period}.`,
    columns: [
      {key: "year", header: "Năm", type: "text"},
      {key: "title", header: "Tên đề án", type: "text"},
      {key: "level", header: "Cấp", type: "text", value: (d) => codeLabel("level", d.level)},
      {key: "content_group", header: "Nhóm nội dung", type: "text", value: (d) => codeLabel("content_group", d.content_group)},
      {key: "amount", header: "Kinh phí hỗ trợ (đồng)", type: "money"},
      {key: "counterpart_amount", header: "Vốn đối ứng (đồng)", type: "money"},
      {key: "jobs_created", header: "Lao động tạo thêm", type: "integer"},
      {key: "result", header: "Kết quả", type: "text"},
      {key: "support_id", header: "Mã đề án", type: "text"}
    ]
  });
  projectsTable.classList.add("kc-facility-projects");
  box.append(projectsTable);

  box.append(el("h4", `Hoạt động trong năm kế hoạch (${formatNumber(activities.length)})`));
  const activitiesTable = dataTable(activities, {
    fileName: `Hoat dong ${facility.establishment_id}`,
    title: `Hoạt động khuyến công của cơ sở ${facility.establishment_id}`,
    caption: "Hoạt động trong năm kế hoạch",
    empty: "Cơ sở không có hoạt động nào trong năm kế hoạch.",
    columns: [
      {key: "year", header: "Năm", type: "text"},
      {key: "title", header: "Tên hoạt động", type: "text"},
      {key: "content_group", header: "Nhóm nội dung", type: "text", value: (d) => codeLabel("content_group", d.content_group)},
      {key: "level", header: "Cấp", type: "text", value: (d) => codeLabel("level", d.level)},
      {key: "status", header: "Trạng thái", type: "text", value: (d) => codeLabel("status", d.status)},
      {key: "amount", header: "Kinh phí phê duyệt (đồng)", type: "money"},
      {key: "paid_amount", header: "Đã chi (đồng)", type: "money"},
      {key: "support_id", header: "Mã hoạt động", type: "text"}
    ]
  });
  activitiesTable.classList.add("kc-facility-activities");
  box.append(activitiesTable);
  return box;
}
