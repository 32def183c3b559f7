/**
 * One Lighthouse run on one page, boiled down to what the report needs: category scores,
 * the metrics, and the audits that cost points with the elements or files behind them.
 * Every run gets a Chromium of its own, so no cache, cookie or service worker carries over;
 * browser-tab.ts prepares the tab it audits.
 */
import { launch } from "chrome-launcher";
import lighthouse, { type Result } from "lighthouse";
import puppeteer, { type Browser } from "puppeteer-core";
import { prepareTab } from "./browser-tab";
import type { Session } from "./login";
import { CATEGORIES, CHROMIUM_FLAGS, CHROMIUM_PATH, type Category } from "./settings";

type AuditResult = Result["audits"][string];
type Details = NonNullable<AuditResult["details"]>;
type Item = Record<string, unknown>;

/** An audit that cost points, with its first offenders. */
export interface Finding {
  id: string;
  title: string;
  displayValue: string | undefined;
  /** Lighthouse's estimate of what fixing it would save per metric (ms, CLS unitless). */
  metricSavings: Record<string, number>;
  /** The largest of those savings in ms, to rank opportunities. */
  savingsMs: number;
  savingsBytes: number;
  /** Up to three offending elements or files, one line each. */
  offenders: string[];
}

export interface Metrics {
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  speedIndex: number;
  totalBytes: number;
  /** Transferred bytes of scripts (resource-summary), the cost our JavaScript puts on a phone. */
  jsBytes: number;
}
export const METRIC_KEYS = ["fcp", "lcp", "tbt", "cls", "speedIndex", "totalBytes", "jsBytes"] as const satisfies ReadonlyArray<keyof Metrics>;

/** How one scored metric contributed to the performance score. */
export interface MetricScore {
  acronym: string;
  displayValue: string;
  score: number;
  weight: number;
}

export interface AuditRun {
  finalUrl: string;
  /** 0–100, as the report shows them. */
  scores: Record<Category, number>;
  metrics: Metrics;
  metricScores: MetricScore[];
  findings: Record<Category, Finding[]>;
  /** Lighthouse's measure of this machine's speed at the time (higher is faster). */
  benchmarkIndex: number;
  warnings: string[];
  reportHtml: string;
}

/**
 * Lighthouse gave up on the page load (NO_NAVSTART, NO_FCP, a protocol timeout…). On this
 * shared 2-core machine that happens now and then to a page that audits fine right after,
 * so the caller may try again; a wrong page or a missing login is never retried.
 */
export class LighthouseRunError extends Error {}

export interface AuditOptions {
  /** Logged in: the cookies go both into the browser and into every request (extraHeaders). */
  session?: Session;
  /** The path the page must still be on when Lighthouse is done; a redirect to /login means the cookie did not work. */
  expectPath: string;
}

