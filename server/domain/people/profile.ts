import type { Services } from "#server/services";
import type { Locale } from "#shared/i18n/config";
import { updateUser } from "#db/queries/users";
import { listSessionsOfUser } from "#db/queries/sessions";
import { nowIso } from "#shared/time";

/** Remembers the language a person chose; mails and pages follow it from now on. */
export async function setPreferredLocale(services: Services, userId: string, locale: Locale): Promise<void> {
  await updateUser(services.db, userId, { locale, updated_at: nowIso() });
}

export async function updateOwnProfile(services: Services, userId: string, input: { name: string; locale: Locale }) {
  await updateUser(services.db, userId, { name: input.name, locale: input.locale, updated_at: nowIso() });
}

/** The person's sessions for the account page; the current one is marked, tokens never leave. */
export async function sessionsOverview(services: Services, userId: string, currentSessionId: string) {
  const sessions = await listSessionsOfUser(services.db, userId);
  return sessions.map((s) => ({
    createdAt: s.created_at,
    lastSeenAt: s.last_seen_at,
    userAgent: s.user_agent,
    current: s.id === currentSessionId,
  }));
}
