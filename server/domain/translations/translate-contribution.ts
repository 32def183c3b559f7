/**
 * "Show translation" beside a comment or a finding written in another language than the
 * reader's: the stored text (never text sent by the browser, so nobody can use the platform
 * as a free translation service) goes to the configured provider with the accepted glossary
 * terms of the language pair, and the result comes back for display only: nothing is stored
 * but a small in-memory cache, so that repeated clicks do not spend the provider's quota.
 *
 * Who may ask: whoever may read the comment (the policy's `document.read` of its document;
 * for a finding's discussion, everyone in the commons) or the finding (everyone in the
 * commons). Anything else, including deleted and hidden comments, is `notFound`.
 *
 * The language of the original is guessed from its common short words (the guess the PDF
 * export uses for hyphenation); a text with no telling words counts as the reader's language,
 * so translation is neither offered nor sent.
 */
import { createHash } from "node:crypto";
import type { Services } from "#server/services";
import { can, type Actor } from "#shared/policy";
import type { Locale } from "#shared/i18n/config";
import { parseDocName } from "#shared/collab/doc-names";
import { isTranslationFailure, type TranslationFailureReason, type TranslationProvider } from "#server/translations/provider";
import { findCommentWithDoc, findFinding } from "#db/queries/findings";
import { resolveDocument } from "#server/documents/registry";
import { glossaryPairs } from "#server/domain/glossary/glossary";
import { guessLanguage } from "#server/domain/exports/break-words";
import { FINDING_DOC_TYPE } from "#server/domain/commons/findings";

export type ContributionKind = "comment" | "finding";

/** More than any comment (5,000) or finding (20,000) may hold: one click never sends a book. */
export const MAX_TRANSLATION_CHARS = 20_000;
/** Translations kept per provider; the oldest unused one goes first. */
export const TRANSLATION_CACHE_SIZE = 500;

export type ContributionTranslationError = "notFound" | "noProvider" | "sameLanguage" | "tooLong" | TranslationFailureReason;

export type ContributionTranslation =
  | { ok: true; text: string; from: Locale; provider: TranslationProvider["name"] }
  | { ok: false; error: ContributionTranslationError };

/** The language of a stored text as far as the guess goes; the reader's own when nothing tells. */
export function contributionLanguage(text: string, reader: Locale): Locale {
  return guessLanguage(text, reader);
}

/** Whether "show translation" is offered to a reader of `reader`'s language for this text. */
export function offersTranslation(services: Pick<Services, "translator">, text: string, reader: Locale): boolean {
  return services.translator !== null && text.trim() !== "" && text.length <= MAX_TRANSLATION_CHARS && contributionLanguage(text, reader) !== reader;
}

/** The text the reader may see, or null when it is not there for them. */
async function readableText(services: Services, actor: Actor, kind: ContributionKind, id: string): Promise<string | null> {
  if (kind === "finding") {
    if (!can(actor, { type: "networkOfNetworks.view" })) return null;
    return (await findFinding(services.db, id))?.body ?? null;
  }
  const comment = await findCommentWithDoc(services.db, id);
  if (!comment || comment.deleted_at || comment.hidden_at) return null;
  const parsed = parseDocName(comment.doc_name);
  if (parsed?.type === FINDING_DOC_TYPE) {
    // A finding's discussion: commons content, read by everyone who sees the commons.
    if (!can(actor, { type: "networkOfNetworks.view" })) return null;
    return (await findFinding(services.db, parsed.id)) ? comment.body : null;
  }
  const doc = await resolveDocument(services, comment.doc_name);
  if (!doc || !can(actor, { type: "document.read", doc })) return null;
  return comment.body;
}

/**
 * The text as lines, the pieces worth translating picked out: blank lines and a list item's
 * "- " stay as they are, so the translation keeps the original's paragraphs and lists.
 */
function pieces(text: string): Array<{ prefix: string; content: string }> {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => {
      const [, prefix = "", content = ""] = /^(\s*(?:-\s+)?)([\s\S]*)$/.exec(line) ?? [];
      return { prefix, content };
    });
}

type Cached = { text: string; from: Locale };
/**
 * Per provider object (a new provider, e.g. a changed configuration or a test's stand-in,
 * starts empty): the translations done, and the requests in flight, so that two quick clicks
 * send one request.
 */
const caches = new WeakMap<TranslationProvider, { done: Map<string, Cached>; pending: Map<string, Promise<ContributionTranslation>> }>();

function cacheOf(provider: TranslationProvider) {
  let cache = caches.get(provider);
  if (!cache) caches.set(provider, (cache = { done: new Map(), pending: new Map() }));
  return cache;
}

function remember(cache: Map<string, Cached>, key: string, value: Cached) {
  cache.delete(key);
  cache.set(key, value);
  while (cache.size > TRANSLATION_CACHE_SIZE) cache.delete(cache.keys().next().value!);
}

export async function translateContribution(
  services: Services,
  actor: Actor,
  input: { kind: ContributionKind; id: string; to: Locale },
): Promise<ContributionTranslation> {
  const text = await readableText(services, actor, input.kind, input.id);
  if (text === null) return { ok: false, error: "notFound" };
  const provider = services.translator;
  if (!provider) return { ok: false, error: "noProvider" };
  if (text.length > MAX_TRANSLATION_CHARS) return { ok: false, error: "tooLong" };
  const from = contributionLanguage(text, input.to);
  if (from === input.to || text.trim() === "") return { ok: false, error: "sameLanguage" };

  const hash = createHash("sha256").update(text).digest("base64url").slice(0, 22);
  const key = `${input.kind}:${input.id}:${hash}:${from}:${input.to}`;
  const { done: cache, pending } = cacheOf(provider);
  const cached = cache.get(key);
  if (cached) {
    remember(cache, key, cached); // most recently used again
    return { ok: true, ...cached, provider: provider.name };
  }
  const flying = pending.get(key);
  if (flying) return flying;

  const request = (async (): Promise<ContributionTranslation> => {
    const lines = pieces(text);
    const outgoing = lines.filter((line) => line.content.trim() !== "").map((line) => line.content);
    let translations: string[];
    try {
      translations = await provider.translate({ texts: outgoing, from, to: input.to, glossary: await glossaryPairs(services, from, input.to) });
    } catch (error) {
      if (isTranslationFailure(error)) {
        services.log.warn(`[translation] ${provider.name} failed (${error.reason}) for a ${input.kind}: ${error.message}`);
        return { ok: false, error: error.reason };
      }
      throw error;
    }
    if (translations.length !== outgoing.length) return { ok: false, error: "garbage" };
    let next = 0;
    const translated = lines.map((line) => (line.content.trim() === "" ? line.prefix + line.content : line.prefix + (translations[next++] ?? ""))).join("\n");
    remember(cache, key, { text: translated, from });
    return { ok: true, text: translated, from, provider: provider.name };
  })();
  pending.set(key, request);
  try {
    return await request;
  } finally {
    pending.delete(key);
  }
}
