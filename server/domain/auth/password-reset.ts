/**
 * Password reset by e-mail. Requesting a reset answers the same whether or not the
 * address has an account. Links are one-time, expire, and a successful reset ends every
 * session of that person (whoever knew the old password is logged out).
 */
import type { Services } from "#server/services";
import { findUserByEmail, findUserById, normaliseEmail, updateUser } from "#db/queries/users";
import {
  findPasswordResetByTokenHash,
  insertPasswordReset,
  invalidateOpenResetsOfUser,
  markPasswordResetUsed,
} from "#db/queries/password-resets";
import { hashPassword } from "./passwords";
import { hashToken, newId, newToken } from "./tokens";
import { endAllSessionsOf } from "./sessions";
import { recordAudit } from "../audit/record";
import { composeMail } from "#server/mail/compose";
import { countAttempt, exhaustedLimits } from "./throttle";
import { HOUR, MINUTE, isoPlus, nowIso } from "#shared/time";

export type OneTimeLinkState = "valid" | "expired" | "used" | "invalid";

/** A person gets at most this many reset mails an hour, however often someone asks. */
export const MAX_RESET_MAILS_PER_ACCOUNT = 3;
export const RESET_ACCOUNT_WINDOW_MS = HOUR;
/** One address asking for many accounts is told to wait. */
export const MAX_RESET_REQUESTS_PER_IP = 10;
export const RESET_IP_WINDOW_MS = 15 * MINUTE;

/**
 * "throttled" only when this IP asked too often, which says nothing about any account. An
 * account that already got its mails is skipped silently: the answer stays "if the address
 * has an account, a mail is on its way", so nobody learns whether it exists, and nobody can
 * flood a colleague's inbox.
 */
export async function requestPasswordReset(services: Services, email: string, ip: string): Promise<"accepted" | "throttled"> {
  const { db } = services;
  const ipKey = `reset:ip:${ip}`;
  const accountKey = `reset:account:${normaliseEmail(email)}`;
  if ((await exhaustedLimits(db, [{ key: ipKey, max: MAX_RESET_REQUESTS_PER_IP }], RESET_IP_WINDOW_MS)).length > 0) {
    await recordAudit(db, { actorId: null, action: "password.reset_throttled", ip, details: { email, by: "ip" } });
    return "throttled";
  }
  await countAttempt(db, [ipKey]);
  const user = await findUserByEmail(db, email);
  if (!user || user.disabled_at) return "accepted";
  if ((await exhaustedLimits(db, [{ key: accountKey, max: MAX_RESET_MAILS_PER_ACCOUNT }], RESET_ACCOUNT_WINDOW_MS)).length > 0) {
    await recordAudit(db, { actorId: user.id, action: "password.reset_throttled", ip, details: { by: "account" } });
    return "accepted";
  }
  await countAttempt(db, [accountKey]);
  const token = newToken();
  const at = nowIso();
  await invalidateOpenResetsOfUser(services.db, user.id, at);
  await insertPasswordReset(services.db, {
    id: newId(),
    token_hash: hashToken(token),
    user_id: user.id,
    created_at: at,
    expires_at: isoPlus(services.config.passwordResetValidMinutes * MINUTE),
    used_at: null,
  });
  const link = `${services.config.publicUrl}/reset-password/${token}`;
  await services.mailer.send(
    composeMail("passwordReset", user.email, user.locale, {
      name: user.name,
      link,
      minutes: services.config.passwordResetValidMinutes,
    }),
  );
  await recordAudit(services.db, { actorId: user.id, action: "password.reset_requested", ip });
  return "accepted";
}

export async function inspectResetToken(services: Services, token: string): Promise<OneTimeLinkState> {
  const reset = await findPasswordResetByTokenHash(services.db, hashToken(token));
  if (!reset) return "invalid";
  if (reset.used_at) return "used";
  if (Date.parse(reset.expires_at) <= Date.now()) return "expired";
  return "valid";
}

export async function resetPassword(
  services: Services,
  token: string,
  newPassword: string,
  ip: string,
): Promise<{ state: OneTimeLinkState; userId?: string }> {
  const reset = await findPasswordResetByTokenHash(services.db, hashToken(token));
  if (!reset) return { state: "invalid" };
  if (reset.used_at) return { state: "used" };
  if (Date.parse(reset.expires_at) <= Date.now()) return { state: "expired" };
  const passwordHash = await hashPassword(newPassword);
  const claimed = await services.db.transaction().execute(async (trx) => {
    // The conditional update is the lock: of two concurrent submits only one wins.
    if (!(await markPasswordResetUsed(trx, reset.id, nowIso()))) return false;
    await updateUser(trx, reset.user_id, { password_hash: passwordHash, updated_at: nowIso() });
    return true;
  });
  if (!claimed) return { state: "used" };
  await endAllSessionsOf(services, reset.user_id);
  await recordAudit(services.db, { actorId: reset.user_id, action: "password.reset_completed", ip });
  const user = await findUserById(services.db, reset.user_id);
  return { state: "valid", userId: user?.id };
}
