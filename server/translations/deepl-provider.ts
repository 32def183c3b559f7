/**
 * DeepL API v2 (https://developers.deepl.com): POST /v2/translate with JSON, the accepted terms
 * as a DeepL glossary (POST /v2/glossaries, TSV entries) whose id goes with every translate call.
 *
 * Glossaries on DeepL are immutable and count against the account, so:
 *  - each is named after a hash of its language pair and entries; an unchanged termbase finds
 *    its glossary again (in memory, else by name in the account's list after a restart or in
 *    another server process) instead of creating another;
 *  - after creating a new version for a pair, older versions of ours for that pair are deleted;
 *  - if DeepL no longer knows a glossary we hold (404), it is created again, once per call.
 */
import { createHash } from "node:crypto";
import type { Locale } from "#shared/i18n/config";
import { Deadline, DEFAULT_TIMEOUT_MS, errorDetail, isRecord, parseJsonBody, send, withinDeadline, type HttpAnswer, type SendOptions } from "./http";
import { TranslationFailure, type TermPair, type TranslationProvider, type TranslationRequest } from "./provider";

export const DEEPL_PRO_URL = "https://api.deepl.com";
export const DEEPL_FREE_URL = "https://api-free.deepl.com";
/** Documented limits of one /v2/translate request. */
export const DEEPL_MAX_TEXTS_PER_REQUEST = 50;
export const DEEPL_MAX_REQUEST_BYTES = 128 * 1024;
/** Documented limit of a glossary source or target phrase. */
const MAX_GLOSSARY_PHRASE_BYTES = 1024;
const GLOSSARY_READY_POLL_MS = 200;

/** Source languages are plain codes; English as a target needs a variant (plain EN is kept only for backward compatibility). */
const SOURCE_LANG: Record<Locale, string> = { de: "DE", it: "IT", en: "EN" };
const TARGET_LANG: Record<Locale, string> = { de: "DE", it: "IT", en: "EN-GB" };
/** Glossaries take root codes; an "en" glossary applies to EN-GB and EN-US alike. */
const GLOSSARY_LANG: Record<Locale, string> = { de: "de", it: "it", en: "en" };

export interface DeepLProviderOptions {
  authKey: string;
  /** Default: the Free API for keys ending in ":fx", else the Pro API. */
  apiUrl?: string;
  /** Bound for a whole translate() call, glossary work and every batch included. */
  timeoutMs?: number;
  /** Start of the names of the glossaries this provider creates, and may delete when outdated. */
  glossaryNamePrefix?: string;
}

/** DeepL's own rule: Free API keys end in ":fx" and are served from another host. */
export function deeplApiUrlForKey(authKey: string): string {
  return authKey.trim().endsWith(":fx") ? DEEPL_FREE_URL : DEEPL_PRO_URL;
}

interface GlossaryListing {
  glossary_id: string;
  name: string;
  ready: boolean;
  source_lang: string;
  target_lang: string;
}

interface GlossarySpec {
  name: string;
  from: Locale;
  to: Locale;
  tsv: string;
}

export class DeepLProvider implements TranslationProvider {
  readonly name = "deepl" as const;
  private readonly apiUrl: string;
  private readonly authKey: string;
  private readonly timeoutMs: number;
  private readonly namePrefix: string;
  /** Glossary id by glossary name (which holds the hash); a promise so that concurrent calls create one glossary, not several. */
  private readonly glossaryIds = new Map<string, Promise<string>>();

  constructor(options: DeepLProviderOptions) {
    this.authKey = options.authKey.trim();
    if (this.authKey === "") throw new Error("DeepL needs an authentication key.");
    this.apiUrl = (options.apiUrl ?? deeplApiUrlForKey(this.authKey)).replace(/\/+$/, "");
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.namePrefix = options.glossaryNamePrefix ?? "connactions";
  }

  async translate(request: TranslationRequest): Promise<string[]> {
    return withinDeadline(this.name, this.timeoutMs, (deadline) => this.translateWithin(request, deadline));
  }

  private async translateWithin(request: TranslationRequest, deadline: Deadline): Promise<string[]> {
    const result = [...request.texts];
    if (request.from === request.to) return result;
    // Blank texts stay as they are: nothing to translate, nothing to pay for.
    const todo = result.flatMap((text, index) => (text.trim() === "" ? [] : [index]));
    if (todo.length === 0) return result;

    const spec = this.glossarySpec(request.from, request.to, request.glossary);
    let glossaryId = spec ? await this.glossaryId(spec, deadline) : undefined;
    let recreated = false;

    const sources = todo.map((index) => request.texts[index] ?? "");
    for (const batch of batches(sources)) {
      const texts = batch.map((position) => sources[position] ?? "");
      let translated = await this.translateBatch(texts, request, glossaryId, deadline);
      if (translated === "glossary-gone" && spec && glossaryId && !recreated) {
        recreated = true;
        glossaryId = await this.recreateGlossary(spec, glossaryId, deadline);
        translated = await this.translateBatch(texts, request, glossaryId, deadline);
      }
      if (translated === "glossary-gone") {
        throw new TranslationFailure("rejected", "deepl: the glossary was not found, even after creating it again");
      }
      batch.forEach((position, i) => {
        const index = todo[position];
        const text = translated[i];
        if (index !== undefined && text !== undefined) result[index] = text;
      });
    }
    return result;
  }

