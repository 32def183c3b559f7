/**
 * Events as iCalendar (RFC 5545): one file serves both a subscribed feed and a single download.
 * Times carry the event's TZID with its VTIMEZONE, so a 10:00 event stays at 10:00 across clock changes
 * in every calendar program, and SEQUENCE tells them which copy of a changed event is newer.
 */
import { TZDate } from "@date-fns/tz";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { escape, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { EventStatus, EventTimeZone } from "#shared/events/event-vocabulary";

export interface CalendarEventInput {
  /** Our id; the UID is `${id}@${host}`. */
  id: string;
  title: string;
  /** Plain text. */
  description: string;
  /** Absolute URL of the event's page. */
  url: string;
  startsAt: string;
  endsAt: string;
  timeZone: EventTimeZone;
  /** Venue, address, city and country, joined by the caller. */
  location: string | null;
  onlineUrl: string | null;
  /** Callers never pass drafts. */
  status: EventStatus;
  /** Increases on every change of time, place or status. */
  sequence: number;
  /** DTSTAMP and LAST-MODIFIED. */
  updatedAt: string;
  createdAt: string;
}

const REFRESH_SECONDS = 60 * 60;

function descriptionOf(event: CalendarEventInput): string {
  if (!event.onlineUrl) return event.description;
  const link = `Online: ${event.onlineUrl}`;
  return event.description ? `${event.description}\n\n${link}` : link;
}

export function buildCalendar(events: CalendarEventInput[], options: { name: string; host: string }): string {
  const calendar = ical({
    prodId: "//ConnActions//Events//EN",
    method: ICalCalendarMethod.PUBLISH,
    // ical-generator writes the calendar name as it is, unlike event texts.
    name: escape(options.name, false),
    ttl: REFRESH_SECONDS,
    // Only the generator, no calendar-wide zone name: with one, ical-generator would write
    // DTSTAMP, CREATED and LAST-MODIFIED as local times without their Z. The generator adds one
    // VTIMEZONE per zone the events use.
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  for (const event of events) {
    calendar.createEvent({
      id: `${event.id}@${options.host}`,
      sequence: event.sequence,
      stamp: new Date(event.updatedAt),
      lastModified: new Date(event.updatedAt),
      created: new Date(event.createdAt),
      timezone: event.timeZone,
      // A plain Date would be written with the server's own clock; a TZDate is read in its zone.
      start: new TZDate(event.startsAt, event.timeZone),
      end: new TZDate(event.endsAt, event.timeZone),
      summary: event.title,
      description: descriptionOf(event),
      location: event.location || event.onlineUrl || null,
      url: event.url,
      status: event.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  // RFC 5545 ends every line, the last one too, with CRLF; ical-generator leaves the last one open.
  return `${calendar.toString()}\r\n`;
}
