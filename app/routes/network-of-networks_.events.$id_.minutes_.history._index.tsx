/**
 * /network-of-networks/events/:id/minutes/history — every stored version of the event's minutes, newest first.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { minutesHistoryLoader } from "~/lib/minutes.server";
import { MinutesHistoryView } from "~/components/events/minutes-history-views";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta<{ event: { title: string } }>((t, data) => `${t("history:list.title")} · ${data.event.title}`);

export const loader = (args: LoaderFunctionArgs) => minutesHistoryLoader(args, "commons");

export default MinutesHistoryView;
