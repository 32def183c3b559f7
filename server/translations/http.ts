/**
 * The HTTP part both providers share: one deadline for a whole translate() call, JSON over
 * fetch, and the mapping of everything that can go wrong on the wire to a TranslationFailure.
 * Status codes are left to each provider, since DeepL and LibreTranslate give them different
 * meanings (456, 529, LibreTranslate's 403 for limit violations).
 */
import { TranslationFailure, type TranslationProvider } from "./provider";

type ProviderName = TranslationProvider["name"];

export const DEFAULT_TIMEOUT_MS = 15_000;
/** Longest Retry-After we wait for before the single retry; anything longer goes back to the person. */
export const MAX_RETRY_AFTER_MS = 2_000;

/**
 * One bound for everything a translate() call does (glossary look-up and creation, every batch,
 * the one retry): the person waits at most this long, however many requests it takes.
 */
export class Deadline {
  readonly signal: AbortSignal;
  private readonly endsAt: number;

  constructor(readonly timeoutMs: number) {
    this.signal = AbortSignal.timeout(timeoutMs);
    this.endsAt = Date.now() + timeoutMs;
  }

  remainingMs(): number {
    return Math.max(0, this.endsAt - Date.now());
  }
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
}

export interface SendOptions {
  method: "GET" | "POST" | "DELETE";
  headers?: Record<string, string>;
  /** Sent as JSON. */
  json?: unknown;
}

/**
 * Sends one request and reads the whole answer within the deadline. Network errors become
 * "unavailable", running out of time "timeout". On 429 or 503 with a Retry-After of at most
 * two seconds (and time left for it) it waits and tries once more: a burst limit that clears
 * that quickly is not worth bothering the person with; anything longer is theirs to retry.
 */
export async function send(provider: ProviderName, url: string, options: SendOptions, deadline: Deadline): Promise<HttpAnswer> {
  const first = await sendOnce(provider, url, options, deadline);
  if (first.status !== 429 && first.status !== 503) return first;
  const waitMs = retryAfterMs(first.headers.get("retry-after"));
  if (waitMs === null || waitMs > MAX_RETRY_AFTER_MS || waitMs >= deadline.remainingMs()) return first;
  await sleep(waitMs, deadline, provider);
  return sendOnce(provider, url, options, deadline);
}

async function sendOnce(provider: ProviderName, url: string, options: SendOptions, deadline: Deadline): Promise<HttpAnswer> {
  const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
  let body: string | undefined;
  if (options.json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.json);
  }
  try {
    const response = await fetch(url, { method: options.method, headers, body, signal: deadline.signal });
    // Reading the body is inside the same try: a server that sends headers and then stalls is a timeout too.
    const text = await response.text();
    return { status: response.status, headers: response.headers, text };
  } catch (error) {
    throw networkFailure(provider, deadline, error);
  }
}

function networkFailure(provider: ProviderName, deadline: Deadline, error: unknown): TranslationFailure {
  if (deadline.signal.aborted) {
    return new TranslationFailure("timeout", `${provider}: no answer within ${deadline.timeoutMs} ms`, { cause: error });
  }
  // fetch reports refused connections, resets and DNS failures alike as TypeError("fetch failed") with the cause attached.
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
  const message = error instanceof Error ? error.message : String(error);
  return new TranslationFailure("unavailable", `${provider}: ${message}${cause}`, { cause: error });
}

/** Retry-After as delay-seconds or an HTTP date (RFC 9110); null when absent or unreadable. */
export function retryAfterMs(value: string | null): number | null {
  if (value === null || value.trim() === "") return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

function sleep(ms: number, deadline: Deadline, provider: ProviderName): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new TranslationFailure("timeout", `${provider}: no answer within ${deadline.timeoutMs} ms`));
    };
    const timer = setTimeout(() => {
      deadline.signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    deadline.signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** The answer's JSON, or a "garbage" failure: a 2xx answer that is not JSON is not what either API documents. */
export function parseJsonBody(provider: ProviderName, answer: HttpAnswer): unknown {
  try {
    return JSON.parse(answer.text) as unknown;
  } catch (error) {
    throw new TranslationFailure("garbage", `${provider}: answer ${answer.status} is not JSON: ${excerpt(answer.text)}`, { cause: error });
  }
}

/**
 * What an error answer says, for the failure's message (and so for logs): the API's own message
 * field when the body is JSON, else the start of the body. Never the request, so neither the
 * texts nor the key end up in a log.
 */
export function errorDetail(answer: HttpAnswer, field: "message" | "error"): string {
  try {
    const parsed = JSON.parse(answer.text) as unknown;
    if (isRecord(parsed)) {
      const value = parsed[field];
      const detail = parsed["detail"];
      if (typeof value === "string") return typeof detail === "string" ? `${value} (${detail})` : value;
    }
  } catch {
    // not JSON: fall through to the raw excerpt
  }
  return excerpt(answer.text);
}

export function excerpt(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Runs one whole translate() call within its deadline. Anything thrown that is not already a
 * TranslationFailure (a bug, an odd runtime error) becomes "unavailable", so callers only
 * ever meet the six reasons.
 */
export async function withinDeadline<T>(provider: ProviderName, timeoutMs: number, run: (deadline: Deadline) => Promise<T>): Promise<T> {
  const deadline = new Deadline(timeoutMs);
  try {
    return await run(deadline);
  } catch (error) {
    if (error instanceof TranslationFailure) throw error;
    throw new TranslationFailure("unavailable", `${provider}: unexpected error: ${String(error)}`, { cause: error });
  }
}
