/**
 * Server-side sessions. The cookie holds a random token; the table holds its hash.
 * A session ends when idle for SESSION_IDLE_MINUTES or SESSION_ABSOLUTE_HOURS after login,
 * whichever comes first.
 */
import type { Services } from "#server/services";
import type { Session, User } from "#db/schema";
import type { Actor } from "#shared/policy";
import { deleteSession, deleteSessionsOfUser, findSession, insertSession, touchSession } from "#db/queries/sessions";
import { findUserById } from "#db/queries/users";
import { hashToken, newToken } from "./tokens";
import { loadActor } from "./actor";
import { HOUR, MINUTE, isoPlus } from "#shared/time";
import { recordAudit } from "../audit/record";

export const SESSION_COOKIE = "ca_session";
/** Writing last_seen on every request would turn reads into writes; a minute is precise enough. */
const TOUCH_EVERY_MS = MINUTE;

export interface Authenticated {
  session: Session;
  user: User;
  actor: Actor;
}

export async function createSession(
  services: Services,
  userId: string,
  meta: { ip: string; userAgent: string },
): Promise<{ token: string; session: Session }> {
  const token = newToken();
  const now = new Date();
  const session: Session = {
    id: hashToken(token),
    user_id: userId,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: isoPlus(services.config.sessionAbsoluteHours * HOUR, now),
    user_agent: meta.userAgent.slice(0, 300),
    ip: meta.ip,
  };
  await insertSession(services.db, session);
  return { token, session };
}

/** Neither past its absolute expiry nor idle for longer than allowed. */
export function sessionIsLive(services: Services, session: Session, now = Date.now()): boolean {
  const idleLimit = services.config.sessionIdleMinutes * MINUTE;
  return Date.parse(session.expires_at) > now && Date.parse(session.last_seen_at) + idleLimit > now;
}

export async function authenticateToken(services: Services, token: string | undefined): Promise<Authenticated | null> {
  if (!token || token.length > 100) return null;
  const session = await findSession(services.db, hashToken(token));
  if (!session) return null;
  const now = Date.now();
  if (!sessionIsLive(services, session, now)) {
    await deleteSession(services.db, session.id);
    return null;
  }
  const user = await findUserById(services.db, session.user_id);
  if (!user || user.disabled_at) return null;
  if (now - Date.parse(session.last_seen_at) > TOUCH_EVERY_MS) {
    const at = new Date(now).toISOString();
    await touchSession(services.db, session.id, at);
    session.last_seen_at = at;
  }
  const actor = await loadActor(services.db, user.id);
  return { session, user, actor };
}

export async function endSession(services: Services, auth: Authenticated, ip: string): Promise<void> {
  await deleteSession(services.db, auth.session.id);
  services.events.emit("sessions.revoked", { sessionIds: [auth.session.id], userId: auth.user.id });
  await recordAudit(services.db, { actorId: auth.user.id, action: "logout", ip });
}

/** "Log out my other sessions": every session of this person except the current one. */
export async function endOtherSessions(services: Services, auth: Authenticated, ip: string): Promise<number> {
  const ids = await deleteSessionsOfUser(services.db, auth.user.id, auth.session.id);
  if (ids.length > 0) services.events.emit("sessions.revoked", { sessionIds: ids, userId: auth.user.id });
  await recordAudit(services.db, {
    actorId: auth.user.id,
    action: "sessions.revoked_others",
    ip,
    details: { count: ids.length },
  });
  return ids.length;
}

/** For long-lived connections: is this session still valid and its person still enabled? */
export async function sessionStillValid(services: Services, sessionId: string): Promise<boolean> {
  const session = await findSession(services.db, sessionId);
  if (!session || !sessionIsLive(services, session)) return false;
  const user = await findUserById(services.db, session.user_id);
  return Boolean(user && !user.disabled_at);
}

/** Ends every session of a person (password reset, account disabled). */
export async function endAllSessionsOf(services: Services, userId: string): Promise<void> {
  const ids = await deleteSessionsOfUser(services.db, userId);
  if (ids.length > 0) services.events.emit("sessions.revoked", { sessionIds: ids, userId });
}
