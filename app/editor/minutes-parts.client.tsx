/**
 * The structured part of minutes, co-edited live below the text: who attended, what was
 * decided, and action items (who does what by when). Every change goes into the Y.Doc at
 * once and is read back through the shared sanitisers. Turning an action item into a
 * work-programme activity is a server action (a form), because it writes into another
 * document and must happen once: the page passes which items already became one.
 */
import { useState } from "react";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type * as Y from "yjs";
import { ACTIONS_FIELD, ATTENDEES_FIELD, DECISIONS_FIELD, MINUTES_LIMITS, readActionItems, readAttendees, readDecisions, type ActionItem, type Attendee, type Decision } from "#shared/collab/minutes-doc";
import { addItem, removeItem, setItemField } from "#shared/collab/list-fields";
import { formatDay } from "#shared/calendar-format";
import { DateField } from "~/components/date-parts";
import { CsrfInput } from "~/components/csrf-input";
import { DeleteItemButton, useFocusOnAdd, useList } from "./structured-items.client";

export interface MinutesContext {
  /** Action item id → the activity it became. */
  activities: Record<string, { workProgramme: string; network: string; path: string }>;
  /** Work programmes an item may become an activity of (none: the form is not offered). */
  workProgrammes: Array<{ id: string; title: string; network: string }>;
  /** Registered people (those marked present, once attendance is ticked), for organisers to copy in. */
  attendance: Array<{ name: string; organisation: string }>;
  /** What the last "turn into an activity" of this page came to, shown beside its item. */
  feedback: ({ actionId: string } & ({ ok: true; workProgramme: string; path: string } | { ok: false; message: string })) | null;
}

export function MinutesParts({ doc, editable, locale, context }: { doc: Y.Doc; editable: boolean; locale: string; context: MinutesContext }) {
  return (
    <>
      <Attendees doc={doc} editable={editable} attendance={context.attendance} />
      <Decisions doc={doc} editable={editable} />
      <ActionItems doc={doc} editable={editable} locale={locale} context={context} />
    </>
  );
}

