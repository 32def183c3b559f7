/**
 * The expression-of-interest form: the four parts of the call (a–d), a privacy notice and
 * consent. Works without JavaScript: member rows are a fixed number of fieldsets (more when
 * more were typed), every choice a native control. After a refusal the action sends back
 * what was typed and every field shows it. The honeypot is hidden from eyes and assistive
 * technology and skipped by the keyboard; people never fill it.
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { COUNTRIES, ORGANISATION_TYPES, SECTORS } from "#shared/roles";
import { ACTION_AREAS, THEMES } from "#shared/taxonomy";
import { EXPERIENCE_SCALES } from "#shared/intake/vocabulary";
import { LOCALES, LOCALE_NATIVE_NAMES } from "#shared/i18n/config";
import { INTEREST_MEMBER_ROWS, MAX_INTEREST_MEMBERS, MAX_INTEREST_TEXT } from "#shared/validation/limits";
import { INTEREST_FIELDS } from "#shared/intake/vocabulary";
import { checkedValues, textValue, type SubmittedValues } from "~/lib/form-values";
import { CsrfInput } from "~/components/csrf-input";
import { CheckboxGroup, FieldError, FormAlert, SelectField, TextField } from "~/components/fields";
import { fieldLabel, themeLabel } from "~/components/labels";

export interface InterestDefaults {
  groupName: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  locale: string;
  occupationalField: string;
  fieldDescription: string;
  scale: string;
  apprentices: number | null;
  companies: number | null;
  jointProjects: string;
  motivation: string;
  projectIdea: string;
  themes: string[];
  actionAreas: string[];
  expectedValue: string;
  offeredValue: string;
  pastCooperation: string;
  fundedProjects: string;
  introductions: boolean;
  members: Array<{ name: string; type: string; sector: string; city: string; region: string; country: string }>;
}

export const emptyInterest = (locale: string): InterestDefaults => ({
  groupName: "",
  contactName: "",
  contactEmail: "",
  contactPhone: "",
  locale,
  occupationalField: "",
  fieldDescription: "",
  scale: "",
  apprentices: null,
  companies: null,
  jointProjects: "",
  motivation: "",
  projectIdea: "",
  themes: [],
  actionAreas: [],
  expectedValue: "",
  offeredValue: "",
  pastCooperation: "",
  fundedProjects: "",
  introductions: true,
  members: [],
});

interface Props {
  defaults: InterestDefaults;
  submitted: SubmittedValues;
  errors: Record<string, string>;
  /** The public form carries the spam guard; the private link's amend form does not need it. */
  guard: { stamp: string; honeypot: string; stampField: string } | null;
  intent?: string;
  submitLabel: string;
  busy: boolean;
}

function memberRows(submitted: SubmittedValues, stored: InterestDefaults["members"]) {
  const column = (key: string, pick: (m: InterestDefaults["members"][number]) => string) => (submitted ? checkedValues(submitted, key, []) : stored.map(pick));
  const names = column("memberName", (m) => m.name);
  const types = column("memberType", (m) => m.type);
  const sectors = column("memberSector", (m) => m.sector);
  const cities = column("memberCity", (m) => m.city);
  const regions = column("memberRegion", (m) => m.region);
  const countries = column("memberCountry", (m) => m.country);
  const filled = Math.max(names.length, cities.length);
  const count = Math.min(MAX_INTEREST_MEMBERS, Math.max(INTEREST_MEMBER_ROWS, filled + 1));
  return Array.from({ length: count }, (_, i) => ({
    name: names[i] ?? "",
    type: types[i] ?? "",
    sector: sectors[i] ?? "",
    city: cities[i] ?? "",
    region: regions[i] ?? "",
    country: countries[i] ?? "",
  }));
}

