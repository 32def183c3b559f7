/**
 * Chromium for the browser tests: Debian's system Chromium driven by playwright-core.
 * Every launch gets a fresh profile (playwright-core creates a temporary user-data-dir), so
 * no cookie, cache or preference leaks from one test file into the next.
 */
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import type { Locale } from "#shared/i18n/config";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** How long a single browser action or wait may take before the test fails with a readable error. */
export const ACTION_TIMEOUT_MS = 15_000;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** What a browser set to that language sends: its regional variant first, then the bare language. */
const BROWSER_LOCALES: Record<Locale, { locale: string; acceptLanguage: string }> = {
  de: { locale: "de-DE", acceptLanguage: "de-DE,de;q=0.9" },
  it: { locale: "it-IT", acceptLanguage: "it-IT,it;q=0.9" },
  en: { locale: "en-GB", acceptLanguage: "en-GB,en;q=0.9" },
};

export interface ContextOptions {
  /** The base URL of the test server, so pages can go to "/login". */
  baseURL: string;
  /** The browser's language (navigator.language and Accept-Language). */
  locale: Locale;
  /**
   * Lift the server's Content-Security-Policy. Only for contexts that inject axe-core: its
   * script is added inline, which the strict nonce-based policy rightly refuses.
   */
  bypassCSP?: boolean;
  javaScriptEnabled?: boolean;
}

/** A fresh, isolated browser context (own cookies and storage), like a new private window. */
export async function newContext(browser: Browser, options: ContextOptions): Promise<BrowserContext> {
  const { locale, acceptLanguage } = BROWSER_LOCALES[options.locale];
  const context = await browser.newContext({
    baseURL: options.baseURL,
    locale,
    extraHTTPHeaders: { "Accept-Language": acceptLanguage },
    bypassCSP: options.bypassCSP ?? false,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(ACTION_TIMEOUT_MS);
  return context;
}

/**
 * Collects uncaught script errors and console errors of a page (hydration mismatches, CSP
 * refusals), so a test can assert the page ran cleanly. Chromium's "Failed to load resource"
 * lines are left out: a 400 after a wrong password or a 404 page is the expected answer.
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error" || message.text().startsWith("Failed to load resource")) return;
    errors.push(`console.error: ${message.text()}`);
  });
  return errors;
}
