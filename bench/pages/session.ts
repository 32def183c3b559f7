/**
 * A session for the demo coordinator, written straight into the seeded database (the
 * server keeps only the token's hash, so the bench keeps the token). wrk sends it as a
 * cookie on every request; logging in through the form is the browser suites' job.
 */
import path from "node:path";
import { openDatabase } from "#db/connection";
import { insertSession } from "#db/queries/sessions";
import { hashToken, newToken } from "#server/domain/auth/tokens";
import { SESSION_COOKIE } from "#server/domain/auth/sessions";

export async function sessionCookie(dataDir: string, email: string): Promise<string> {
  const handle = openDatabase({ sqlitePath: path.join(dataDir, "connactions.sqlite") });
  try {
    const user = await handle.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
    if (!user) throw new Error(`no demo person ${email} in the seeded database`);
    const token = newToken();
    const now = new Date();
    await insertSession(handle.db, {
      id: hashToken(token),
      user_id: user.id,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + 24 * 3600_000).toISOString(),
      user_agent: "bench/pages",
      ip: "127.0.0.1",
    });
    return `${SESSION_COOKIE}=${token}`;
  } finally {
    await handle.close();
  }
}
