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
