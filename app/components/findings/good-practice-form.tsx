/** The form of a good-practice entry: proposed by a member, edited by a moderator. Works without JavaScript. */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OCCUPATIONAL_FIELDS } from "#shared/taxonomy";
import { THEME_CLUSTERS } from "#shared/validation/limits";
import { FINDING_COUNTRIES } from "#shared/validation/limits";
import { textValue, type SubmittedValues } from "~/lib/form-values";
import { CsrfInput } from "~/components/csrf-input";
import { FormAlert, SelectField, TextArea, TextField } from "~/components/fields";
import { fieldLabel } from "~/components/labels";
import { clusterLabel, countryLabel } from "./labels";

export interface GoodPracticeDefaults {
  title: string;
  summary: string;
  occupationalField: string | null;
  country: string;
  partners: string;
  themeCluster: string | null;
  link: string | null;
}

export const EMPTY_GOOD_PRACTICE: GoodPracticeDefaults = { title: "", summary: "", occupationalField: null, country: "both", partners: "", themeCluster: null, link: null };

export function GoodPracticeForm({
  defaults,
  submitted,
  errors,
  submitLabel,
  busy,
}: {
  defaults: GoodPracticeDefaults;
  submitted: SubmittedValues;
  errors: Record<string, string>;
  submitLabel: string;
  busy: boolean;
}) {
  const { t } = useTranslation("commons");
  const none = { value: "", label: t("goodPractice.form.none") };
  return (
    <Form method="post" className="card" noValidate>
      <CsrfInput />
      <FormAlert error={errors.form} />
      <TextField name="title" label={t("goodPractice.form.title")} defaultValue={textValue(submitted, "title", defaults.title)} error={errors.title} required />
      <TextArea name="summary" label={t("goodPractice.form.summary")} hint={t("goodPractice.form.summaryHint")} defaultValue={textValue(submitted, "summary", defaults.summary)} error={errors.summary} />
      <SelectField
        name="occupationalField"
        label={t("goodPractice.form.field")}
        options={[none, ...OCCUPATIONAL_FIELDS.map((k) => ({ value: k, label: fieldLabel(t, k) }))]}
        defaultValue={textValue(submitted, "occupationalField", defaults.occupationalField ?? "")}
        error={errors.occupationalField}
      />
      <SelectField
        name="country"
        label={t("goodPractice.form.country")}
        options={FINDING_COUNTRIES.map((c) => ({ value: c, label: countryLabel(t, c) }))}
        defaultValue={textValue(submitted, "country", defaults.country)}
        error={errors.country}
      />
      <TextField name="partners" label={t("goodPractice.form.partners")} hint={t("goodPractice.form.partnersHint")} defaultValue={textValue(submitted, "partners", defaults.partners)} error={errors.partners} />
      <SelectField
        name="themeCluster"
        label={t("goodPractice.form.cluster")}
        options={[none, ...THEME_CLUSTERS.map((k) => ({ value: k, label: clusterLabel(t, k) }))]}
        defaultValue={textValue(submitted, "themeCluster", defaults.themeCluster ?? "")}
        error={errors.themeCluster}
      />
      <TextField name="link" type="url" label={t("goodPractice.form.link")} hint={t("goodPractice.form.linkHint")} defaultValue={textValue(submitted, "link", defaults.link ?? "")} error={errors.link} />
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
