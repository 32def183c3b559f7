/**
 * What every Remix loader and action receives besides the request: the services, who is
 * calling (resolved once per request from the session cookie), their language and the
 * CSRF token their forms must echo.
 */
import type { Request, Response } from "express";
import type { Services } from "./services";
import type { DocumentAccess } from "./collab/collab-server";
import type { Authenticated } from "./domain/auth/sessions";
import { SESSION_COOKIE, authenticateToken } from "./domain/auth/sessions";
import type { Locale } from "#shared/i18n/config";
import { detectLocale, LOCALE_COOKIE } from "./locale";
import { CSRF_COOKIE, readCookies } from "./http/cookies";
import { clientIp } from "./http/client-ip";

/** Moments of one request, from performance.now(), for its Server-Timing header. */
export type RequestTiming = {
  /** When the first middleware saw the request. */
  start: number;
  /** Resolving the session cookie to a person (milliseconds). */
  authMs: number;
  /** When this context was ready, i.e. when Remix took over. */
  contextReadyAt: number;
};

// A type alias (not an interface) so it satisfies AppLoadContext's index signature.
export type RequestContext = {
  services: Services;
  /** Live collaborative documents (versions, restore, exports). */
  documents: DocumentAccess;
  auth: Authenticated | null;
  /** The raw session cookie, so login can rotate it and logout can clear it. */
  sessionToken: string | undefined;
  locale: Locale;
  csrfToken: string;
  cspNonce: string;
  ip: string;
  userAgent: string;
  secureCookies: boolean;
  timing: RequestTiming;
};

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends RequestContext {}
}

export function createGetLoadContext(services: Services, documents: DocumentAccess) {
  return async (req: Request, res: Response): Promise<RequestContext> => {
    const start = typeof res.locals.requestStart === "number" ? res.locals.requestStart : performance.now();
    const cookies = readCookies(req);
    const sessionToken = cookies[SESSION_COOKIE];
    const authStart = performance.now();
    const auth = await authenticateToken(services, sessionToken);
    const contextReadyAt = performance.now();
    return {
      services,
      documents,
      auth,
      sessionToken,
      locale: detectLocale({
        userLocale: auth?.user.locale,
        cookieLocale: cookies[LOCALE_COOKIE],
        acceptLanguage: req.headers["accept-language"],
      }),
      csrfToken: String(res.locals.csrfToken ?? ""),
      cspNonce: String(res.locals.cspNonce ?? ""),
      ip: clientIp(req),
      userAgent: String(req.headers["user-agent"] ?? ""),
      secureCookies: Boolean(res.locals.secureCookies),
      timing: { start, authMs: contextReadyAt - authStart, contextReadyAt },
    };
  };
}
