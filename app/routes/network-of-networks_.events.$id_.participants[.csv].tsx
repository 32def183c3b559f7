/**
 * /network-of-networks/events/:id/participants.csv — the participants list as CSV, for organisers.
 * Written once for every owner of events: app/lib/events.server.ts, app/components/events/.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { participantsCsvLoader } from "~/lib/events.server";

export const loader = (args: LoaderFunctionArgs) => participantsCsvLoader(args, "commons");
