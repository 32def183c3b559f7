/**
 * The findings and good-practice pages over real HTTP, as a browser without JavaScript uses
 * them: posting a finding (refusals keep what was typed and change nothing), the text shown
 * as paragraphs and lists and never as markup, commenting with a mention, a closed
 * discussion refusing comments, a hidden comment's placeholder, filters in the address,
 * proposing and publishing good practice. Runs on SQLite and PostgreSQL.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useTestServer } from "#server/testing/use-test-server";
import type { TestClient } from "#server/testing/http-client";
import { loggedInUser } from "#server/testing/logged-in-user";
import { buildNetwork } from "#server/testing/factories";
import { listNotificationsOf } from "#db/queries/notifications";
import en from "../../../locales/en/commons.json";

const server = useTestServer();
const db = () => server.services.db;

let netA: Awaited<ReturnType<typeof buildNetwork>>;
let netB: Awaited<ReturnType<typeof buildNetwork>>;
let author: Awaited<ReturnType<typeof loggedInUser>>;
let memberB: Awaited<ReturnType<typeof loggedInUser>>;
let moderator: Awaited<ReturnType<typeof loggedInUser>>;
let observer: Awaited<ReturnType<typeof loggedInUser>>;

beforeAll(async () => {
  netA = await buildNetwork(db());
  netB = await buildNetwork(db());
  author = await loggedInUser(server, { memberships: [{ networkId: netA.id, role: "member" }], name: "Anna Autorin" });
  memberB = await loggedInUser(server, { memberships: [{ networkId: netB.id, role: "member" }], name: "Bruno Bianchi" });
  moderator = await loggedInUser(server, { platformRoles: ["moderator"] });
  observer = await loggedInUser(server, { platformRoles: ["observer"] });
});

const findingFields = (overrides: Record<string, string | string[]> = {}) => ({
  networkId: netA.id,
  title: "Feste Ansprechpersonen halten Betriebe",
  body: "Betriebe bleiben dabei.\n\n- zweimal im Jahr treffen\n- <script>alert(1)</script> gemeinsam planen",
  actionAreas: ["companyEngagement"],
  occupationalFields: ["logistics"],
  country: "both",
  webUrl: ["https://www.bibb.de/", ""],
  webLabel: ["BIBB", ""],
  ...overrides,
});

async function postViaForm(client: TestClient, overrides: Record<string, string | string[]> = {}) {
  const response = await client.post("/network-of-networks/findings/new", findingFields(overrides));
  expect(response.status, response.body.slice(0, 500)).toBe(302);
  const id = response.location?.split("/").pop();
  if (!id) throw new Error("no finding id");
  return id;
}

const findingPath = (id: string) => `/network-of-networks/findings/${id}`;
const countFindings = async () => Number((await db().selectFrom("findings").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
const commentBodies = async (id: string) =>
  (
    await db()
      .selectFrom("comments")
      .innerJoin("comment_threads", "comment_threads.id", "comments.thread_id")
      .select("comments.body")
      .where("comment_threads.doc_name", "=", `finding.${id}`)
      .orderBy("comments.created_at")
      .execute()
  ).map((c) => c.body);

describe(`findings pages (${process.env.TEST_DATABASE})`, () => {
  it("posts a finding from the form and shows it as paragraphs and a list, never as markup", async () => {
    const id = await postViaForm(author.client);
    const page = await memberB.client.get(findingPath(id));
    expect(page.status).toBe(200);
    expect(page.body).toContain("Feste Ansprechpersonen halten Betriebe");
    expect(page.body).toContain("<li>zweimal im Jahr treffen</li>");
    expect(page.body).not.toContain("<script>alert(1)</script>");
    expect(page.body).toContain("&lt;script&gt;alert(1)&lt;/script&gt; gemeinsam planen");
    expect(page.body).toContain('href="https://www.bibb.de/"');
    expect(page.body).toContain(netA.name);
    expect(page.body).not.toContain(netA.canary);
    // The observer reads it but is offered no way to edit it.
    const seenByObserver = await observer.client.get(findingPath(id));
    expect(seenByObserver.status).toBe(200);
    expect(seenByObserver.body).not.toContain(`${findingPath(id)}/edit`);
    expect((await author.client.get(findingPath(id))).body).toContain(`${findingPath(id)}/edit`);
  });

  it("lets the author edit from the form; the network stays and others are refused", async () => {
    const id = await postViaForm(author.client);
    const edit = `${findingPath(id)}/edit`;
    const form = await author.client.get(edit);
    expect(form.status).toBe(200);
    expect(form.body).toContain("Feste Ansprechpersonen halten Betriebe");
    expect((await memberB.client.post(edit, findingFields({ title: "Übernommen" }))).status).toBe(403);
    // A network id sent along is ignored: the finding keeps speaking for its own network.
    const saved = await author.client.post(edit, findingFields({ networkId: netB.id, title: "Überarbeitete Erkenntnis", actionAreas: ["cooperation"] }));
    expect(saved.status).toBe(302);
    const row = await db().selectFrom("findings").select(["title", "network_id", "action_areas"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toEqual({ title: "Überarbeitete Erkenntnis", network_id: netA.id, action_areas: '["cooperation"]' });
    const refused = await author.client.post(edit, findingFields({ title: "", actionAreas: [] }));
    expect(refused.status).toBe(400);
    expect((await db().selectFrom("findings").select("title").where("id", "=", id).executeTakeFirstOrThrow()).title).toBe("Überarbeitete Erkenntnis");
  });

  it("keeps what was typed after a refusal and stores nothing", async () => {
    const before = await countFindings();
    const invalid = await author.client.post("/network-of-networks/findings/new", findingFields({ actionAreas: [], title: "Mein getippter Titel", webUrl: ["ftp://example.org"], webLabel: [""] }));
    expect(invalid.status).toBe(400);
    expect(invalid.body).toContain("Mein getippter Titel");
    expect(invalid.body).toContain(en.findings.errors.actionAreaRequired);
    expect(invalid.body).toContain(en.findings.errors.webUrl);

    const notMine = await author.client.post("/network-of-networks/findings/new", findingFields({ networkId: netB.id, title: "Für ein fremdes Netzwerk" }));
    expect(notMine.status).toBe(403);
    expect(notMine.body).toContain(en.findings.errors.forbidden);
    expect(notMine.body).toContain("Für ein fremdes Netzwerk");

    const unpublished = await author.client.post("/network-of-networks/findings/new", findingFields({ goodPractices: ["no-such-entry"] }));
    expect(unpublished.status).toBe(400);
    expect(unpublished.body).toContain(en.findings.errors.goodPracticeNotCitable);

    expect((await observer.client.post("/network-of-networks/findings/new", findingFields())).status).toBe(403);
    expect(await countFindings()).toBe(before);
  });

  it("lets someone of another network comment with a mention, without JavaScript", async () => {
    const id = await postViaForm(author.client);
    const response = await memberB.client.post(findingPath(id), { intent: "comment", body: "Wie viele Betriebe machen mit?", mentions: [author.user.id] });
    expect(response.status).toBe(200);
    expect(response.body).toContain(en.findings.page.done.commented);
    expect(response.body).toContain("Wie viele Betriebe machen mit?");
    const mentions = (await listNotificationsOf(db(), author.user.id)).filter((n) => n.kind === "mention" && n.link.startsWith(findingPath(id)));
    expect(mentions).toHaveLength(1);

    const thread = await db().selectFrom("comment_threads").select("id").where("doc_name", "=", `finding.${id}`).executeTakeFirstOrThrow();
    const replied = await author.client.post(findingPath(id), { intent: "reply", threadId: thread.id, body: "Zwölf." });
    expect(replied.status).toBe(200);
    expect(await commentBodies(id)).toEqual(["Wie viele Betriebe machen mit?", "Zwölf."]);

    const empty = await author.client.post(findingPath(id), { intent: "reply", threadId: thread.id, body: "   " });
    expect(empty.status).toBe(400);
    expect((await author.client.post(findingPath(id), { intent: "explode" })).status).toBe(400);
    expect((await author.client.post(findingPath(id), { intent: "comment", body: "ohne Token" }, { csrf: null })).status).toBe(403);
    expect(await commentBodies(id)).toEqual(["Wie viele Betriebe machen mit?", "Zwölf."]);
  });

  it("refuses comments once a moderator closed the discussion, and shows the reason to all", async () => {
    const id = await postViaForm(author.client);
    expect((await memberB.client.post(findingPath(id), { intent: "closeDiscussion", reason: "Nicht meine Aufgabe" })).status).toBe(403);
    const closed = await moderator.client.post(findingPath(id), { intent: "closeDiscussion", reason: "In Empfehlung 3 übernommen" });
    expect(closed.status).toBe(200);
    const refused = await memberB.client.post(findingPath(id), { intent: "comment", body: "Noch ein Gedanke" });
    expect(refused.status).toBe(409);
    expect(refused.body).toContain(en.findings.errors.closed);
    expect(await commentBodies(id)).toEqual([]);
    const page = await observer.client.get(findingPath(id));
    expect(page.body).toContain("In Empfehlung 3 übernommen");
    expect(page.body).not.toContain('name="intent" value="comment"');
  });

  it("shows a hidden comment as a placeholder with the moderator's reason", async () => {
    const id = await postViaForm(author.client);
    await memberB.client.post(findingPath(id), { intent: "comment", body: "Kauft mein Produkt" });
    const comment = await db()
      .selectFrom("comments")
      .innerJoin("comment_threads", "comment_threads.id", "comments.thread_id")
      .select("comments.id")
      .where("comment_threads.doc_name", "=", `finding.${id}`)
      .executeTakeFirstOrThrow();
    expect((await author.client.post(findingPath(id), { intent: "hideComment", commentId: comment.id, reason: "Werbung" })).status).toBe(403);
    expect((await moderator.client.post(findingPath(id), { intent: "hideComment", commentId: comment.id, reason: "" })).status).toBe(400);
    expect((await moderator.client.post(findingPath(id), { intent: "hideComment", commentId: comment.id, reason: "Werbung" })).status).toBe(200);
    const page = await author.client.get(findingPath(id));
    expect(page.body).toContain("Hidden by a moderator: Werbung");
    expect(page.body).not.toContain("Kauft mein Produkt");
    expect(await commentBodies(id)).toEqual(["Kauft mein Produkt"]);
  });

  it("filters and pins in the list", async () => {
    const first = await postViaForm(author.client, { title: "Erste Erkenntnis für Filter", actionAreas: ["cooperation"] });
    await postViaForm(author.client, { title: "Zweite Erkenntnis für Filter", actionAreas: ["smallEnterprises"] });
    const filtered = await memberB.client.get(`/network-of-networks/findings?network=${netA.id}&actionArea=cooperation`);
    expect(filtered.status).toBe(200);
    expect(filtered.body).toContain("Erste Erkenntnis für Filter");
    expect(filtered.body).not.toContain("Zweite Erkenntnis für Filter");
    expect((await memberB.client.get("/network-of-networks/findings?sort=%3Cscript%3E&country=XX&page=-3")).status).toBe(200);
    expect((await moderator.client.post(findingPath(first), { intent: "pin" })).status).toBe(200);
    const list = await memberB.client.get(`/network-of-networks/findings?network=${netA.id}`);
    expect(list.body.indexOf("Erste Erkenntnis für Filter")).toBeLessThan(list.body.indexOf("Zweite Erkenntnis für Filter"));
    expect(list.body).toContain(en.findings.badges.pinned);
  });

  it("lets a member propose good practice and a moderator publish it", async () => {
    const proposed = await author.client.post("/network-of-networks/good-practice/new", {
      title: "Lernortverbund Hafen",
      summary: "Schule und Betriebe planen Lernaufgaben gemeinsam.",
      occupationalField: "logistics",
      country: "DE",
      partners: "Hafenbetrieb, Berufsschule",
      themeCluster: "learningVenues",
      link: "https://example.org/hafen",
    });
    expect(proposed.status).toBe(302);
    const path = proposed.location!;
    expect((await author.client.get(path)).status).toBe(200);
    expect((await memberB.client.get(path)).status).toBe(404);
    const bad = await author.client.post("/network-of-networks/good-practice/new", { title: "Mit falschem Link", summary: "x", country: "DE", link: "javascript:alert(1)" });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain("Mit falschem Link");

    const id = path.split("/").pop()!;
    expect((await memberB.client.post("/network-of-networks/good-practice", { intent: "publish", id })).status).toBe(404);
    expect((await moderator.client.post("/network-of-networks/good-practice", { intent: "publish", id })).status).toBe(200);
    const seen = await memberB.client.get(path);
    expect(seen.status).toBe(200);
    expect(seen.body).toContain("Lernortverbund Hafen");
    expect((await memberB.client.get(`${path}/edit`)).status).toBe(403);
    expect((await moderator.client.get(`${path}/edit`)).status).toBe(200);
  });
});
