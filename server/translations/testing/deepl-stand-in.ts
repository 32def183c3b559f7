/**
 * A stand-in for the DeepL API v2, for tests only: an HTTP server on 127.0.0.1 that speaks the
 * documented protocol for what the provider uses (POST /v2/translate, POST/GET /v2/glossaries,
 * GET/DELETE /v2/glossaries/{id}), checks what it is sent as DeepL does, records every request,
 * and can be told to misbehave. Written from DeepL's API reference, not from another project.
 *
 * Its "translation" is deterministic: the glossary's source terms replaced by their targets
 * (longest first, as written), then "[it] " (the target's language) in front, so a test sees
 * both that a glossary was used and which one.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type StandInFault =
  | { kind: "slow"; delayMs: number } // answer normally, but only after this long
  | { kind: "down" } // close the connection without an answer
  | { kind: "unavailable" } // 503
  | { kind: "quota" } // 456 Quota exceeded
  | { kind: "rate-limited"; retryAfterSeconds?: number } // 429, optionally with Retry-After
  | { kind: "not-json" } // 200 with an HTML page
  | { kind: "wrong-shape" } // 200 with JSON that is not the documented answer
  | { kind: "wrong-count" }; // 200 with one translation fewer than texts

export interface FaultOptions {
  /** Only requests whose path starts with this (e.g. "/v2/translate"); default: all. */
  path?: string;
  /** Only this many requests, then back to normal; default: until cleared. */
  times?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  /** The parsed JSON body, or undefined without one. */
  body: unknown;
  bytes: number;
}

export interface StandInGlossary {
  glossary_id: string;
  name: string;
  source_lang: string;
  target_lang: string;
  entries: Array<[string, string]>;
  creation_time: string;
}

export interface DeepLStandIn {
  /** e.g. http://127.0.0.1:PORT: give it to the provider as apiUrl. */
  url: string;
  /** The only key it accepts ("DeepL-Auth-Key <authKey>"). */
  authKey: string;
  requests: RecordedRequest[];
  /** Glossaries currently stored, by id. */
  glossaries: Map<string, StandInGlossary>;
  fail(fault: StandInFault | null, options?: FaultOptions): void;
  /** The next `polls` detail requests for a new glossary answer ready: false (DeepL documents that this can happen). */
  setNotReadyPolls(polls: number): void;
  close(): Promise<void>;
}

const MAX_TEXTS = 50;
const MAX_BODY_BYTES = 128 * 1024;
const SOURCE_LANGS = new Set(["DE", "EN", "IT"]);
const TARGET_LANGS = new Set(["DE", "EN-GB", "EN-US", "IT"]);
const GLOSSARY_LANGS = new Set(["de", "en", "it"]);
// Everything DeepL forbids in an entry: control characters and Unicode newlines.
const FORBIDDEN_IN_ENTRY = /[\p{Cc}\u2028\u2029]/u;

class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

