/**
 * An event's page: when and where, who organises it, the agenda with its interpreting, and
 * the person's registration (register, their place or waiting-list position, change, cancel).
 * Organisers also find their tools here. Printing gives the details and the timetable.
 */
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { eventLoader } from "~/lib/events.server";
import { useRootData } from "~/root";
import { CsrfInput } from "../csrf-input";
import { checkedValues, textValue } from "~/lib/form-values";
import type { EventActionResult } from "./action-result";
import { Notice } from "../fields";
import { EventStatusBadge } from "./event-list";
import { at, languageName, when } from "./labels";
import { PlaceTrail } from "./place-trail";
import { RegistrationForm, type RegistrationValues } from "./registration-form";
import { Timetable } from "./timetable";


function valuesFrom(sent: Record<string, string | string[]> | undefined, fallback: RegistrationValues): RegistrationValues {
  if (!sent) return fallback;
  const text = (key: string) => textValue(sent, key, "");
  return {
    preferredLanguage: text("preferredLanguage") || fallback.preferredLanguage,
    understands: checkedValues(sent, "understands", []),
    accessibilityNeeds: text("accessibilityNeeds"),
    dietaryNeeds: text("dietaryNeeds"),
    arrival: text("arrival"),
    departure: text("departure"),
    needsRoom: text("needsRoom") === "on",
  };
}

