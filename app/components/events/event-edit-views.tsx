/** The pages that plan an event: a new one, and changing one (with its status). */
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { editEventLoader, newEventLoader } from "~/lib/events.server";
import { CsrfInput } from "../csrf-input";
import { EMPTY_EVENT, EventForm, shownValues, type EventFormValues } from "./event-form";
import { PlaceTrail } from "./place-trail";

type Failure = { ok: false; errors: Record<string, string>; values: Record<string, string | string[]>; intent?: string | null };
const failureOf = (result: unknown): Failure | null => (result && typeof result === "object" && "ok" in result && result.ok === false ? (result as Failure) : null);

export function NewEventView() {
  const { t } = useTranslation("events");
  const { place, organisations } = useLoaderData<typeof newEventLoader>();
  const failed = failureOf(useActionData());
  const navigation = useNavigation();
  return (
    <div className="page page--medium">
      <PlaceTrail place={place} />
      <h1>{t("new.title")}</h1>
      <p>{t("new.intro")}</p>
      <EventForm values={shownValues(EMPTY_EVENT, failed?.values ?? null)} errors={failed?.errors ?? {}} organisations={organisations} submitLabel={t("new.submit")} busy={navigation.state === "submitting"} />
    </div>
  );
}

const CHANGES = { draft: ["publish", "cancel"], published: ["markHeld", "cancel"], held: ["reopen"], cancelled: [] } as const;

export function EditEventView() {
  const { t } = useTranslation("events");
  const data = useLoaderData<typeof editEventLoader>();
  const failed = failureOf(useActionData());
  const navigation = useNavigation();
  const fieldsFailed = failed && failed.intent !== "status" ? failed : null;
  const locked = data.event.status === "cancelled" || data.event.status === "held";
  return (
    <div className="page page--medium">
      <PlaceTrail place={data.place} event={data.event} />
      <h1>{t("edit.title", { title: data.event.title })}</h1>
      <section aria-labelledby="status-heading" className="panel">
        <h2 id="status-heading">{t("edit.status", { status: t(`statuses.${data.event.status}`) })}</h2>
        <p className="muted">{t(`edit.statusHelp.${data.event.status}`)}</p>
        {failed?.intent === "status" ? <p role="alert" className="alert alert--error">{t(failed.errors.form ?? "events:errors.wrongStatus")}</p> : null}
        <div className="actions">
          {CHANGES[data.event.status].map((change) => (
            <Form method="post" key={change}>
              <CsrfInput />
              <input type="hidden" name="intent" value="status" />
              <input type="hidden" name="change" value={change} />
              <button type="submit" className={change === "cancel" ? "button button--danger" : "button"}>
                {t(`edit.changes.${change}`)}
              </button>
            </Form>
          ))}
        </div>
      </section>
      {locked ? (
        <p>{t("edit.locked")}</p>
      ) : (
        <EventForm
          values={shownValues(data.values as EventFormValues, fieldsFailed?.values ?? null)}
          errors={fieldsFailed?.errors ?? {}}
          organisations={data.organisations}
          submitLabel={t("edit.submit")}
          busy={navigation.state === "submitting"}
        />
      )}
    </div>
  );
}
