/**
 * A browser-like HTTP client for integration tests: keeps cookies, sends the CSRF token and
 * a same-origin Origin header with forms, and never follows redirects (tests assert them).
 */
export interface TestResponse {
  status: number;
  headers: Headers;
  body: string;
  location: string | null;
}

export class TestClient {
  private readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(headers: Headers) {
    for (const line of headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /max-age=0/i.test(a.trim())) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(path: string, init: RequestInit = {}): Promise<TestResponse> {
    const headers = new Headers(init.headers);
    // Like a browser: a language preference, English unless a test says otherwise.
    if (!headers.has("Accept-Language")) headers.set("Accept-Language", "en");
    if (this.cookies.size) headers.set("Cookie", this.cookieHeader());
    const response = await fetch(new URL(path, this.baseUrl), { ...init, headers, redirect: "manual" });
    this.remember(response.headers);
    return {
      status: response.status,
      headers: response.headers,
      body: await response.text(),
      location: response.headers.get("location"),
    };
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<TestResponse> {
    return this.request(path, { headers });
  }

  /** Ensures a CSRF cookie exists (any page sets it), then posts the form like a browser. */
  async post(path: string, fields: Record<string, string | string[]>, options: { csrf?: string | null; origin?: string | null; headers?: Record<string, string> } = {}) {
    if (!this.cookies.has("ca_csrf")) await this.get("/login");
    const form = new URLSearchParams();
    for (const [key, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) form.append(key, v);
    }
    const csrf = options.csrf === undefined ? this.cookies.get("ca_csrf") : options.csrf;
    if (csrf !== null && csrf !== undefined) form.set("csrf", csrf);
    const headers: Record<string, string> = { ...options.headers, "Content-Type": "application/x-www-form-urlencoded" };
    const origin = options.origin === undefined ? new URL(this.baseUrl).origin : options.origin;
    if (origin !== null) headers.Origin = origin;
    return this.request(path, { method: "POST", body: form.toString(), headers });
  }

  async login(email: string, password: string): Promise<TestResponse> {
    const response = await this.post("/login", { email, password });
    if (response.status !== 302 && response.status !== 204) {
      throw new Error(`login of ${email} failed with ${response.status}`);
    }
    return response;
  }
}
