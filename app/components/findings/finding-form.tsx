/**
 * The form of a finding (new and edit): which network it speaks for, title, text (simple
 * rich text), taxonomy, country perspective and evidence (good practice, other findings,
 * documents of the commons library, web links). Works without JavaScript: every
 * choice is a native control, web links are a fixed number of address/label rows. After a
 * refusal the action sends back what was typed and the fields show it.
 */
import { Form } from "@remix-run/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { ACTION_AREAS, OCCUPATIONAL_FIELDS, THEMES } from "#shared/taxonomy";
import { FINDING_COUNTRIES, MAX_FINDING_BODY, MAX_LINK_LABEL, MAX_URL_LENGTH, MAX_WEB_LINKS } from "#shared/validation/limits";
import { checkedValues, textValue, type SubmittedValues } from "~/lib/form-values";
import { CsrfInput } from "~/components/csrf-input";
import { CheckboxGroup, FieldError, FormAlert, SelectField, TextField } from "~/components/fields";
import { fieldLabel, themeLabel } from "~/components/labels";
import { actionAreaLabel, perspectiveLabel } from "./labels";

export interface FindingFormDefaults {
  networkId: string;
  title: string;
  body: string;
  actionAreas: string[];
  occupationalFields: string[];
  themes: string[];
  country: string;
  goodPractices: string[];
  findings: string[];
  libraryDocuments: string[];
  webLinks: Array<{ url: string; label: string }>;
}

export const EMPTY_FINDING: FindingFormDefaults = {
  networkId: "",
  title: "",
  body: "",
  actionAreas: [],
  occupationalFields: [],
  themes: [],
  country: "both",
  goodPractices: [],
  findings: [],
  libraryDocuments: [],
  webLinks: [],
};

interface Props {
  /** Networks the person may post for; null when editing (the network stays). */
  networks: Array<{ id: string; name: string }> | null;
  networkName?: string;
  choices: {
    goodPractices: Array<{ id: string; title: string }>;
    findings: Array<{ id: string; title: string; networkName: string }>;
    /** Files of the commons library, labelled by title or name; `sharedBy`: the network that shared it. */
    libraryDocuments: Array<{ id: string; label: string; sharedBy: string | null }>;
    /** Set when only the most recently changed documents are offered: how many. */
    libraryDocumentsCappedAt: number | null;
  };
  defaults: FindingFormDefaults;
  /** What the action sent back after a refusal (typed values and field errors). */
  submitted: SubmittedValues;
  errors: Record<string, string>;
  submitLabel: string;
  busy: boolean;
}

/** The rows of web links: the stored (or typed) ones and a few empty ones, at most MAX_WEB_LINKS. */
function linkRows(submitted: SubmittedValues, stored: Array<{ url: string; label: string }>) {
  const urls = submitted ? checkedValues(submitted, "webUrl", []) : stored.map((l) => l.url);
  const labels = submitted ? checkedValues(submitted, "webLabel", []) : stored.map((l) => l.label);
  const filled = Math.max(urls.length, labels.length);
  const count = Math.min(MAX_WEB_LINKS, Math.max(3, filled + 2));
  return Array.from({ length: count }, (_, i) => ({ url: urls[i] ?? "", label: labels[i] ?? "" }));
}

