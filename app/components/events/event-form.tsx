/**
 * The form of an event (new and edit): what, when (typed in the event's zone), where, who
 * may come. A refused form comes back with the values typed and a message at each field.
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { COUNTRIES } from "#shared/roles";
import { EVENT_FORMATS, EVENT_LANGUAGES, EVENT_TIME_ZONES } from "#shared/events/event-vocabulary";
import { CsrfInput } from "../csrf-input";
import { checkedValues, textValue } from "~/lib/form-values";
import { CheckboxGroup, FormAlert, SelectField, TextArea, TextField } from "../fields";
import { languageName } from "./labels";

export interface EventFormValues {
  title: string;
  description: string;
  format: string;
  timeZone: string;
  start: string;
  end: string;
  venue: string;
  address: string;
  city: string;
  country: string;
  onlineUrl: string;
  workingLanguages: string[];
  capacity: string;
  deadline: string;
  organisations: string[];
}

export const EMPTY_EVENT: EventFormValues = {
  title: "",
  description: "",
  format: "workshop",
  timeZone: "Europe/Berlin",
  start: "",
  end: "",
  venue: "",
  address: "",
  city: "",
  country: "",
  onlineUrl: "",
  workingLanguages: ["de", "it"],
  capacity: "",
  deadline: "",
  organisations: [],
};

/** The values to show: what was sent (after a refusal) over the stored ones. */
export function shownValues(defaults: EventFormValues, submitted: Record<string, string | string[]> | null): EventFormValues {
  if (!submitted) return defaults;
  const text = (key: keyof EventFormValues) => textValue(submitted, key, "");
  return {
    title: text("title"),
    description: text("description"),
    format: text("format") || defaults.format,
    timeZone: text("timeZone") || defaults.timeZone,
    start: text("start"),
    end: text("end"),
    venue: text("venue"),
    address: text("address"),
    city: text("city"),
    country: text("country"),
    onlineUrl: text("onlineUrl"),
    workingLanguages: checkedValues(submitted, "workingLanguages", []),
    capacity: text("capacity"),
    deadline: text("deadline"),
    organisations: checkedValues(submitted, "organisations", []),
  };
}

export function EventForm(props: {
  values: EventFormValues;
  errors: Record<string, string>;
  organisations: Array<{ id: string; name: string; country: string }>;
  submitLabel: string;
  busy: boolean;
}) {
  const { t } = useTranslation("events");
  const { values, errors } = props;
  return (
    <Form method="post" className="form event-form" noValidate>
      <CsrfInput />
      <FormAlert error={errors.form} />
      <TextField name="title" label={t("form.title")} defaultValue={values.title} error={errors.title} required />
      <TextArea name="description" label={t("form.description")} defaultValue={values.description} error={errors.description} />
      <SelectField name="format" label={t("form.format")} defaultValue={values.format} error={errors.format} options={EVENT_FORMATS.map((f) => ({ value: f, label: t(`formats.${f}`) }))} />
      <fieldset className="field">
        <legend>{t("form.when")}</legend>
        <SelectField name="timeZone" label={t("form.timeZone")} hint={t("form.timeZoneHint")} defaultValue={values.timeZone} error={errors.timeZone} options={EVENT_TIME_ZONES.map((z) => ({ value: z, label: t(`timeZones.${z}`) }))} />
        <div className="event-form__pair">
          <TextField type="datetime-local" name="start" label={t("form.start")} defaultValue={values.start} error={errors.start} required />
          <TextField type="datetime-local" name="end" label={t("form.end")} defaultValue={values.end} error={errors.end} required />
        </div>
      </fieldset>
      <fieldset className="field">
        <legend>{t("form.where")}</legend>
        <TextField name="venue" label={t("form.venue")} defaultValue={values.venue} error={errors.venue} />
        <TextField name="address" label={t("form.address")} defaultValue={values.address} error={errors.address} />
        <div className="event-form__pair">
          <TextField name="city" label={t("form.city")} defaultValue={values.city} error={errors.city} />
          <SelectField
            name="country"
            label={t("form.country")}
            defaultValue={values.country}
            error={errors.country}
            options={[{ value: "", label: t("form.countryNone") }, ...COUNTRIES.map((c) => ({ value: c, label: t(`common:countries.${c}`) }))]}
          />
        </div>
        <TextField type="url" name="onlineUrl" label={t("form.onlineUrl")} hint={t("form.onlineUrlHint")} defaultValue={values.onlineUrl} error={errors.onlineUrl} />
      </fieldset>
      <CheckboxGroup
        name="workingLanguages"
        legend={t("form.workingLanguages")}
        options={EVENT_LANGUAGES.map((l) => ({ value: l, label: languageName(l, t) }))}
        defaultValues={values.workingLanguages}
        error={errors.workingLanguages}
      />
      <div className="event-form__pair">
        <TextField name="capacity" label={t("form.capacity")} hint={t("form.capacityHint")} defaultValue={values.capacity} error={errors.capacity} />
        <TextField type="datetime-local" name="deadline" label={t("form.deadline")} hint={t("form.deadlineHint")} defaultValue={values.deadline} error={errors.deadline} />
      </div>
      <CheckboxGroup
        name="organisations"
        legend={t("form.organisations")}
        options={props.organisations.map((o) => ({ value: o.id, label: `${o.name} (${o.country})` }))}
        defaultValues={values.organisations}
        error={errors.organisations}
      />
      <button type="submit" className="button button--primary" disabled={props.busy}>
        {props.submitLabel}
      </button>
    </Form>
  );
}
