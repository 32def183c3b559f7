/**
 * A fresh user with a logged-in, browser-like client. Most HTTP, socket and collab tests
 * start from "someone with these roles is logged in"; each file used to build that itself.
 */
import { buildUser, type UserOptions } from "./factories";
import { TestClient } from "./http-client";
import type { TestServer } from "./test-server";

export async function loggedInUser(server: Pick<TestServer, "url" | "services">, options: UserOptions = {}) {
  const user = await buildUser(server.services.db, options);
  const client = new TestClient(server.url);
  await client.login(user.email, user.password);
  return { user, client };
}
