/**
 * A coordinator hands over coordination of their network to another member. A plain form:
 * it works without JavaScript; the confirmation before giving up one's own coordinator role
 * needs it and is skipped without. After a refusal the choice and the tick are kept.
 */
import { Form } from "@remix-run/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "./csrf-input";
import { FieldError, SelectField } from "./fields";

export interface HandOverCandidate {
  userId: string;
  name: string;
  organisationName: string | null;
}

export function HandOverForm({
  candidates,
  errors,
  values,
}: {
  candidates: HandOverCandidate[];
  /** Errors and typed values of the last submission, when it was this form's. */
  errors: Record<string, string>;
  values: Record<string, unknown>;
}) {
  const { t } = useTranslation("network");
  const id = useId().replace(/:/g, "");
  const stayHintId = `stay-hint-${id}`;
  const stayErrorId = `stay-error-${id}`;
  return (
    <section aria-labelledby={`handover-heading-${id}`}>
      <h2 id={`handover-heading-${id}`}>{t("handOver.heading")}</h2>
      <p>{t("handOver.intro")}</p>
      {candidates.length === 0 ? (
        <p className="empty">{t("handOver.noCandidates")}</p>
      ) : (
        <Form
          method="post"
          className="card"
          noValidate
          onSubmit={(event) => {
            const stays = (event.currentTarget.elements.namedItem("stayCoordinator") as HTMLInputElement | null)?.checked;
            if (!stays && !window.confirm(t("handOver.confirm"))) event.preventDefault();
          }}
        >
          <CsrfInput />
          <input type="hidden" name="intent" value="handOver" />
          <SelectField
            name="recipientId"
            label={t("handOver.recipient")}
            hint={t("handOver.recipientHint")}
            defaultValue={String(values.recipientId ?? "")}
            error={errors.recipientId}
            options={[
              { value: "", label: t("handOver.choose") },
              ...candidates.map((c) => ({ value: c.userId, label: c.organisationName ? `${c.name} (${c.organisationName})` : c.name })),
            ]}
          />
          <div className="field">
            <label className="checkbox">
              <input
                type="checkbox"
                name="stayCoordinator"
                defaultChecked={values.stayCoordinator === "on"}
                aria-describedby={[stayHintId, errors.stayCoordinator ? stayErrorId : null].filter(Boolean).join(" ")}
                aria-invalid={errors.stayCoordinator ? true : undefined}
              />{" "}
              {t("handOver.stayCoordinator")}
            </label>
            <p id={stayHintId} className="field__hint">
              {t("handOver.stayCoordinatorHint")}
            </p>
            <FieldError id={stayErrorId} error={errors.stayCoordinator} />
          </div>
          <button type="submit" className="button">
            {t("handOver.submit")}
          </button>
        </Form>
      )}
    </section>
  );
}