export function FindingForm({ networks, networkName, choices, defaults, submitted, errors, submitLabel, busy }: Props) {
  const { t } = useTranslation("commons");
  const ids = useId().replace(/:/g, "");
  const bodyId = `finding-body-${ids}`;
  const links = linkRows(submitted, defaults.webLinks);
  const checkedDocuments = checkedValues(submitted, "libraryDocuments", defaults.libraryDocuments);

  return (
    <Form method="post" className="card finding-form" noValidate>
      <CsrfInput />
      <FormAlert error={errors.form} />
      {networks ? (
        <SelectField
          name="networkId"
          label={t("findings.form.network")}
          hint={t("findings.form.networkHint")}
          options={networks.map((n) => ({ value: n.id, label: n.name }))}
          defaultValue={textValue(submitted, "networkId", defaults.networkId || networks[0]?.id)}
          error={errors.networkId}
        />
      ) : (
        <p>{t("findings.form.onBehalfOf", { network: networkName ?? "" })}</p>
      )}
      <TextField name="title" label={t("findings.form.title")} defaultValue={textValue(submitted, "title", defaults.title)} error={errors.title} required />

      <div className="field">
        <label htmlFor={bodyId}>{t("findings.form.body")}</label>
        <p id={`${bodyId}-hint`} className="field__hint">
          {t("findings.form.bodyHint")}
        </p>
        <textarea
          id={bodyId}
          name="body"
          rows={12}
          maxLength={MAX_FINDING_BODY}
          required
          defaultValue={textValue(submitted, "body", defaults.body)}
          aria-invalid={errors.body ? true : undefined}
          aria-describedby={[`${bodyId}-hint`, errors.body ? `${bodyId}-error` : null].filter(Boolean).join(" ")}
        />
        <FieldError id={`${bodyId}-error`} error={errors.body} />
      </div>

      <CheckboxGroup
        name="actionAreas"
        legend={t("findings.form.actionAreas")}
        options={ACTION_AREAS.map((key) => ({ value: key, label: actionAreaLabel(t, key) }))}
        defaultValues={checkedValues(submitted, "actionAreas", defaults.actionAreas)}
        error={errors.actionAreas}
      />
      <CheckboxGroup
        name="occupationalFields"
        legend={t("findings.form.fields")}
        options={OCCUPATIONAL_FIELDS.map((key) => ({ value: key, label: fieldLabel(t, key) }))}
        defaultValues={checkedValues(submitted, "occupationalFields", defaults.occupationalFields)}
        error={errors.occupationalFields}
      />
      <CheckboxGroup
        name="themes"
        legend={t("findings.form.themes")}
        options={THEMES.map((key) => ({ value: key, label: themeLabel(t, key) }))}
        defaultValues={checkedValues(submitted, "themes", defaults.themes)}
        error={errors.themes}
      />
      <SelectField
        name="country"
        label={t("findings.form.country")}
        options={FINDING_COUNTRIES.map((c) => ({ value: c, label: perspectiveLabel(t, c) }))}
        defaultValue={textValue(submitted, "country", defaults.country)}
        error={errors.country}
      />

      <fieldset className="finding-form__evidence">
        <legend>{t("findings.form.evidence")}</legend>
        <p className="field__hint">{t("findings.form.evidenceHint")}</p>
        {choices.goodPractices.length ? (
          <CheckboxGroup
            name="goodPractices"
            legend={t("findings.form.goodPractices")}
            options={choices.goodPractices.map((g) => ({ value: g.id, label: g.title }))}
            defaultValues={checkedValues(submitted, "goodPractices", defaults.goodPractices)}
            error={errors.goodPractices}
          />
        ) : (
          <p className="empty">{t("findings.form.noGoodPractices")}</p>
        )}
        {choices.findings.length ? (
          <CheckboxGroup
            name="findings"
            legend={t("findings.form.findings")}
            options={choices.findings.map((f) => ({ value: f.id, label: t("findings.form.findingChoice", { title: f.title, network: f.networkName }) }))}
            defaultValues={checkedValues(submitted, "findings", defaults.findings)}
            error={errors.findings}
          />
        ) : (
          <p className="empty">{t("findings.form.noFindings")}</p>
        )}
        {choices.libraryDocuments.length ? (
          <fieldset className="field" aria-describedby={[choices.libraryDocumentsCappedAt ? `${ids}-docs-hint` : null, errors.libraryDocuments ? `${ids}-docs-error` : null].filter(Boolean).join(" ") || undefined}>
            <legend>{t("libraryDocuments.legend")}</legend>
            {choices.libraryDocumentsCappedAt ? (
              <p id={`${ids}-docs-hint`} className="field__hint">
                {t("libraryDocuments.capped", { limit: choices.libraryDocumentsCappedAt })}
              </p>
            ) : null}
            {choices.libraryDocuments.map((d) => (
              <label key={d.id} className="checkbox">
                <input type="checkbox" name="libraryDocuments" value={d.id} defaultChecked={checkedDocuments.includes(d.id)} />{" "}
                {d.sharedBy ? t("libraryDocuments.sharedChoice", { title: d.label, network: d.sharedBy }) : d.label}
              </label>
            ))}
            <FieldError id={`${ids}-docs-error`} error={errors.libraryDocuments} />
          </fieldset>
        ) : (
          <p className="empty">{t("libraryDocuments.none")}</p>
        )}
        <fieldset className="field" aria-describedby={errors.webUrl ? `${ids}-links-error` : `${ids}-links-hint`}>
          <legend>{t("findings.form.webLinks")}</legend>
          <p id={`${ids}-links-hint`} className="field__hint">
            {t("findings.form.webLinksHint")}
          </p>
          <ol className="finding-form__links">
            {links.map((link, i) => (
              <li key={i} className="finding-form__link">
                <label htmlFor={`${ids}-url-${i}`}>{t("findings.form.webUrl", { n: i + 1 })}</label>
                <input id={`${ids}-url-${i}`} name="webUrl" type="url" inputMode="url" maxLength={MAX_URL_LENGTH} defaultValue={link.url} aria-invalid={errors.webUrl ? true : undefined} />
                <label htmlFor={`${ids}-label-${i}`}>{t("findings.form.webLabel", { n: i + 1 })}</label>
                <input id={`${ids}-label-${i}`} name="webLabel" type="text" maxLength={MAX_LINK_LABEL} defaultValue={link.label} />
              </li>
            ))}
          </ol>
          <FieldError id={`${ids}-links-error`} error={errors.webUrl} />
        </fieldset>
      </fieldset>

      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
