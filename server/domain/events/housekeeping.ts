/**
 * The event chores: reminders every minute, and once an hour the needs of events that ended
 * longer ago than EVENT_NEEDS_RETENTION_DAYS are deleted. Both are safe when several
 * instances run them at once (a reminder is claimed by one conditional update; deleting
 * needs twice deletes nothing more).
 */
import type { Services } from "#server/services";
import { purgeNeeds } from "#db/queries/event-registrations";
import { nowIso } from "#shared/time";
import { sendDueReminders } from "./reminders";

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

export async function purgeExpiredNeeds(services: Services, now = Date.now()): Promise<number> {
  return purgeNeeds(services.db, new Date(now - services.config.eventNeedsRetentionDays * DAY_MS).toISOString(), nowIso());
}

/** Starts the chores; returns the stop function. Failures are logged, never thrown. */
export function scheduleEventChores(services: Services): () => void {
  const fail = (what: string) => (error: unknown) => services.log.error(`[events] ${what} failed`, error);
  const reminders = setInterval(() => void sendDueReminders(services).catch(fail("reminders")), MINUTE_MS);
  const needs = setInterval(() => void purgeExpiredNeeds(services).catch(fail("deleting needs")), 60 * MINUTE_MS);
  reminders.unref();
  needs.unref();
  return () => {
    clearInterval(reminders);
    clearInterval(needs);
  };
}