export async function auditPage(url: string, options: AuditOptions): Promise<AuditRun> {
  const chrome = await launch({ chromePath: CHROMIUM_PATH, chromeFlags: ["--headless=new", ...CHROMIUM_FLAGS], logLevel: "silent" });
  let browser: Browser | undefined;
  try {
    // defaultViewport null: puppeteer would otherwise emulate 800x600 on the tab; the phone's screen is Lighthouse's to set.
    browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null });
    const tab = await prepareTab(browser, new URL(url).origin, options.session);
    // Default config: mobile form factor, Moto G Power screen, simulated slow 4G and 4x CPU slowdown.
    const flags = {
      output: "html" as const,
      logLevel: "error" as const,
      onlyCategories: [...CATEGORIES],
      ...(options.session ? { extraHeaders: { Cookie: options.session.cookieHeader } } : {}),
    };
    const result = await lighthouse(url, flags, undefined, tab).catch((error: unknown) => {
      throw new LighthouseRunError(`Lighthouse failed on ${url}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    });
    if (!result) throw new LighthouseRunError(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new LighthouseRunError(`Lighthouse failed on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const finalPath = new URL(lhr.finalDisplayedUrl).pathname;
    if (finalPath !== options.expectPath) {
      const hint = finalPath === "/login" ? " (sent to the login page: the session cookie was not accepted)" : "";
      throw new Error(`${url} ended on ${lhr.finalDisplayedUrl}, not on ${options.expectPath}${hint}`);
    }
    if (options.session) assertNothingRefused(lhr, url);
    return {
      finalUrl: lhr.finalDisplayedUrl,
      scores: categoryScores(lhr),
      metrics: metrics(lhr),
      metricScores: metricScores(lhr),
      findings: {
        performance: performanceFindings(lhr),
        accessibility: failedAudits(lhr, "accessibility"),
        "best-practices": failedAudits(lhr, "best-practices"),
      },
      benchmarkIndex: lhr.environment.benchmarkIndex,
      warnings: lhr.runWarnings,
      reportHtml: Array.isArray(result.report) ? result.report.join("\n") : result.report,
    };
  } finally {
    await browser?.disconnect().catch(() => undefined);
    chrome.kill();
  }
}

/**
 * A logged-in page can render and still be half logged out: a request or socket the browser
 * sent without the session is refused, and the page measured is not the one people get.
 */
function assertNothingRefused(lhr: Result, url: string): void {
  const logged = lhr.audits["errors-in-console"]?.details;
  const items = logged?.type === "table" ? logged.items : [];
  const refused = items.map((item) => item.description).find((text) => typeof text === "string" && /\b401\b|Authentication failed/i.test(text));
  if (typeof refused === "string") throw new Error(`${url}: the browser was refused as not logged in: ${refused}`);
}

function categoryScores(lhr: Result): Record<Category, number> {
  const score = (category: Category) => {
    const value = lhr.categories[category]?.score;
    if (value === null || value === undefined) throw new Error(`Lighthouse gave no ${category} score for ${lhr.finalDisplayedUrl}`);
    return Math.round(value * 100);
  };
  return { performance: score("performance"), accessibility: score("accessibility"), "best-practices": score("best-practices") };
}

const numeric = (lhr: Result, id: string) => lhr.audits[id]?.numericValue ?? NaN;

function metrics(lhr: Result): Metrics {
  const summary = lhr.audits["resource-summary"]?.details;
  const scripts = summary?.type === "table" ? summary.items.find((item) => item.resourceType === "script") : undefined;
  return {
    fcp: numeric(lhr, "first-contentful-paint"),
    lcp: numeric(lhr, "largest-contentful-paint"),
    tbt: numeric(lhr, "total-blocking-time"),
    cls: numeric(lhr, "cumulative-layout-shift"),
    speedIndex: numeric(lhr, "speed-index"),
    totalBytes: numeric(lhr, "total-byte-weight"),
    jsBytes: typeof scripts?.transferSize === "number" ? scripts.transferSize : 0,
  };
}

function metricScores(lhr: Result): MetricScore[] {
  return (lhr.categories.performance?.auditRefs ?? [])
    .filter((ref) => ref.group === "metrics" && ref.weight > 0)
    .map((ref) => {
      const audit = lhr.audits[ref.id];
      return { acronym: ref.acronym ?? ref.id, displayValue: audit?.displayValue ?? "", score: audit?.score ?? 0, weight: ref.weight };
    });
}

/** Accessibility and best practices: every weighted audit that did not pass. */
function failedAudits(lhr: Result, category: Category): Finding[] {
  return (lhr.categories[category]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((audit): audit is AuditResult => audit !== undefined && audit.score !== null && audit.score < 1)
    .map(toFinding);
}

/** Performance: the diagnostics that fail, largest estimated saving first. */
function performanceFindings(lhr: Result): Finding[] {
  return (lhr.categories.performance?.auditRefs ?? [])
    .filter((ref) => ref.group === "diagnostics")
    .map((ref) => lhr.audits[ref.id])
    .filter((audit): audit is AuditResult => audit !== undefined && audit.score !== null && audit.score < 0.9)
    .map(toFinding)
    .sort((a, b) => b.savingsMs - a.savingsMs || b.savingsBytes - a.savingsBytes);
}

function toFinding(audit: AuditResult): Finding {
  const metricSavings = Object.fromEntries(Object.entries(audit.metricSavings ?? {}).filter((entry): entry is [string, number] => typeof entry[1] === "number" && entry[1] > 0));
  const details = audit.details;
  const overall = details?.type === "opportunity" ? details.overallSavingsBytes : details?.type === "table" ? details.summary?.wastedBytes : undefined;
  return {
    id: audit.id,
    title: audit.title,
    displayValue: audit.displayValue,
    metricSavings,
    savingsMs: Math.max(0, ...["FCP", "LCP", "TBT", "INP"].map((metric) => metricSavings[metric] ?? 0)),
    savingsBytes: typeof overall === "number" ? overall : 0,
    offenders: details ? itemsOf(details).slice(0, 3).map(describeItem).filter((line) => line !== "") : [],
  };
}

/** Rows of a table, or of every table inside a list (the LCP element audit is a list of tables). */
function itemsOf(details: Details): Item[] {
  if (details.type === "table" || details.type === "opportunity") return details.items as Item[];
  if (details.type === "list") return details.items.flatMap((inner) => ("type" in inner && inner.type === "table" ? (inner.items as Item[]) : []));
  return [];
}

interface NodeLike {
  type: "node";
  selector?: string;
  nodeLabel?: string;
  explanation?: string;
}
const isNode = (value: unknown): value is NodeLike => typeof value === "object" && value !== null && (value as { type?: unknown }).type === "node";

/** One line per offender: the element (selector, its label, and axe's advice) or the file, with what it costs. */
function describeItem(item: Item): string {
  const parts: string[] = [];
  const node = Object.values(item).find(isNode);
  if (node) {
    parts.push(node.selector ?? "(element)");
    if (node.nodeLabel && node.nodeLabel !== node.selector) parts.push(`"${clip(node.nodeLabel, 60)}"`);
    if (node.explanation) parts.push(`- ${clip(node.explanation.replace(/\s+/g, " "), 160)}`);
  }
  const source = item.source;
  const url = typeof item.url === "string" ? item.url : typeof source === "object" && source !== null && "url" in source ? String(source.url) : undefined;
  if (url) parts.push(shortUrl(url));
  // Rows named by text instead (a console error's message, main-thread work's "Script Evaluation").
  if (parts.length === 0) {
    const label = item.description ?? item.groupLabel ?? Object.values(item).find((value) => typeof value === "string");
    if (typeof label === "string") parts.push(clip(label, 80));
  }
  for (const [key, value] of Object.entries(item)) {
    if (typeof value !== "number") continue;
    if (/bytes|size/i.test(key)) parts.push(`${key} ${(value / 1024).toFixed(1)} KB`);
    else if (/ms$|time|duration|total|scripting|timing/i.test(key)) parts.push(`${key} ${value.toFixed(0)} ms`);
  }
  return parts.join(" ");
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function shortUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  } catch {
    return url;
  }
}
