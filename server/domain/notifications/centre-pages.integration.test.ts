/**
 * The notification centre over real HTTP: /notifications shows the caller's own
 * notifications only (translated kind, actor, document, excerpt, unread marked in words),
 * opening one marks it read and goes to its page, "mark all as read" clears the count
 * (nobody else's), the header carries the unread count for every page, and the e-mail
 * choices on /account are saved. Runs on SQLite and PostgreSQL.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useTestServer } from "#server/testing/use-test-server";
import { TestClient } from "#server/testing/http-client";
import { loggedInUser } from "#server/testing/logged-in-user";
import { buildNetwork, buildUser } from "#server/testing/factories";
import { notify, type NotificationInput } from "./notify";
import { NOTIFICATIONS_PER_PAGE, emailChoices, notificationCentre, unreadCount } from "./centre";
import { NOTIFICATION_KINDS } from "#shared/notifications";
import en from "../../../locales/en/notifications.json";
import de from "../../../locales/de/notifications.json";

const server = useTestServer();
let network: Awaited<ReturnType<typeof buildNetwork>>;
type Person = Awaited<ReturnType<typeof buildUser>> & { client: TestClient; name: string };
let alice: Person;
let bob: Person;
let carla: Person;

async function person(name: string, locale: "en" | "de" = "en"): Promise<Person> {
  const { user, client } = await loggedInUser(server, { name, locale, memberships: [{ networkId: network.id, role: "member" }] });
  return { ...user, client, name };
}

const input = (recipient: Person, actor: Person, overrides: Partial<NotificationInput> = {}): NotificationInput => ({
  recipientId: recipient.id,
  kind: "mention",
  actorId: actor.id,
  networkId: network.id,
  docName: null,
  title: "Work programme 2026",
  excerpt: "Please check the budget",
  link: "/dashboard",
  ...overrides,
});

beforeAll(async () => {
  network = await buildNetwork(server.services.db);
  alice = await person("Alice Anders");
  bob = await person("Bob Berger");
  carla = await person("Carla Conti", "de");
});

/** Which e-mail checkboxes the account page renders checked. */
const checkedKinds = (body: string) =>
  [...body.matchAll(/<input[^>]*name="email"[^>]*>/g)].filter((m) => m[0].includes("checked")).map((m) => /value="(\w+)"/.exec(m[0])?.[1]);
const ids = (body: string) => [...body.matchAll(/data-notification-id="([^"]+)"/g)].map((m) => m[1]);

