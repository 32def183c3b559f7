/**
 * The bytes of library files: `…/library/files/:fileId/versions/:versionId/download` (an
 * attachment) and `…/view` (inline, for the safe types only), and their previews: `…/thumbnail`
 * (WebP, images and PDFs) and `…/preview` (a DOCX as sanitised HTML). Served here rather than by
 * Remix because these responses need headers of their own: `Content-Security-Policy:
 * sandbox` (a file never runs script with our origin), `nosniff`, and framing by our own
 * pages for the PDF viewer, none of which page responses may have. They stream from the
 * blob store with Content-Length and single byte ranges, never holding a file in memory.
 *
 * Like every entry point: parse (ids from the path), authorise (planDownload asks the
 * policy), call the domain, present; a failure becomes a translated error page.
 */
import type { Request, Response, NextFunction, Router } from "express";
import express from "express";
import { pipeline } from "node:stream/promises";
import type { Services } from "#server/services";
import { networkBySlug } from "#server/domain/networks/lookup";
import { authenticateToken, SESSION_COOKIE } from "#server/domain/auth/sessions";
import { planDownload } from "#server/domain/library/downloads";
import { COMMONS_LIBRARY, networkLibrary, type LibraryRef } from "#shared/library/library-ref";
import { denialStatus } from "#shared/policy";
import { readCookies } from "#server/http/cookies";
import { sendErrorPage } from "#server/http/error-page";
import { contentDisposition } from "../file-names";
import type { PreviewMaker } from "../previews/preview-maker";
import { documentPage } from "../previews/docx-html";
import { detectLocale, LOCALE_COOKIE } from "#server/locale";

const ID = /^[A-Za-z0-9-]{1,100}$/;
const FILE_PATH = /\/library\/files\/[^/]+\/versions\/[^/]+\/(download|view)$/;

/** For the compression filter: these responses keep their exact bytes and Content-Length. */
export function isLibraryFileRequest(path: string): boolean {
  return FILE_PATH.test(path);
}

export function libraryFileRoutes(services: Services, previews: PreviewMaker): Router {
  const router = express.Router();
  const serve = (resolveLibrary: (req: Request) => Promise<LibraryRef | null>) => (req: Request, res: Response, next: NextFunction) => {
    sendFile(services, previews, req, res, resolveLibrary).catch(next);
  };
  const files = "library/files/:fileId/versions/:versionId/:mode(download|view|thumbnail|preview)";
  router.get(
    `/networks/:slug/${files}`,
    serve(async (req) => {
      const network = await networkBySlug(services, req.params.slug);
      return network ? networkLibrary(network) : null;
    }),
  );
  router.get(`/network-of-networks/${files}`, serve(async () => COMMONS_LIBRARY));
  return router;
}

/** What every response with a file's bytes (or a preview of them) carries. */
function fileHeaders(res: Response) {
  // A file is data, never a page of ours: no script, no plugins, no same-origin powers.
  res.setHeader("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'");
  res.setHeader("X-Content-Type-Options", "nosniff");
  // frame-ancestors 'self' above lets our own pages embed it; the page-wide DENY would not.
  res.removeHeader("X-Frame-Options");
  res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
  res.setHeader("Referrer-Policy", "no-referrer");
  // Private: who may read it can change (a membership ends), so no shared cache keeps it.
  res.setHeader("Cache-Control", "private, no-store");
}

async function sendFile(services: Services, previews: PreviewMaker, req: Request, res: Response, resolveLibrary: (req: Request) => Promise<LibraryRef | null>) {
  const auth = await authenticateToken(services, readCookies(req)[SESSION_COOKIE]);
  if (!auth) {
    res.redirect(302, `/login?redirectTo=${encodeURIComponent(req.originalUrl)}`);
    return;
  }
  const { fileId, versionId, mode } = req.params;
  const lib = await resolveLibrary(req);
  if (!lib || !fileId || !versionId || !ID.test(fileId) || !ID.test(versionId)) return sendErrorPage(req, res, 404, "notFound");
  const result = await planDownload(services, auth.actor, lib, fileId, versionId, mode === "view");
  if (!result.ok) {
    const status = result.error === "forbidden" ? denialStatus(auth.actor, { type: "library.read", owner: lib.owner }) : 404;
    return sendErrorPage(req, res, status === 404 ? 404 : 403, status === 404 ? "notFound" : "forbidden");
  }
  const { plan } = result;
  if (mode === "thumbnail" || mode === "preview") {
    const preview = await previews.get({ sha256: plan.sha256, kind: plan.kind }, mode === "thumbnail" ? "thumbnail" : "html");
    // No preview for this file (its kind has none, or it could not be made): the page shows an icon instead.
    if (!preview) return sendErrorPage(req, res, 404, "notFound");
    fileHeaders(res);
    res.setHeader("Content-Type", preview.contentType);
    res.setHeader("Content-Disposition", "inline");
    const body = mode === "preview" ? Buffer.from(documentPage(preview.bytes.toString("utf8"), plan.language === "other" ? detectLocale({ userLocale: auth.user.locale, cookieLocale: readCookies(req)[LOCALE_COOKIE], acceptLanguage: req.headers["accept-language"] }) : plan.language)) : preview.bytes;
    res.setHeader("Content-Length", String(body.length));
    res.status(200).end(req.method === "HEAD" ? undefined : body);
    return;
  }
  const range = plan.size === 0 ? null : parseRange(req.headers.range, plan.size);
  if (range === "unsatisfiable") {
    res.status(416).setHeader("Content-Range", `bytes */${plan.size}`);
    res.end();
    return;
  }
  res.status(range ? 206 : 200);
  res.setHeader("Content-Type", plan.contentType);
  res.setHeader("Content-Disposition", contentDisposition(plan.disposition, plan.name));
  res.setHeader("Content-Length", String(range ? range.end - range.start + 1 : plan.size));
  res.setHeader("Accept-Ranges", "bytes");
  if (range) res.setHeader("Content-Range", `bytes ${range.start}-${range.end}/${plan.size}`);
  fileHeaders(res);
  if (req.method === "HEAD" || plan.size === 0) {
    res.end();
    return;
  }
  const stream = await services.library.blobs.read(plan.sha256, range ?? undefined);
  try {
    await pipeline(stream, res);
  } catch (error) {
    // The reader went away mid-download: nothing to answer, nothing to log as a failure.
    if (!res.destroyed) throw error;
  }
}

/** One `bytes=a-b`, `a-` or `-n` range; several ranges are answered whole (200), as RFC 9110 allows. */
function parseRange(header: string | undefined, size: number): { start: number; end: number } | "unsatisfiable" | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return null;
  let start: number;
  let end: number;
  if (match[1] === "") {
    const suffix = Number(match[2]);
    if (suffix === 0) return "unsatisfiable";
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start >= size || start > end) return "unsatisfiable";
  return { start, end };
}
