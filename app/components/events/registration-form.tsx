/**
 * Registering (oneself or, for a coordinator, a colleague) and changing one's details: the
 * languages one prefers and understands (what interpreting is worked out from), needs, and
 * for study trips travel dates and a room. Needs are seen only by the organisers.
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EVENT_LANGUAGES } from "#shared/events/event-vocabulary";
import { CsrfInput } from "../csrf-input";
import { CheckboxGroup, FormAlert, SelectField, TextField } from "../fields";
import { languageName } from "./labels";

export interface RegistrationValues {
  preferredLanguage: string;
  understands: string[];
  accessibilityNeeds: string;
  dietaryNeeds: string;
  arrival: string;
  departure: string;
  needsRoom: boolean;
}

export function RegistrationForm(props: {
  intent: "register" | "registerColleague" | "updateRegistration";
  values: RegistrationValues;
  errors: Record<string, string>;
  studyTrip: boolean;
  colleagues?: Array<{ id: string; name: string }>;
  submitLabel: string;
  busy: boolean;
}) {
  const { t } = useTranslation("events");
  const { values, errors } = props;
  return (
    <Form method="post" className="form registration-form" noValidate>
      <CsrfInput />
      <input type="hidden" name="intent" value={props.intent} />
      <FormAlert error={errors.form} />
      {props.colleagues ? (
        <SelectField name="userId" label={t("register.colleague")} error={errors.userId} options={[{ value: "", label: t("register.chooseColleague") }, ...props.colleagues.map((c) => ({ value: c.id, label: c.name }))]} />
      ) : null}
      <SelectField
        name="preferredLanguage"
        label={t("register.preferred")}
        defaultValue={values.preferredLanguage}
        error={errors.preferredLanguage}
        options={EVENT_LANGUAGES.map((l) => ({ value: l, label: languageName(l, t) }))}
      />
      <CheckboxGroup name="understands" legend={t("register.understands")} options={EVENT_LANGUAGES.map((l) => ({ value: l, label: languageName(l, t) }))} defaultValues={values.understands} error={errors.understands} />
      <p className="muted">{t("register.needsPrivate")}</p>
      <TextField name="accessibilityNeeds" label={t("register.accessibility")} defaultValue={values.accessibilityNeeds} error={errors.accessibilityNeeds} />
      <TextField name="dietaryNeeds" label={t("register.diet")} defaultValue={values.dietaryNeeds} error={errors.dietaryNeeds} />
      {props.studyTrip ? (
        <fieldset className="field">
          <legend>{t("register.travel")}</legend>
          <div className="event-form__pair">
            <TextField type="date" name="arrival" label={t("register.arrival")} defaultValue={values.arrival} error={errors.arrival} />
            <TextField type="date" name="departure" label={t("register.departure")} defaultValue={values.departure} error={errors.departure} />
          </div>
          <label className="checkbox">
            <input type="checkbox" name="needsRoom" defaultChecked={values.needsRoom} /> {t("register.room")}
          </label>
        </fieldset>
      ) : null}
      <button type="submit" className="button button--primary" disabled={props.busy}>
        {props.submitLabel}
      </button>
    </Form>
  );
}