  private async translateBatch(
    texts: string[],
    request: TranslationRequest,
    glossaryId: string | undefined,
    deadline: Deadline,
  ): Promise<string[] | "glossary-gone"> {
    const body = {
      text: texts,
      // Always given: a glossary requires it, and detection can misjudge short texts.
      source_lang: SOURCE_LANG[request.from],
      target_lang: TARGET_LANG[request.to],
      ...(glossaryId ? { glossary_id: glossaryId } : {}),
    };
    const answer = await this.call("/v2/translate", { method: "POST", json: body }, deadline);
    if (answer.status === 404 && glossaryId) return "glossary-gone";
    if (!isSuccess(answer)) throw deeplFailure(answer, "translate");
    const parsed = parseJsonBody("deepl", answer);
    const translations = isRecord(parsed) ? parsed["translations"] : undefined;
    if (!Array.isArray(translations) || translations.length !== texts.length) {
      throw new TranslationFailure(
        "garbage",
        `deepl: expected ${texts.length} translations, got ${Array.isArray(translations) ? translations.length : "none"}`,
      );
    }
    return translations.map((item) => {
      const text = isRecord(item) ? item["text"] : undefined;
      if (typeof text !== "string") throw new TranslationFailure("garbage", "deepl: a translation without text");
      return text;
    });
  }

  // --- glossaries -------------------------------------------------------------------------

  private glossarySpec(from: Locale, to: Locale, glossary: readonly TermPair[]): GlossarySpec | null {
    const entries = deeplGlossaryEntries(glossary);
    if (entries.length === 0) return null;
    const tsv = entries.map(([source, target]) => `${source}\t${target}`).join("\n");
    const hash = createHash("sha256").update(`${from}\n${to}\n${tsv}`).digest("hex").slice(0, 24);
    return { name: `${this.pairPrefix(from, to)}${hash}`, from, to, tsv };
  }

  private pairPrefix(from: Locale, to: Locale): string {
    return `${this.namePrefix} ${from}-${to} `;
  }

  private glossaryId(spec: GlossarySpec, deadline: Deadline): Promise<string> {
    const known = this.glossaryIds.get(spec.name);
    if (known) return known;
    return this.remember(spec.name, this.findOrCreateGlossary(spec, deadline));
  }

  private async recreateGlossary(spec: GlossarySpec, goneId: string, deadline: Deadline): Promise<string> {
    const current = this.glossaryIds.get(spec.name);
    // Another call may already have replaced it; then that one is used.
    if (current && (await current.catch(() => goneId)) !== goneId) return current;
    return this.remember(spec.name, this.createGlossary(spec, deadline));
  }

  private remember(name: string, pending: Promise<string>): Promise<string> {
    this.glossaryIds.set(name, pending);
    // A failed attempt is not cached: the next call tries again.
    pending.catch(() => {
      if (this.glossaryIds.get(name) === pending) this.glossaryIds.delete(name);
    });
    return pending;
  }

  private async findOrCreateGlossary(spec: GlossarySpec, deadline: Deadline): Promise<string> {
    const listed = await this.listGlossaries(deadline);
    const existing = listed.find((glossary) => glossary.name === spec.name);
    if (existing) {
      if (!existing.ready) await this.waitUntilReady(existing.glossary_id, deadline);
      return existing.glossary_id;
    }
    const id = await this.createGlossary(spec, deadline);
    const outdated = listed.filter((g) => g.name.startsWith(this.pairPrefix(spec.from, spec.to)) && g.glossary_id !== id);
    this.deleteQuietly(outdated.map((g) => g.glossary_id));
    return id;
  }

  private async listGlossaries(deadline: Deadline): Promise<GlossaryListing[]> {
    const answer = await this.call("/v2/glossaries", { method: "GET" }, deadline);
    if (!isSuccess(answer)) throw deeplFailure(answer, "listing glossaries");
    const parsed = parseJsonBody("deepl", answer);
    const glossaries = isRecord(parsed) ? parsed["glossaries"] : undefined;
    if (!Array.isArray(glossaries)) throw new TranslationFailure("garbage", "deepl: the glossary list has no glossaries array");
    return glossaries.flatMap((item) => {
      const listing = asGlossaryListing(item);
      return listing ? [listing] : [];
    });
  }

  private async createGlossary(spec: GlossarySpec, deadline: Deadline): Promise<string> {
    const body = {
      name: spec.name,
      source_lang: GLOSSARY_LANG[spec.from],
      target_lang: GLOSSARY_LANG[spec.to],
      entries: spec.tsv,
      entries_format: "tsv",
    };
    const answer = await this.call("/v2/glossaries", { method: "POST", json: body }, deadline);
    if (!isSuccess(answer)) throw deeplFailure(answer, "creating the glossary");
    const created = asGlossaryListing(parseJsonBody("deepl", answer));
    if (!created) throw new TranslationFailure("garbage", "deepl: the created glossary has no glossary_id");
    if (!created.ready) await this.waitUntilReady(created.glossary_id, deadline);
    return created.glossary_id;
  }

