/** The organisation form of the admin area, shared by "new" and "edit". */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { COUNTRIES, ORGANISATION_TYPES, SECTORS } from "#shared/roles";
import { CsrfInput } from "./csrf-input";
import { FormAlert, SelectField, TextArea, TextField } from "./fields";
import { textValue, type SubmittedValues } from "~/lib/form-values";

export interface OrganisationFormStored {
  name: string;
  country: string;
  city: string;
  region: string;
  type: string;
  sector: string;
  website: string;
  description: string;
}

export function OrganisationForm({
  stored,
  submitted,
  errors,
  submitLabel,
}: {
  stored: OrganisationFormStored | null;
  submitted: SubmittedValues;
  errors: Record<string, string>;
  submitLabel: string;
}) {
  const { t } = useTranslation("admin");
  const value = (key: keyof OrganisationFormStored) => textValue(submitted, key, stored?.[key]);
  const choose = { value: "", label: t("form.choose") };
  return (
    <Form method="post" className="card" noValidate>
      <CsrfInput />
      <FormAlert error={errors.form} />
      <TextField name="name" label={t("organisations.fields.name")} defaultValue={value("name")} error={errors.name} required />
      <SelectField
        name="country"
        label={t("organisations.fields.country")}
        defaultValue={value("country")}
        error={errors.country}
        options={[choose, ...COUNTRIES.map((c) => ({ value: c, label: t(`common:countries.${c}`) }))]}
      />
      <TextField name="city" label={t("organisations.fields.city")} defaultValue={value("city")} error={errors.city} required />
      <TextField
        name="region"
        label={t("organisations.fields.region")}
        hint={t("organisations.fields.regionHint")}
        defaultValue={value("region")}
        error={errors.region}
        required
      />
      <SelectField
        name="type"
        label={t("organisations.fields.type")}
        defaultValue={value("type")}
        error={errors.type}
        options={[choose, ...ORGANISATION_TYPES.map((o) => ({ value: o, label: t(`common:organisationTypes.${o}`) }))]}
      />
      <SelectField
        name="sector"
        label={t("organisations.fields.sector")}
        defaultValue={value("sector")}
        error={errors.sector}
        options={[choose, ...SECTORS.map((s) => ({ value: s, label: t(`common:sectors.${s}`) }))]}
      />
      <TextField
        name="website"
        type="url"
        label={t("organisations.fields.website")}
        hint={t("organisations.fields.websiteHint")}
        defaultValue={value("website")}
        error={errors.website}
        autoComplete="url"
      />
      <TextArea name="description" label={t("organisations.fields.description")} defaultValue={value("description")} error={errors.description} />
      <div className="actions">
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
