/**
 * The advisory board's answer: shown to everyone once given (verdict in words, text, who and
 * when); before that, observers answering a submitted recommendation get the form.
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RECOMMENDATION_VERDICTS } from "#shared/validation/limits";
import type { RecommendationPageData } from "~/lib/recommendations.server";
import { CsrfInput } from "~/components/csrf-input";
import { FieldError, FormAlert, TextArea } from "~/components/fields";
import { formatDate } from "~/lib/format";
import { stateFor, textValue, type ActionResult } from "./action-result";

export function AnswerSection({ data, result }: { data: RecommendationPageData; result: ActionResult }) {
  const { t, i18n } = useTranslation("recommendations");
  const { answer, rights, recommendation } = data;
  const state = stateFor(result, "answer");
  if (!answer && !rights.answer && recommendation.stage !== "submitted") return null;
  const chosen = textValue(state, "verdict");
  return (
    <section aria-labelledby="rec-answer-heading" className="rec-section">
      <h2 id="rec-answer-heading">{t("answer.heading")}</h2>
      {answer ? (
        <div className={`card rec-answer rec-answer--${answer.verdict}`}>
          <p>
            <strong>{t("answer.verdictIs", { verdict: t(`verdicts.${answer.verdict}`) })}</strong>
          </p>
          <p className="rec-answer__body">{answer.body}</p>
          <p className="muted">{t("answer.by", { name: answer.answeredByName ?? t("someone"), date: formatDate(answer.answeredAt, i18n.language) })}</p>
        </div>
      ) : rights.answer ? (
        <Form method="post" className="card rec-form" noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="answer" />
          <FormAlert error={state.errors.form} />
          <fieldset className="field" aria-describedby={state.errors.verdict ? "rec-verdict-error" : undefined}>
            <legend>{t("answer.verdictLegend")}</legend>
            {RECOMMENDATION_VERDICTS.map((verdict) => (
              <label key={verdict} className="checkbox">
                <input type="radio" name="verdict" value={verdict} defaultChecked={chosen === verdict} /> {t(`verdicts.${verdict}`)}
              </label>
            ))}
            <FieldError id="rec-verdict-error" error={state.errors.verdict} />
          </fieldset>
          <TextArea name="body" label={t("answer.bodyLabel")} hint={t("answer.bodyHint")} defaultValue={textValue(state, "body")} error={state.errors.body} />
          <button type="submit" className="button">
            {t("answer.submit")}
          </button>
        </Form>
      ) : (
        <p className="empty">{t("answer.awaiting")}</p>
      )}
    </section>
  );
}