  /** DeepL documents that a new glossary may not be usable at once ("ready": false); we ask again until it is, within the deadline. */
  private async waitUntilReady(id: string, deadline: Deadline): Promise<void> {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(GLOSSARY_READY_POLL_MS, deadline.remainingMs())));
      const answer = await this.call(`/v2/glossaries/${encodeURIComponent(id)}`, { method: "GET" }, deadline);
      if (!isSuccess(answer)) throw deeplFailure(answer, "checking the glossary");
      const listing = asGlossaryListing(parseJsonBody("deepl", answer));
      if (!listing) throw new TranslationFailure("garbage", "deepl: the glossary details have no glossary_id");
      if (listing.ready) return;
      if (deadline.remainingMs() === 0) throw new TranslationFailure("timeout", `deepl: glossary not ready within ${this.timeoutMs} ms`);
    }
  }

  /** Outdated versions are removed in the background: the person's translation does not wait for it, and a failure only leaves a glossary behind. */
  private deleteQuietly(ids: string[]): void {
    for (const id of ids) {
      const deadline = new Deadline(this.timeoutMs);
      this.call(`/v2/glossaries/${encodeURIComponent(id)}`, { method: "DELETE" }, deadline).catch(() => undefined);
    }
  }

  private call(path: string, options: SendOptions, deadline: Deadline): Promise<HttpAnswer> {
    return send(
      "deepl",
      `${this.apiUrl}${path}`,
      { ...options, headers: { Authorization: `DeepL-Auth-Key ${this.authKey}`, ...options.headers } },
      deadline,
    );
  }
}

/**
 * The glossary's entries as DeepL accepts them: no control characters (tabs and line breaks
 * would break the TSV), no leading or trailing whitespace, nothing empty, at most 1024 bytes a
 * phrase, and each source once (DeepL rejects duplicates; the first entry wins). Sorted, so the
 * same termbase in another order gives the same glossary.
 */
export function deeplGlossaryEntries(pairs: readonly TermPair[]): Array<[string, string]> {
  const bySource = new Map<string, string>();
  for (const pair of pairs) {
    const source = cleanPhrase(pair.source);
    const target = cleanPhrase(pair.target);
    if (source === "" || target === "" || bySource.has(source)) continue;
    if (Buffer.byteLength(source) > MAX_GLOSSARY_PHRASE_BYTES || Buffer.byteLength(target) > MAX_GLOSSARY_PHRASE_BYTES) continue;
    bySource.set(source, target);
  }
  return [...bySource.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function cleanPhrase(phrase: string): string {
  return phrase
    .replace(/[\p{Cc}\u2028\u2029]+/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
}

/**
 * Positions of the texts, grouped so that no request has more than 50 texts or (as far as the
 * texts go) 128 KiB of body. A single text over the size limit still goes alone: DeepL then
 * answers 413, which is "rejected", the honest answer.
 */
export function batches(
  texts: readonly string[],
  maxTexts = DEEPL_MAX_TEXTS_PER_REQUEST,
  maxBytes = DEEPL_MAX_REQUEST_BYTES,
): number[][] {
  // Room for everything but the texts: language codes and a glossary id are well under 1 KiB.
  const budget = maxBytes - 1024;
  const result: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  texts.forEach((text, index) => {
    const size = Buffer.byteLength(JSON.stringify(text)) + 1;
    if (current.length > 0 && (current.length >= maxTexts || bytes + size > budget)) {
      result.push(current);
      current = [];
      bytes = 0;
    }
    current.push(index);
    bytes += size;
  });
  if (current.length > 0) result.push(current);
  return result;
}

function isSuccess(answer: HttpAnswer): boolean {
  return answer.status >= 200 && answer.status < 300;
}

function asGlossaryListing(value: unknown): GlossaryListing | null {
  if (!isRecord(value)) return null;
  const { glossary_id, name, ready, source_lang, target_lang } = value;
  if (typeof glossary_id !== "string" || glossary_id === "") return null;
  return {
    glossary_id,
    name: typeof name === "string" ? name : "",
    // Absent counts as ready: older answers lack the flag, and translate says so if it is not.
    ready: ready !== false,
    source_lang: typeof source_lang === "string" ? source_lang : "",
    target_lang: typeof target_lang === "string" ? target_lang : "",
  };
}

/** DeepL's documented status codes: 456 quota, 429 and 529 too many requests, 5xx trouble on their side. */
function deeplFailure(answer: HttpAnswer, what: string): TranslationFailure {
  const message = `deepl: ${what} answered ${answer.status}: ${errorDetail(answer, "message")}`;
  const { status } = answer;
  if (status === 456) return new TranslationFailure("quota", message);
  if (status === 429 || status === 529) return new TranslationFailure("rate-limited", message);
  if (status >= 500) return new TranslationFailure("unavailable", message);
  if (status >= 400) return new TranslationFailure("rejected", message);
  return new TranslationFailure("garbage", message);
}
