/**
 * A document's language versions: how much of each is current, a link to each side by side
 * with the source, and (for those who may edit) the form that adds a version.
 */
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Locale } from "#shared/i18n/config";
import { CsrfInput } from "~/components/csrf-input";
import { FormAlert, SelectField } from "~/components/fields";
import type { VersionSummaryView } from "~/lib/language-versions.server";
import { SummaryLine } from "./summary-line";

interface Props {
  base: string;
  sourceLanguage: Locale | null;
  versions: VersionSummaryView[];
  addable: Locale[];
  canEdit: boolean;
  error?: string | undefined;
  values?: Record<string, unknown> | undefined;
}

export function LanguagesOverview({ base, sourceLanguage, versions, addable, canEdit, error, values }: Props) {
  const { t } = useTranslation("languages");
  const name = (l: Locale) => t(`names.${l}`);
  const picked = (field: string) => (typeof values?.[field] === "string" ? (values[field] as string) : undefined);
  return (
    <>
      {sourceLanguage ? <p>{t("overview.source", { language: name(sourceLanguage) })}</p> : null}
      <h2>{t("overview.versions")}</h2>
      {versions.length === 0 ? (
        <p className="empty">{t("overview.empty")}</p>
      ) : (
        <ul className="lv-versions">
          {versions.map((v) => (
            <li key={v.language} className="lv-versions__item">
              <h3 className="lv-versions__name">
                <Link to={`${base}/languages/${v.language}`}>{t("overview.open", { language: name(v.language) })}</Link>
              </h3>
              <SummaryLine summary={v.summary} />
            </li>
          ))}
        </ul>
      )}
      {canEdit && addable.length > 0 ? (
        <>
          <h2 id="add-version">{t("add.heading")}</h2>
          <p className="muted">{t("add.hint")}</p>
          <FormAlert error={error} />
          <Form method="post" aria-labelledby="add-version" className="lv-add">
            <CsrfInput />
            <input type="hidden" name="intent" value="add" />
            {sourceLanguage ? (
              <input type="hidden" name="sourceLanguage" value={sourceLanguage} />
            ) : (
              <SelectField name="sourceLanguage" label={t("add.sourceLanguage")} options={(["de", "it", "en"] as const).map((l) => ({ value: l, label: name(l) }))} defaultValue={picked("sourceLanguage")} />
            )}
            <SelectField name="language" label={t("add.language")} options={addable.map((l) => ({ value: l, label: name(l) }))} defaultValue={picked("language") ?? (sourceLanguage ? undefined : "it")} />
            <button type="submit" className="button">
              {t("add.submit")}
            </button>
          </Form>
        </>
      ) : null}
    </>
  );
}
