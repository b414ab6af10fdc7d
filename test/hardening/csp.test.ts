// The server's Content-Security-Policy in a real browser: the page's own inline scripts run (by
// hash), a handler that slipped into the page as HTML does not, and htl's `oninput="::3"`
// placeholders are not reported. Proved by mutation: with the page hashes left out the page's own
// scripts did not run; with the placeholder hashes left out the placeholder was reported.
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import os from "node:os";
import path from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {launchSite, type SiteHandle} from "../browser/chromium.js";

let root: string;
let site: SiteHandle;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), "kc-harden-csp-"));
  writeFileSync(
    path.join(root, "index.html"),
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>CSP</title></head><body>
<script>document.body.dataset.classic = "ran";</script>
<script type="module">
const injected = document.createElement("div");
injected.innerHTML = '<img src="data:," onerror="document.body.dataset.injected = 1">';
document.body.append(injected);
const template = document.createElement("template");
template.innerHTML = '<input oninput="::3">';
document.body.append(document.importNode(template.content, true));
document.body.dataset.module = "ran";
</script>
<img src="data:," onerror="document.body.dataset.attribute = 1">
</body></html>`
  );
  site = await launchSite(root);
});

afterAll(async () => {
  await site?.close();
  rmSync(root, {recursive: true, force: true});
});

describe("Content-Security-Policy in Chromium", () => {
  it("runs the page's own scripts, blocks handlers that were not in them, lets htl's placeholders be", async () => {
    const {page, errors} = await site.open("/", {noScreenshot: true});
    await page.waitForTimeout(300);
    const data = await page.evaluate(() => ({...document.body.dataset}));
    expect(data).toEqual({classic: "ran", module: "ran"});
    const blocked = errors.filter((e) => e.includes("Content Security Policy"));
    // The written onerror attribute and the injected one: 2 handlers blocked, and nothing else.
    expect(blocked).toHaveLength(2);
    expect(errors).toEqual(blocked);
    await page.close();
  });
});
