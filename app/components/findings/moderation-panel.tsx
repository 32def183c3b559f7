/** The moderators' controls on a finding: pin or unpin it, close its discussion with a reason (or reopen it). */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MAX_REASON } from "#shared/validation/limits";
import { CsrfInput } from "~/components/csrf-input";
import { FieldError, FormAlert } from "~/components/fields";
import type { FormOutcome } from "./discussion";

export function ModerationPanel({ pinned, closed, failed }: { pinned: boolean; closed: boolean; failed: FormOutcome | null }) {
  const { t } = useTranslation("commons");
  const closing = failed && failed.intent === "closeDiscussion" ? failed : null;
  const other = failed && ["pin", "unpin", "reopenDiscussion"].includes(failed.intent ?? "") ? failed : null;
  return (
    <section className="card finding-moderation" aria-labelledby="moderation-heading">
      <h2 id="moderation-heading">{t("findings.moderation.heading")}</h2>
      <FormAlert error={other?.errors.form} />
      <Form method="post">
        <CsrfInput />
        <input type="hidden" name="intent" value={pinned ? "unpin" : "pin"} />
        <button type="submit" className="button button--quiet">
          {pinned ? t("findings.moderation.unpin") : t("findings.moderation.pin")}
        </button>
      </Form>
      {closed ? (
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="reopenDiscussion" />
          <button type="submit" className="button button--quiet">
            {t("findings.moderation.reopen")}
          </button>
        </Form>
      ) : (
        <Form method="post" noValidate>
          <CsrfInput />
          <FormAlert error={closing?.errors.form} />
          <input type="hidden" name="intent" value="closeDiscussion" />
          <div className="field">
            <label htmlFor="close-reason">{t("findings.moderation.closeReason")}</label>
            <p id="close-reason-hint" className="field__hint">
              {t("findings.moderation.closeReasonHint")}
            </p>
            <textarea
              id="close-reason"
              name="reason"
              rows={2}
              maxLength={MAX_REASON}
              required
              defaultValue={typeof closing?.values.reason === "string" ? closing.values.reason : undefined}
              aria-invalid={closing?.errors.reason ? true : undefined}
              aria-describedby={["close-reason-hint", closing?.errors.reason ? "close-reason-error" : null].filter(Boolean).join(" ")}
            />
            <FieldError id="close-reason-error" error={closing?.errors.reason} />
          </div>
          <button type="submit" className="button button--danger">
            {t("findings.moderation.close")}
          </button>
        </Form>
      )}
    </section>
  );
}
