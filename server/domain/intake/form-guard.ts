/**
 * Keeping bots out of the public form without a third-party captcha (no request may leave
 * the platform, and a captcha would send visitors' data elsewhere):
 *
 * - a honeypot: a field people never see nor fill (hidden from eyes and screen readers);
 *   a form with it filled is answered like a success and stored nowhere, so the bot learns nothing;
 * - a minimum fill time: the page carries a stamp of when it was shown, signed with a
 *   secret every instance shares (platform_settings), so a bot cannot backdate it; a form
 *   sent sooner, or with a stamp older than two days, is refused with a message, the values
 *   kept, and a fresh stamp;
 * - rate limits per address (the contact's e-mail) and per IP, counted in the database like
 *   login attempts, so every instance counts the same.
 */
import crypto from "node:crypto";
import type { Services } from "#server/services";
import { settleSetting } from "#db/queries/interest";
import { normaliseEmail } from "#db/queries/users";
import { countAttempt, exhaustedLimits } from "../auth/throttle";
import { HOUR, nowIso } from "#shared/time";

export { HONEYPOT_FIELD, STAMP_FIELD } from "#shared/validation/interest-forms";

export const MAX_SUBMISSIONS_PER_IP_PER_HOUR = 5;
export const MAX_SUBMISSIONS_PER_ADDRESS_PER_DAY = 3;

const SECRET_KEY = "intake.formSecret";

let cachedSecret: { db: unknown; value: string } | null = null;

/** The signing secret: made once by whichever instance needs it first, then shared through the database. */
async function secret(services: Services): Promise<string> {
  if (cachedSecret?.db === services.db) return cachedSecret.value;
  const value = await settleSetting(services.db, SECRET_KEY, crypto.randomBytes(32).toString("base64url"), nowIso());
  cachedSecret = { db: services.db, value };
  return value;
}

const sign = (key: string, at: number) => crypto.createHmac("sha256", key).update(`interest-form:${at}`).digest("base64url");

/** The stamp a rendered form carries: when it was shown, and the signature. */
export async function formStamp(services: Services, now = Date.now()): Promise<string> {
  return `${now}.${sign(await secret(services), now)}`;
}

/** "expired": the page was open longer than anyone fills a form; a bot replaying an old stamp ends here too. */
export type StampVerdict = "ok" | "tooFast" | "expired" | "invalid";

const MAX_CLOCK_SKEW_MS = 60_000;
export const MAX_STAMP_AGE_MS = 48 * HOUR;

/** Pure, for tests: does the stamp say the form was shown at least `minSeconds` before `now`? */
export function judgeStamp(stamp: unknown, key: string, minSeconds: number, now: number): StampVerdict {
  if (typeof stamp !== "string") return "invalid";
  const match = /^(\d{10,16})\.([A-Za-z0-9_-]{43})$/.exec(stamp);
  if (!match) return "invalid";
  const at = Number(match[1]);
  const expected = sign(key, at);
  if (!crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(match[2]!))) return "invalid";
  // Instances' clocks may differ a little: a stamp up to a minute ahead is genuine, shown "now".
  if (at > now + MAX_CLOCK_SKEW_MS) return "invalid";
  const shownFor = Math.max(0, now - at);
  if (shownFor > MAX_STAMP_AGE_MS) return "expired";
  return shownFor >= minSeconds * 1000 ? "ok" : "tooFast";
}

export async function checkStamp(services: Services, stamp: unknown, now = Date.now()): Promise<StampVerdict> {
  return judgeStamp(stamp, await secret(services), services.config.intakeMinFillSeconds, now);
}

export const honeypotFilled = (value: unknown) => typeof value === "string" && value.trim().length > 0;

/** True when this address or this IP has sent enough today; otherwise counts this attempt. */
export async function overRateLimit(services: Services, email: string, ip: string): Promise<boolean> {
  const ipKey = `interest:ip:${ip}`;
  // Hashed: the throttle table outlives a withdrawal and must not keep the address.
  const addressKey = `interest:address:${crypto.createHash("sha256").update(normaliseEmail(email)).digest("hex")}`;
  const [ipFull, addressFull] = await Promise.all([
    exhaustedLimits(services.db, [{ key: ipKey, max: MAX_SUBMISSIONS_PER_IP_PER_HOUR }], HOUR),
    exhaustedLimits(services.db, [{ key: addressKey, max: MAX_SUBMISSIONS_PER_ADDRESS_PER_DAY }], 24 * HOUR),
  ]);
  if (ipFull.length > 0 || addressFull.length > 0) return true;
  await countAttempt(services.db, [ipKey, addressKey]);
  return false;
}
