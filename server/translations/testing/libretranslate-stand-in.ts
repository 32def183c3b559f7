/**
 * A stand-in for a LibreTranslate instance, for tests only: an HTTP server on 127.0.0.1 that
 * speaks its documented POST /translate (JSON {q, source, target, format, api_key} answering
 * {translatedText} or {error}), records every request and can be told to misbehave with the
 * answers LibreTranslate itself gives (400, 403, 429 "Slowdown: …", 500). Written from
 * LibreTranslate's API documentation, not from another project.
 *
 * Its "translation" is deterministic: "[it] " (the target language) in front of the text, which
 * leaves placeholders intact. Tests that need an engine that mangles placeholders (spacing, case,
 * dropping them) give their own `engine`.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type StandInFault =
  | { kind: "slow"; delayMs: number } // answer normally, but only after this long
  | { kind: "down" } // close the connection without an answer
  | { kind: "unavailable" } // 503, as a proxy in front of a stopped instance answers
  | { kind: "engine-error" } // 500 {"error": "Cannot translate text: …"}
  | { kind: "quota" } // 403 {"error": "Too many request limits violations"}: banned after repeated limit violations
  | { kind: "daily-limit" } // 429 "Slowdown: N per 1 day"
  | { kind: "rate-limited"; retryAfterSeconds?: number } // 429 "Slowdown: N per 1 minute"
  | { kind: "not-json" } // 200 with an HTML page
  | { kind: "wrong-shape" } // 200 with translatedText a number
  | { kind: "wrong-count" }; // 200 with one text fewer

export type Engine = (text: string, source: string, target: string) => string;

export interface RecordedRequest {
  method: string;
  path: string;
  contentType: string | undefined;
  /** The parsed JSON body (or the raw text when it is not JSON). */
  body: unknown;
}

export interface LibreTranslateStandIn {
  /** e.g. http://127.0.0.1:PORT: the instance's base address. */
  url: string;
  requests: RecordedRequest[];
  fail(fault: StandInFault | null, options?: { times?: number }): void;
  /** Replace the translation function (null: the default "[target] text"). */
  setEngine(engine: Engine | null): void;
  close(): Promise<void>;
}

export interface LibreTranslateStandInOptions {
  /** When set, requests must carry this api_key (as an instance started with --api-keys). */
  apiKey?: string;
  /** As the operator's --batch-limit: more texts in one request are refused with 400. */
  batchLimit?: number;
}

const LANGUAGES = new Set(["de", "en", "it"]);

export const defaultEngine: Engine = (text, _source, target) => `[${target}] ${text}`;

export async function startLibreTranslateStandIn(options: LibreTranslateStandInOptions = {}): Promise<LibreTranslateStandIn> {
  const requests: RecordedRequest[] = [];
  let engine: Engine = defaultEngine;
  let fault: { fault: StandInFault; left: number } | null = null;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      void (async () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        let body: unknown;
        try {
          body = raw === "" ? undefined : (JSON.parse(raw) as unknown);
        } catch {
          body = raw;
        }
        const path = (req.url ?? "/").split("?")[0] ?? "/";
        requests.push({ method: req.method ?? "", path, contentType: req.headers["content-type"], body });

        let current: StandInFault | null = null;
        if (fault && fault.left > 0) {
          fault.left -= 1;
          current = fault.fault;
        }
        if (current?.kind === "slow") await new Promise((resolve) => setTimeout(resolve, current.delayMs));
        if (res.destroyed) return;
        switch (current?.kind) {
          case "down":
            return void req.socket.destroy();
          case "unavailable":
            res.writeHead(503, { "Content-Type": "text/html" });
            return void res.end("<html><body>503 Service Temporarily Unavailable</body></html>");
          case "engine-error":
            return sendJson(res, 500, { error: "Cannot translate text: model failed" });
          case "quota":
            return sendJson(res, 403, { error: "Too many request limits violations" });
          case "daily-limit":
            return sendJson(res, 429, { error: "Slowdown: 1440 per 1 day" });
          case "rate-limited": {
            const headers: Record<string, string> =
            current.retryAfterSeconds === undefined ? {} : { "Retry-After": String(current.retryAfterSeconds) };
            return sendJson(res, 429, { error: "Slowdown: 30 per 1 minute" }, headers);
          }
          case "not-json":
            res.writeHead(200, { "Content-Type": "text/html" });
            return void res.end("<html><body>Welcome to nginx!</body></html>");
        }

        if (req.method !== "POST" || path !== "/translate") return sendJson(res, 404, { error: "Not Found" });
        const answer = translate(body, req.headers["content-type"]);
        if (current?.kind === "wrong-shape") return sendJson(res, 200, { translatedText: 42 });
        if (current?.kind === "wrong-count" && Array.isArray(answer.body.translatedText)) {
          return sendJson(res, 200, { translatedText: answer.body.translatedText.slice(1) });
        }
        sendJson(res, answer.status, answer.body);
      })();
    });
  });

  function translate(body: unknown, contentType: string | undefined): { status: number; body: { translatedText?: unknown; error?: string } } {
    const refuse = (status: number, error: string) => ({ status, body: { error } });
    if (!contentType?.startsWith("application/json") || !isRecord(body)) return refuse(400, "Invalid JSON format");
    const { q, source, target, format, api_key } = body;
    if (options.apiKey !== undefined) {
      if (api_key === undefined) return refuse(400, "Please contact the server operator to get an API key");
      if (api_key !== options.apiKey) return refuse(403, "Invalid API key");
    }
    if (!q || !(typeof q === "string" || (Array.isArray(q) && q.every((t) => typeof t === "string")))) {
      return refuse(400, "Invalid request: missing q parameter");
    }
    if (typeof source !== "string" || source === "") return refuse(400, "Invalid request: missing source parameter");
    if (typeof target !== "string" || target === "") return refuse(400, "Invalid request: missing target parameter");
    if (Array.isArray(q) && options.batchLimit !== undefined && q.length > options.batchLimit) {
      return refuse(400, `Invalid request: request (${q.length}) exceeds text limit (${options.batchLimit})`);
    }
    if (!LANGUAGES.has(source)) return refuse(400, `${source} is not supported`);
    if (!LANGUAGES.has(target)) return refuse(400, `${target} is not supported`);
    if (format !== undefined && format !== "text" && format !== "html") return refuse(400, `${String(format)} format is not supported`);
    const one = (text: string) => engine(text, source, target);
    return { status: 200, body: { translatedText: Array.isArray(q) ? q.map((t: string) => one(t)) : one(q) } };
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    fail(next, failOptions = {}) {
      fault = next ? { fault: next, left: failOptions.times ?? Number.POSITIVE_INFINITY } : null;
    },
    setEngine(next) {
      engine = next ?? defaultEngine;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
