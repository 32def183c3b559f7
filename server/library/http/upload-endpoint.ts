/**
 * Resumable uploads into the library over the tus protocol (tus.io, v1.0.0), with the
 * protocol's maintained server, @tus/server and its file store. A dropped connection or a
 * closed laptop continues where it stopped: the client asks for the offset (HEAD) and
 * sends the rest (PATCH). Bytes stream to the staging area (the disk under DATA_DIR, or the S3
 * bucket that all instances share: storage/upload-staging.ts); they are never held whole.
 *
 * What this module adds to the library's server is who may do what, before any byte:
 *  - every request is authenticated from the session cookie and must carry the page's
 *    CSRF token in `X-CSRF-Token` (the Origin check already ran in server/app.ts);
 *  - creating an upload asks the domain (beginUpload: policy, size, quota, target folder);
 *  - continuing, inspecting or cancelling an upload is allowed to its starter only;
 *  - the finished upload becomes a file or a version in one step (finishUpload).
 * Refusals carry a translated message in the body, which the upload form shows as is.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { EVENTS, Server } from "@tus/server";
import type { Locker } from "@tus/server";
import type { Services } from "#server/services";
import { authenticateToken, SESSION_COOKIE, type Authenticated } from "#server/domain/auth/sessions";
import { beginUpload, finishUpload, uploadBelongsTo, type UploadRefusal } from "#server/domain/library/uploads";
import { newId, safeEqual } from "#server/domain/auth/tokens";
import { COMMONS_LIBRARY, networkLibrary, type LibraryRef } from "#shared/library/library-ref";
import { fixedT } from "#shared/i18n/instance";
import { formatBytes } from "#shared/library/format-bytes";
import { denialStatus } from "#shared/policy";
import { isLocale, DEFAULT_LOCALE } from "#shared/i18n/config";
import { findNetworkById } from "#db/queries/networks";
import { deleteUpload } from "#db/queries/library";
import { CSRF_COOKIE, readCookies } from "#server/http/cookies";
import { StorageFullError } from "../storage/blob-store";
import { isDiskFullError } from "./disk-aware-file-store";

export const UPLOAD_PATH = "/uploads";
const UPLOAD_ID = /^[a-f0-9]{32}$/;

/** A refusal of ours: its body is translated already (tus's own errors are English and get mapped). */
type TusRefusal = { status_code: number; body: string; translated: true };
type Caller = { auth: Authenticated; locale: string; t: (key: string, options?: Record<string, unknown>) => string };

export interface UploadEndpoint {
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Removes uploads abandoned for a day: their bytes and their rows. */
  cleanUp(): Promise<number>;
}

export interface UploadEndpointOptions {
  /** Called after an upload became a file or a version (the text indexer starts reading it). */
  onStored?: () => void;
  /** Who may write to an upload right now; across instances (server/library/http/cluster-upload-locker.ts). Default: tus's in-process locker. */
  locker?: Locker;
}