function Attendees({ doc, editable, attendance }: { doc: Y.Doc; editable: boolean; attendance: MinutesContext["attendance"] }) {
  const { t } = useTranslation("events");
  const attendees = useList(doc, ATTENDEES_FIELD, readAttendees);
  const focusLater = useFocusOnAdd();
  const set = (id: string, key: string, value: string) => setItemField(doc, ATTENDEES_FIELD, id, key, value);
  const known = new Set(attendees.map((a) => a.name.trim().toLowerCase()));
  const missing = attendance.filter((p) => !known.has(p.name.trim().toLowerCase()));
  return (
    <section className="wp-section minutes-section" aria-labelledby="minutes-attendees-heading">
      <h2 id="minutes-attendees-heading">{t("minutes.attendees.heading")}</h2>
      {attendees.length === 0 ? <p className="empty">{t("minutes.attendees.empty")}</p> : null}
      {attendees.length > 0 && !editable ? (
        <ul className="minutes-attendees">
          {attendees.map((a) => (
            <li key={a.id}>
              {a.name || t("minutes.attendees.unnamed")}
              {a.organisation ? <span className="muted"> ({a.organisation})</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {attendees.length > 0 && editable ? (
        <ul className="minutes-rows">
          {attendees.map((a, index) => {
            const subject = a.name.trim() || t("minutes.attendees.numbered", { n: index + 1 });
            return (
              <li key={a.id} className="minutes-row" data-attendee-id={a.id}>
                <input
                  id={`att-${a.id}-name`}
                  className="wp-input"
                  type="text"
                  maxLength={MINUTES_LIMITS.name}
                  value={a.name}
                  aria-label={t("minutes.attendees.nameOf", { n: index + 1 })}
                  placeholder={t("minutes.attendees.name")}
                  onChange={(e) => set(a.id, "name", e.target.value)}
                />
                <input
                  className="wp-input"
                  type="text"
                  maxLength={MINUTES_LIMITS.organisation}
                  value={a.organisation}
                  aria-label={t("minutes.attendees.organisationOf", { name: subject })}
                  placeholder={t("minutes.attendees.organisation")}
                  onChange={(e) => set(a.id, "organisation", e.target.value)}
                />
                <DeleteItemButton label={t("minutes.remove")} confirm={t("minutes.attendees.confirmRemove", { name: subject })} subject={subject} onDelete={() => removeItem(doc, ATTENDEES_FIELD, a.id)} />
              </li>
            );
          })}
        </ul>
      ) : null}
      {editable ? (
        <div className="actions">
          <button type="button" className="button button--small" onClick={() => focusLater(`att-${addItem<Attendee>(doc, ATTENDEES_FIELD, { name: "", organisation: "" })}-name`)}>
            {t("minutes.attendees.add")}
          </button>
          {missing.length > 0 ? (
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => doc.transact(() => missing.forEach((p) => addItem<Attendee>(doc, ATTENDEES_FIELD, { name: p.name, organisation: p.organisation })))}
            >
              {t("minutes.attendees.addRegistered", { count: missing.length })}
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function Decisions({ doc, editable }: { doc: Y.Doc; editable: boolean }) {
  const { t } = useTranslation("events");
  const decisions = useList(doc, DECISIONS_FIELD, readDecisions);
  const focusLater = useFocusOnAdd();
  return (
    <section className="wp-section minutes-section" aria-labelledby="minutes-decisions-heading">
      <h2 id="minutes-decisions-heading">{t("minutes.decisions.heading")}</h2>
      {decisions.length === 0 ? <p className="empty">{t("minutes.decisions.empty")}</p> : null}
      {decisions.length > 0 ? (
        <ol className={editable ? "minutes-rows" : "minutes-decisions"}>
          {decisions.map((d, index) => {
            if (!editable) return <li key={d.id}>{d.text || <span className="empty">{t("minutes.decisions.blank")}</span>}</li>;
            const subject = t("minutes.decisions.numbered", { n: index + 1 });
            return (
              <li key={d.id} className="minutes-row" data-decision-id={d.id}>
                <textarea
                  id={`dec-${d.id}-text`}
                  className="wp-input"
                  rows={2}
                  maxLength={MINUTES_LIMITS.decision}
                  value={d.text}
                  aria-label={subject}
                  onChange={(e) => setItemField(doc, DECISIONS_FIELD, d.id, "text", e.target.value)}
                />
                <DeleteItemButton label={t("minutes.remove")} confirm={t("minutes.decisions.confirmRemove", { n: index + 1 })} subject={subject} onDelete={() => removeItem(doc, DECISIONS_FIELD, d.id)} />
              </li>
            );
          })}
        </ol>
      ) : null}
      {editable ? (
        <button type="button" className="button button--small" onClick={() => focusLater(`dec-${addItem<Decision>(doc, DECISIONS_FIELD, { text: "" })}-text`)}>
          {t("minutes.decisions.add")}
        </button>
      ) : null}
    </section>
  );
}

function ActionItems({ doc, editable, locale, context }: { doc: Y.Doc; editable: boolean; locale: string; context: MinutesContext }) {
  const { t } = useTranslation("events");
  const actions = useList(doc, ACTIONS_FIELD, readActionItems);
  const focusLater = useFocusOnAdd();
  const set = (id: string, key: string, value: string) => setItemField(doc, ACTIONS_FIELD, id, key, value);
  return (
    <section className="wp-section minutes-section" aria-labelledby="minutes-actions-heading">
      <h2 id="minutes-actions-heading">{t("minutes.actions.heading")}</h2>
      {actions.length === 0 ? <p className="empty">{t("minutes.actions.empty")}</p> : null}
      {actions.length > 0 ? (
        <ul className="minutes-actions">
          {actions.map((a, index) => {
            const subject = a.title.trim() || t("minutes.actions.numbered", { n: index + 1 });
            const activity = context.activities[a.id];
            return (
              <li key={a.id} className="minutes-action card" data-action-id={a.id}>
                {editable ? (
                  <div className="minutes-action__fields">
                    <label className="field">
                      <span>{t("minutes.actions.title")}</span>
                      <input id={`act-${a.id}-title`} className="wp-input" type="text" maxLength={MINUTES_LIMITS.title} value={a.title} onChange={(e) => set(a.id, "title", e.target.value)} />
                    </label>
                    <label className="field">
                      <span>{t("minutes.actions.owner")}</span>
                      <input className="wp-input" type="text" maxLength={MINUTES_LIMITS.owner} value={a.owner} onChange={(e) => set(a.id, "owner", e.target.value)} />
                    </label>
                    <div className="field">
                      <DateField value={a.due} label={t("minutes.actions.dueOf", { title: subject })} onChange={(value) => set(a.id, "due", value)} />
                    </div>
                    <DeleteItemButton label={t("minutes.remove")} confirm={t("minutes.actions.confirmRemove", { title: subject })} subject={subject} onDelete={() => removeItem(doc, ACTIONS_FIELD, a.id)} />
                  </div>
                ) : (
                  <p className="minutes-action__line">
                    <strong>{a.title || t("minutes.actions.untitled")}</strong>
                    {a.owner ? <> · {t("minutes.actions.ownerIs", { owner: a.owner })}</> : null}
                    {a.due ? <> · {t("minutes.actions.dueOn", { date: formatDay(a.due, locale) })}</> : null}
                  </p>
                )}
                {context.feedback?.actionId === a.id ? <ItemFeedback feedback={context.feedback} /> : null}
                {activity ? (
                  <p className="minutes-action__activity">
                    {t("minutes.actions.becameActivity")} <a href={activity.path}>{t("minutes.actions.activityIn", { workProgramme: activity.workProgramme, network: activity.network })}</a>
                  </p>
                ) : editable && context.workProgrammes.length > 0 ? (
                  <ToActivityForm action={a} subject={subject} workProgrammes={context.workProgrammes} />
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {editable ? (
        <button type="button" className="button button--small" onClick={() => focusLater(`act-${addItem<ActionItem>(doc, ACTIONS_FIELD, { title: "", owner: "", due: "" })}-title`)}>
          {t("minutes.actions.add")}
        </button>
      ) : null}
      {editable && context.workProgrammes.length === 0 ? <p className="muted">{t("minutes.actions.noWorkProgramme")}</p> : null}
    </section>
  );
}

function ItemFeedback({ feedback }: { feedback: NonNullable<MinutesContext["feedback"]> }) {
  const { t } = useTranslation("events");
  return feedback.ok ? (
    <p role="status" className="alert alert--ok">
      {t("minutes.actions.turned", { workProgramme: feedback.workProgramme })} <a href={feedback.path}>{t("minutes.actions.openWorkProgramme")}</a>
    </p>
  ) : (
    <p role="alert" className="alert alert--error">
      {t(feedback.message)}
    </p>
  );
}

/** "Turn into an activity of …": the work programme to choose when there are several. */
function ToActivityForm({ action, subject, workProgrammes }: { action: ActionItem; subject: string; workProgrammes: MinutesContext["workProgrammes"] }) {
  const { t } = useTranslation("events");
  const navigation = useNavigation();
  const [target, setTarget] = useState(workProgrammes[0]!.id);
  const busy = navigation.state === "submitting" && navigation.formData?.get("actionId") === action.id;
  const only = workProgrammes.length === 1 ? workProgrammes[0]! : null;
  return (
    <Form method="post" className="minutes-to-activity" preventScrollReset>
      <CsrfInput />
      <input type="hidden" name="intent" value="toActivity" />
      <input type="hidden" name="actionId" value={action.id} />
      {only ? (
        <input type="hidden" name="workProgrammeId" value={only.id} />
      ) : (
        <label className="field">
          <span>{t("minutes.actions.workProgramme")}</span>
          <select name="workProgrammeId" value={target} onChange={(e) => setTarget(e.target.value)}>
            {workProgrammes.map((w) => (
              <option key={w.id} value={w.id}>
                {w.title} ({w.network})
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="submit" className="button button--small button--quiet" disabled={busy || !action.title.trim()} aria-describedby={!action.title.trim() ? `act-${action.id}-needs-title` : undefined}>
        {only ? t("minutes.actions.toActivityOf", { workProgramme: only.title }) : t("minutes.actions.toActivity")}
        <span className="visually-hidden"> – {subject}</span>
      </button>
      {!action.title.trim() ? (
        <span id={`act-${action.id}-needs-title`} className="muted">
          {t("minutes.actions.needsTitle")}
        </span>
      ) : null}
    </Form>
  );
}
