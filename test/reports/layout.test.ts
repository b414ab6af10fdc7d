// Layout that survives editing, proved with LibreOffice: staff fill the placeholders before the
// closing sentence, so each document is rendered with 0 to 40 lines added there. On every page
// count the closing sentence, "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", the name and "Nơi nhận" share one
// page, no page is blank, and the national motto keeps to one line (Times New Roman, or the
// metric-compatible Liberation Serif .ci/run installs).
// Mutation check: with the signature row allowed to split (cantSplit off) and the closing
// sentence not kept with it, this test failed (in the plan from 9 added lines on, the name and
// "Lưu: VT." fell to the next page).
import {execFileSync, spawnSync} from "node:child_process";
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import JSZip from "jszip";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {buildDraftPlanDocx, buildEvaluationDocx, previousYear, type DraftPlanModel} from "../../src/lib/documents/index.js";
import {draftOf, inputs} from "./fixtures/draft-inputs.js";
import {evaluationModel} from "./fixtures/evaluation-model.js";

const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice"].find((p) => existsSync(p));
const ADDED = Array.from({length: 41}, (_, i) => i);

/** The document with `n` body lines added before the paragraph of the closing sentence. */
async function withLines(bytes: Uint8Array, n: number): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("word/document.xml")!.async("string");
  const at = xml.lastIndexOf("<w:p>", xml.indexOf("Trên đây là"));
  const line = (i: number) =>
    `<w:p><w:pPr><w:spacing w:before="120" w:after="0" w:line="300" w:lineRule="auto"/><w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="28"/></w:rPr><w:t>Nội dung cán bộ bổ sung, dòng ${i + 1}.</w:t></w:r></w:p>`;
  zip.file("word/document.xml", xml.slice(0, at) + ADDED.slice(0, n).map(line).join("") + xml.slice(at));
  return zip.generateAsync({type: "uint8array"});
}

let dir: string;
const pages = new Map<string, string[]>();

beforeAll(async () => {
  if (!soffice) return;
  dir = mkdtempSync(join(tmpdir(), "kc-layout-"));
  const plan: DraftPlanModel = {draft: draftOf(inputs, {year: 2027, envelope: 100_000_000n}), previous: previousYear(evaluationModel), registry: {total: 42, bySector: evaluationModel.outcomes.bySector}};
  const docs = {"ke-hoach": await buildDraftPlanDocx(plan), "bao-cao": await buildEvaluationDocx(evaluationModel)};
  const files: string[] = [];
  for (const [name, bytes] of Object.entries(docs)) {
    for (const n of ADDED) {
      const file = join(dir, `${name}-${n}.docx`);
      writeFileSync(file, await withLines(bytes, n));
      files.push(file);
    }
  }
  const run = spawnSync(soffice, [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, ...files], {encoding: "utf8", timeout: 280_000});
  if (run.status !== 0) throw new Error(run.stderr);
  for (const file of files) {
    const pdf = file.replace(/\.docx$/, ".pdf");
    pages.set(file.replace(/^.*\/|\.docx$/g, ""), execFileSync("pdftotext", ["-layout", pdf, "-"], {encoding: "utf8"}).split("\f").slice(0, -1));
  }
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, {recursive: true, force: true});
});

describe.runIf(soffice)("layout with LibreOffice, 0 to 40 lines added before the closing sentence", () => {
  for (const name of ["ke-hoach", "bao-cao"]) {
    it(`${name}: the signature block never splits and no page is blank`, () => {
      const problems: string[] = [];
      for (const n of ADDED) {
        const p = pages.get(`${name}-${n}`)!;
        const signed = p.findIndex((text) => text.includes("TM. ỦY BAN NHÂN DÂN"));
        const page = p[signed] ?? "";
        for (const part of ["./.", "CHỦ TỊCH", "họ và tên người ký]", "Nơi nhận:", "Lưu: VT."]) {
          if (!page.includes(part)) problems.push(`${n} dòng: "${part}" không cùng trang với "TM. ỦY BAN NHÂN DÂN" (trang ${signed + 1})`);
        }
        p.forEach((text, i) => {
          // a page holding nothing but its number is blank
          if (text.replace(/\s+/g, "").replace(/^\d+$/, "") === "") problems.push(`${n} dòng: trang ${i + 1} trống`);
        });
        if (!p[0]!.split("\n").some((l) => l.includes("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))) problems.push(`${n} dòng: quốc hiệu xuống dòng`);
      }
      expect(problems).toEqual([]);
    });
  }
  it("the appendix starts a page of its own", () => {
    for (const n of ADDED) {
      const p = pages.get(`ke-hoach-${n}`)!;
      const appendix = p.findIndex((text) => text.includes("PHỤ LỤC"));
      expect(appendix, `${n} dòng`).toBeGreaterThan(0);
      expect(p[appendix]!.trim().split("\n").filter((l) => l.trim() !== "").slice(0, 2).join(" ")).toMatch(/^\s*\d+\s+PHỤ LỤC|^\s*PHỤ LỤC/);
    }
  });
});

it.skipIf(!existsSync("/usr/bin/fc-match"))("renders with a font metric-compatible with Times New Roman", () => {
  // .ci/run installs fonts-liberation2; without it LibreOffice falls back to DejaVu Serif and the motto wraps
  expect(execFileSync("fc-match", ["Times New Roman"], {encoding: "utf8"})).toMatch(/Times New Roman|Liberation Serif/);
  expect(readFileSync(new URL("../../.ci/run", import.meta.url), "utf8")).toContain("fonts-liberation2");
});
