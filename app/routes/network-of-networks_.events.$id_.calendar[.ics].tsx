/**
 * /network-of-networks/events/:id/calendar.ics — the event as an iCalendar file.
 * Written once for every owner of events: app/lib/events.server.ts, app/components/events/.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { eventIcsLoader } from "~/lib/events.server";

export const loader = (args: LoaderFunctionArgs) => eventIcsLoader(args, "commons");
