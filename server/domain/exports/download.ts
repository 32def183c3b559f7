/**
 * HTTP answers of the export routes: the file as an attachment, or a small translated error
 * page. Export routes are resource routes, so Remix returns what they throw as it is (the
 * root error boundary never sees it): a bare "Not Found" would be the only thing a person
 * gets, in English. Generation failures are logged with the document's name, never shown.
 */
import type { Logger } from "#server/log";
import type { Locale } from "#shared/i18n/config";
import { fixedT } from "#shared/i18n/instance";
import type { ExportFile, ExportFormat } from "./export-document";

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** A minimal, self-contained page (no scripts, no styles to load) in the reader's language. */
export function errorPage(status: 404 | 500, locale: Locale, back: { href: string; label: string } | null = null): Response {
  const t = fixedT(locale);
  const title = status === 404 ? t("errors.notFound.title") : t("export:errors.failed.title");
  const body = status === 404 ? t("errors.notFound.body") : t("export:errors.failed.body");
  const link = back ?? { href: "/", label: t("errors.backHome") };
  const html =
    `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${escape(title)} · ConnActions</title></head><body><main>` +
    `<h1>${escape(title)}</h1><p>${escape(body)}</p><p>${escape(t("errors.statusCode", { status }))}</p>` +
    `<p><a href="${escape(link.href)}">${escape(link.label)}</a></p></main></body></html>`;
  return new Response(html, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

/** Re-throws a plain 404 from the guards as the translated page; everything else (redirects) as it is. */
export function translateNotFound(error: unknown, locale: Locale): unknown {
  return error instanceof Response && error.status === 404 ? errorPage(404, locale) : error;
}

export async function exportDownload(args: {
  format: ExportFormat;
  locale: Locale;
  log: Logger;
  /** For the log line: which document failed. */
  docName: string;
  back: { href: string; label: string };
  /** Reads the document and makes the file; whatever fails in there becomes the 500 page. */
  file: () => Promise<ExportFile>;
}): Promise<Response> {
  let file: ExportFile;
  try {
    file = await args.file();
  } catch (error) {
    args.log.error(`[export] ${args.format} export of ${args.docName} failed`, error);
    throw errorPage(500, args.locale, args.back);
  }
  return new Response(new Uint8Array(file.data), {
    status: 200,
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": file.contentDisposition,
      "Content-Length": String(file.data.length),
      "Cache-Control": "no-store",
    },
  });
}
