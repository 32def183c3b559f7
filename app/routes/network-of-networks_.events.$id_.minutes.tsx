/**
 * /network-of-networks/events/:id/minutes — the event's minutes, co-written live: text, attendees, decisions, action items.
 * Written once for every owner of events: app/lib/minutes.server.ts, app/components/events/.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { minutesAction, minutesLoader } from "~/lib/minutes.server";
import { MinutesView } from "~/components/events/minutes-view";
import { pageMeta } from "~/lib/meta";
import stylesheet from "~/components/events/events.css?url";
import glossaryStyles from "~/components/glossary/glossary-marks.css?url";
import { keepOpenEditor } from "~/lib/editor-revalidation";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "stylesheet", href: glossaryStyles },
];
export const meta = pageMeta<{ event: { title: string } }>((t, data) => t("events:minutes.title", { title: data.event.title }));

export const shouldRevalidate = keepOpenEditor;

export const loader = (args: LoaderFunctionArgs) => minutesLoader(args, "commons");
export const action = (args: ActionFunctionArgs) => minutesAction(args, "commons");

export default MinutesView;
