/**
 * An event's minutes page: when and where, then the minutes co-written live (client-only
 * editor on /collab/minutes.<event id>, which checks access again by itself) with attendees,
 * decisions and action items; downloads and the version history. Turning an action item into
 * a work-programme activity posts to this page's action and says where the activity went.
 */
import { lazy, Suspense } from "react";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { minutesLoader } from "~/lib/minutes.server";
import { ClientOnly } from "~/editor/client-only";
import { formatEventRange } from "#shared/events/event-format";
import type { EventActionResult } from "./action-result";
import { PlaceTrail } from "./place-trail";
import type { MinutesContext } from "~/editor/minutes-parts.client";
import { DownloadLinks } from "../export-links";

const MinutesEditor = lazy(() => import("~/editor/minutes-editor.client"));

type Result = (EventActionResult & { activity?: { path: string; workProgramme: string } }) | undefined;

/** The answer to "turn into an activity", for the action item it was about (while that item is still there). */
function itemFeedback(result: Result): MinutesContext["feedback"] {
  const actionId = result?.values.actionId;
  if (!result || typeof actionId !== "string" || result.errors.form === "events:errors.minutes.actionNotFound") return null;
  if (result.ok && result.activity) return { actionId, ok: true, workProgramme: result.activity.workProgramme, path: result.activity.path };
  return result.errors.form ? { actionId, ok: false, message: result.errors.form } : null;
}

export function MinutesView() {
  const { t, i18n } = useTranslation("events");
  const data = useLoaderData<typeof minutesLoader>();
  const result = useActionData() as Result;
  const { event, minutes, rights } = data;
  const feedback = itemFeedback(result);
  const loading = (
    <p className="wp-loading" role="status">
      {t("workprogramme:page.loading")}
    </p>
  );
  return (
    <div className="page page--wide minutes-page">
      <PlaceTrail place={data.place} event={event} />
      <h1>{t("minutes.title", { title: event.title })}</h1>
      <p className="muted">{formatEventRange(event.startsAt, event.endsAt, event.timeZone, data.locale)}</p>
      {/* What became of "turn into an activity" is said beside the item; here only when the item is gone or the form was broken. */}
      {result && !result.ok && !feedback ? (
        <p role="alert" className="alert alert--error">
          {t(result.errors.form ?? "events:errors.invalid")}
        </p>
      ) : null}
      {minutes.frozen ? <p className="alert alert--info">{t("minutes.frozenNote")}</p> : !rights.edit ? <p className="alert alert--info">{t("minutes.readOnlyNote")}</p> : null}
      <DownloadLinks exportPath={`${minutes.path}/export`}>
        <Link to={`${minutes.path}/history`}>{t("history:links.history")}</Link>
        <Link to={`${minutes.path}/languages`}>{t("languages:link")}</Link>
      </DownloadLinks>
      <ClientOnly fallback={loading}>
        <Suspense fallback={loading}>
          <MinutesEditor
            docName={minutes.docName}
            canEdit={rights.edit}
            archived={minutes.frozen}
            user={data.user}
            locale={i18n.language}
            commentsUrl={`${minutes.path}/comments`}
            glossary={data.glossary}
            labels={{ text: t("minutes.editorLabel"), accessRevoked: t("minutes.accessRevoked"), documentTooLarge: t("minutes.documentTooLarge") }}
            context={{ activities: data.activities, workProgrammes: data.workProgrammes, attendance: data.attendance, feedback }}
          />
        </Suspense>
      </ClientOnly>
      <p>
        <Link to={`${data.place.basePath}/${event.id}`}>{t("minutes.backToEvent")}</Link>
      </p>
    </div>
  );
}
