/**
 * LibreTranslate (https://docs.libretranslate.com, self-hosted or a hosted instance):
 * POST /translate with {q: [...], source, target, format: "text", api_key?} answering
 * {translatedText: [...]}. It has no glossary, so the accepted terms are protected by
 * placeholders (term-protection.ts) and put back after translation.
 */
import type { Locale } from "#shared/i18n/config";
import { DEFAULT_TIMEOUT_MS, errorDetail, isRecord, parseJsonBody, send, withinDeadline, type Deadline, type HttpAnswer } from "./http";
import { TranslationFailure, type TranslationProvider, type TranslationRequest } from "./provider";
import { createTermProtector } from "./term-protection";

/** LibreTranslate's language codes for ours (they happen to coincide). */
const LANGUAGE: Record<Locale, string> = { de: "de", it: "it", en: "en" };

export interface LibreTranslateProviderOptions {
  /** The instance's base address, e.g. https://translate.example.org (a path prefix is kept). */
  url: string;
  /** Only for instances that require keys. */
  apiKey?: string;
  /** Bound for a whole translate() call, every batch included. */
  timeoutMs?: number;
  /**
   * Texts per request. LibreTranslate has no limit unless its operator sets one (--batch-limit);
   * by default everything goes in one request, and an instance with a limit answers 400
   * ("rejected") until this is set to match.
   */
  maxTextsPerRequest?: number;
}

export class LibreTranslateProvider implements TranslationProvider {
  readonly name = "libretranslate" as const;
  private readonly endpoint: string;
  private readonly apiKey: string | undefined;
  private readonly timeoutMs: number;
  private readonly maxTexts: number;

  constructor(options: LibreTranslateProviderOptions) {
    this.endpoint = `${new URL(options.url).href.replace(/\/+$/, "")}/translate`;
    this.apiKey = options.apiKey?.trim() || undefined;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxTexts = options.maxTextsPerRequest ?? Number.POSITIVE_INFINITY;
  }

  async translate(request: TranslationRequest): Promise<string[]> {
    return withinDeadline(this.name, this.timeoutMs, (deadline) => this.translateWithin(request, deadline));
  }

  private async translateWithin(request: TranslationRequest, deadline: Deadline): Promise<string[]> {
    const result = [...request.texts];
    if (request.from === request.to) return result;
    // Blank texts stay as they are; LibreTranslate also refuses an empty q.
    const todo = result.flatMap((text, index) => (text.trim() === "" ? [] : [index]));
    const protect = createTermProtector(request.glossary);
    const prepared = todo.map((index) => protect(request.texts[index] ?? ""));

    for (let start = 0; start < prepared.length; start += this.maxTexts) {
      const chunk = prepared.slice(start, start + this.maxTexts);
      const translated = await this.translateChunk(
        chunk.map((p) => p.text),
        request,
        deadline,
      );
      chunk.forEach((p, i) => {
        const index = todo[start + i];
        const text = translated[i];
        if (index !== undefined && text !== undefined) result[index] = p.restore(text);
      });
    }
    return result;
  }

  private async translateChunk(texts: string[], request: TranslationRequest, deadline: Deadline): Promise<string[]> {
    const body = {
      q: texts,
      source: LANGUAGE[request.from],
      target: LANGUAGE[request.to],
      format: "text",
      ...(this.apiKey ? { api_key: this.apiKey } : {}),
    };
    const answer = await send("libretranslate", this.endpoint, { method: "POST", json: body }, deadline);
    if (answer.status < 200 || answer.status >= 300) throw libreTranslateFailure(answer);
    const parsed = parseJsonBody("libretranslate", answer);
    const translated = isRecord(parsed) ? parsed["translatedText"] : undefined;
    if (!Array.isArray(translated) || translated.length !== texts.length || !translated.every((t) => typeof t === "string")) {
      const got = Array.isArray(translated) ? `${translated.length} items` : typeof translated;
      throw new TranslationFailure("garbage", `libretranslate: expected ${texts.length} translated texts, got ${got}`);
    }
    return translated as string[];
  }
}

/**
 * LibreTranslate's answers: 400 for a bad request (unknown language, over the operator's limits,
 * key needed), 403 for a refused key and for a client banned after too many limit violations,
 * 429 "Slowdown: …" for the per-minute limit and the per-day limit, 500 when the engine fails.
 * A ban and a used-up daily allowance do not pass in a minute, so they are "quota".
 */
export function libreTranslateFailure(answer: HttpAnswer): TranslationFailure {
  const detail = errorDetail(answer, "error");
  const message = `libretranslate: answered ${answer.status}: ${detail}`;
  const { status } = answer;
  if (status === 429) {
    return new TranslationFailure(/\bper\s+(?:\d+\s+)?day\b/i.test(detail) ? "quota" : "rate-limited", message);
  }
  if (status === 403 && /limit|quota/i.test(detail)) return new TranslationFailure("quota", message);
  if (status >= 500) return new TranslationFailure("unavailable", message);
  if (status >= 400) return new TranslationFailure("rejected", message);
  return new TranslationFailure("garbage", message);
}
