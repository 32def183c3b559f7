/**
 * What the platform asks of a machine-translation service, whichever it is. Providers are
 * called from the server only; the texts are plain text (one entry per text block), never
 * markup, and the glossary is the accepted termbase for the language pair.
 */
import type { Locale } from "#shared/i18n/config";

/** One glossary term for a language pair: `source` is replaced by, or translated as, `target`. */
export interface TermPair {
  source: string;
  target: string;
}

export interface TranslationRequest {
  texts: readonly string[];
  from: Locale;
  to: Locale;
  glossary: readonly TermPair[];
}

/**
 * Why a translation did not come back. The interface turns each into a translated message;
 * none of them changes a document, and every one may be retried by the person.
 */
export type TranslationFailureReason =
  | "timeout" // no answer within the bound
  | "unavailable" // refused connection, 5xx
  | "quota" // the account's character quota is used up (DeepL 456, LibreTranslate 403 with a quota message)
  | "rate-limited" // 429: too many requests now
  | "rejected" // 4xx other than the above: bad key, unsupported language, request too large
  | "garbage"; // an answer that is not what the API documents

export class TranslationFailure extends Error {
  constructor(
    readonly reason: TranslationFailureReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "TranslationFailure";
  }
}

const REASONS: ReadonlySet<string> = new Set<TranslationFailureReason>(["timeout", "unavailable", "quota", "rate-limited", "rejected", "garbage"]);

/**
 * Whether `error` is a TranslationFailure. Not `instanceof` alone: in the built app the
 * provider is made by the server's bundle and the domain code that catches its failures
 * runs in the Remix bundle, each with its own copy of the class.
 */
export function isTranslationFailure(error: unknown): error is TranslationFailure {
  if (error instanceof TranslationFailure) return true;
  return error instanceof Error && error.name === "TranslationFailure" && REASONS.has(String((error as { reason?: unknown }).reason));
}

export interface TranslationProvider {
  readonly name: "deepl" | "libretranslate";
  /** One translation per text, in order. Throws TranslationFailure and nothing else. */
  translate(request: TranslationRequest): Promise<string[]>;
}
