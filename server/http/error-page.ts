/**
 * Error pages for answers given outside Remix (a refused cross-origin form, a failure while
 * resolving the session). Translated from the request's language; never shows internals.
 */
import type { Request, Response, NextFunction } from "express";
import { fixedT } from "#shared/i18n/instance";
import { detectLocale, LOCALE_COOKIE } from "../locale";
import { readCookies } from "./cookies";
import type { Logger } from "../log";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function sendErrorPage(req: Request, res: Response, status: 400 | 403 | 404 | 500, key: "badRequest" | "forbidden" | "notFound" | "serverError"): void {
  const locale = detectLocale({ cookieLocale: readCookies(req)[LOCALE_COOKIE], acceptLanguage: req.headers["accept-language"] });
  const t = fixedT(locale);
  res
    .status(status)
    .type("html")
    .send(
      `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>${escape(t(`errors.${key}.title`))} · ConnActions</title></head><body><main>` +
        `<h1>${escape(t(`errors.${key}.title`))}</h1><p>${escape(t(`errors.${key}.body`))}</p>` +
        `<p><a href="/">${escape(t("errors.backHome"))}</a></p></main></body></html>`,
    );
}

export function errorPage(log: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    log.error(`[http] ${req.method} ${req.path} failed`, error);
    if (res.headersSent) return res.end();
    sendErrorPage(req, res, 500, "serverError");
  };
}

/**
 * Answers 400 to a request whose address cannot be read (a broken percent-encoding such as
 * `%E0%A4%A`, a Host header no URL can hold), before routing: Express and Remix would
 * otherwise throw on it and answer 500 with an error in the log. The URL is built the way
 * @remix-run/express builds it.
 */
export function refuseUnreadableUrls() {
  return (req: Request, res: Response, next: NextFunction) => {
    let readable: boolean;
    try {
      decodeURIComponent(req.path);
      const port = /:(\d+)$/.exec(req.get("host") ?? "")?.[1];
      new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
      readable = true;
    } catch {
      readable = false;
    }
    if (readable) return next();
    sendErrorPage(req, res, 400, "badRequest");
  };
}
