/**
 * Same-origin checks for mutations and WebSocket upgrades. A request is same-origin when
 * its Origin (or, lacking that, Referer) matches PUBLIC_URL or the Host it was sent to.
 */
import type { IncomingMessage } from "node:http";

export function originOf(value: string | undefined): string | null {
  if (!value) return null;
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

export function isAllowedOrigin(req: IncomingMessage, publicUrl: string, origin: string | null): boolean {
  if (!origin) return false;
  if (origin === originOf(publicUrl)) return true;
  const host = req.headers.host;
  if (!host) return false;
  return origin === `http://${host}` || origin === `https://${host}`;
}

/** For upgrades: browsers always send Origin; non-browser clients (no ambient cookies to abuse) may omit it. */
export function isAcceptableUpgradeOrigin(req: IncomingMessage, publicUrl: string): boolean {
  const header = req.headers.origin;
  if (header === undefined) return true;
  return isAllowedOrigin(req, publicUrl, originOf(header));
}

/** For unsafe HTTP methods: a browser form post carries Origin; we also accept a same-origin Referer. */
export function isSameOriginMutation(req: IncomingMessage, publicUrl: string): boolean {
  const origin = req.headers.origin;
  if (origin && origin !== "null") return isAllowedOrigin(req, publicUrl, originOf(origin));
  const referer = req.headers.referer;
  return isAllowedOrigin(req, publicUrl, originOf(Array.isArray(referer) ? referer[0] : referer));
}
