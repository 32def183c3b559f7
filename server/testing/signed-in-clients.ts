/**
 * One signed-in TestClient per role, each a new user built from its spec: the set-up most
 * HTTP tests of a feature start with ("a member of A, a member of B, an observer …").
 */
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { buildUser, type UserOptions } from "./factories";
import { TestClient } from "./http-client";

export async function signedInClients<Role extends string>(server: { url: string; db(): Kysely<Database> }, specs: Record<Role, UserOptions>): Promise<Record<Role, TestClient>> {
  const clients = {} as Record<Role, TestClient>;
  for (const [role, spec] of Object.entries(specs) as Array<[Role, UserOptions]>) {
    const user = await buildUser(server.db(), spec);
    clients[role] = new TestClient(server.url);
    await clients[role].login(user.email, user.password);
  }
  return clients;
}
