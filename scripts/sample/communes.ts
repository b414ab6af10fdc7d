// Many communes of sample data, one sub-folder each (data/<Mã xã>/, the province's layout): each
// the sample (same seed: the same figures in every commune, numbered alike), its xa.csv naming it.
// For the province page's tests and the growth benchmark.
import {mkdirSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {DEFAULT_SEED, MARKER_FILE, MARKER_TEXT, generateSample} from "./generate.js";

export interface SampleCommune {
  code: string;
  name: string;
}

/** The i-th commune of a generated province (0-based): codes 20001, 20002, … */
export function sampleCommune(i: number): SampleCommune {
  return {code: String(20001 + i), name: `Thử Nghiệm ${i + 1}`};
}

/** Writes `count` communes' sample folders into `outDir`, the sample marker at its top. */
export function generateCommunes(outDir: string, count: number, seed = DEFAULT_SEED): SampleCommune[] {
  mkdirSync(outDir, {recursive: true});
  const communes = Array.from({length: count}, (_, i) => sampleCommune(i));
  for (const {code, name} of communes) {
    const dir = join(outDir, code);
    generateSample(dir, seed);
    writeFileSync(join(dir, "xa.csv"), `\uFEFFMã xã,Tên xã,Tỉnh,Xã cũ\r\n${code},${name},Quảng Trị,\r\n`, "utf8");
    rmSync(join(dir, MARKER_FILE), {force: true});
  }
  writeFileSync(join(outDir, MARKER_FILE), MARKER_TEXT, "utf8");
  return communes;
}
