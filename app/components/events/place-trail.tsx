/** Where an events page is: the network (or the network of networks) and its events. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { EventsPlace } from "~/lib/event-place.server";

export function PlaceTrail({ place, event }: { place: EventsPlace; event?: { id: string; title: string } }) {
  const { t } = useTranslation("events");
  return (
    <nav aria-label={t("trail.label")} className="muted trail">
      {place.network ? <Link to={`/networks/${place.network.slug}`}>{place.network.name}</Link> : <Link to="/network-of-networks">{t("common:nav.networkOfNetworks")}</Link>}
      {" › "}
      <Link to={place.basePath}>{t("home.title")}</Link>
      {event ? (
        <>
          {" › "}
          <Link to={`${place.basePath}/${event.id}`}>{event.title}</Link>
        </>
      ) : null}
    </nav>
  );
}