describe(`notification centre pages (${process.env.TEST_DATABASE})`, () => {
  it("asks anonymous visitors to log in", async () => {
    const response = await new TestClient(server.url).get("/notifications");
    expect(response.status).toBe(302);
    expect(response.location).toBe("/login?redirectTo=%2Fnotifications");
  });

  it("shows an empty state", async () => {
    const response = await carla.client.get("/notifications");
    expect(response.status).toBe(200);
    expect(response.body).toContain(de.page.empty);
  });

  it("shows only the caller's own notifications, with kind, actor, document, excerpt and unread state", async () => {
    await notify(server.services, [
      input(alice, bob, { excerpt: "ALICE-MENTION please check" }),
      input(alice, bob, { kind: "reply", excerpt: "ALICE-REPLY agreed" }),
      input(alice, bob, { kind: "version", excerpt: "sent to the board", title: "Programme X", link: "/networks/x/work-programmes/y/history/z" }),
      input(bob, alice, { excerpt: "BOB-ONLY secret" }),
    ]);
    const response = await alice.client.get("/notifications");
    expect(response.status).toBe(200);
    expect(response.body).toContain("ALICE-MENTION please check");
    expect(response.body).toContain("ALICE-REPLY agreed");
    expect(response.body).not.toContain("BOB-ONLY");
    for (const kind of ["mention", "reply", "version"] as const) expect(response.body).toContain(en.kinds[kind]);
    expect(response.body).toContain("Bob Berger mentioned you in “Work programme 2026”");
    expect(response.body).toContain("Bob Berger created the named version “sent to the board” of “Programme X”");
    expect(response.body).toContain(en.page.unread);
    expect(ids(response.body)).toHaveLength(3);
    const { items } = await notificationCentre(server.services, alice.id);
    expect(ids(response.body)).toEqual(items.map((n) => n.id));
  });

  it("puts the unread count into the header of every page, in words for screen readers", async () => {
    const count = await unreadCount(server.services, alice.id);
    expect(count).toBe(3);
    for (const path of ["/dashboard", "/account", "/notifications"]) {
      const response = await alice.client.get(path);
      expect(response.body).toMatch(/<a[^>]*href="\/notifications"[^>]*>/);
      expect(response.body).toContain(`, ${count} unread</span>`);
    }
    // In the reader's language.
    await notify(server.services, [input(carla, bob)]);
    const german = await carla.client.get("/dashboard");
    expect(german.body).toContain(`${de.nav.link}<span class="visually-hidden">, 1 ungelesen</span>`);
  });

  it("opening a notification marks it read and goes to its page; another person's id is a 404", async () => {
    const [own] = (await notificationCentre(server.services, alice.id)).items.filter((n) => n.excerpt === "ALICE-REPLY agreed");
    const [bobs] = (await notificationCentre(server.services, bob.id)).items;
    const foreign = await alice.client.post("/notifications", { intent: "open", id: bobs!.id });
    expect(foreign.status).toBe(404);
    expect((await notificationCentre(server.services, bob.id)).items[0]?.read).toBe(false);

    const before = await unreadCount(server.services, alice.id);
    const response = await alice.client.post("/notifications", { intent: "open", id: own!.id });
    expect(response.status).toBe(302);
    expect(response.location).toBe("/dashboard");
    expect(await unreadCount(server.services, alice.id)).toBe(before - 1);
    const page = await alice.client.get("/notifications");
    expect(page.body).toMatch(new RegExp(`notification--read" data-notification-id="${own!.id}"`));
  });

  it("shows fifty to a page with a link to older ones, which can still be opened", async () => {
    const dora = await person("Dora Dietrich");
    await notify(server.services, Array.from({ length: NOTIFICATIONS_PER_PAGE + 5 }, (_, i) => input(dora, alice, { excerpt: `PAGED-${i}` })));
    const first = await dora.client.get("/notifications");
    expect(ids(first.body)).toHaveLength(NOTIFICATIONS_PER_PAGE);
    expect(first.body).toContain('href="/notifications?page=2"');
    expect(first.body).toContain("Older entries");

    const second = await dora.client.get("/notifications?page=2");
    const older = ids(second.body);
    expect(older).toHaveLength(5);
    expect(older.filter((id) => ids(first.body).includes(id))).toEqual([]);
    expect(second.body).toContain('href="/notifications"');
    expect(second.body).not.toContain("?page=3");

    // One from the second page opens like any other.
    const opened = await dora.client.post("/notifications", { intent: "open", id: older[0]! });
    expect(opened.status).toBe(302);
    expect(await unreadCount(server.services, dora.id)).toBe(NOTIFICATIONS_PER_PAGE + 4);

    const beyond = await dora.client.get("/notifications?page=9");
    expect(beyond.status).toBe(200);
    expect(beyond.body).toContain("There are no entries on this page.");
  });

  it("'mark all as read' clears the caller's count and nobody else's", async () => {
    const bobBefore = await unreadCount(server.services, bob.id);
    expect(bobBefore).toBeGreaterThan(0);
    const response = await alice.client.post("/notifications", { intent: "readAll" });
    expect(response.status).toBe(200);
    expect(response.body).toContain(en.page.allMarked);
    expect(await unreadCount(server.services, alice.id)).toBe(0);
    expect(await unreadCount(server.services, bob.id)).toBe(bobBefore);
    const dashboard = await alice.client.get("/dashboard");
    expect(dashboard.body).not.toContain(" unread</span>");
  });

  it("refuses forms without the CSRF token and unknown intents", async () => {
    await notify(server.services, [input(alice, bob, { excerpt: "still unread" })]);
    expect((await alice.client.post("/notifications", { intent: "readAll" }, { csrf: null })).status).toBe(403);
    expect((await alice.client.post("/notifications", { intent: "explode" })).status).toBe(400);
    expect(await unreadCount(server.services, alice.id)).toBe(1);
  });

  it("saves the e-mail choices on the account page", async () => {
    // Every kind (new kinds join the list) is mailed by default; only "mention" stays chosen below.
    const allOn = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, true]));
    const onlyMention = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, kind === "mention"]));
    expect(await emailChoices(server.services, bob.id)).toEqual(allOn);
    const page = await bob.client.get("/account");
    expect(page.body).toContain(en.email.heading);
    expect(checkedKinds(page.body)).toEqual([...NOTIFICATION_KINDS]);

    const response = await bob.client.post("/account", { intent: "emailChoices", email: ["mention", "bogus"] });
    expect(response.status).toBe(200);
    expect(response.body).toContain(en.email.saved);
    expect(await emailChoices(server.services, bob.id)).toEqual(onlyMention);
    // Somebody else's choices stay as they were.
    expect(await emailChoices(server.services, alice.id)).toEqual(allOn);
    const again = await bob.client.get("/account");
    expect(checkedKinds(again.body)).toEqual(["mention"]);

    expect((await bob.client.post("/account", { intent: "emailChoices", email: ["mention", "reply", "version"] }, { csrf: null })).status).toBe(403);
    expect(await emailChoices(server.services, bob.id)).toEqual(onlyMention);
  });
});
