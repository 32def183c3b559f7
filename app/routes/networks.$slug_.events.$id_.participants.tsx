/**
 * /networks/:slug/events/:id/participants — organisers see participants with their needs and tick attendance.
 * Written once for every owner of events: app/lib/events.server.ts, app/components/events/.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { participantsLoader, participantsAction } from "~/lib/events.server";
import { ParticipantsView } from "~/components/events/participants-view";
import { pageMeta } from "~/lib/meta";
import stylesheet from "~/components/events/events.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];
export const meta = pageMeta("events:participants.title");

export const loader = (args: LoaderFunctionArgs) => participantsLoader(args, "network");
export const action = (args: ActionFunctionArgs) => participantsAction(args, "network");

export default ParticipantsView;
