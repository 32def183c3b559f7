/**
 * /network-of-networks/events — the events: upcoming or past, planning a new one.
 * Written once for every owner of events: app/lib/events.server.ts, app/components/events/.
 */
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { eventsListLoader } from "~/lib/events.server";
import { EventsHomeView } from "~/components/events/events-home-view";
import { pageMeta } from "~/lib/meta";
import stylesheet from "~/components/events/events.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];
export const meta = pageMeta("events:home.title");

export const loader = (args: LoaderFunctionArgs) => eventsListLoader(args, "commons");

export default EventsHomeView;
