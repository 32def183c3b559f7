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

export function sendErrorPage(req: Request, res: Response, status: 403 | 500, key: "forbidden" | "serverError"): void {
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