export function createUploadEndpoint(services: Services, options: UploadEndpointOptions = {}): UploadEndpoint {
  // The gate resolves the caller per Node request; tus hands its hooks a web Request that wraps it.
  const callers = new WeakMap<object, Caller>();
  const callerOf = (req: { runtime?: { node?: { req: object } } }): Caller | undefined => {
    const node = req.runtime?.node?.req;
    return node ? callers.get(node) : undefined;
  };
  const refuse = (caller: Caller | undefined, status: number, key: string): TusRefusal => ({
    status_code: status,
    body: (caller?.t ?? fixedT(DEFAULT_LOCALE))(`library:upload.errors.${key}`, {
      max: formatBytes(services.config.uploadMaxBytes, caller?.locale ?? DEFAULT_LOCALE),
    }),
    translated: true,
  });

  const staging = services.library.uploads;
  const tus = new Server({
    path: UPLOAD_PATH,
    datastore: staging.datastore,
    locker: options.locker,
    maxSize: services.config.uploadMaxBytes,
    relativeLocation: true,
    // Same-origin only: the upload form is one of our pages.
    allowedOrigins: () => false,
    namingFunction: () => newId().replaceAll("-", ""),
    async onUploadCreate(req, upload) {
      const caller = callerOf(req);
      if (!caller) throw refuse(caller, 401, "signedOut");
      const meta = upload.metadata ?? {};
      const lib = await libraryOfTarget(services, meta.library);
      if (!lib) throw refuse(caller, 404, "notFound");
      const result = await beginUpload(services, caller.auth.actor, {
        uploadId: upload.id,
        lib,
        folderId: meta.folderId || null,
        fileId: meta.fileId || null,
        name: meta.filename ?? "",
        note: meta.note ?? "",
        size: upload.size ?? -1,
      });
      if (!result.ok) {
        // Outsiders learn nothing about a network's library: the same answer as an unknown one.
        const hidden = result.error === "forbidden" && denialStatus(caller.auth.actor, { type: "library.upload", owner: lib.owner }) === 404;
        throw hidden ? refuse(caller, 404, "notFound") : refuse(caller, REFUSAL_STATUS[result.error], result.error);
      }
      return {};
    },
    async onUploadFinish(req, upload) {
      const caller = callerOf(req);
      try {
        const { fileId, versionId } = await staging.withFinishedFile(upload.id, upload.size ?? 0, (file) => finishUpload(services, upload.id, file));
        options.onStored?.();
        const response = (req as { runtime?: { node?: { res?: ServerResponse } } }).runtime?.node?.res;
        await staging.forgetFinished(upload.id, upload.size ?? 0, response);
        return { headers: { "X-Library-File": fileId, "X-Library-Version": versionId } };
      } catch (error) {
        services.log.error(`[library] finishing upload ${upload.id} failed`, error);
        if (error instanceof StorageFullError) throw refuse(caller, 507, "storageFull");
        throw refuse(caller, 500, "failed");
      }
    },
    onResponseError(req, error) {
      const caller = callerOf(req);
      if (isOurRefusal(error)) return { status_code: error.status_code, body: error.body };
      if (isDiskFullError(error)) return refuse(caller, 507, "storageFull");
      if ("status_code" in error && typeof error.status_code === "number" && error.status_code < 500) {
        // The protocol's own refusals (offset conflicts, a size beyond the limit, an expired upload).
        if (error.status_code === 413) return refuse(caller, 413, "tooLarge");
        if (error.status_code === 404 || error.status_code === 410) return refuse(caller, error.status_code, "notFound");
        return refuse(caller, error.status_code, "interrupted");
      }
      services.log.error("[library] upload failed", error);
      return refuse(caller, 500, "failed");
    },
  });

  // A cancelled upload gives its room in the quota back at once.
  tus.on(EVENTS.POST_TERMINATE, (_req, _res, id) => {
    deleteUpload(services.db, id).catch((error: unknown) => services.log.error(`[library] forgetting cancelled upload ${id} failed`, error));
  });

  return {
    handle(req, res) {
      gate(services, req, res, callers)
        .then((ok) => (ok ? tus.handle(req, res) : undefined))
        .catch((error: unknown) => {
          services.log.error("[library] upload request failed", error);
          if (!res.headersSent) {
            res.statusCode = 500;
            res.end(fixedT(DEFAULT_LOCALE)("library:upload.errors.failed"));
          } else res.destroy();
        });
    },
    async cleanUp() {
      return tus.cleanUpExpiredUploads();
    },
  };
}

/** Who is calling, and may they touch this upload at all? Answers the refusal itself. */
async function gate(services: Services, req: IncomingMessage, res: ServerResponse, callers: WeakMap<object, Caller>): Promise<boolean> {
  if (req.method === "OPTIONS") return true;
  const cookies = readCookies(req);
  const auth = await authenticateToken(services, cookies[SESSION_COOKIE]);
  const locale = auth && isLocale(auth.user.locale) ? auth.user.locale : DEFAULT_LOCALE;
  const t = fixedT(locale);
  const answer = (status: number, key: string) => {
    res.statusCode = status;
    res.setHeader("Content-Type", "text/plain; charset=utf-8");
    res.setHeader("Tus-Resumable", "1.0.0");
    res.end(t(`library:upload.errors.${key}`));
    return false;
  };
  if (!auth) return answer(401, "signedOut");
  const csrf = cookies[CSRF_COOKIE];
  const sent = req.headers["x-csrf-token"];
  if (!csrf || typeof sent !== "string" || !safeEqual(sent, csrf)) return answer(403, "forbidden");
  // Uploads are created with POST /uploads; every other method names one: /uploads/<id>.
  if (req.method !== "POST") {
    const id = new URL(req.url ?? "/", "http://x").pathname.slice(UPLOAD_PATH.length + 1);
    if (!UPLOAD_ID.test(id) || !(await uploadBelongsTo(services, id, auth.user.id))) return answer(404, "notFound");
  }
  // Downloads never go through tus: the library serves files with its own headers.
  if (req.method === "GET") return answer(405, "failed");
  callers.set(req, { auth, locale, t });
  return true;
}

async function libraryOfTarget(services: Services, target: string | null | undefined): Promise<LibraryRef | null> {
  if (target === "commons") return COMMONS_LIBRARY;
  if (!target || target.length > 100) return null;
  const network = await findNetworkById(services.db, target);
  return network ? networkLibrary(network) : null;
}

const REFUSAL_STATUS: Record<UploadRefusal, number> = { forbidden: 403, notFound: 404, invalidTarget: 404, tooLarge: 413, quota: 413 };

function isOurRefusal(error: unknown): error is TusRefusal {
  return typeof error === "object" && error !== null && (error as Partial<TusRefusal>).translated === true;
}