export function EventView() {
  const { t, i18n } = useTranslation("events");
  const data = useLoaderData<typeof eventLoader>();
  const result = useActionData() as EventActionResult | undefined;
  const navigation = useNavigation();
  const root = useRootData();
  const { event, place, mine, rights } = data;
  const busy = navigation.state === "submitting";
  const failedFor = (intent: string) => (result && !result.ok && result.intent === intent ? result : null);
  const base = `${place.basePath}/${event.id}`;
  const userLocale = root?.locale ?? i18n.language;
  const fresh: RegistrationValues = {
    preferredLanguage: mine?.preferredLanguage ?? userLocale,
    understands: mine?.understands ?? [userLocale],
    accessibilityNeeds: mine?.accessibilityNeeds ?? "",
    dietaryNeeds: mine?.dietaryNeeds ?? "",
    arrival: mine?.arrival ?? "",
    departure: mine?.departure ?? "",
    needsRoom: mine?.needsRoom ?? false,
  };
  const studyTrip = event.format === "studyTrip";
  const place_ = [event.venue, event.address, event.city, event.country ? t(`common:countries.${event.country}`) : ""].filter(Boolean).join(", ");

  return (
    <div className="page page--medium event-page">
      <PlaceTrail place={place} />
      <h1>
        {event.title} <EventStatusBadge status={event.status} />
      </h1>
      {event.status === "cancelled" ? <p className="alert alert--error">{t("page.cancelled")}</p> : null}
      {event.status === "draft" ? <p className="alert alert--info">{t("page.draft")}</p> : null}
      <dl className="facts">
        <dt>{t("page.when")}</dt>
        <dd>{when(event, i18n.language)}</dd>
        <dt>{t("page.format")}</dt>
        <dd>{t(`formats.${event.format}`)}</dd>
        {place_ ? (
          <>
            <dt>{t("page.where")}</dt>
            <dd>{place_}</dd>
          </>
        ) : null}
        {event.onlineUrl ? (
          <>
            <dt>{t("page.online")}</dt>
            <dd>
              <a href={event.onlineUrl} rel="noreferrer noopener" target="_blank">
                {event.onlineUrl}
              </a>
            </dd>
          </>
        ) : null}
        <dt>{t("page.languages")}</dt>
        <dd>{event.workingLanguages.map((l) => languageName(l, t)).join(", ") || "—"}</dd>
        {data.organisations.length ? (
          <>
            <dt>{t("page.organisers")}</dt>
            <dd>{data.organisations.map((o) => o.name).join(", ")}</dd>
          </>
        ) : null}
        <dt>{t("page.places")}</dt>
        <dd>
          {event.capacity === null ? t("page.placesOpen", { registered: data.counts.registered }) : t("page.placesOf", { registered: data.counts.registered, capacity: event.capacity })}
          {data.counts.waiting ? ` · ${t("page.waiting", { count: data.counts.waiting })}` : ""}
        </dd>
        {event.registrationDeadline ? (
          <>
            <dt>{t("page.deadline")}</dt>
            <dd>{at(event.registrationDeadline, event.timeZone, i18n.language)}</dd>
          </>
        ) : null}
      </dl>
      {event.description ? <p className="event-page__description">{event.description}</p> : null}
      <p className="actions no-print">
        {event.status !== "draft" ? <a href={`${base}/calendar.ics`}>{t("page.ics")}</a> : null}
        {event.status !== "draft" ? <Link to={`${base}/minutes`}>{t("page.minutes")}</Link> : null}
        <Link to="/account#calendar">{t("page.subscribe")}</Link>
      </p>

      {rights.organise ? (
        <nav aria-label={t("page.organiserTools")} className="panel no-print">
          <h2>{t("page.organiserTools")}</h2>
          <ul className="actions plain">
            <li>
              <Link to={`${base}/edit`}>{t("page.tools.edit")}</Link>
            </li>
            <li>
              <Link to={`${base}/agenda`}>{t("page.tools.agenda")}</Link>
            </li>
            <li>
              <Link to={`${base}/participants`}>{t("page.tools.participants")}</Link>
            </li>
            <li>
              <Link to={`${base}/costs`}>{t("page.tools.costs")}</Link>
            </li>
          </ul>
          {data.interpretingSummary && data.interpretingSummary.some((line) => line.unbookedSessions > 0) ? (
            <p className="alert alert--info">{t("page.interpretingToBook", { count: data.interpretingSummary.reduce((n, line) => n + line.unbookedSessions, 0) })}</p>
          ) : null}
        </nav>
      ) : null}

      <section aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">{t("agenda.title")}</h2>
        <Timetable sessions={data.sessions} zone={event.timeZone} />
      </section>

      <section aria-labelledby="registration-heading" className="no-print">
        <h2 id="registration-heading">{t("register.title")}</h2>
        {result?.ok && result.intent === "register" ? <Notice>{result.status === "waiting" ? t("register.doneWaiting") : t("register.done")}</Notice> : null}
        {result?.ok && result.intent === "cancelRegistration" ? <Notice>{t("register.cancelled")}</Notice> : null}
        {result?.ok && result.intent === "registerColleague" ? <Notice>{result.status === "waiting" ? t("register.colleagueWaiting") : t("register.colleagueDone")}</Notice> : null}
        {result?.ok && result.intent === "updateRegistration" ? <Notice>{t("register.updated")}</Notice> : null}
        {failedFor("cancelRegistration") ? <p role="alert" className="alert alert--error">{t(failedFor("cancelRegistration")?.errors.form ?? "")}</p> : null}
        {mine ? (
          <>
            <p className="registration-state">
              {mine.status === "registered" ? t("register.youAreRegistered") : t("register.youAreWaiting", { position: mine.position })}
            </p>
            <details>
              <summary>{t("register.change")}</summary>
              <RegistrationForm intent="updateRegistration" values={valuesFrom(failedFor("updateRegistration")?.values, fresh)} errors={failedFor("updateRegistration")?.errors ?? {}} studyTrip={studyTrip} submitLabel={t("register.save")} busy={busy} />
            </details>
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="intent" value="cancelRegistration" />
              <button type="submit" className="button button--danger">
                {mine.status === "registered" ? t("register.cancel") : t("register.leaveWaitingList")}
              </button>
            </Form>
          </>
        ) : rights.register ? (
          <>
            {data.registration.full ? <p>{t("register.full")}</p> : null}
            <RegistrationForm
              intent="register"
              values={valuesFrom(failedFor("register")?.values, fresh)}
              errors={failedFor("register")?.errors ?? {}}
              studyTrip={studyTrip}
              submitLabel={data.registration.full ? t("register.joinWaitingList") : t("register.submit")}
              busy={busy}
            />
          </>
        ) : (
          <p>{registrationClosedText(t, data.registration, event.status)}</p>
        )}
        {rights.registerColleagues ? (
          <details open={Boolean(failedFor("registerColleague"))}>
            <summary>{t("register.colleagueTitle")}</summary>
            {data.colleagues.length ? (
              <RegistrationForm
                key={data.colleagues.length}
                intent="registerColleague"
                colleagues={data.colleagues}
                values={valuesFrom(failedFor("registerColleague")?.values, { ...fresh, accessibilityNeeds: "", dietaryNeeds: "", arrival: "", departure: "", needsRoom: false })}
                errors={failedFor("registerColleague")?.errors ?? {}}
                studyTrip={studyTrip}
                submitLabel={t("register.colleagueSubmit")}
                busy={busy}
              />
            ) : (
              <p className="empty-state">{t("register.noColleagues")}</p>
            )}
          </details>
        ) : null}
      </section>
    </div>
  );
}

function registrationClosedText(t: (key: string) => string, registration: { open: boolean; deadlinePassed: boolean }, status: string): string {
  if (status === "cancelled") return t("register.closedCancelled");
  if (!registration.open) return t("register.closed");
  if (registration.deadlinePassed) return t("register.closedDeadline");
  return t("register.notForYou");
}
