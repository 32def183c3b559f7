/**
 * On a published event of the network of networks, for its organisers and the project team:
 * how many groups are on the "staying in touch" list, and one button that mails the event
 * to each of them that has not had it yet (each group once, in its own language).
 */
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { eventLoader } from "~/lib/events.server";
import { CsrfInput } from "../csrf-input";
import { FormAlert, Notice } from "../fields";
import type { EventActionResult } from "./action-result";

const INTENT = "inviteStayingInTouch";

export function StayInTouchSection() {
  const { t } = useTranslation("events");
  const { stayInTouch } = useLoaderData<typeof eventLoader>();
  const result = useActionData() as (EventActionResult & { sent?: number }) | undefined;
  const navigation = useNavigation();
  if (!stayInTouch) return null;
  const mine = result?.intent === INTENT ? result : null;
  const sending = navigation.state === "submitting" && navigation.formData?.get("intent") === INTENT;
  const { onList, invited, pending } = stayInTouch;
  return (
    <div className="page page--medium no-print">
      <section aria-labelledby="stay-in-touch-heading" className="panel">
        <h2 id="stay-in-touch-heading">{t("stayInTouch.title")}</h2>
        <p>{t("stayInTouch.intro")}</p>
        {mine?.ok ? <Notice>{mine.sent ? t("stayInTouch.done", { count: mine.sent }) : t("stayInTouch.doneNone")}</Notice> : null}
        {mine && !mine.ok ? <FormAlert error={mine.errors.form} /> : null}
        <p>
          {onList === 0 ? t("stayInTouch.empty") : t("stayInTouch.onList", { count: onList })}
          {invited > 0 ? ` ${t("stayInTouch.invited", { count: invited })}` : ""}
        </p>
        {pending > 0 ? (
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value={INTENT} />
            <p className="field__hint">{t("stayInTouch.contactNote")}</p>
            <button type="submit" className="button" disabled={sending}>
              {t("stayInTouch.submit", { count: pending })}
            </button>
          </Form>
        ) : onList > 0 ? (
          <p>{t("stayInTouch.allInvited")}</p>
        ) : null}
      </section>
    </div>
  );
}
