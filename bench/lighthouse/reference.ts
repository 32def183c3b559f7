/**
 * The reference page: our login page exactly as the server renders it, minus every script
 * and module preload, so the same markup and stylesheets without any JavaScript. It is the
 * floor for that page on this machine, in this run: what the login page would score if
 * hydration cost nothing. Served by a tiny node:http server of our own; every other path
 * (stylesheets, fonts, icons) is fetched from the app server, so both pages load the same
 * files, compressed as the app compresses them.
 */
import http from "node:http";
import zlib from "node:zlib";
import { freePort } from "../collab/servers/server-process";

export interface ReferenceServer {
  origin: string;
  /** What was taken out, for the log: a reference that lost nothing would measure nothing. */
  removed: { scripts: number; modulePreloads: number };
  stop(): Promise<void>;
}

const SCRIPT = /<script\b[^>]*>[\s\S]*?<\/script\s*>/gi;
const MODULE_PRELOAD = /<link\b[^>]*\brel\s*=\s*["']?modulepreload\b[^>]*>/gi;

export function stripScripts(html: string): { html: string; scripts: number; modulePreloads: number } {
  const scripts = html.match(SCRIPT)?.length ?? 0;
  const modulePreloads = html.match(MODULE_PRELOAD)?.length ?? 0;
  return { html: html.replace(SCRIPT, "").replace(MODULE_PRELOAD, ""), scripts, modulePreloads };
}

/** Headers that describe the upstream's bytes, not ours, or would leak its cookies into the reference. */
const DROPPED_HEADERS = new Set(["content-encoding", "content-length", "transfer-encoding", "connection", "keep-alive", "set-cookie"]);

/** The app compresses with express's compression() (gzip over 1 KiB); the reference must not be heavier on the wire than the page it mirrors. */
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml)|image\/svg)/;

function send(req: http.IncomingMessage, res: http.ServerResponse, status: number, headers: Headers, body: Buffer): void {
  for (const [name, value] of headers) if (!DROPPED_HEADERS.has(name)) res.setHeader(name, value);
  const gzip = /\bgzip\b/.test(req.headers["accept-encoding"] ?? "") && COMPRESSIBLE.test(headers.get("content-type") ?? "") && body.length >= 1024;
  const payload = gzip ? zlib.gzipSync(body) : body;
  if (gzip) res.setHeader("Content-Encoding", "gzip");
  res.setHeader("Vary", "Accept-Encoding");
  res.setHeader("Content-Length", payload.length);
  res.writeHead(status);
  res.end(req.method === "HEAD" ? undefined : payload);
}

export async function startReferenceServer(appOrigin: string, pagePath: string): Promise<ReferenceServer> {
  const page = await fetch(`${appOrigin}${pagePath}`, { redirect: "manual" });
  if (page.status !== 200) throw new Error(`reference: ${pagePath} answered ${page.status}, expected the page itself`);
  const pageHeaders = new Headers(page.headers);
  const stripped = stripScripts(await page.text());
  const html = Buffer.from(stripped.html);

  const server = http.createServer((req, res) => {
    const url = req.url ?? "/";
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405).end();
      return;
    }
    if (url === pagePath) {
      send(req, res, 200, pageHeaders, html);
      return;
    }
    fetch(`${appOrigin}${url}`, { redirect: "manual" })
      .then(async (upstream) => send(req, res, upstream.status, upstream.headers, Buffer.from(await upstream.arrayBuffer())))
      .catch((error: unknown) => {
        res.writeHead(502).end(String(error));
      });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${port}`,
    removed: { scripts: stripped.scripts, modulePreloads: stripped.modulePreloads },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
