/**
 * The app under test: the real server (production build) on a fresh database, with the demo
 * seed applied so the demo accounts exist, plus page helpers shared by the specs.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { collectPageErrors, newContext } from "./browser";
import { startTestServer, type TestServer } from "#server/testing/test-server";
import type { TestServerOptions } from "#server/testing/use-test-server";
import { applyDemoSeed } from "#server/demo/apply-demo-seed";
import { DEMO_PASSWORD, demoPeople, type DemoPerson } from "#db/seed/demo-data";
import type { Locale } from "#shared/i18n/config";

export { DEMO_PASSWORD };

export const DATABASE = process.env.TEST_DATABASE ?? "sqlite";

export async function startApp(options?: TestServerOptions): Promise<TestServer> {
  const server = await startTestServer(options);
  await applyDemoSeed(server.services.db);
  return server;
}

/** A demo account by e-mail; throws if the seed no longer has it, so a renamed account fails loudly. */
export function demoAccount(email: string): DemoPerson & { password: string } {
  const person = demoPeople.find((p) => p.email === email);
  if (!person) throw new Error(`no demo account ${email} in db/seed/demo-data.ts`);
  return { ...person, password: DEMO_PASSWORD };
}

/** A demo account with that language on the account, optionally with a role in some network. */
export function demoAccountWithLocale(locale: Locale, role?: "coordinator" | "member"): DemoPerson & { password: string } {
  const person = demoPeople.find((p) => p.locale === locale && (role ? p.memberships.some((m) => m.role === role) : true));
  if (!person) throw new Error(`no demo account with locale ${locale}${role ? ` and role ${role}` : ""}`);
  return { ...person, password: DEMO_PASSWORD };
}

/**
 * Waits until React has hydrated the document, so clicks go through Remix's client-side
 * forms rather than racing a half-initialised page. React marks the nodes it owns with
 * `__reactFiber$…` properties once hydration has committed.
 */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const main = document.querySelector("main");
    return main !== null && Object.keys(main).some((key) => key.startsWith("__reactFiber"));
  });
}

/** Waits until no navigation or form submission of Remix is in flight. */
export async function waitForIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const router = (window as unknown as { __remixRouter?: { state: { navigation: { state: string }; revalidation: string } } }).__remixRouter;
    return router !== undefined && router.state.navigation.state === "idle" && router.state.revalidation === "idle";
  });
}

/**
 * Waits until a page is settled: hydrated, no navigation in flight, texts in the expected
 * language. Axe and text assertions run on that state, not on a half-switched page.
 */
export async function waitForSettled(page: Page, lng: Locale): Promise<void> {
  await waitForHydration(page);
  await waitForIdle(page);
  await waitForHtmlLang(page, lng);
}

export async function htmlLang(page: Page): Promise<string | null> {
  return page.locator("html").getAttribute("lang");
}

/** Waits until <html lang> is the given language (client-side navigations update it). */
export async function waitForHtmlLang(page: Page, lang: string): Promise<void> {
  await page.waitForFunction((expected) => document.documentElement.lang === expected, lang);
}

/** Waits until the page's one h1 has exactly this text, and returns it. */
export async function waitForHeading(page: Page, text: string): Promise<void> {
  await page.getByRole("heading", { level: 1, name: text, exact: true }).waitFor();
}

export async function heading(page: Page): Promise<string> {
  return (await page.locator("h1").first().innerText()).trim();
}

/** The login form's fields, found by name so the helper works in every language. */
export async function fillLoginForm(page: Page, email: string, password: string): Promise<void> {
  const form = page.locator("main form");
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(password);
}

export async function submitLoginForm(page: Page): Promise<void> {
  await page.locator('main form button[type="submit"]').click();
}

/** Logs in through the login page and waits for the dashboard. */
export async function loginAs(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await waitForHydration(page);
  await fillLoginForm(page, email, password);
  await submitLoginForm(page);
  await page.waitForURL((url) => url.pathname === "/dashboard");
  await waitForHydration(page);
}

/** Logs out with the header's button and waits for the login page. */
export async function logout(page: Page): Promise<void> {
  await page.locator('header form[action="/logout"] button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === "/login");
}

/** The language switch's button for a language. */
export function languageButton(page: Page, lng: Locale) {
  return page.locator(`header form[action="/language"] button[name="lng"][value="${lng}"]`);
}

export const workProgrammePath = (slug: string, id: string) => `/networks/${slug}/work-programmes/${id}`;

export interface Session {
  context: BrowserContext;
  page: Page;
  errors: string[];
  locale: Locale;
  userId: string;
}

/** A logged-in browser window for a demo account that records script errors, console errors and CSP violations. */
export async function openSession(browser: Browser, baseURL: string, email: string, options: { bypassCSP?: boolean } = {}): Promise<Session> {
  const account = demoAccount(email);
  const context = await newContext(browser, { baseURL, locale: account.locale, bypassCSP: options.bypassCSP ?? false });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await loginAs(page, account.email, account.password);
  return { context, page, errors, locale: account.locale, userId: account.id };
}

/** Closes the sessions' windows together; a test's `finally` ends every session it opened. */
export async function closeSessions(...sessions: Session[]): Promise<void> {
  await Promise.all(sessions.map((s) => s.context.close()));
}
