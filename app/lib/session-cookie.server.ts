import type { AppLoadContext } from "@remix-run/node";
import { SESSION_COOKIE } from "#server/domain/auth/sessions";
import { serialiseCookie } from "#server/http/cookies";

/** The session cookie lives as long as the absolute timeout; the server enforces both limits. */
export function sessionCookie(context: AppLoadContext, token: string): string {
  return serialiseCookie(SESSION_COOKIE, token, {
    secure: context.secureCookies,
    maxAgeSeconds: context.services.config.sessionAbsoluteHours * 3600,
  });
}

export function clearedSessionCookie(context: AppLoadContext): string {
  return serialiseCookie(SESSION_COOKIE, "", { secure: context.secureCookies, maxAgeSeconds: 0 });
}

/**
 * Sent when a session starts or ends: the browser drops what this site kept on the device
 * (service worker, its caches, the documents' IndexedDB copies), so one person's offline
 * copies never reach the next person on a shared computer. "storage" only: clearing the
 * HTTP cache as well ("cache") takes Chromium seconds and holds only public, hashed files.
 */
export const CLEAR_DEVICE_COPIES = { "Clear-Site-Data": '"storage"' } as const;
