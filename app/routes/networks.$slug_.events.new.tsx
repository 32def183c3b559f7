/**
 * /networks/:slug/events/new — planning a new event (a draft until published).
 * Written once for every owner of events: app/lib/events.server.ts, app/components/events/.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { newEventLoader, newEventAction } from "~/lib/events.server";
import { NewEventView } from "~/components/events/event-edit-views";
import { pageMeta } from "~/lib/meta";
import stylesheet from "~/components/events/events.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];
export const meta = pageMeta("events:new.title");

export const loader = (args: LoaderFunctionArgs) => newEventLoader(args, "network");
export const action = (args: ActionFunctionArgs) => newEventAction(args, "network");

export default NewEventView;
