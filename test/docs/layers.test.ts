// The folders are the architecture (README, "Layout"): each layer imports only from its own
// folder or from the layers below it, so a reader can tell from a file's folder what it may use.
//   src/lib                          the shared bottom: contract, parsing, formatting, warehouse reader
//   loaders (the ingest), reports (the documents' models), src/components (the pages' parts)
//   src/data (the pages' datasets) and src/data.zip.ts (the site's data loader), the pages (src/*.md)
//   scripts (build, server, developer commands), bench
// Mutation: loaders/read/encoding.ts importing from src/components again (it took its UI copy from
// there before the labels moved to src/lib) made "no file imports from a layer above its own"
// fail, naming the file and the import.
import {existsSync, readdirSync, readFileSync} from "node:fs";
import path from "node:path";
import {describe, expect, it} from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

/** The layer a project file belongs to, and the layers it may import from (besides its own). */
const LAYERS: {name: string; folder: (file: string) => boolean; mayImport: string[]}[] = [
  {name: "src/lib", folder: (f) => f.startsWith("src/lib/"), mayImport: []},
  {name: "loaders", folder: (f) => f.startsWith("loaders/"), mayImport: ["src/lib"]},
  {name: "reports", folder: (f) => f.startsWith("reports/"), mayImport: ["src/lib"]},
  {name: "src/components", folder: (f) => f.startsWith("src/components/"), mayImport: ["src/lib"]},
  {name: "src/data", folder: (f) => f.startsWith("src/data/") || /^src\/data[^/]*\.ts$/.test(f), mayImport: ["src/lib", "reports", "src/components"]},
  {name: "pages", folder: (f) => /^src\/(?:xa\/\[commune\]\/)?[^/]+\.md$/.test(f), mayImport: ["src/lib", "src/components"]},
  {name: "scripts", folder: (f) => f.startsWith("scripts/") || f === "observablehq.config.ts", mayImport: ["src/lib", "loaders", "reports", "src/components", "src/data", "pages"]},
  {name: "bench", folder: (f) => f.startsWith("bench/"), mayImport: ["src/lib", "loaders", "scripts", "test"]},
  {name: "test", folder: (f) => f.startsWith("test/"), mayImport: ["src/lib", "loaders", "reports", "src/components", "src/data", "pages", "scripts", "bench"]}
];

function layerOf(file: string) {
  return LAYERS.find((l) => l.folder(file));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), {withFileTypes: true}).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return e.name.startsWith(".") || e.name === "node_modules" || e.name === "fixtures" ? [] : sourceFiles(rel);
    return /\.(ts|md)$/.test(e.name) && !e.name.endsWith(".d.ts") ? [rel] : [];
  });
}

/** Relative imports of a file (static, dynamic and `import … from` in Markdown code blocks). */
function relativeImports(file: string): string[] {
  const text = readFileSync(path.join(root, file), "utf8");
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]!);
}

const files = ["src", "loaders", "reports", "scripts", "bench", "test"].flatMap(sourceFiles).concat("observablehq.config.ts");

describe("the folders are the layers", () => {
  it("every source file belongs to a layer", () => {
    expect(files.filter((f) => !layerOf(f))).toEqual([]);
  });

  it("no file imports from a layer above its own", () => {
    const wrong: string[] = [];
    for (const file of files) {
      const own = layerOf(file)!;
      for (const spec of relativeImports(file)) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\.js$/, ".ts");
        const layer = layerOf(target);
        if (layer && layer !== own && !own.mayImport.includes(layer.name)) wrong.push(`${file} (${own.name}) → ${spec} (${layer.name})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("the ingest's folder holds the ingest and its SQL only", () => {
    const top = readdirSync(path.join(root, "loaders")).sort();
    // read/ (files), load/ (typed rows), sql/ (warehouse SQL), the run, its command and summary.
    expect(top.filter((e) => !["cli.ts", "ingest.ts", "load", "read", "sql", "summary-rows.ts", "summary.ts"].includes(e))).toEqual([]);
  });

  // Mutation: test/lib/contract moved back to test/contract made this fail with ["test/contract"].
  it("the test folders mirror the code's folders, beside the three that cut across", () => {
    const CROSS_CUTTING = ["test/browser", "test/docs", "test/hardening"];
    const source = (dir: string) => dir.replace(/^test\/lib(?=\/|$)/, "src/lib").replace(/^test\//, "");
    const dirs = (dir: string): string[] =>
      readdirSync(path.join(root, dir), {withFileTypes: true})
        .filter((e) => e.isDirectory() && e.name !== "fixtures")
        .flatMap((e) => [path.posix.join(dir, e.name), ...dirs(path.posix.join(dir, e.name))]);
    const testDirs = dirs("test").filter((d) => !CROSS_CUTTING.some((c) => d === c || d.startsWith(`${c}/`)));
    expect(testDirs.filter((d) => !existsSync(path.join(root, source(d))))).toEqual([]);
  });
});
