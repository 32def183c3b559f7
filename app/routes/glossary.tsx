/**
 * /glossary — the shared VET glossary: every accepted term in German, Italian and English
 * with its definition and notes, searchable; members propose terms, moderators accept or
 * remove them; the glossary downloads as CSV or TBX.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { glossaryModeration, glossaryProposal } from "#shared/validation/glossary-forms";
import { LOCALE_NATIVE_NAMES, LOCALES, isLocale, type Locale } from "#shared/i18n/config";
import { formError, formValues, invalid, parseWith, readForm } from "~/lib/forms.server";
import { GlossaryImport, type ImportProblem } from "~/components/glossary/glossary-import";
import { acceptTerm, GLOSSARY_IMPORT_REQUEST_BYTES, glossaryFileOf, glossaryPage, glossaryRefusal, importGlossary, proposeTerms, removeTerm, requireGlossaryView } from "~/lib/glossary.server";
import { data } from "@remix-run/node";
import { CsrfInput } from "~/components/csrf-input";
import { FormAlert, Notice, TextArea, TextField } from "~/components/fields";
import { GlossaryTermItem } from "~/components/glossary/glossary-term";
import { pageMeta } from "~/lib/meta";
import stylesheet from "~/components/glossary/glossary.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];
export const meta = pageMeta("glossary:title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requireGlossaryView(request, context);
  return glossaryPage(context.services, auth.actor, new URL(request.url).searchParams.get("q"));
}

const blank = { de: "", it: "", en: "" };

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = requireGlossaryView(request, context);
  // The import form carries a file: the whole request may be as large as the file allowed.
  const form = await readForm(request, context, { maxBytes: GLOSSARY_IMPORT_REQUEST_BYTES });
  if (form.get("intent") === "import") {
    const file = await glossaryFileOf(form);
    if (!file.ok) return data({ ok: false as const, errors: { form: `glossary:import.errors.${file.error}` } as Record<string, string>, values: formValues(form) }, { status: file.error === "tooLarge" ? 413 : 400 });
    const outcome = await importGlossary(context.services, auth.actor, file.format, file.text);
    if (!outcome.ok && outcome.error === "forbidden") return glossaryRefusal("forbidden", form);
    if (!outcome.ok) return data({ ok: false as const, errors: { form: "glossary:import.errors.invalid" } as Record<string, string>, problems: outcome.problems, values: formValues(form) }, { status: 400 });
    return { ok: true as const, done: outcome.status === "accepted" ? ("imported" as const) : ("importedAsProposals" as const), count: outcome.count };
  }
  if (form.get("intent") === "propose") {
    const parsed = parseWith(glossaryProposal, form);
    if (!parsed.ok) return invalid(parsed);
    const { de, it, en, definition, note } = parsed.data;
    // The definition and the note are written in the language of the page they were typed on.
    const language: Locale = context.locale;
    const result = await proposeTerms(context.services, auth.actor, [{ terms: { de, it, en }, definition: { ...blank, [language]: definition }, note: { ...blank, [language]: note } }]);
    if (!result.ok) return glossaryRefusal(result.error, form);
    return { ok: true as const, done: "proposed" as const };
  }
  const parsed = parseWith(glossaryModeration, form);
  if (!parsed.ok) return formError("validation.unknownAction", form);
  const result = parsed.data.intent === "accept" ? await acceptTerm(context.services, auth.actor, parsed.data.id) : await removeTerm(context.services, auth.actor, parsed.data.id);
  if (!result.ok) return glossaryRefusal(result.error, form);
  return { ok: true as const, done: parsed.data.intent === "accept" ? ("accepted" as const) : ("removed" as const) };
}

export default function GlossaryPage() {
  const { t, i18n } = useTranslation("glossary");
  const language = LOCALE_NATIVE_NAMES[isLocale(i18n.language) ? i18n.language : "de"];
  const { query, total, terms, proposals, canPropose, canAccept } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  const value = (name: string) => (failed?.values[name] as string | undefined) ?? undefined;
  // A new proposal on the list starts the form empty again; after a refusal it keeps what was typed.
  const formKey = `propose-${proposals.length}`;

  return (
    <div className="page">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {result?.ok ? <Notice>{t(`done.${result.done}`, { count: "count" in result ? result.count : 1 })}</Notice> : null}
      <FormAlert error={failed?.errors.form} />

      <Form method="get" className="glossary-search" role="search">
        <TextField name="q" label={t("search.label")} defaultValue={query} />
        <button type="submit" className="button">
          {t("search.submit")}
        </button>
      </Form>
      <p className="actions">
        {t("export.label")} <a href="/glossary/export/csv">{t("export.csv")}</a> · <a href="/glossary/export/tbx">{t("export.tbx")}</a>
      </p>

      <h2>{t("terms.heading")}</h2>
      <p className="muted" role="status">
        {query ? t("terms.found", { count: terms.length, total }) : t("terms.count", { count: total })}
      </p>
      {terms.length === 0 ? (
        <p className="empty">
          <span>{query ? t("terms.noMatch", { query }) : t("terms.empty")}</span> {query ? <Link to="/glossary">{t("search.clear")}</Link> : null}
        </p>
      ) : (
        <ul className="glossary-list" aria-label={t("terms.heading")}>
          {terms.map((term) => (
            <GlossaryTermItem key={term.id} term={term} />
          ))}
        </ul>
      )}

      <h2>{t("proposals.heading")}</h2>
      <p className="muted">{canAccept ? t("proposals.moderatorHint") : t("proposals.hint")}</p>
      {proposals.length === 0 ? (
        <p className="empty">{t("proposals.empty")}</p>
      ) : (
        <ul className="glossary-list" aria-label={t("proposals.heading")}>
          {proposals.map((term) => (
            <GlossaryTermItem key={term.id} term={term}>
              {canAccept ? (
                <div className="actions">
                  {(["accept", "remove"] as const).map((intent) => (
                    <Form method="post" className="inline-form" key={intent}>
                      <CsrfInput />
                      <input type="hidden" name="intent" value={intent} />
                      <input type="hidden" name="id" value={term.id} />
                      <button type="submit" className={`button button--small${intent === "remove" ? " button--quiet" : ""}`}>
                        {t(`proposals.${intent}`)}
                        <span className="visually-hidden"> – {LOCALES.map((l) => term.terms[l]).filter(Boolean).join(" / ")}</span>
                      </button>
                    </Form>
                  ))}
                </div>
              ) : null}
            </GlossaryTermItem>
          ))}
        </ul>
      )}

      {canPropose ? <GlossaryImport moderator={canAccept} problems={failed && "problems" in failed ? (failed.problems as ImportProblem[]) : undefined} /> : null}

      {canPropose ? (
        <>
          <h2 id="propose">{t("propose.heading")}</h2>
          <p className="muted">{t("propose.hint")}</p>
          <Form method="post" key={formKey} aria-labelledby="propose" noValidate>
            <CsrfInput />
            <input type="hidden" name="intent" value="propose" />
            {LOCALES.map((lang) => (
              <TextField key={lang} name={lang} label={t(`propose.term.${lang}`)} error={failed?.errors[lang]} defaultValue={value(lang)} />
            ))}
            <TextArea name="definition" label={t("propose.definition", { language })} error={failed?.errors.definition} defaultValue={value("definition")} />
            <TextArea name="note" label={t("propose.note", { language })} hint={t("propose.noteHint")} error={failed?.errors.note} defaultValue={value("note")} />
            <button type="submit" className="button">
              {t("propose.submit")}
            </button>
          </Form>
        </>
      ) : null}
    </div>
  );
}
