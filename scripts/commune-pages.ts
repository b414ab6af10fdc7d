// Each commune's own pages when the warehouse holds several (/xa/<Mã xã>/, /xa/<Mã xã>/hoat-dong,
// …): Framework's parameterized pages src/xa/[commune]/<page>.md, written before every build from
// the site's own pages, so that each page is written once. A copy reads its commune's datasets
// (src/xa/data/<code>/…, scripts/commune-data.ts) instead of the home commune's, imports from
// two folders up, and opens with a line naming its commune and linking its sibling pages. The
// folder is build output (.gitignore), as is the datasets' src/xa/data/: a warehouse of one commune
// has neither.
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import path from "node:path";

/** The pages each commune has, in menu order: [file, menu name]. */
export const COMMUNE_PAGES: readonly (readonly [string, string])[] = [
  ["index", "Tổng quan"],
  ["ke-hoach-thuc-hien", "Kế hoạch – Thực hiện"],
  ["hoat-dong", "Hoạt động"],
  ["giai-doan", "Giai đoạn đã qua"],
  ["co-so", "Cơ sở CNNT"],
  ["chat-luong-du-lieu", "Chất lượng dữ liệu"],
  ["danh-gia", "Đánh giá năm"],
  ["ke-hoach-nam-sau", "Dự thảo kế hoạch năm sau"]
];

export const COMMUNE_FOLDER = path.join("xa", "[commune]");

/** A site page as its commune copy: imports from two folders up, data from the commune's folder, the commune's links first. */
export function communePage(source: string, page: string): string {
  const body = source
    .replace(/(\bfrom\s*|\bimport\s*\(\s*)(["'])\.\//g, "$1$2../../")
    .replace(/FileAttachment\("data\/([^"]+)"\)/g, "FileAttachment(`../data/${observable.params.commune}/$1`)")
    // A link to a page the communes share (the data dictionary) leaves the commune's folder.
    .replace(/(href="|\]\()\.\/([\w-]+)(?=[")])/g, (link, open: string, target: string) => (COMMUNE_PAGES.some(([file]) => file === target) ? link : `${open}../../${target}`));
  const end = body.startsWith("---\n") ? body.indexOf("\n---\n", 4) + 5 : 0;
  const links = COMMUNE_PAGES.map(([file, name]) => (file === page ? `<strong>${name}</strong>` : `<a href="./${file === "index" ? "" : file}">${name}</a>`)).join(" · ");
  const nav = [
    "```js",
    "const kcNavCommune = await FileAttachment(`../data/${observable.params.commune}/commune.json`).json();",
    "```",
    "",
    `<p class="kc-commune-nav">\${kcNavCommune.name ? \`Xã \${kcNavCommune.name}\` : "Xã"} (mã \${observable.params.commune}): ${links} · <a href="../../tinh">Các xã</a></p>`,
    ""
  ].join("\n");
  return `${body.slice(0, end)}\n${nav}\n${body.slice(end)}`;
}

/** Writes src/xa/[commune]/ from the pages under `root` when there are several communes; removes src/xa/ otherwise. */
export function writeCommunePages(root: string, communes: number): boolean {
  const dir = path.join(root, COMMUNE_FOLDER);
  rmSync(communes < 2 ? path.join(root, "xa") : dir, {recursive: true, force: true});
  if (communes < 2) return false;
  mkdirSync(dir, {recursive: true});
  for (const [page] of COMMUNE_PAGES) {
    const source = path.join(root, `${page}.md`);
    if (existsSync(source)) writeFileSync(path.join(dir, `${page}.md`), communePage(readFileSync(source, "utf8"), page));
  }
  return true;
}

/** The addresses of every commune's pages, for the config's dynamicPaths. */
export function communePaths(codes: readonly string[]): string[] {
  return codes.flatMap((code) => COMMUNE_PAGES.map(([file]) => `/xa/${code}/${file === "index" ? "" : file}`));
}
