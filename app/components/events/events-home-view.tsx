/** The events of a network or of the commons: upcoming or past, planning a new one, the costs overview. */
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { eventsListLoader } from "~/lib/events.server";
import { EventList } from "./event-list";
import { PlaceTrail } from "./place-trail";

export function EventsHomeView() {
  const { t } = useTranslation("events");
  const data = useLoaderData<typeof eventsListLoader>();
  const { place } = data;
  return (
    <div className="page">
      <PlaceTrail place={place} />
      <h1>{t("home.title")}</h1>
      <p>{place.kind === "commons" ? t("home.introCommons") : t("home.introNetwork")}</p>
      <p className="actions">
        {data.canCreate ? (
          <Link className="button button--primary" to={`${place.basePath}/new`}>
            {t("home.new")}
          </Link>
        ) : null}
        {data.canSeeCosts ? <Link to={`${place.basePath}/costs`}>{t("home.costs")}</Link> : null}
        <Link to="/events">{t("home.myCalendar")}</Link>
      </p>
      <nav aria-label={t("home.which")} className="tabs">
        <Link to={place.basePath} aria-current={!data.past ? "page" : undefined}>
          {t("home.upcoming")}
        </Link>{" "}
        <Link to={`${place.basePath}?show=past`} aria-current={data.past ? "page" : undefined}>
          {t("home.past")}
        </Link>
      </nav>
      <h2>{data.past ? t("home.past") : t("home.upcoming")}</h2>
      <EventList events={data.events} showOwner={false} empty={data.past ? t("home.emptyPast") : data.canCreate ? t("home.emptyCanCreate") : t("home.empty")} />
    </div>
  );
}
