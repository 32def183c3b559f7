/** The next events, on the dashboard and a network's home, with the way to all of them. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EventList, type EventListEntry } from "./event-list";

export function UpcomingEvents({ events, allPath, showOwner }: { events: EventListEntry[]; allPath: string; showOwner: boolean }) {
  const { t } = useTranslation("events");
  return (
    <section className="card upcoming-events" aria-labelledby="upcoming-events-heading">
      <h2 id="upcoming-events-heading">{t("upcoming.title")}</h2>
      <EventList events={events} showOwner={showOwner} empty={t("upcoming.empty")} />
      <p>
        <Link to={allPath}>{t("upcoming.all")}</Link>
      </p>
    </section>
  );
}
