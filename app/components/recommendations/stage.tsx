/**
 * A recommendation's stage, in words: a badge for lists, and a stepper for its page that
 * says which step it is at (aria-current), which are done and which are still to come,
 * in text rather than colour alone.
 */
import { useTranslation } from "react-i18next";
import { RECOMMENDATION_STAGES, type RecommendationStage } from "#shared/policy";

export function StageBadge({ stage }: { stage: RecommendationStage }) {
  const { t } = useTranslation("recommendations");
  return <span className={`badge rec-stage rec-stage--${stage}`}>{t(`stages.${stage}`)}</span>;
}

/** "2 of 3 networks have endorsed" (from consultation on); nothing for drafts. */
export function EndorsementCount({ count, threshold, stage }: { count: number; threshold: number; stage: RecommendationStage }) {
  const { t } = useTranslation("recommendations");
  if (stage === "draft") return null;
  return <span className="rec-count">{t("endorsements.count", { count, threshold })}</span>;
}

export function StageStepper({ stage }: { stage: RecommendationStage }) {
  const { t } = useTranslation("recommendations");
  const current = RECOMMENDATION_STAGES.indexOf(stage);
  return (
    <ol className="rec-stepper" aria-label={t("page.stepperLabel")}>
      {RECOMMENDATION_STAGES.map((step, i) => {
        const state = i < current ? "done" : i === current ? "current" : "todo";
        return (
          <li key={step} className={`rec-stepper__step rec-stepper__step--${state}`} aria-current={state === "current" ? "step" : undefined}>
            <span className="rec-stepper__marker" aria-hidden="true">
              {state === "done" ? "✓" : i + 1}
            </span>
            <span className="rec-stepper__label">{t(`stages.${step}`)}</span>
            <span className="visually-hidden"> – {t(`page.stepState.${state}`)}</span>
          </li>
        );
      })}
    </ol>
  );
}