export async function startDeepLStandIn(options: { authKey?: string } = {}): Promise<DeepLStandIn> {
  const authKey = options.authKey ?? "stand-in-key:fx";
  const requests: RecordedRequest[] = [];
  const glossaries = new Map<string, StandInGlossary>();
  const notReady = new Map<string, number>();
  let notReadyPolls = 0;
  let fault: { fault: StandInFault; path: string; left: number } | null = null;

  const takeFault = (path: string): StandInFault | null => {
    if (!fault || !path.startsWith(fault.path) || fault.left <= 0) return null;
    fault.left -= 1;
    return fault.fault;
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      void (async () => {
        const raw = Buffer.concat(chunks);
        const path = (req.url ?? "/").split("?")[0] ?? "/";
        let body: unknown;
        try {
          body = raw.length > 0 ? (JSON.parse(raw.toString("utf8")) as unknown) : undefined;
        } catch {
          body = raw.toString("utf8");
        }
        requests.push({
          method: req.method ?? "",
          path,
          authorization: req.headers.authorization,
          contentType: req.headers["content-type"],
          body,
          bytes: raw.length,
        });

        const current = takeFault(path);
        if (current?.kind === "slow") await new Promise((resolve) => setTimeout(resolve, current.delayMs));
        if (res.destroyed) return;
        if (current?.kind === "down") return void req.socket.destroy();
        if (current?.kind === "unavailable") return sendJson(res, 503, { message: "Service unavailable" });
        if (current?.kind === "quota") return sendJson(res, 456, { message: "Quota exceeded" });
        if (current?.kind === "rate-limited") {
          const headers: Record<string, string> =
            current.retryAfterSeconds === undefined ? {} : { "Retry-After": String(current.retryAfterSeconds) };
          return sendJson(res, 429, { message: "Too many requests" }, headers);
        }
        if (current?.kind === "not-json") {
          res.writeHead(200, { "Content-Type": "text/html" });
          return void res.end("<html><body>Gateway says hello</body></html>");
        }

        try {
          if (req.headers.authorization !== `DeepL-Auth-Key ${authKey}`) throw new ApiError(403, "Authorization failed");
          const answer = route(req.method ?? "", path, body, raw.length, req.headers["content-type"]);
          if (answer.status === 204) {
            res.writeHead(204);
            return void res.end();
          }
          sendJson(res, answer.status, mangle(answer.body, current));
        } catch (error) {
          if (error instanceof ApiError) {
            sendJson(res, error.status, { message: error.message, ...(error.detail ? { detail: error.detail } : {}) });
          } else {
            sendJson(res, 500, { message: String(error) });
          }
        }
      })();
    });
  });

  function route(method: string, path: string, body: unknown, bytes: number, contentType: string | undefined): { status: number; body?: unknown } {
    if (method === "POST" && !contentType?.startsWith("application/json")) throw new ApiError(415, "The stand-in only speaks JSON");
    if (method === "POST" && path === "/v2/translate") return { status: 200, body: translate(body, bytes) };
    if (method === "POST" && path === "/v2/glossaries") return { status: 201, body: createGlossary(body) };
    if (method === "GET" && path === "/v2/glossaries") return { status: 200, body: { glossaries: [...glossaries.values()].map(describe) } };
    const match = /^\/v2\/glossaries\/([^/]+)$/.exec(path);
    if (match?.[1]) {
      const id = decodeURIComponent(match[1]);
      const glossary = glossaries.get(id);
      if (!glossary) throw new ApiError(404, "Glossary not found");
      if (method === "DELETE") {
        glossaries.delete(id);
        return { status: 204 };
      }
      if (method === "GET") return { status: 200, body: describe(glossary) };
    }
    throw new ApiError(404, "Not found");
  }

  function translate(body: unknown, bytes: number): unknown {
    if (bytes > MAX_BODY_BYTES) throw new ApiError(413, "Request Entity Too Large");
    if (!isRecord(body)) throw new ApiError(400, "Invalid request body");
    const { text, source_lang, target_lang, glossary_id } = body;
    if (!Array.isArray(text) || text.length === 0 || !text.every((t) => typeof t === "string")) {
      throw new ApiError(400, "Parameter 'text' not specified.");
    }
    if (text.length > MAX_TEXTS) throw new ApiError(400, `Too many texts: at most ${MAX_TEXTS} per request`);
    if (typeof target_lang !== "string" || !TARGET_LANGS.has(target_lang.toUpperCase())) {
      throw new ApiError(400, "Value for 'target_lang' not supported.");
    }
    if (source_lang !== undefined && (typeof source_lang !== "string" || !SOURCE_LANGS.has(source_lang.toUpperCase()))) {
      throw new ApiError(400, "Value for 'source_lang' not supported.");
    }
    const targetRoot = target_lang.slice(0, 2).toLowerCase();
    let entries: Array<[string, string]> = [];
    if (glossary_id !== undefined) {
      if (typeof source_lang !== "string") throw new ApiError(400, "Use of a glossary requires the source_lang parameter to be set.");
      const glossary = typeof glossary_id === "string" ? glossaries.get(glossary_id) : undefined;
      if (!glossary) throw new ApiError(404, "Glossary not found");
      if (glossary.source_lang !== source_lang.toLowerCase() || glossary.target_lang !== targetRoot) {
        throw new ApiError(400, "Language pair of the glossary doesn't match the language pair of the request");
      }
      entries = [...glossary.entries].sort(([a], [b]) => b.length - a.length);
    }
    return {
      translations: text.map((t) => ({
        detected_source_language: typeof source_lang === "string" ? source_lang.toUpperCase() : "DE",
        text: `[${targetRoot}] ${applyEntries(t, entries)}`,
      })),
    };
  }

  function createGlossary(body: unknown): unknown {
    if (!isRecord(body)) throw new ApiError(400, "Invalid request body");
    const { name, source_lang, target_lang, entries, entries_format } = body;
    if (typeof name !== "string" || name === "") throw new ApiError(400, "Missing or invalid argument: name");
    for (const lang of [source_lang, target_lang]) {
      if (typeof lang !== "string" || !GLOSSARY_LANGS.has(lang.toLowerCase())) throw new ApiError(400, "Unsupported glossary language");
    }
    if (entries_format !== "tsv") throw new ApiError(400, "The stand-in only reads tsv entries");
    if (typeof entries !== "string") throw new ApiError(400, "Missing or invalid argument: entries");
    const glossary: StandInGlossary = {
      glossary_id: randomUUID(),
      name,
      source_lang: String(source_lang).toLowerCase(),
      target_lang: String(target_lang).toLowerCase(),
      entries: parseTsv(entries),
      creation_time: new Date().toISOString(),
    };
    glossaries.set(glossary.glossary_id, glossary);
    if (notReadyPolls > 0) notReady.set(glossary.glossary_id, notReadyPolls);
    return describe(glossary);
  }

  function describe(glossary: StandInGlossary): unknown {
    const polls = notReady.get(glossary.glossary_id) ?? 0;
    if (polls > 0) notReady.set(glossary.glossary_id, polls - 1);
    return {
      glossary_id: glossary.glossary_id,
      name: glossary.name,
      ready: polls === 0,
      source_lang: glossary.source_lang,
      target_lang: glossary.target_lang,
      creation_time: glossary.creation_time,
      entry_count: glossary.entries.length,
    };
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    authKey,
    requests,
    glossaries,
    fail(next, options = {}) {
      fault = next ? { fault: next, path: options.path ?? "", left: options.times ?? Number.POSITIVE_INFINITY } : null;
    },
    setNotReadyPolls(polls) {
      notReadyPolls = polls;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** DeepL's rules for glossary entries (see "Restrictions" in its glossary documentation). */
function parseTsv(entries: string): Array<[string, string]> {
  const result: Array<[string, string]> = [];
  const seen = new Set<string>();
  entries.split(/\r?\n/).forEach((line, index) => {
    if (line === "") return;
    const fields = line.split("\t");
    const invalid = (detail: string) => new ApiError(400, "Invalid glossary entries provided", `line ${index + 1}: ${detail}`);
    if (fields.length !== 2) throw invalid("expected exactly one tab");
    const [source = "", target = ""] = fields;
    for (const phrase of [source, target]) {
      if (phrase === "") throw invalid("empty phrase");
      if (FORBIDDEN_IN_ENTRY.test(phrase)) throw invalid("control character");
      if (phrase !== phrase.trim()) throw invalid("leading or trailing whitespace");
      if (Buffer.byteLength(phrase) > 1024) throw invalid("phrase over 1024 bytes");
    }
    if (seen.has(source)) throw invalid(`duplicate source "${source}"`);
    seen.add(source);
    result.push([source, target]);
  });
  if (result.length === 0) throw new ApiError(400, "Invalid glossary entries provided", "no entries");
  return result;
}

function applyEntries(text: string, entries: Array<[string, string]>): string {
  let out = text;
  for (const [source, target] of entries) out = out.split(source).join(target);
  return out;
}

function mangle(body: unknown, fault: StandInFault | null): unknown {
  if (fault?.kind === "wrong-shape") return { translation: "not what DeepL documents" };
  if (fault?.kind === "wrong-count" && isRecord(body) && Array.isArray(body["translations"])) {
    return { translations: body["translations"].slice(1) };
  }
  return body;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
