import cookie from "cookie";
import type { IncomingMessage } from "node:http";

export const CSRF_COOKIE = "ca_csrf";

export function readCookies(req: IncomingMessage): Record<string, string | undefined> {
  const header = req.headers.cookie;
  return header ? cookie.parse(header) : {};
}

export interface CookieFlags {
  secure: boolean;
}

export function serialiseCookie(name: string, value: string, flags: CookieFlags & { maxAgeSeconds?: number }): string {
  return cookie.serialize(name, value, {
    httpOnly: true,
    sameSite: "lax",
    secure: flags.secure,
    path: "/",
    ...(flags.maxAgeSeconds !== undefined ? { maxAge: flags.maxAgeSeconds } : {}),
  });
}
