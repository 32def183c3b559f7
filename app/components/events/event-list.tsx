/** A list of events (a network's, the commons', or a person's calendar), each with its time, place and state. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { EventFormat, EventStatus, EventTimeZone, RegistrationStatus } from "#shared/events/event-vocabulary";
import { when } from "./labels";

export interface EventListEntry {
  id: string;
  title: string;
  format: EventFormat;
  status: EventStatus;
  timeZone: EventTimeZone;
  startsAt: string;
  endsAt: string;
  city: string;
  online: boolean;
  capacity: number | null;
  registered: number;
  network: { name: string; slug: string } | null;
  path: string;
  myRegistration: RegistrationStatus | null;
}

export function EventStatusBadge({ status }: { status: EventStatus }) {
  const { t } = useTranslation("events");
  if (status === "published") return null;
  return <span className={`badge event-status event-status--${status}`}>{t(`statuses.${status}`)}</span>;
}

export function EventList({ events, showOwner, empty }: { events: EventListEntry[]; showOwner: boolean; empty: string }) {
  const { t, i18n } = useTranslation("events");
  if (!events.length) return <p className="empty-state">{empty}</p>;
  return (
    <ul className="event-list">
      {events.map((event) => (
        <li key={event.id} className={`event-card${event.status === "cancelled" ? " event-card--cancelled" : ""}`}>
          <p className="event-card__when">{when(event, i18n.language)}</p>
          <h3 className="event-card__title">
            <Link to={event.path}>{event.title}</Link> <EventStatusBadge status={event.status} />
          </h3>
          <p className="muted">
            {t(`formats.${event.format}`)}
            {event.city ? ` · ${event.city}` : ""}
            {event.online ? ` · ${t("list.online")}` : ""}
            {showOwner ? ` · ${event.network ? event.network.name : t("list.commons")}` : ""}
            {event.capacity !== null ? ` · ${t("list.places", { registered: event.registered, capacity: event.capacity })}` : ""}
          </p>
          {event.myRegistration ? <p className="badge">{t(`list.mine.${event.myRegistration}`)}</p> : null}
        </li>
      ))}
    </ul>
  );
}
