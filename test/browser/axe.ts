// axe-core, from node_modules (never a CDN), injected into an opened page: the serious and
// critical WCAG 2 A/AA violations it finds, each with the nodes that fail.
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import type {Page} from "playwright-core";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: {target: string; summary: string}[];
}

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, not added as a <script>: the server's
  // Content-Security-Policy rightly refuses an inline script that is not the page's own.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as {axe: {run(ctx: unknown, opts: unknown): Promise<{violations: {id: string; impact: string; help: string; nodes: {target: string[]; failureSummary: string}[]}[]}>}}).axe;
    const {violations} = await axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}, resultTypes: ["violations"]});
    return violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({target: n.target.join(" "), summary: n.failureSummary}))}));
  });
}
