// axe-core, from node_modules (never a CDN), injected into an opened page: the serious and
// critical WCAG 2 A/AA violations it finds, each with the nodes that fail.
import {createRequire} from "node:module";
import type {Page} from "playwright-core";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: {target: string; summary: string}[];
}

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({path: axePath});
  return page.evaluate(async () => {
    const axe = (window as unknown as {axe: {run(ctx: unknown, opts: unknown): Promise<{violations: {id: string; impact: string; help: string; nodes: {target: string[]; failureSummary: string}[]}[]}>}}).axe;
    const {violations} = await axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}, resultTypes: ["violations"]});
    return violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({target: n.target.join(" "), summary: n.failureSummary}))}));
  });
}
