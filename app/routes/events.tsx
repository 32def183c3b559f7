/**
 * /events — the person's calendar: every event they may see in their networks and the
 * network of networks, as a list of what comes or as a month.
 */
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { calendarLoader } from "~/lib/calendar.server";
import { CalendarView } from "~/components/events/calendar-view";
import { pageMeta } from "~/lib/meta";
import stylesheet from "~/components/events/events.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];
export const meta = pageMeta("events:calendar.title");

export const loader = (args: LoaderFunctionArgs) => calendarLoader(args);

export default CalendarView;
