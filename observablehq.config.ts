// Observable Framework configuration for the khuyến công dashboard.
// Everything here keeps the built site self-contained: no Google Fonts (globalStylesheets: []),
// no outside links in the footer, no DuckDB-WASM extension downloads (scripts/SITE.md). The page's
// language (<html lang="vi">) is set by scripts/postbuild.ts: Framework 1.13 has no option for it.
import {siteFacts} from "./src/lib/warehouse/open.js";
import {communeLabel, communePlace} from "./src/lib/commune.js";
import {communePaths} from "./scripts/commune-pages.js";
import {communesOf, shardFromEnv} from "./scripts/shards.js";
import {pageShellScript} from "./src/components/page-shell.js";
import {formatDateTime} from "./src/lib/format.js";


// The commune the pages stand for names the site; the history page's menu entry names the years
// its history holds (through the last closed plan year); several communes add the province page.
const {period, home, communes} = await siteFacts();

/** The site's pages in menu order. */
const PAGES: {name: string; path: string}[] = [
  {name: "Tổng quan", path: "/"},
  {name: "Kế hoạch – Thực hiện", path: "/ke-hoach-thuc-hien"},
  {name: "Hoạt động", path: "/hoat-dong"},
  {name: period ? `Giai đoạn ${period}` : "Giai đoạn đã qua", path: "/giai-doan"},
  {name: "Cơ sở CNNT", path: "/co-so"},
  {name: "Chất lượng dữ liệu", path: "/chat-luong-du-lieu"},
  {name: "Đánh giá năm", path: "/danh-gia"},
  {name: "Dự thảo kế hoạch năm sau", path: "/ke-hoach-nam-sau"},
  {name: "Từ điển dữ liệu", path: "/tu-dien-du-lieu"}
];

// A province's build runs in shards (scripts/shards.ts) that must stamp their pages alike.
const builtAt = formatDateTime(process.env.KC_BUILT_AT ?? new Date());

/** The footer is HTML; a name from the office's files is text. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export default {
  // A shard of a province's build reads a root of its own (scripts/shards.ts).
  root: process.env.KC_SITE_ROOT ?? "src",
  // Tests build into their own folder (KC_SITE_OUT) so a developer's dist/ is left alone.
  output: process.env.KC_SITE_OUT ?? "dist",
  title: communes.length > 1 ? `Khuyến công ${communes.length} xã` : home?.name ? `Khuyến công ${communeLabel(home)}` : "Khuyến công",
  // Several communes: the province page first, then the home commune's pages under its name (each
  // commune's own are linked from the province page).
  pages: communes.length > 1 ? [{name: "Các xã", path: "/tinh"}, {name: home?.name ? `Xã ${home.name}` : `Mã xã ${home?.code ?? ""}`, open: true, pages: PAGES}] : PAGES,
  // Each commune's own pages (scripts/commune-pages.ts) when there are several: this shard's share.
  dynamicPaths: communes.length > 1 ? communePaths(communesOf(communes, shardFromEnv()).map((c) => c.code)) : [],
  pager: false,
  // No header (Framework's default is an empty one, which it still parses as HTML on every page).
  header: null,
  toc: {label: "Trên trang này"},
  search: false,
  // Our own stylesheet (imports Framework's default layout and the light "air" theme).
  style: "style.css",
  // No Google Fonts: system fonts only.
  globalStylesheets: [],
  head: `<meta name="robots" content="noindex"><link rel="icon" href="data:,">${pageShellScript}`,
  footer: `<div class="kc-footer">Trang tổng hợp hoạt động khuyến công${home ? ` ${escapeHtml(communePlace(home))}` : ""} ·
Trung tâm Dịch vụ tổng hợp xã · Số liệu lấy từ kho dữ liệu nội bộ · Trang được dựng lúc ${builtAt}.</div>`,
  // Never download DuckDB-WASM extensions (null = do not fetch); pages get JSON/CSV/Arrow from loaders.
  duckdb: {extensions: {json: null, parquet: null}}
};
