/**
 * Builds the one HTTP server: security headers, CSRF cookie and same-origin checks,
 * /healthz, static assets, Remix, and the WebSocket upgrade router with socket.io.
 * Used by server/index.ts and by integration tests, which start it on a random port.
 */
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import express from "express";
import compression from "compression";
import { missingFiles, staticAssets } from "./static-assets";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import type { Services } from "./services";
import { securityHeaders } from "./http/security-headers";
import { healthz, isHealthCheck } from "./http/healthz";
import { errorPage, refuseUnreadableUrls, sendErrorPage } from "./http/error-page";
import { CSRF_COOKIE, readCookies, serialiseCookie } from "./http/cookies";
import { isSameOriginMutation } from "./http/origin";
import { createGetLoadContext } from "./load-context";
import { createSocketServer, type RealtimeServer } from "./realtime/socket-server";
import { attachUpgradeRouter } from "./upgrade-router";
import { createCollabGate } from "./collab/gate";
import { createCollabServer, type CollabOptions, type CollabServer } from "./collab/collab-server";
import { documentTypes as registeredTypes } from "./documents/registry";
import type { DocumentTypes } from "./documents/document-type";
import { recordVersionsWhenIdle } from "./domain/versions/auto-versions";
import { newToken } from "./domain/auth/tokens";
import { createUploadEndpoint, UPLOAD_PATH } from "./library/http/upload-endpoint";
import { createClusterUploadLocker } from "./library/http/cluster-upload-locker";
import { isLibraryFileRequest, libraryFileRoutes } from "./library/http/file-responses";
import { scheduleLibraryHousekeeping } from "./library/housekeeping";
import { createTextIndexer, type TextIndexer } from "./library/text/text-indexer";
import { createPreviewMaker } from "./library/previews/preview-maker";
import { scheduleEventChores } from "./domain/events/housekeeping";

export interface PlatformServer {
  httpServer: http.Server;
  io: RealtimeServer;
  collab: CollabServer;
  /** Reads uploaded files' text for search, off the request path. */
  textIndexer: TextIndexer;
  /** Stops accepting, lets running requests finish, stores every collab update, closes sockets. Does not close the db. */
  close(): Promise<void>;
}

export interface CreateServerOptions {
  services: Services;
  /** "build": serve build/ (production and tests); "vite": Vite middleware with HMR (npm run dev). */
  remix: "build" | "vite";
  buildDir?: string;
  /** `documentTypes` replaces the registered document types (tests of odd documents). */
  collab?: Partial<CollabOptions> & { documentTypes?: DocumentTypes };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export async function createPlatformServer(options: CreateServerOptions): Promise<PlatformServer> {
  const { services } = options;
  const dev = options.remix === "vite";
  const app = express();
  // /healthz is answered before Express: balancers ask it often, it needs no routing, cookies
  // or page middleware, and it answers a few bytes of JSON (docs/decisions/0017).
  const health = healthz(services);
  const httpServer = http.createServer((req, res) => {
    // Contained: a failure there must never become an unhandled rejection that ends the process.
    if (isHealthCheck(req)) health(req, res).catch(() => res.destroy());
    else app(req, res);
  });
  app.disable("x-powered-by");
  app.set("trust proxy", services.config.trustProxy);
  // Start of the request's Server-Timing (app/lib/server-timing.server.ts).
  app.use((_req, res, next) => {
    res.locals.requestStart = performance.now();
    next();
  });
  // Library files keep their exact bytes and length (ranges, resumable downloads).
  app.use(compression({ filter: (req, res) => !isLibraryFileRequest(req.path) && compression.filter(req, res) }));
  app.use(securityHeaders({ dev }));
  app.use(refuseUnreadableUrls());

  // CSRF, layer 1: a mutation must come from our own pages. Layer 2 is the per-form token
  // checked by readForm() in every action.
  app.use((req, res, next) => {
    const secure = services.config.publicUrl.startsWith("https:") || req.secure;
    res.locals.secureCookies = secure;
    let csrf = readCookies(req)[CSRF_COOKIE];
    if (!csrf || csrf.length < 20 || csrf.length > 100) {
      csrf = newToken();
      res.append("Set-Cookie", serialiseCookie(CSRF_COOKIE, csrf, { secure }));
    }
    res.locals.csrfToken = csrf;
    if (!SAFE_METHODS.has(req.method) && !isSameOriginMutation(req, services.config.publicUrl)) {
      sendErrorPage(req, res, 403, "forbidden");
      return;
    }
    next();
  });

  // The document library: resumable uploads (tus) and the files' bytes, with headers of their own.
  const textIndexer = createTextIndexer(services);
  const uploadLocker = await createClusterUploadLocker(services.cluster);
  const uploads = createUploadEndpoint(services, { onStored: () => textIndexer.poke(), locker: uploadLocker });
  app.all([UPLOAD_PATH, `${UPLOAD_PATH}/*`], (req, res) => uploads.handle(req, res));
  app.use(libraryFileRoutes(services, createPreviewMaker(services.library.blobs, services.library.previewDir, services.log)));
  const stopLibraryHousekeeping = scheduleLibraryHousekeeping(services, uploads);

  const documentTypes = options.collab?.documentTypes ?? registeredTypes;
  const collab = createCollabServer(services, documentTypes, {
    maxSocketsPerUser: services.config.collabMaxSocketsPerUser,
    maxSocketsPerDocument: services.config.collabMaxSocketsPerDocument,
    idleAfterMs: services.config.autoVersionIdleMinutes * 60_000,
    ...options.collab,
    limits: { ...services.config.collabLimits, ...options.collab?.limits },
  });

  const stopAutoVersions = recordVersionsWhenIdle(services, collab, documentTypes);
  const stopEventChores = scheduleEventChores(services);
  const io = createSocketServer(httpServer, services, documentTypes);

  let vite: import("vite").ViteDevServer | undefined;
  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (dev) {
    const { createServer } = await import("vite");
    vite = await createServer({ server: { middlewareMode: true, hmr: { server: httpServer } } });
    app.use(vite.middlewares);
    const devServer = vite;
    build = () => devServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  } else {
    const buildDir = path.resolve(options.buildDir ?? process.env.BUILD_DIR ?? "build");
    app.use("/assets", staticAssets(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
    app.use(staticAssets(path.join(buildDir, "client"), { maxAge: "1h" }));
    app.use(missingFiles());
    build = (await import(pathToFileURL(path.join(buildDir, "server/index.js")).href)) as ServerBuild;
  }

  app.all("*", createRequestHandler({ build, mode: dev ? "development" : "production", getLoadContext: createGetLoadContext(services, collab) }));

  // Last resort for failures outside Remix: a translated page, never a stack trace.
  app.use(errorPage(services.log));

  attachUpgradeRouter(httpServer, {
    services,
    authoriseCollab: createCollabGate(services, documentTypes),
    collab: collab.handleUpgrade,
    devHmr: dev,
  });

  return {
    httpServer,
    io,
    collab,
    textIndexer,
    async close() {
      // Collab first: every received update (and its automatic version) is stored before anything else goes away.
      await collab.close();
      stopAutoVersions();
      stopEventChores();
      stopLibraryHousekeeping();
      await textIndexer.stop();
      await uploadLocker.close();
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeIdleConnections();
        io.disconnectSockets(true);
        // Requests still running after 10 s are cut off rather than holding shutdown forever.
        setTimeout(() => {
          httpServer.closeAllConnections();
          resolve();
        }, 10_000).unref();
      });
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await vite?.close();
    },
  };
}
