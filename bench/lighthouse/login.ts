/**
 * Logs in through the real form in a real browser and returns the cookies as a `Cookie:`
 * header for Lighthouse. A browser rather than fetch because the form carries a per-form
 * CSRF token tied to a cookie and is checked for its origin (decision 0003): the browser
 * gets all of that right without this script knowing how it works.
 */
import { chromium } from "playwright-core";
import { CHROMIUM_FLAGS, CHROMIUM_PATH, DEMO_LOGIN } from "./settings";

export async function loginCookieHeader(origin: string): Promise<string> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/login`);
    await page.fill("main form input[name=email]", DEMO_LOGIN.email);
    await page.fill("main form input[name=password]", DEMO_LOGIN.password);
    await page.click("main form button[type=submit]");
    try {
      await page.waitForURL(/\/dashboard(?:[?#]|$)/, { timeout: 30_000 });
    } catch {
      const alert = await page.locator("main [role=alert]").allTextContents().catch(() => []);
      throw new Error(`login as ${DEMO_LOGIN.email} did not reach /dashboard (now at ${page.url()}${alert.length ? `; the page says: ${alert.join(" ").trim()}` : ""})`);
    }
    const cookies = await context.cookies(origin);
    return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  } finally {
    await browser.close();
  }
}
