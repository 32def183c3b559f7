/**
 * Organisers' list of participants: who holds a place, who waits (in order), who cancelled;
 * languages and needs (seen only here); attendance ticks; the CSV export; cancelling a
 * registration for someone (the next on the waiting list moves up and is told).
 */
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { participantsLoader } from "~/lib/events.server";
import { CsrfInput } from "../csrf-input";
import type { EventActionResult } from "./action-result";
import { Notice } from "../fields";
import { TableScroll } from "../table-scroll";
import { languageName } from "./labels";
import { PlaceTrail } from "./place-trail";


export function ParticipantsView() {
  const { t } = useTranslation("events");
  const data = useLoaderData<typeof participantsLoader>();
  const result = useActionData() as EventActionResult | undefined;
  const busy = useNavigation().state === "submitting";
  const base = `${data.place.basePath}/${data.event.id}`;
  const registered = data.participants.filter((p) => p.status === "registered");
  const waiting = data.participants.filter((p) => p.status === "waiting").sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const cancelled = data.participants.filter((p) => p.status === "cancelled");
  const attendance = data.event.status === "published" || data.event.status === "held";
  const langs = (p: (typeof data.participants)[number]) => [languageName(p.preferredLanguage, t), ...p.understands.filter((l) => l !== p.preferredLanguage).map((l) => languageName(l, t))].join(", ");

  return (
    <div className="page page--wide">
      <PlaceTrail place={data.place} event={data.event} />
      <h1>{t("participants.title")}</h1>
      <p>
        {t("participants.counts", { registered: registered.length, waiting: waiting.length })} · <a href={`${base}/participants.csv`}>{t("participants.csv")}</a>
      </p>
      {data.needsPurged ? <p className="muted">{t("participants.needsPurged")}</p> : <p className="muted">{t("participants.needsPrivate")}</p>}
      {result?.ok && result.intent === "attendance" ? <Notice>{t("participants.attendanceSaved")}</Notice> : null}
      {result?.ok && result.intent === "cancelRegistration" ? <Notice>{t("participants.cancelledDone")}</Notice> : null}
      {result && !result.ok ? <p role="alert" className="alert alert--error">{t(result.errors.form ?? "events:errors.invalid")}</p> : null}

      <h2>{t("participants.registered")}</h2>
      {registered.length === 0 ? (
        <p className="empty-state">{t("participants.empty")}</p>
      ) : (
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="attendance" />
          <TableScroll label={t("participants.registered")}>
            <table className="table">
              <thead>
                <tr>
                  {attendance ? <th scope="col">{t("participants.attended")}</th> : null}
                  <th scope="col">{t("participants.name")}</th>
                  <th scope="col">{t("participants.organisation")}</th>
                  <th scope="col">{t("participants.languages")}</th>
                  <th scope="col">{t("participants.needs")}</th>
                  {data.event.format === "studyTrip" ? <th scope="col">{t("participants.travel")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {registered.map((p) => (
                  <tr key={p.id}>
                    {attendance ? (
                      <td>
                        <input type="hidden" name="listed" value={p.id} />
                        <input type="checkbox" name="present" value={p.id} defaultChecked={p.attended === true} aria-label={t("participants.attendedOf", { name: p.name })} />
                      </td>
                    ) : null}
                    <th scope="row">
                      {p.name}
                      {p.registeredBy ? <span className="muted"> · {t("participants.registeredBy", { name: p.registeredBy })}</span> : null}
                    </th>
                    <td>
                      {p.organisation ?? "—"}
                      {p.country ? ` (${p.country})` : ""}
                    </td>
                    <td>{langs(p)}</td>
                    <td>{[p.accessibilityNeeds, p.dietaryNeeds].filter(Boolean).join(" · ") || "—"}</td>
                    {data.event.format === "studyTrip" ? (
                      <td>
                        {[p.arrival, p.departure].filter(Boolean).join(" – ") || "—"}
                        {p.needsRoom ? ` · ${t("participants.room")}` : ""}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {attendance ? (
            <button type="submit" className="button" disabled={busy}>
              {t("participants.saveAttendance")}
            </button>
          ) : null}
        </Form>
      )}

      <h2>{t("participants.waitingList")}</h2>
      {waiting.length === 0 ? (
        <p className="empty-state">{t("participants.noneWaiting")}</p>
      ) : (
        <ol className="waiting-list">
          {waiting.map((p) => (
            <li key={p.id}>
              {p.name} <span className="muted">· {langs(p)}</span>
            </li>
          ))}
        </ol>
      )}

      <h2>{t("participants.cancelTitle")}</h2>
      {registered.length + waiting.length === 0 ? (
        <p className="empty-state">{t("participants.empty")}</p>
      ) : (
        <ul className="plain">
          {[...registered, ...waiting].map((p) => (
            <li key={p.id}>
              <Form method="post" className="inline-form">
                <CsrfInput />
                <input type="hidden" name="intent" value="cancelRegistration" />
                <input type="hidden" name="registrationId" value={p.id} />
                {p.name}{" "}
                <button type="submit" className="button button--small button--danger" disabled={busy}>
                  {t("participants.cancelFor", { name: p.name })}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      {cancelled.length ? <p className="muted">{t("participants.cancelledCount", { count: cancelled.length })}</p> : null}
    </div>
  );
}
