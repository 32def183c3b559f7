/**
 * /networks/:slug/events/costs — the organisers' cost overview by year.
 * Written once for every owner of events: app/lib/events.server.ts, app/components/events/.
 */
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { costOverviewLoader } from "~/lib/events.server";
import { CostOverviewView } from "~/components/events/costs-views";
import { pageMeta } from "~/lib/meta";
import stylesheet from "~/components/events/events.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];
export const meta = pageMeta("events:overview.title");

export const loader = (args: LoaderFunctionArgs) => costOverviewLoader(args, "network");

export default CostOverviewView;
