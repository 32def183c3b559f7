/** People for tests that talk to a server over HTTP: created in the database, then signed in. */
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { buildUser } from "./factories";
import { TestClient } from "./http-client";

/** A signed-in TestClient for a new member of `networkId` (a new person on each call). */
export async function signedInMember(db: Kysely<Database>, baseUrl: string, networkId: string): Promise<TestClient> {
  const user = await buildUser(db, { memberships: [{ networkId, role: "member" }] });
  const client = new TestClient(baseUrl);
  await client.login(user.email, user.password);
  return client;
}
