/**
 * Each person's private calendar feed: a secret address calendar programs subscribe to,
 * listing every event the person may see. Only the token's hash is stored, so the address is
 * shown once, when made; making a new one revokes the old, and a revoked or wrong token is
 * simply not found.
 */
import type { Services } from "#server/services";
import { deleteFeedToken, findFeed, replaceFeedToken, userOfFeedToken } from "#db/queries/calendar-feeds";
import { findUserById, updateUser } from "#db/queries/users";
import { loadActor } from "../auth/actor";
import { hashToken, newToken } from "../auth/tokens";
import { nowIso } from "#shared/time";
import { calendarFile } from "./calendar-files";

export const feedPath = (token: string) => `/calendar/${token}/events.ics`;

/** A new feed address (the old one stops working); the token is returned only here. */
export async function renewFeed(services: Services, userId: string): Promise<{ url: string }> {
  const token = newToken();
  await replaceFeedToken(services.db, userId, hashToken(token), nowIso());
  return { url: `${services.config.publicUrl}${feedPath(token)}` };
}

export async function revokeFeed(services: Services, userId: string): Promise<void> {
  await deleteFeedToken(services.db, userId);
}

export async function feedStatus(services: Services, userId: string): Promise<{ since: string } | null> {
  const feed = await findFeed(services.db, userId);
  return feed ? { since: feed.created_at } : null;
}

/** The feed's iCalendar text, or null for a token that is malformed, revoked or unknown. */
export async function feedCalendar(services: Services, token: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const userId = await userOfFeedToken(services.db, hashToken(token));
  if (!userId) return null;
  const actor = await loadActor(services.db, userId);
  return calendarFile(services, actor, { name: "ConnActions" });
}

/** Hours before an event to mail a reminder (null: none), as the person chose. */
export async function reminderSetting(services: Services, userId: string): Promise<number | null> {
  return (await findUserById(services.db, userId))?.event_reminder_hours ?? null;
}

export async function saveReminderSetting(services: Services, userId: string, hours: number | null): Promise<void> {
  await updateUser(services.db, userId, { event_reminder_hours: hours, updated_at: nowIso() });
}
