/**
 * Organisers' agenda page: sessions added, changed and removed (times typed in the event's
 * zone), and the interpreting worked out from the registered participants' languages, with
 * each direction marked booked or not. The summary lists what is still to book.
 */
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EVENT_LANGUAGES } from "#shared/events/event-vocabulary";
import type { agendaLoader } from "~/lib/events.server";
import { CsrfInput } from "../csrf-input";
import { checkedValues, textValue } from "~/lib/form-values";
import type { EventActionResult } from "./action-result";
import { FormAlert, SelectField, TextArea, TextField } from "../fields";
import { languageName, sessionDay, sessionTime } from "./labels";
import { PlaceTrail } from "./place-trail";

type Loaded = ReturnType<typeof useLoaderData<typeof agendaLoader>>;
type SessionValues = { sessionId?: string; title: string; start: string; end: string; room: string; language: string; speakers: string[]; guests: string };

function SessionForm({ values, errors, speakers, submitLabel, busy }: { values: SessionValues; errors: Record<string, string>; speakers: Loaded["speakers"]; submitLabel: string; busy: boolean }) {
  const { t } = useTranslation("events");
  return (
    <Form method="post" className="form" noValidate>
      <CsrfInput />
      <input type="hidden" name="intent" value="saveSession" />
      {values.sessionId ? <input type="hidden" name="sessionId" value={values.sessionId} /> : null}
      <FormAlert error={errors.form} />
      <TextField name="title" label={t("agenda.form.title")} defaultValue={values.title} error={errors.title} required />
      <div className="event-form__pair">
        <TextField type="datetime-local" name="start" label={t("agenda.form.start")} defaultValue={values.start} error={errors.start} required />
        <TextField type="datetime-local" name="end" label={t("agenda.form.end")} defaultValue={values.end} error={errors.end} required />
      </div>
      <div className="event-form__pair">
        <TextField name="room" label={t("agenda.form.room")} defaultValue={values.room} error={errors.room} />
        <SelectField name="language" label={t("agenda.form.language")} defaultValue={values.language} error={errors.language} options={EVENT_LANGUAGES.map((l) => ({ value: l, label: languageName(l, t) }))} />
      </div>
      <fieldset className="field">
        <legend>{t("agenda.form.speakers")}</legend>
        {speakers.length ? (
          <div className="checkbox-columns">
            {speakers.map((p) => (
              <label key={p.id} className="checkbox">
                <input type="checkbox" name="speakers" value={p.id} defaultChecked={values.speakers.includes(p.id)} /> {p.name}
              </label>
            ))}
          </div>
        ) : (
          <p className="muted">{t("agenda.form.noSpeakers")}</p>
        )}
      </fieldset>
      <TextArea name="guests" label={t("agenda.form.guests")} hint={t("agenda.form.guestsHint")} defaultValue={values.guests} error={errors.guests} />
      <button type="submit" className="button button--primary" disabled={busy}>
        {submitLabel}
      </button>
    </Form>
  );
}

const sent = (values: Record<string, string | string[]>): SessionValues => ({
  sessionId: textValue(values, "sessionId", "") || undefined,
  title: textValue(values, "title", ""),
  start: textValue(values, "start", ""),
  end: textValue(values, "end", ""),
  room: textValue(values, "room", ""),
  language: textValue(values, "language", "") || "de",
  speakers: checkedValues(values, "speakers", []),
  guests: textValue(values, "guests", ""),
});

