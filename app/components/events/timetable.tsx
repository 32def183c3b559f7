/**
 * The agenda as a timetable, grouped by day: time, title, room, the language spoken,
 * speakers, and the interpreting worked out for the session (booked or still to book).
 * A plain table, so it prints and reads well on a phone (rows stack there).
 */
import { useTranslation } from "react-i18next";
import type { EventLanguage, EventTimeZone } from "#shared/events/event-vocabulary";
import { languageName, sessionDay, sessionTime } from "./labels";

export interface TimetableSession {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  room: string;
  language: EventLanguage;
  speakers: Array<{ id: string; name: string }>;
  guests: string[];
  interpreting: Array<{ from: EventLanguage; to: EventLanguage; people: number; booked: boolean }>;
}

export function Timetable({ sessions, zone }: { sessions: TimetableSession[]; zone: EventTimeZone }) {
  const { t, i18n } = useTranslation("events");
  if (!sessions.length) return <p className="empty-state">{t("agenda.empty")}</p>;
  const days = new Map<string, TimetableSession[]>();
  for (const session of sessions) {
    const day = sessionDay(session.startsAt, zone, i18n.language);
    days.set(day, [...(days.get(day) ?? []), session]);
  }
  return (
    <div className="timetable">
      {[...days].map(([day, list]) => (
        <table key={day} className="timetable__day">
          <caption>{day}</caption>
          <thead>
            <tr>
              <th scope="col">{t("agenda.time")}</th>
              <th scope="col">{t("agenda.session")}</th>
              <th scope="col">{t("agenda.language")}</th>
              <th scope="col">{t("agenda.interpreting")}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((s) => (
              <tr key={s.id}>
                <td data-label={t("agenda.time")}>{sessionTime(s, zone, i18n.language)}</td>
                <th scope="row" data-label={t("agenda.session")}>
                  {s.title}
                  {s.room ? <span className="muted"> · {t("agenda.room", { room: s.room })}</span> : null}
                  {s.speakers.length || s.guests.length ? (
                    <span className="timetable__speakers">{t("agenda.speakers", { names: [...s.speakers.map((p) => p.name), ...s.guests].join(", ") })}</span>
                  ) : null}
                </th>
                <td data-label={t("agenda.language")}>{languageName(s.language, t)}</td>
                <td data-label={t("agenda.interpreting")}>
                  {s.interpreting.length ? (
                    <ul className="plain">
                      {s.interpreting.map((i) => (
                        <li key={`${i.from}-${i.to}`}>
                          {t("interpreting.direction", { from: languageName(i.from, t), to: languageName(i.to, t) })}{" "}
                          <span className={`badge ${i.booked ? "badge--ok" : "badge--todo"}`}>{i.booked ? t("interpreting.booked") : t("interpreting.toBook")}</span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="muted">{t("interpreting.none")}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
