/**
 * /network-of-networks/events/:id/edit — organisers change the event and its status.
 * Written once for every owner of events: app/lib/events.server.ts, app/components/events/.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { editEventLoader, editEventAction } from "~/lib/events.server";
import { EditEventView } from "~/components/events/event-edit-views";
import { pageMeta } from "~/lib/meta";
import stylesheet from "~/components/events/events.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];
export const meta = pageMeta("events:edit.pageTitle");

export const loader = (args: LoaderFunctionArgs) => editEventLoader(args, "commons");
export const action = (args: ActionFunctionArgs) => editEventAction(args, "commons");

export default EditEventView;
