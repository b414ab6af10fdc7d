// The README is the newcomer's and the office's map: every page of the site with its address, every
// kind of file the office hands in, and the columns of the yearly cycle, named as the contract
// names them (headers read from src/lib/contract, not copied here).
// Mutation: deleting the README row of /co-so made the first test fail; renaming the header "Năm kế
// hoạch" in the contract (docs/du-lieu.md not regenerated, README not updated) made the third fail.
import {readFileSync} from "node:fs";
import path from "node:path";
import {describe, expect, it} from "vitest";
import config from "../../observablehq.config.js";
import {columnMeta} from "../../src/lib/contract/fields.js";
import {filePrefix, kinds, type KindName, type KindSpec} from "../../src/lib/contract/kinds.js";

const root = path.resolve(import.meta.dirname, "../..");
const readme = readFileSync(path.join(root, "README.md"), "utf8");
const dictionary = readFileSync(path.join(root, "docs/du-lieu.md"), "utf8");

/** The rows of the first Markdown table after `heading`, as cells. */
function table(heading: string): string[][] {
  const section = readme.slice(readme.indexOf(heading));
  const lines = section.split("\n");
  const start = lines.findIndex((l) => l.startsWith("|"));
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    rows.push(line.slice(1, -1).split(" | ").map((c) => c.trim()));
  }
  return rows;
}

describe("README", () => {
  it("lists every page of the site with its address", () => {
    // The province page is in the menu only when the warehouse holds several communes.
    const rows = table("## Trang tổng hợp").filter((r) => r[1] !== "`/tinh`");
    expect(table("## Trang tổng hợp").some((r) => r[1] === "`/tinh`" && r[0]!.startsWith("Các xã"))).toBe(true);
    for (const page of config.pages as {name: string; path: string}[]) {
      const row = rows.find((r) => r[1] === `\`${page.path}\``);
      expect(row, page.path).toBeDefined();
      // "Giai đoạn 2020–2026" in the menu is "Giai đoạn (các năm đã qua; …)" in the table.
      expect(page.name.startsWith(row![0]!.split(" (")[0]!), page.path).toBe(true);
    }
    expect(rows).toHaveLength(config.pages.length);
  });

  it("lists every kind of file the office hands in", () => {
    const files = table("## Phòng Kinh tế nộp những tệp nào").map((r) => r[0]);
    for (const kind of Object.keys(kinds) as KindName[]) expect(files, kind).toContain(`\`${filePrefix(kinds[kind] as KindSpec)}*.csv\``);
  });

  it("explains the yearly cycle's columns, by their headers, beside docs/du-lieu.md", () => {
    const cycle = [
      ["disbursements", "plan_year"],
      ["activities", "carried_from_year"],
      ["activities", "carried_from_id"]
    ] as const;
    for (const [kind, column] of cycle) {
      const shape = kinds[kind].schema.shape as Record<string, Parameters<typeof columnMeta>[0]>;
      const header = columnMeta(shape[column]!).header;
      expect(readme, header).toContain(`**${header}**`);
      expect(dictionary, header).toContain(`**${header}**`);
    }
  });
});
