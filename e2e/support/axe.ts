/**
 * Accessibility checks with axe-core inside the page. The page's context must be created
 * with bypassCSP: axe is injected as an inline script, which the app's CSP refuses.
 */
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import type { AxeResults, Result } from "axe-core";

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve("axe-core/axe.min.js");

/** WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: string; html: string; summary: string }>;
}

export async function axeViolations(page: Page): Promise<Violation[]> {
  const alreadyThere = await page.evaluate(() => "axe" in window);
  if (!alreadyThere) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe;
    const results = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return results.violations.map((v: Result) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(" "), html: n.html, summary: n.failureSummary ?? "" })),
    }));
  }, WCAG_TAGS);
  return violations;
}

/** A report a developer can act on: rule, impact, what to do, and each offending element. */
export function formatViolations(violations: Violation[], where: string): string {
  const lines = [`${violations.length} axe violation(s) on ${where}:`];
  for (const v of violations) {
    lines.push(``, `● ${v.id} [${v.impact ?? "unknown impact"}] ${v.help}`, `  ${v.helpUrl}`);
    for (const node of v.nodes) {
      lines.push(`  - target: ${node.target}`, `    html:   ${node.html}`);
      for (const line of node.summary.split("\n").filter(Boolean)) lines.push(`    ${line}`);
    }
  }
  return lines.join("\n");
}

/** Fails with the full report (the report is also logged, unless QUIET_TEST_LOGS is set). */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length === 0) return;
  const report = formatViolations(violations, where);
  console.error(report);
  throw new Error(report);
}
