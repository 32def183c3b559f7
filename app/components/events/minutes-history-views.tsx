/**
 * The version history of an event's minutes: the list of stored versions, and one version
 * read-only (its text, attendees, decisions and action items) with downloads of exactly it.
 */
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { minutesHistoryLoader, minutesVersionLoader } from "~/lib/minutes.server";
import { VersionList } from "../version-list";
import { ProseMirrorView, isEmptyDoc } from "../prosemirror-view";
import { formatDateTime } from "~/lib/format";
import { formatDay } from "#shared/calendar-format";
import { PlaceTrail } from "./place-trail";
import { DownloadLinks } from "../export-links";

export function MinutesHistoryView() {
  const { t } = useTranslation("events");
  const { place, event, paths, versions } = useLoaderData<typeof minutesHistoryLoader>();
  return (
    <div className="page">
      <PlaceTrail place={place} event={event} />
      <h1>{t("minutes.history.title", { title: event.title })}</h1>
      <p>{t("minutes.history.intro")}</p>
      <VersionList versions={versions} historyPath={paths.history} />
      <p>
        <Link to={paths.minutes}>{t("minutes.history.back")}</Link>
      </p>
    </div>
  );
}

export function MinutesVersionView() {
  const { t, i18n } = useTranslation("events");
  const data = useLoaderData<typeof minutesVersionLoader>();
  const { version, paths } = data;
  const locale = i18n.language;
  return (
    <div className="page">
      <PlaceTrail place={data.place} event={data.event} />
      <p className="version-kicker">{t("minutes.title", { title: data.event.title })}</p>
      <h1>{data.title}</h1>
      <dl className="facts version-facts">
        <dt>{t("history:version.savedAt")}</dt>
        <dd>
          <time dateTime={version.createdAt}>{formatDateTime(version.createdAt, locale)}</time>
        </dd>
        <dt>{t("history:version.kind")}</dt>
        <dd>{t(`history:kinds.${version.kind}`)}</dd>
      </dl>
      <DownloadLinks exportPath={paths.export} versionId={version.id} />
      <section className="wp-section" aria-labelledby="v-attendees">
        <h2 id="v-attendees">{t("minutes.attendees.heading")}</h2>
        {data.attendees.length ? (
          <ul>
            {data.attendees.map((a) => (
              <li key={a.id}>{a.organisation ? `${a.name} (${a.organisation})` : a.name}</li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t("minutes.attendees.empty")}</p>
        )}
      </section>
      <section className="wp-section" aria-labelledby="v-text">
        <h2 id="v-text">{t("minutes.textHeading")}</h2>
        {!isEmptyDoc(data.content) ? <ProseMirrorView doc={data.content} headingOffset={2} className="pm-view version-text" /> : <p className="empty">{t("history:version.emptyText")}</p>}
      </section>
      <section className="wp-section" aria-labelledby="v-decisions">
        <h2 id="v-decisions">{t("minutes.decisions.heading")}</h2>
        {data.decisions.length ? (
          <ol>
            {data.decisions.map((d) => (
              <li key={d.id}>{d.text}</li>
            ))}
          </ol>
        ) : (
          <p className="empty">{t("minutes.decisions.empty")}</p>
        )}
      </section>
      <section className="wp-section" aria-labelledby="v-actions">
        <h2 id="v-actions">{t("minutes.actions.heading")}</h2>
        {data.actions.length ? (
          <ul>
            {data.actions.map((a) => (
              <li key={a.id}>
                {a.title}
                {a.owner ? ` · ${t("minutes.actions.ownerIs", { owner: a.owner })}` : ""}
                {a.due ? ` · ${t("minutes.actions.dueOn", { date: formatDay(a.due, locale) })}` : ""}
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t("minutes.actions.empty")}</p>
        )}
      </section>
      <p>
        <Link to={paths.history}>{t("minutes.history.backToList")}</Link>
      </p>
    </div>
  );
}
