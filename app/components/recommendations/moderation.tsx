/**
 * What moderators do: open a draft for consultation, submit an endorsed recommendation to
 * the advisory board (after a confirmation: it freezes the text), and set how many networks
 * must endorse while it is a draft or in consultation. Only rendered for moderators.
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MAX_THRESHOLD, MIN_THRESHOLD } from "#shared/validation/limits";
import type { RecommendationPageData } from "~/lib/recommendations.server";
import { CsrfInput } from "~/components/csrf-input";
import { FormAlert, SelectField } from "~/components/fields";
import { stateFor, textValue, type ActionResult } from "./action-result";

export function ModerationSection({ data, result }: { data: RecommendationPageData; result: ActionResult }) {
  const { t } = useTranslation("recommendations");
  const { recommendation, rights, endorsements } = data;
  const consultation = stateFor(result, "openConsultation");
  const submit = stateFor(result, "submit");
  const threshold = stateFor(result, "setThreshold");
  const thresholds = Array.from({ length: MAX_THRESHOLD - MIN_THRESHOLD + 1 }, (_, i) => String(MIN_THRESHOLD + i));
  return (
    <section aria-labelledby="rec-moderation-heading" className="rec-section card">
      <h2 id="rec-moderation-heading">{t("moderation.heading")}</h2>
      {rights.openConsultation ? (
        <Form method="post" className="rec-form">
          <CsrfInput />
          <input type="hidden" name="intent" value="openConsultation" />
          <FormAlert error={consultation.errors.form} />
          <p>{t("moderation.openHint")}</p>
          <button type="submit" className="button">
            {t("moderation.open")}
          </button>
        </Form>
      ) : null}
      {recommendation.stage === "consultation" ? (
        <p>{t("moderation.notYetEndorsed", { count: endorsements.length, threshold: recommendation.threshold })}</p>
      ) : null}
      {rights.submit ? (
        <Form
          method="post"
          className="rec-form"
          onSubmit={(event) => {
            if (!window.confirm(t("moderation.confirmSubmit"))) event.preventDefault();
          }}
        >
          <CsrfInput />
          <input type="hidden" name="intent" value="submit" />
          <FormAlert error={submit.errors.form} />
          <p>{t("moderation.submitHint")}</p>
          <button type="submit" className="button">
            {t("moderation.submit")}
          </button>
        </Form>
      ) : null}
      {rights.setThreshold ? (
        <Form method="post" className="rec-form" noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="setThreshold" />
          <FormAlert error={threshold.errors.form} />
          <SelectField
            name="threshold"
            label={t("moderation.thresholdLabel")}
            hint={t("moderation.thresholdHint")}
            options={thresholds.map((value) => ({ value, label: value }))}
            defaultValue={textValue(threshold, "threshold") ?? String(recommendation.threshold)}
            error={threshold.errors.threshold}
          />
          <button type="submit" className="button button--quiet">
            {t("moderation.thresholdSubmit")}
          </button>
        </Form>
      ) : null}
      {!rights.openConsultation && !rights.submit && !rights.setThreshold && recommendation.stage !== "consultation" ? (
        <p className="muted">{t("moderation.nothing")}</p>
      ) : null}
    </section>
  );
}
