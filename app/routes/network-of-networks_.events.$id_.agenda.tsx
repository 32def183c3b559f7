/**
 * /network-of-networks/events/:id/agenda — organisers plan sessions and mark interpreting booked.
 * Written once for every owner of events: app/lib/events.server.ts, app/components/events/.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { agendaLoader, agendaAction } from "~/lib/events.server";
import { AgendaView } from "~/components/events/agenda-view";
import { pageMeta } from "~/lib/meta";
import stylesheet from "~/components/events/events.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];
export const meta = pageMeta("events:agenda.manageTitle");

export const loader = (args: LoaderFunctionArgs) => agendaLoader(args, "commons");
export const action = (args: ActionFunctionArgs) => agendaAction(args, "commons");

export default AgendaView;
