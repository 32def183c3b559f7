/**
 * /network-of-networks/events/:id/costs — organisers record planned and actual costs.
 * Written once for every owner of events: app/lib/events.server.ts, app/components/events/.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { costsLoader, costsAction } from "~/lib/events.server";
import { CostsView } from "~/components/events/costs-views";
import { pageMeta } from "~/lib/meta";
import stylesheet from "~/components/events/events.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];
export const meta = pageMeta("events:costs.title");

export const loader = (args: LoaderFunctionArgs) => costsLoader(args, "commons");
export const action = (args: ActionFunctionArgs) => costsAction(args, "commons");

export default CostsView;
