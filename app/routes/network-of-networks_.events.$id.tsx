/**
 * /network-of-networks/events/:id — an event: details, agenda with interpreting, registration.
 * Written once for every owner of events: app/lib/events.server.ts, app/components/events/.
 * Commons events also carry the invitation of the groups staying in touch after the intake
 * (shown to organisers and the project team only; intent "inviteStayingInTouch").
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { eventLoader, eventAction } from "~/lib/events.server";
import { EventView } from "~/components/events/event-view";
import { StayInTouchSection } from "~/components/events/stay-in-touch-section";
import { pageMeta } from "~/lib/meta";
import stylesheet from "~/components/events/events.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];
export const meta = pageMeta<{ event: { title: string } }>((_t, data) => data.event.title);

export const loader = (args: LoaderFunctionArgs) => eventLoader(args, "commons");
export const action = (args: ActionFunctionArgs) => eventAction(args, "commons");

export default function CommonsEventPage() {
  return (
    <>
      <EventView />
      <StayInTouchSection />
    </>
  );
}
