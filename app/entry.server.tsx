import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { fixedT, i18nFor } from "#shared/i18n/instance";
import { isLocale, DEFAULT_LOCALE } from "#shared/i18n/config";
import { NonceProvider } from "./lib/nonce";
import { setTranslator } from "./lib/translator";
import { serverTiming } from "./lib/server-timing.server";

setTranslator((locale) => fixedT(isLocale(locale) ? locale : DEFAULT_LOCALE));

const ABORT_DELAY = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const loadersEndAt = performance.now();
  const routeId = remixContext.staticHandlerContext.matches.at(-1)?.route.id;
  const i18n = i18nFor(loadContext.locale);
  const nonce = loadContext.cspNonce;
  responseHeaders.set("Content-Language", loadContext.locale);
  responseHeaders.set("Vary", "Cookie, Accept-Language");

  // The whole page is rendered before it is sent, as one body with its length. Our loaders
  // return everything before rendering starts and no route defers data, so streaming sent
  // the same bytes in React's 2 KB pieces, each through a web stream and a socket write of
  // its own; one write costs less (docs/decisions/0017).
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    // Cleared as soon as rendering is over: a pending timer's `abort` holds the whole render
    // (tree, loader data, HTML) for ABORT_DELAY after the page has gone, a few hundred pages
    // at a time under load (found by bench:soak's heap snapshots).
    let abortTimer: ReturnType<typeof setTimeout> | undefined;
    let rendered = false;
    const chunks: Buffer[] = [];
    const body = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    body.on("finish", () => {
      const html = Buffer.concat(chunks);
      responseHeaders.set("Server-Timing", serverTiming(loadContext.timing, { loadersEndAt, renderEndAt: performance.now() }, routeId));
      responseHeaders.set("Content-Type", "text/html; charset=utf-8");
      responseHeaders.set("Content-Length", String(html.byteLength));
      resolve(new Response(html, { headers: responseHeaders, status: responseStatusCode }));
    });
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          rendered = true;
          clearTimeout(abortTimer);
          pipe(body);
        },
        onShellError(error: unknown) {
          rendered = true;
          clearTimeout(abortTimer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Before the shell, onShellError hands the error to Remix, which logs it once.
          if (shellRendered) console.error(error);
        },
      },
    );
    if (!rendered) abortTimer = setTimeout(abort, ABORT_DELAY);
  });
}

/** Data requests (`.data`, client navigations) get their Server-Timing too; several routes answer one, so no route is named. */
export function handleDataRequest(response: Response, { context }: { context: AppLoadContext }) {
  try {
    response.headers.set("Server-Timing", serverTiming(context.timing, { loadersEndAt: performance.now() }, undefined));
  } catch {
    // A response with immutable headers (Response.redirect) goes out without timing.
  }
  return response;
}

/** Logged on the server; the user sees the translated 500 page, never the error. */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error("[remix] request failed:", request.method, new URL(request.url).pathname, error);
}
