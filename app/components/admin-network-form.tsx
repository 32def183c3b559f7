/**
 * The network form of the admin area, shared by "new" and "edit". Occupational fields and
 * themes offer the known keys in the page's language; a free-text value an older network
 * already has is offered too, so editing never silently drops it.
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OCCUPATIONAL_FIELDS, THEMES } from "#shared/taxonomy";
import { COUNTRIES } from "#shared/roles";
import { MAX_SLUG_LENGTH } from "#shared/validation/limits";
import { CsrfInput } from "./csrf-input";
import { CheckboxGroup, FormAlert, SelectField, TextArea, TextField } from "./fields";
import { fieldLabel, themeLabel } from "./labels";
import { checkedValues, textValue, type SubmittedValues } from "~/lib/form-values";

export interface NetworkFormStored {
  name: string;
  slug: string;
  description: string;
  occupationalField: string;
  themes: string[];
  organisationIds: string[];
}

export function NetworkForm({
  stored,
  submitted,
  errors,
  organisations,
  submitLabel,
}: {
  stored: NetworkFormStored | null;
  submitted: SubmittedValues;
  errors: Record<string, string>;
  organisations: Array<{ id: string; name: string; country: string; city: string }>;
  submitLabel: string;
}) {
  const { t } = useTranslation("admin");
  const fields = [...(OCCUPATIONAL_FIELDS as readonly string[])];
  if (stored?.occupationalField && !fields.includes(stored.occupationalField)) fields.push(stored.occupationalField);
  const themes = [...(THEMES as readonly string[])];
  for (const theme of stored?.themes ?? []) if (!themes.includes(theme)) themes.push(theme);
  const checkedOrganisations = checkedValues(submitted, "organisationIds", stored?.organisationIds ?? []);
  // One error message for the organisation choice, under the first group that is shown.
  const firstCountry = COUNTRIES.find((c) => organisations.some((o) => o.country === c));

  return (
    <Form method="post" className="card" noValidate>
      <CsrfInput />
      <FormAlert error={errors.form} />
      <TextField name="name" label={t("networks.fields.name")} defaultValue={textValue(submitted, "name", stored?.name)} error={errors.name} required />
      <TextField
        name="slug"
        label={t("networks.fields.slug")}
        hint={t("networks.fields.slugHint", { max: MAX_SLUG_LENGTH })}
        defaultValue={textValue(submitted, "slug", stored?.slug)}
        error={errors.slug}
        required
      />
      <TextArea
        name="description"
        label={t("networks.fields.description")}
        defaultValue={textValue(submitted, "description", stored?.description)}
        error={errors.description}
      />
      <SelectField
        name="occupationalField"
        label={t("networks.fields.occupationalField")}
        defaultValue={textValue(submitted, "occupationalField", stored?.occupationalField)}
        error={errors.occupationalField}
        options={[{ value: "", label: t("form.choose") }, ...fields.map((f) => ({ value: f, label: fieldLabel(t, f) }))]}
      />
      <CheckboxGroup
        name="themes"
        legend={t("networks.fields.themes")}
        options={themes.map((theme) => ({ value: theme, label: themeLabel(t, theme) }))}
        defaultValues={checkedValues(submitted, "themes", stored?.themes ?? [])}
        error={errors.themes}
      />
      {organisations.length === 0 ? (
        <p className="empty">{t("networks.fields.noOrganisations")}</p>
      ) : (
        COUNTRIES.map((country) => {
          const options = organisations
            .filter((o) => o.country === country)
            .map((o) => ({ value: o.id, label: `${o.name} (${o.city})` }));
          return options.length === 0 ? null : (
            <CheckboxGroup
              key={country}
              name="organisationIds"
              legend={t("networks.fields.organisationsIn", { country: t(`common:countries.${country}`) })}
              options={options}
              defaultValues={checkedOrganisations}
              error={country === firstCountry ? errors.organisationIds : undefined}
            />
          );
        })
      )}
      <div className="actions">
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
