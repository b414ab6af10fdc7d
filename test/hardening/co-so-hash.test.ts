// A cut or hand-typed address must not stop a page (issue 13): /co-so#%E0%A4%A is not a valid
// percent-escape, and decodeURIComponent threw "URI malformed", replacing the register with the
// error. The register and a facility's history still show; with the guard removed this test
// failed on that error.
import {describe, expect, it} from "vitest";
import {useSite} from "../browser/harness.js";

const site = useSite();

describe("Cơ sở CNNT with a malformed address", () => {
  it("/co-so#%E0%A4%A shows the register and a facility's history, no error", async () => {
    const {page, errors} = await site.open("/co-so#%E0%A4%A", {waitFor: "main figure.kc-facility-table table", noScreenshot: true});
    expect(errors).toEqual([]);
    expect(await page.locator(".observablehq--error").count()).toBe(0);
    expect(await page.locator("main figure.kc-facility-table tbody tr").count()).toBeGreaterThan(0);
    expect(await page.locator(".kc-facility-detail h3").count()).toBe(1);
    await page.close();
  });
});
