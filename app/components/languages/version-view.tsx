/**
 * A language version beside its source: how much is current, a jump to the next outdated
 * section, "translate every outdated section", the rows side by side, and below them the
 * version's own live editor (co-edited like the source: carets, comments, saved status).
 *
 * The rows show the texts as they were when the page was loaded; "compare again" reloads
 * them (a plain GET form, so it works without JavaScript too).
 */
import { lazy, Suspense } from "react";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Locale } from "#shared/i18n/config";
import type { TranslationSummary } from "#shared/collab/section-status";
import { ClientOnly } from "~/editor/client-only";
import { CsrfInput } from "~/components/csrf-input";
import type { SectionRowView } from "~/lib/language-versions.server";
import type { GlossaryHint } from "#shared/glossary/term-matching";
import { SectionRow } from "./section-row";
import { SummaryLine } from "./summary-line";
import { VersionExportLinks } from "./version-export-links";

const DocumentEditor = lazy(() => import("~/editor/document-editor.client"));

export interface VersionViewData {
  name: string;
  title: string;
  base: string;
  sourceLanguage: Locale;
  language: Locale;
  otherVersions: Locale[];
  rows: SectionRowView[];
  summary: TranslationSummary;
  firstOutdated: string | null;
  provider: string | null;
  canEdit: boolean;
  archived: boolean;
  comparedAt: string;
  glossary: GlossaryHint[];
  user: { id: string; name: string; colour: string };
}

export type ActionResult =
  | { ok: true; done: "translated" | "reviewed" | "undone"; count: number; section: string | null }
  | { ok: false; error: string; values: Record<string, unknown> };

export function VersionView({ data, result }: { data: VersionViewData; result: ActionResult | undefined }) {
  const { t } = useTranslation("languages");
  const navigation = useNavigation();
  const name = (l: Locale) => t(`names.${l}`);
  const canTranslate = data.canEdit && data.provider !== null;
  const staleCount = data.summary.outdated + data.summary.untranslated;
  const translatingAll = navigation.state !== "idle" && navigation.formData?.get("intent") === "translateStale";
  // A result about one section is shown in its row; one about the whole version above the rows.
  const resultSection = result ? (result.ok ? result.section : typeof result.values.sectionId === "string" ? result.values.sectionId : null) : null;
  const resultText = result ? (result.ok ? t(`done.${result.done}`, { count: result.count }) : t(result.error)) : "";
  const loading = (
    <p className="wp-loading" role="status">
      {t("workprogramme:page.loading")}
    </p>
  );

  return (
    <>
      <nav className="lv-nav" aria-label={t("version.languagesNav")}>
        <Link to={data.base}>{t("version.source", { language: name(data.sourceLanguage) })}</Link>
        {data.otherVersions.map((l) => (
          <Link key={l} to={`${data.base}/languages/${l}`}>
            {name(l)}
          </Link>
        ))}
        <Link to={`${data.base}/languages`}>{t("version.allVersions")}</Link>
      </nav>
      <SummaryLine summary={data.summary} />
      <VersionExportLinks base={data.base} language={data.language} />
      <div className="actions lv-top-actions">
        {data.firstOutdated ? <a href={`#section-${data.firstOutdated}`}>{t("version.nextOutdated")}</a> : <span className="muted">{t("version.noOutdated")}</span>}
        {canTranslate && staleCount > 0 ? (
          <Form method="post" className="inline-form" preventScrollReset>
            <CsrfInput />
            <input type="hidden" name="intent" value="translateStale" />
            <button type="submit" className="button button--small" disabled={translatingAll}>
              {translatingAll ? t("actions.translating") : t("actions.translateAll", { count: staleCount })}
            </button>
          </Form>
        ) : null}
        <Form method="get" className="inline-form" preventScrollReset replace>
          <input type="hidden" name="compared" value={data.comparedAt} />
          <button type="submit" className="button button--small button--quiet">
            {t("version.compare")}
          </button>
        </Form>
      </div>
      {canTranslate ? <p className="muted">{t("actions.machineNote", { provider: data.provider === "deepl" ? "DeepL" : "LibreTranslate" })}</p> : null}
      {result && !resultSection ? (
        <p role={result.ok ? "status" : "alert"} className={`alert ${result.ok ? "alert--info" : "alert--error"}`}>
          {resultText}
        </p>
      ) : null}

      <h2>{t("version.sideBySide")}</h2>
      <p className="muted">{t("version.compareHint")}</p>
      {data.rows.length === 0 ? (
        <p className="empty">{t("version.noSections")}</p>
      ) : (
        <ol className="lv-rows">
          {data.rows.map((row, index) => (
            <SectionRow
              key={row.key}
              row={row}
              number={index + 1}
              context={{
                sourceLanguage: data.sourceLanguage,
                language: data.language,
                canEdit: data.canEdit,
                canTranslate,
                message: result && resultSection && resultSection === row.id ? { text: resultText, error: !result.ok } : null,
              }}
            />
          ))}
        </ol>
      )}

      <h2 id="version-editor">{t("version.editorHeading", { language: name(data.language) })}</h2>
      <p className="muted">
        {t("version.editorHint")} <Link to={data.base}>{t("version.editSource", { language: name(data.sourceLanguage) })}</Link>
      </p>
      <ClientOnly fallback={loading}>
        <Suspense fallback={loading}>
          <DocumentEditor
            docName={data.name}
            canEdit={data.canEdit}
            archived={data.archived}
            user={data.user}
            commentsUrl={`${data.base}/languages/${data.language}/comments`}
            glossary={data.glossary}
            labels={{
              text: t("version.editorLabel", { language: name(data.language) }),
              accessRevoked: t("workprogramme:closed.accessRevoked"),
              documentTooLarge: t("workprogramme:closed.documentTooLarge"),
            }}
          />
        </Suspense>
      </ClientOnly>
    </>
  );
}
