// The site builds from the data with no network at all, and dist/ asks for nothing outside itself.
import {readFileSync} from "node:fs";
import path from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {beforeAll, describe, expect, it} from "vitest";
import config from "../../observablehq.config.js";
import {canUnshare, distDir, distFiles, ensureSiteBuilt, warehouseFile, type BuildStamp} from "./build.js";

let stamp: BuildStamp;
let files: string[];

beforeAll(async () => {
  stamp = await ensureSiteBuilt();
  files = distFiles();
});

describe("site build", () => {
  // Reported as skipped, not passed, where the build could not be cut off from the network
  // (with `offline` forced false once: "1 skipped", the reason in its name).
  const offline = canUnshare();
  it.skipIf(!offline)(`ran with no network (unshare -n)${offline ? "" : " (skipped: not root, or no unshare: the build ran with the network available)"}`, () => {
    expect(stamp.offline).toBe(true);
  });

  it("produced every page of the menu, a 404 page and the data files", () => {
    const pages = (config.pages as {path: string}[]).map((p) => (p.path === "/" ? "index.html" : `${p.path.slice(1)}.html`));
    for (const page of [...pages, "404.html"]) expect(files).toContain(page);
    expect(files.some((f) => f.startsWith("_file/data/overview."))).toBe(true);
  });

  it("ships no DuckDB-WASM, no jsDelivr-style npm modules it could not have bundled", () => {
    expect(files.filter((f) => /duckdb|\.wasm$/i.test(f))).toEqual([]);
    expect(files.filter((f) => f.startsWith("_npm/") && f.includes("0.0.0-offline"))).toEqual([]);
  });

  it("ships Plot as one module with d3 inside (scripts/plot-bundle.ts), not d3's packages one by one", () => {
    expect(files.filter((f) => f.startsWith("_npm/@observablehq/plot@") && f.endsWith(".js"))).toHaveLength(1);
    expect(files.filter((f) => f.startsWith("_node/@observablehq/plot"))).toEqual([]);
    expect(files.filter((f) => /^_(node|npm)\/d3/.test(f))).toEqual([]);
  });

  it("writes <html lang=\"vi\"> on every page", () => {
    for (const f of files.filter((f) => f.endsWith(".html"))) {
      expect(readFileSync(path.join(distDir, f), "utf8")).toMatch(/<html lang="vi"/);
    }
  });
});

// URLs that are names, not requests: XML namespaces (SVG, XLSX parts) and the local server.
const HARMLESS = [
  /^http:\/\/www\.w3\.org\//,
  /^https?:\/\/(127\.0\.0\.1|localhost)([:/]|$)/,
  /^http:\/\/purl\.org\/dc\//,
  /^http:\/\/purl\.oclc\.org\/ooxml\//,
  /^http:\/\/schemas\.openxmlformats\.org\//,
  /^http:\/\/schemas\.microsoft\.com\/office\//,
  // The test register's own hostile cell (=HYPERLINK("http://example.invalid")), which the
  // facility page must show as text; the .invalid domain can never resolve (RFC 2606).
  /^http:\/\/example\.invalid$/
];

// Vendor code carries these in licence comments and error messages: exceljs's prebuilt browser
// file (src/data/vendor/exceljs.min.js, fetched only when someone clicks "Excel (XLSX)") and
// docx (report pages). None is ever requested (the browser tests click the button with every outside request recorded). Listed one
// by one so that anything new fails here.
const VENDOR_TEXT: Record<string, string[]> = {
  "_file/data/vendor/exceljs.min.": [
    "http://stuartk.com/jszip",
    "https://feross.org",
    "https://feross.org/opensource",
    "https://github.com/crypto-browserify/crypto-browserify",
    "https://github.com/exceljs/exceljs/blob/master/UPGRADE-4.0.md",
    "https://github.com/indutny/elliptic",
    "https://github.com/indutny/elliptic/issues",
    "https://github.com/nodeca/pako/blob/main/LICENSE",
    "https://github.com/uuidjs/uuid#getrandomvalues-not-supported",
    "https://github.com/zloirock/core-js",
    "https://github.com/zloirock/core-js/blob/v3.33.0/LICENSE",
    "https://raw.github.com/Stuk/jszip/main/LICENSE.markdown.",
    "https://stuk.github.io/jszip/documentation/howto/read_zip.html"
  ],
  // docx (Word documents made in the browser by the report pages): a comment.
  "_node/docx@": [
    "https://answers.microsoft.com/en-us/msoffice/forum/all/does-word-support-more-than-9-list-levels/d130fdcd-1781-446d-8c84-c6c79124e4d7"
  ]
};

function outsideUrls(text: string, file = ""): string[] {
  const allowed = Object.entries(VENDOR_TEXT).flatMap(([prefix, urls]) => (file.startsWith(prefix) ? urls : []));
  const found = new Set<string>();
  for (const m of text.matchAll(/https?:\/\/[^\s"'`<>)\\]+/g)) {
    const url = m[0];
    if (HARMLESS.some((re) => re.test(url)) || allowed.includes(url)) continue;
    found.add(url);
  }
  return [...found];
}

describe("dist/ is self-contained", () => {
  it("mentions no http(s) URL except XML namespaces and localhost", () => {
    const offenders: Record<string, string[]> = {};
    for (const f of files) {
      const urls = outsideUrls(readFileSync(path.join(distDir, f), "latin1"), f);
      if (urls.length) offenders[f] = urls.slice(0, 5);
    }
    expect(offenders).toEqual({});
  });

  it("never names googleapis, jsdelivr or observablehq.com", () => {
    const offenders: string[] = [];
    for (const f of files) {
      const text = readFileSync(path.join(distDir, f), "latin1").toLowerCase();
      for (const word of ["googleapis", "jsdelivr", "observablehq.com"]) if (text.includes(word)) offenders.push(`${f}: ${word}`);
    }
    expect(offenders).toEqual([]);
  });

  it("catches what it is meant to catch", () => {
    expect(outsideUrls(`<link href="https://fonts.googleapis.com/css2?family=x">`)).toEqual(["https://fonts.googleapis.com/css2?family=x"]);
    expect(outsideUrls(`xmlns="http://www.w3.org/2000/svg" http://127.0.0.1:3000/x`)).toEqual([]);
    expect(outsideUrls(`"https://github.com/zloirock/core-js"`, "index.html")).toEqual(["https://github.com/zloirock/core-js"]);
  });
});

describe("dist/ holds no personal values", () => {
  it("has no owner name, phone or CCCD of any facility", async () => {
    const instance = await DuckDBInstance.create(warehouseFile, {access_mode: "READ_ONLY"});
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll(
      `SELECT DISTINCT v FROM (
         SELECT unnest([owner_name, phone, national_id]) AS v FROM establishments
       ) WHERE v IS NOT NULL AND length(v) >= 4`
    );
    const values = reader.getRowsJS().map((r) => String(r[0]));
    connection.closeSync();
    instance.closeSync();
    expect(values.length).toBeGreaterThan(0);
    const offenders: string[] = [];
    for (const f of files) {
      const text = readFileSync(path.join(distDir, f), "utf8").normalize("NFC");
      for (const v of values) if (text.includes(v.normalize("NFC"))) offenders.push(`${f}: ${v}`);
    }
    expect(offenders).toEqual([]);
  });
});
