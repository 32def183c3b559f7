/**
 * Login with throttling per account and per IP. The answer never says whether an account
 * exists: wrong e-mail and wrong password look the same, and throttling counts attempts on
 * unknown addresses too.
 */
import type { Services } from "#server/services";
import type { User } from "#db/schema";
import { findUserByEmail, normaliseEmail } from "#db/queries/users";
import { deleteSession } from "#db/queries/sessions";
import { verifyPassword } from "./passwords";
import { createSession } from "./sessions";
import { hashToken } from "./tokens";
import { countAttempt, exhaustedLimits, forgetAttempts } from "./throttle";
import { recordAudit } from "../audit/record";
import { MINUTE } from "#shared/time";

export const THROTTLE_WINDOW_MS = 15 * MINUTE;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 30;

export type LoginResult =
  | { ok: true; token: string; user: User }
  | { ok: false; reason: "invalid" | "throttled" };

export async function login(
  services: Services,
  input: { email: string; password: string; ip: string; userAgent: string; previousToken?: string | undefined },
): Promise<LoginResult> {
  const { db } = services;
  const email = normaliseEmail(input.email);
  const accountKey = `login:account:${email}`;
  const ipKey = `login:ip:${input.ip}`;

  const exhausted = await exhaustedLimits(
    db,
    [
      { key: accountKey, max: MAX_FAILURES_PER_ACCOUNT },
      { key: ipKey, max: MAX_FAILURES_PER_IP },
    ],
    THROTTLE_WINDOW_MS,
  );
  if (exhausted.length > 0) {
    await recordAudit(db, { actorId: null, action: "login.throttled", ip: input.ip, details: { email } });
    return { ok: false, reason: "throttled" };
  }

  const user = await findUserByEmail(db, email);
  const passwordOk = await verifyPassword(input.password, user?.password_hash ?? null);
  if (!user || !passwordOk || user.disabled_at) {
    await countAttempt(db, [accountKey, ipKey]);
    await recordAudit(db, { actorId: user?.id ?? null, action: "login.failed", ip: input.ip, details: { email } });
    return { ok: false, reason: "invalid" };
  }

  await forgetAttempts(db, accountKey);
  // Rotate: whatever session the browser carried before is gone, a fresh one is issued.
  if (input.previousToken) await deleteSession(db, hashToken(input.previousToken));
  const { token } = await createSession(services, user.id, { ip: input.ip, userAgent: input.userAgent });
  await recordAudit(db, { actorId: user.id, action: "login.succeeded", ip: input.ip });
  return { ok: true, token, user };
}
