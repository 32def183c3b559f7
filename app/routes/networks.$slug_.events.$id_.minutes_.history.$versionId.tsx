/**
 * /networks/:slug/events/:id/minutes/history/:versionId — one stored version of the minutes, read-only. A version
 * of another document, or an unknown one, is 404.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { minutesVersionLoader } from "~/lib/minutes.server";
import { MinutesVersionView } from "~/components/events/minutes-history-views";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta<{ title: string; event: { title: string } }>((_t, data) => `${data.title} · ${data.event.title}`);

export const loader = (args: LoaderFunctionArgs) => minutesVersionLoader(args, "network");

export default MinutesVersionView;
