/**
 * The person's calendar (/events): everything they may see, as a list of what comes or as a
 * month, and the private feed (/calendar/:token/events.ics) calendar programs subscribe to.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { visibleEvents, monthRange } from "#server/domain/events/calendar";

export { upcomingEvents } from "#server/domain/events/calendar";
import { feedCalendar, feedStatus, reminderSetting, renewFeed, revokeFeed, saveReminderSetting } from "#server/domain/events/feeds";
import { reminderSettingForm } from "#shared/validation/event-forms";
import { localMonth } from "#shared/events/event-time";
import { notFound, requireAuth } from "./guards.server";

export async function calendarLoader({ request, context }: LoaderFunctionArgs) {
  const auth = requireAuth(request, context);
  const url = new URL(request.url);
  const view = url.searchParams.get("view") === "month" ? "month" : "list";
  const now = new Date().toISOString();
  const month = url.searchParams.get("month") ?? localMonth(now, "Europe/Berlin");
  const range = view === "month" ? monthRange(month) : null;
  if (view === "month" && !range) notFound();
  const entries = await visibleEvents(context.services, auth.actor, range ? { from: range.from, until: range.until, drafts: true, statuses: ["published", "cancelled", "held"] } : { from: now, limit: 100 });
  return { view, month, events: entries.map(({ row: _row, ...entry }) => entry) };
}

export async function feedLoader({ params, context }: LoaderFunctionArgs) {
  const body = await feedCalendar(context.services, params.token ?? "");
  // A revoked, wrong or malformed token: the same 404 as any unknown address, nothing more.
  if (body === null) notFound();
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Cache-Control": "private, no-cache",
      // The address is the secret: keep it out of referrers and search engines.
      "Referrer-Policy": "no-referrer",
      "X-Robots-Tag": "noindex",
    },
  });
}

/** The calendar part of the account page: the feed's state and the reminder setting. */
export async function calendarSettings(services: LoaderFunctionArgs["context"]["services"], userId: string) {
  return { feed: await feedStatus(services, userId), reminderHours: await reminderSetting(services, userId) };
}

/** The account page's calendar forms; null when the form is not one of them. */
export async function calendarSettingsAction(services: LoaderFunctionArgs["context"]["services"], userId: string, form: FormData) {
  const intent = form.get("intent");
  if (intent === "feedRenew") return { ok: true as const, done: "feedRenew" as const, feedUrl: (await renewFeed(services, userId)).url };
  if (intent === "feedRevoke") {
    await revokeFeed(services, userId);
    return { ok: true as const, done: "feedRevoke" as const, feedUrl: null };
  }
  if (intent === "reminders") {
    const parsed = reminderSettingForm.safeParse({ reminderHours: form.get("reminderHours") });
    if (!parsed.success) throw new Response("Bad Request", { status: 400 });
    const hours = parsed.data.reminderHours === "off" ? null : Number(parsed.data.reminderHours);
    await saveReminderSetting(services, userId, hours);
    return { ok: true as const, done: "reminders" as const, feedUrl: null };
  }
  return null;
}
