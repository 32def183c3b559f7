/**
 * iCalendar files: one event's `.ics` download and a person's feed. Drafts never reach a
 * calendar file; a cancelled event stays in the feed, marked cancelled, so subscribed
 * calendars remove or strike it rather than keep a stale entry.
 */
import type { Services } from "#server/services";
import type { EventRow } from "#db/schema";
import type { Actor } from "#shared/policy";
import { buildCalendar, type CalendarEventInput } from "./ical";
import { eventPathOf } from "./event-notices";
import { visibleEvents } from "./calendar";

/** How far back a feed reaches: calendar programs keep older entries themselves. */
const FEED_PAST_DAYS = 365;

function host(services: Services): string {
  return new URL(services.config.publicUrl).host;
}

function calendarInput(row: EventRow, url: string): CalendarEventInput {
  const place = [row.venue, row.address, row.city, row.country].filter((p) => p.trim() !== "").join(", ");
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    url,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    timeZone: row.time_zone,
    location: place || null,
    onlineUrl: row.online_url,
    status: row.status,
    sequence: row.sequence,
    updatedAt: row.updated_at,
    createdAt: row.created_at,
  };
}

/** One event as a calendar file (the caller checked the person may see it and that it is no draft). */
export async function eventCalendarFile(services: Services, row: EventRow): Promise<string> {
  const url = `${services.config.publicUrl}${await eventPathOf(services, row)}`;
  return buildCalendar([calendarInput(row, url)], { name: row.title, host: host(services) });
}

/** Every event the person may see (no drafts), from a year ago on. */
export async function calendarFile(services: Services, actor: Actor, options: { name: string }): Promise<string> {
  const from = new Date(Date.now() - FEED_PAST_DAYS * 86_400_000).toISOString();
  const entries = await visibleEvents(services, actor, { from });
  return buildCalendar(
    entries.map((entry) => calendarInput(entry.row, `${services.config.publicUrl}${entry.path}`)),
    { name: options.name, host: host(services) },
  );
}

