/**
 * /calendar/:token/events.ics — a person's private calendar feed, for calendar programs
 * (no login: the token is the key). A revoked, wrong or malformed token answers 404.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { feedLoader } from "~/lib/calendar.server";

export const loader = (args: LoaderFunctionArgs) => feedLoader(args);
