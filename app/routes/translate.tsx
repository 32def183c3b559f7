/**
 * POST /translate — "show translation" of a comment or a finding (kind and id, CSRF-checked),
 * into the reader's language: JSON `{ ok: true, text, from, provider, label }` (`label`: "machine
 * translation (provider) – may contain errors" in the reader's language), or a refusal
 * `{ ok: false, error, message }` with `message` in the reader's language and its status.
 * Nothing is stored. Anonymous callers go to the login page; a comment or finding the caller
 * may not read is the same 404 as a missing one.
 */
import type { ActionFunctionArgs, AppLoadContext } from "@remix-run/node";
import { fixedT } from "#shared/i18n/instance";
import { translateForm } from "#shared/validation/translate-forms";
import { requireAuth } from "~/lib/guards.server";
import { parseWith, readForm } from "~/lib/forms.server";
import { translateContribution, TRANSLATION_STATUS, translationErrorKey, translationLabel, type TranslationRefusal } from "~/lib/translate.server";

const NO_STORE = { "Cache-Control": "private, no-store" };

function refusal(context: AppLoadContext, error: TranslationRefusal) {
  return Response.json({ ok: false as const, error, message: fixedT(context.locale)(translationErrorKey(error)) }, { status: TRANSLATION_STATUS[error], headers: NO_STORE });
}

export function loader() {
  throw new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = requireAuth(request, context);
  let form: FormData;
  try {
    form = await readForm(request, context);
  } catch (error) {
    // A missing or stale CSRF token (403), an unreadable or oversized body: answered in words, as JSON.
    if (error instanceof Response) return refusal(context, error.status === 403 ? "forbidden" : "invalid");
    throw error;
  }
  const parsed = parseWith(translateForm, form);
  if (!parsed.ok) return refusal(context, "invalid");
  const result = await translateContribution(context.services, auth.actor, { kind: parsed.data.kind, id: parsed.data.id, to: context.locale });
  if (!result.ok) return refusal(context, result.error);
  const label = translationLabel(context.locale, result.provider);
  return Response.json({ ok: true as const, text: result.text, from: result.from, provider: result.provider, label }, { headers: NO_STORE });
}