export function AgendaView() {
  const { t, i18n } = useTranslation("events");
  const data = useLoaderData<typeof agendaLoader>();
  const result = useActionData() as EventActionResult | undefined;
  const busy = useNavigation().state === "submitting";
  const failed = result && !result.ok ? result : null;
  const failedSessionId = failed?.intent === "saveSession" && typeof failed.values.sessionId === "string" ? failed.values.sessionId : null;
  const zone = data.event.timeZone;
  const isBooked = (sessionId: string, from: string, to: string) => data.sessions.find((s) => s.id === sessionId)?.interpreting.find((i) => i.from === from && i.to === to)?.booked ?? false;

  return (
    <div className="page page--medium">
      <PlaceTrail place={data.place} event={data.event} />
      <h1>{t("agenda.manageTitle")}</h1>
      {failed && failed.intent !== "saveSession" ? <p role="alert" className="alert alert--error">{t(failed.errors.form ?? "events:errors.invalid")}</p> : null}

      <section aria-labelledby="interpreting-heading">
        <h2 id="interpreting-heading">{t("interpreting.title")}</h2>
        <p className="muted">{t("interpreting.basis", { count: data.registered })}</p>
        {data.interpreting.length === 0 ? (
          <p className="empty-state">{data.sessions.length ? t("interpreting.noneNeeded") : t("interpreting.noSessions")}</p>
        ) : (
          <ul className="interpreting-summary">
            {data.interpreting.map((line) => (
              <li key={`${line.from}-${line.to}`}>
                <h3>{t("interpreting.direction", { from: languageName(line.from, t), to: languageName(line.to, t) })}</h3>
                <p>{t("interpreting.lineSummary", {
                    sessions: t("interpreting.sessions", { count: line.sessions.length }),
                    people: t("interpreting.people", { count: line.maxPeople }),
                    unbooked: line.unbookedSessions,
                  })}</p>
                <ul className="plain">
                  {line.sessions.map((s) => {
                    const session = data.sessions.find((x) => x.id === s.sessionId);
                    const booked = isBooked(s.sessionId, line.from, line.to);
                    return (
                      <li key={s.sessionId} className="interpreting-row">
                        <span>
                          {session ? `${sessionDay(session.startsAt, zone, i18n.language)}, ${sessionTime(session, zone, i18n.language)} · ${session.title}` : s.sessionId} — {t("interpreting.people", { count: s.people })}
                        </span>
                        <Form method="post" className="inline-form">
                          <CsrfInput />
                          <input type="hidden" name="intent" value="booking" />
                          <input type="hidden" name="sessionId" value={s.sessionId} />
                          <input type="hidden" name="from" value={line.from} />
                          <input type="hidden" name="to" value={line.to} />
                          <input type="hidden" name="booked" value={booked ? "false" : "true"} />
                          <span className={`badge ${booked ? "badge--ok" : "badge--todo"}`}>{booked ? t("interpreting.booked") : t("interpreting.toBook")}</span>{" "}
                          <button type="submit" className="button button--small" disabled={busy}>
                            {booked ? t("interpreting.unmark") : t("interpreting.mark")}
                          </button>
                        </Form>
                      </li>
                    );
                  })}
                </ul>
              </li>
            ))}
          </ul>
        )}
        {data.stale.length ? <p className="alert alert--info">{t("interpreting.stale", { count: data.stale.length })}</p> : null}
      </section>

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t("agenda.sessions")}</h2>
        {data.sessions.length === 0 ? <p className="empty-state">{t("agenda.emptyOrganiser")}</p> : null}
        <ul className="plain session-list">
          {data.sessions.map((s) => (
            <li key={s.id} className="panel">
              <h3>
                {sessionDay(s.startsAt, zone, i18n.language)}, {sessionTime(s, zone, i18n.language)} · {s.title}
              </h3>
              <p className="muted">
                {languageName(s.language, t)}
                {s.room ? ` · ${s.room}` : ""}
              </p>
              <details open={failedSessionId === s.id}>
                <summary>{t("agenda.change")}</summary>
                <SessionForm
                  values={failedSessionId === s.id && failed ? sent(failed.values) : { sessionId: s.id, title: s.title, start: s.start, end: s.end, room: s.room, language: s.language, speakers: s.speakers.map((p) => p.id), guests: s.guests.join("\n") }}
                  errors={failedSessionId === s.id && failed ? failed.errors : {}}
                  speakers={data.speakers}
                  submitLabel={t("agenda.save")}
                  busy={busy}
                />
              </details>
              <Form method="post">
                <CsrfInput />
                <input type="hidden" name="intent" value="removeSession" />
                <input type="hidden" name="sessionId" value={s.id} />
                <button type="submit" className="button button--danger button--small">
                  {t("agenda.remove")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
        <h3>{t("agenda.add")}</h3>
        <SessionForm
          // A new key after each added session: the form starts empty again.
          key={data.sessions.length}
          values={failed?.intent === "saveSession" && !failedSessionId ? sent(failed.values) : { title: "", start: data.defaults.start, end: data.defaults.end, room: "", language: data.event.workingLanguages[0] ?? "de", speakers: [], guests: "" }}
          errors={failed?.intent === "saveSession" && !failedSessionId ? failed.errors : {}}
          speakers={data.speakers}
          submitLabel={t("agenda.addSubmit")}
          busy={busy}
        />
      </section>
    </div>
  );
}
