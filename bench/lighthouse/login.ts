/**
 * Logs in through the real form in a real browser and returns the session. A browser
 * rather than fetch because the form carries a per-form CSRF token tied to a cookie and is
 * checked for its origin (decision 0003): the browser gets all of that right without this
 * script knowing how it works.
 */
import { chromium } from "playwright-core";
import { CHROMIUM_FLAGS, CHROMIUM_PATH, DEMO_LOGIN } from "./settings";

export interface SessionCookie {
  name: string;
  value: string;
  path: string;
  httpOnly: boolean;
  secure: boolean;
  sameSite: "Strict" | "Lax" | "None";
  /** Seconds since the epoch; -1 for a cookie that ends with the browser session. */
  expires: number;
}

export interface Session {
  /** For Lighthouse's extraHeaders: every page request carries it. */
  cookieHeader: string;
  /** For the browser's cookie jar, which WebSocket handshakes use (see browser-tab.ts). */
  cookies: SessionCookie[];
}

export async function logIn(origin: string): Promise<Session> {
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
    return {
      cookieHeader: cookies.map((c) => `${c.name}=${c.value}`).join("; "),
      cookies: cookies.map(({ name, value, path, httpOnly, secure, sameSite, expires }) => ({ name, value, path, httpOnly, secure, sameSite, expires })),
    };
  } finally {
    await browser.close();
  }
}