function LongText({ name, label, hint, value, error, required }: { name: string; label: string; hint?: string; value: string; error?: string | undefined; required?: boolean }) {
  const id = `interest-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        rows={5}
        maxLength={MAX_INTEREST_TEXT}
        required={required}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined}
      />
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

export function InterestForm({ defaults, submitted, errors, guard, intent, submitLabel, busy }: Props) {
  const { t } = useTranslation("intake");
  const text = (key: keyof InterestDefaults) => textValue(submitted, key, String(defaults[key] ?? ""));
  const members = memberRows(submitted, defaults.members);
  const choose = { value: "", label: t("form.choose") };
  const introductionsChecked = submitted ? submitted.introductions === "yes" : defaults.introductions;

  return (
    <Form method="post" className="card interest-form" noValidate>
      <CsrfInput />
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      {guard ? (
        <>
          <input type="hidden" name={guard.stampField} value={guard.stamp} />
          <div className="interest-form__trap" aria-hidden="true">
            <label htmlFor="interest-trap">{t("form.trap")}</label>
            <input id="interest-trap" type="text" name={guard.honeypot} tabIndex={-1} autoComplete="off" defaultValue="" />
          </div>
        </>
      ) : null}
      <FormAlert error={errors.form} />

      <fieldset className="interest-form__part">
        <legend>{t("form.partA")}</legend>
        <TextField name="groupName" label={t("form.groupName")} hint={t("form.groupNameHint")} defaultValue={text("groupName")} error={errors.groupName} required />
        <div className="field">
          <h2 className="interest-form__heading" id="members-label">
            {t("form.members")}
          </h2>
          <p className="field__hint" id="members-hint">
            {t("form.membersHint")}
          </p>
          <FieldError id="members-error" error={errors.members} />
          <ol className="interest-form__members" aria-labelledby="members-label">
            {members.map((m, i) => (
              <li key={i}>
                <fieldset className="interest-form__member">
                  <legend>{t("form.member", { n: i + 1 })}</legend>
                  <TextField name="memberName" label={t("form.memberName")} defaultValue={m.name} />
                  <SelectField
                    name="memberType"
                    label={t("form.memberType")}
                    defaultValue={m.type}
                    options={[choose, ...ORGANISATION_TYPES.map((v) => ({ value: v, label: t(`common:organisationTypes.${v}`) }))]}
                  />
                  <SelectField name="memberSector" label={t("form.memberSector")} defaultValue={m.sector} options={[choose, ...SECTORS.map((v) => ({ value: v, label: t(`common:sectors.${v}`) }))]} />
                  <TextField name="memberCity" label={t("form.memberCity")} defaultValue={m.city} />
                  <TextField name="memberRegion" label={t("form.memberRegion")} defaultValue={m.region} />
                  <SelectField name="memberCountry" label={t("form.memberCountry")} defaultValue={m.country} options={[choose, ...COUNTRIES.map((v) => ({ value: v, label: t(`common:countries.${v}`) }))]} />
                </fieldset>
              </li>
            ))}
          </ol>
        </div>
        <TextField name="contactName" label={t("form.contactName")} defaultValue={text("contactName")} error={errors.contactName} autoComplete="name" required />
        <TextField name="contactEmail" type="email" label={t("form.contactEmail")} defaultValue={text("contactEmail")} error={errors.contactEmail} autoComplete="email" required />
        <TextField name="contactPhone" label={t("form.contactPhone")} defaultValue={text("contactPhone")} error={errors.contactPhone} autoComplete="tel" />
        <SelectField
          name="locale"
          label={t("form.locale")}
          hint={t("form.localeHint")}
          defaultValue={text("locale")}
          error={errors.locale}
          options={LOCALES.map((l) => ({ value: l, label: LOCALE_NATIVE_NAMES[l], lang: l }))}
        />
        <SelectField
          name="occupationalField"
          label={t("form.occupationalField")}
          defaultValue={text("occupationalField")}
          error={errors.occupationalField}
          options={[choose, ...INTEREST_FIELDS.map((f) => ({ value: f, label: f === "other" ? t("form.otherField") : fieldLabel(t, f) }))]}
        />
        <LongText name="fieldDescription" label={t("form.fieldDescription")} hint={t("form.fieldDescriptionHint")} value={text("fieldDescription")} error={errors.fieldDescription} />
      </fieldset>

      <fieldset className="interest-form__part">
        <legend>{t("form.partB")}</legend>
        <SelectField name="scale" label={t("form.scale")} defaultValue={text("scale")} error={errors.scale} options={[choose, ...EXPERIENCE_SCALES.map((s) => ({ value: s, label: t(`scale.${s}`) }))]} />
        <TextField name="apprentices" label={t("form.apprentices")} hint={t("form.countHint")} defaultValue={text("apprentices")} error={errors.apprentices} />
        <TextField name="companies" label={t("form.companies")} hint={t("form.countHint")} defaultValue={text("companies")} error={errors.companies} />
        <LongText name="jointProjects" label={t("form.jointProjects")} value={text("jointProjects")} error={errors.jointProjects} />
      </fieldset>

      <fieldset className="interest-form__part">
        <legend>{t("form.partC")}</legend>
        <LongText name="motivation" label={t("form.motivation")} value={text("motivation")} error={errors.motivation} required />
        <LongText name="projectIdea" label={t("form.projectIdea")} hint={t("form.projectIdeaHint")} value={text("projectIdea")} error={errors.projectIdea} required />
        <CheckboxGroup
          name="actionAreas"
          legend={t("form.actionAreas")}
          options={ACTION_AREAS.map((a) => ({ value: a, label: t(`network:actionAreas.${a}`) }))}
          defaultValues={checkedValues(submitted, "actionAreas", defaults.actionAreas)}
          error={errors.actionAreas}
        />
        <CheckboxGroup
          name="themes"
          legend={t("form.themes")}
          options={THEMES.map((theme) => ({ value: theme, label: themeLabel(t, theme) }))}
          defaultValues={checkedValues(submitted, "themes", defaults.themes)}
          error={errors.themes}
        />
        <LongText name="expectedValue" label={t("form.expectedValue")} value={text("expectedValue")} error={errors.expectedValue} />
        <LongText name="offeredValue" label={t("form.offeredValue")} value={text("offeredValue")} error={errors.offeredValue} />
      </fieldset>

      <fieldset className="interest-form__part">
        <legend>{t("form.partD")}</legend>
        <LongText name="pastCooperation" label={t("form.pastCooperation")} value={text("pastCooperation")} error={errors.pastCooperation} />
        <LongText name="fundedProjects" label={t("form.fundedProjects")} value={text("fundedProjects")} error={errors.fundedProjects} />
        <p className="muted">{t("form.noLanguageNeeded")}</p>
      </fieldset>

      <fieldset className="interest-form__part">
        <legend>{t("form.privacy")}</legend>
        <p>{t("form.privacyNotice")}</p>
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" name="introductions" value="yes" defaultChecked={introductionsChecked} /> {t("form.introductions")}
          </label>
        </div>
        <div className="field">
          <label className="checkbox">
            <input
              type="checkbox"
              name="consent"
              value="yes"
              defaultChecked={submitted ? submitted.consent === "yes" : Boolean(guard === null)}
              aria-invalid={errors.consent ? true : undefined}
              aria-describedby={errors.consent ? "consent-error" : undefined}
            />{" "}
            {t("form.consent")}
          </label>
          <FieldError id="consent-error" error={errors.consent} />
        </div>
      </fieldset>

      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
