/**
 * Machine translation of comments and findings for reading ("show translation"): the
 * domain's entry points for the /translate route (the editor's sidebar fetches it) and for
 * pages that offer it through a form of their own (the finding page, which works without
 * JavaScript), with the statuses and translated messages both answer with.
 */
import { data, type AppLoadContext } from "@remix-run/node";
import type { Actor } from "#shared/policy";
import type { Locale } from "#shared/i18n/config";
import { fixedT } from "#shared/i18n/instance";
import { translateForm } from "#shared/validation/translate-forms";
import { offersTranslation, translateContribution, type ContributionTranslationError } from "#server/domain/translations/translate-contribution";
import type { TranslationProvider } from "#server/translations/provider";
import { formValues, parseWith } from "./forms.server";

export { translateContribution };

export type TranslationRefusal = ContributionTranslationError | "invalid" | "forbidden";

export const TRANSLATION_STATUS: Record<TranslationRefusal, number> = {
  invalid: 400,
  sameLanguage: 400,
  tooLong: 400,
  forbidden: 403,
  notFound: 404,
  noProvider: 409,
  "rate-limited": 429,
  rejected: 502,
  garbage: 502,
  unavailable: 503,
  quota: 503,
  timeout: 504,
};

/** The refusal's message key (comments namespace, with its prefix). */
export const translationErrorKey = (error: TranslationRefusal) => `comments:translation.errors.${error}`;

const PROVIDER_NAMES: Record<TranslationProvider["name"], string> = { deepl: "DeepL", libretranslate: "LibreTranslate" };

/** "Machine translation (DeepL) – may contain errors", in the reader's language. */
export function translationLabel(locale: Locale, provider: TranslationProvider["name"]): string {
  return fixedT(locale)("comments:translation.label", { provider: PROVIDER_NAMES[provider] });
}

/** Whether the page offers "show translation" for this text to the reader of this request. */
export function translatable(context: AppLoadContext, text: string | null | undefined): boolean {
  return typeof text === "string" && offersTranslation(context.services, text, context.locale);
}

/** The ids among `items` whose text is offered for translation to the reader of this request. */
export function translatableIds(context: AppLoadContext, items: Iterable<{ id: string; text: string | null | undefined }>): string[] {
  return [...items].filter((item) => translatable(context, item.text)).map((item) => item.id);
}

/**
 * A page's form "show translation" (`kind`, `id`; the CSRF token was checked by readForm):
 * the translation for the page to show in place, or a refusal shaped like the page's other
 * form refusals (`intent: "translate"`, `target`: the id) with its status.
 */
export async function translateOnPage(context: AppLoadContext, actor: Actor, form: FormData) {
  const parsed = parseWith(translateForm, form);
  const sentId = form.get("id");
  const refuse = (error: TranslationRefusal, target: string | null) =>
    data({ ok: false as const, intent: "translate", target, errors: { form: translationErrorKey(error) }, values: formValues(form) }, { status: TRANSLATION_STATUS[error] });
  if (!parsed.ok) return refuse("invalid", typeof sentId === "string" ? sentId : null);
  const result = await translateContribution(context.services, actor, { kind: parsed.data.kind, id: parsed.data.id, to: context.locale });
  if (!result.ok) return refuse(result.error, parsed.data.id);
  return { ok: true as const, translation: { id: parsed.data.id, text: result.text, label: translationLabel(context.locale, result.provider) } };
}
