/**
 * The recommendation pages over real HTTP and the collab endpoint with the stock
 * y-websocket client, on SQLite and PostgreSQL: who sees the list and the page, who gets
 * which forms, refusals as translated messages that change nothing and keep what was typed,
 * members of two networks co-editing and converging, an observer's updates dropped, and a
 * submitted recommendation refusing every edit (forms over HTTP; updates of a connected
 * editor over the socket), its stored text equal to the named version made at submission.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { useTestServer } from "#server/testing/use-test-server";
import { TestClient } from "#server/testing/http-client";
import { buildNetwork, buildRecommendation, buildUser, uniq } from "#server/testing/factories";
import { eventually, openDoc, type DocClient } from "#server/testing/collab-client";
import { findAnswer, findRecommendation, listEndorsements, listSupports } from "#db/queries/recommendations";
import { findVersion } from "#db/queries/versions";
import { deriveContent } from "#server/collab/derive";
import { COLLAB_CLOSE } from "#shared/collab/protocol";
import { anchorInText } from "#shared/collab/anchors";
import en from "../../../locales/en/recommendations.json";
import de from "../../../locales/de/recommendations.json";

const ROLES = ["anonymous", "nobody", "memberA", "coordinatorA", "memberB", "observer", "moderator", "admin"] as const;
type Role = (typeof ROLES)[number];

const server = useTestServer();
const db = () => server.services.db;
let netA: Awaited<ReturnType<typeof buildNetwork>>;
let netB: Awaited<ReturnType<typeof buildNetwork>>;
const clients = {} as Record<Role, TestClient>;
const users = {} as Record<Exclude<Role, "anonymous">, { id: string }>;
const open: DocClient[] = [];

beforeAll(async () => {
  netA = await buildNetwork(db());
  netB = await buildNetwork(db());
  const specs: Record<Exclude<Role, "anonymous">, Parameters<typeof buildUser>[1]> = {
    nobody: {},
    memberA: { memberships: [{ networkId: netA.id, role: "member" }] },
    coordinatorA: { memberships: [{ networkId: netA.id, role: "coordinator" }] },
    memberB: { memberships: [{ networkId: netB.id, role: "member" }] },
    observer: { platformRoles: ["observer"] },
    moderator: { platformRoles: ["moderator"] },
    admin: { platformRoles: ["admin"] },
  };
  clients.anonymous = new TestClient(server.url);
  for (const [role, spec] of Object.entries(specs) as Array<[Exclude<Role, "anonymous">, Parameters<typeof buildUser>[1]]>) {
    const user = await buildUser(db(), spec);
    users[role] = user;
    clients[role] = new TestClient(server.url);
    await clients[role].login(user.email, user.password);
  }
});

afterAll(() => {
  for (const c of open) c.destroy();
});

const track = (c: DocClient) => {
  open.push(c);
  return c;
};
const pagePath = (id: string) => `/network-of-networks/recommendations/${id}`;
const LIST = "/network-of-networks/recommendations";
/** Who is in the network of networks: members of any network, moderators, observers, admins. */
const sees: Record<Role, number> = { anonymous: 302, nobody: 403, memberA: 200, coordinatorA: 200, memberB: 200, observer: 200, moderator: 200, admin: 200 };
const stored = async (id: string) => JSON.stringify([await findRecommendation(db(), id), await listEndorsements(db(), id), await listSupports(db(), id), (await findAnswer(db(), id)) ?? null]);
/** React escapes apostrophes and quotes in text; compare against the escaped form. */
const html = (text: string) => text.replace(/&/g, "&amp;").replace(/'/g, "&#x27;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

describe(`recommendation pages (${process.env.TEST_DATABASE})`, () => {
  it.each(ROLES)("GET the list as %s", async (role) => {
    const rec = await buildRecommendation(db(), { title: uniq("Listed recommendation"), stage: "consultation" });
    const response = await clients[role].get(LIST);
    expect(response.status).toBe(sees[role]);
    if (response.status !== 200) return expect(response.body).not.toContain(rec.id);
    expect(response.body).toContain(rec.id);
    expect(response.body).toContain(en.stages.consultation);
    // Starting one is for members of an open network.
    expect(response.body.includes(en.list.createHeading), role).toBe(["memberA", "coordinatorA", "memberB"].includes(role));
  });

  it.each(ROLES)("GET a recommendation as %s, with the forms that role may use", async (role) => {
    const rec = await buildRecommendation(db(), { title: uniq("Shown recommendation"), stage: "consultation", createdBy: users.memberA.id });
    const response = await clients[role].get(pagePath(rec.id));
    expect(response.status).toBe(sees[role]);
    if (response.status !== 200) return;
    expect(response.body).toContain(`recommendation.${rec.id}`);
    expect(response.body).toContain(en.page.loading);
    expect(response.body).toContain(netA.name);
    expect(response.body).not.toContain(netA.canary);
    expect(response.body.includes(html(en.endorsements.formHeading.replace("{{network}}", netA.name))), role).toBe(role === "coordinatorA");
    expect(response.body.includes(en.moderation.heading), role).toBe(role === "moderator" || role === "admin");
    expect(response.body.includes(en.supports.add), role).toBe(["memberA", "coordinatorA", "memberB"].includes(role));
    expect(response.body.includes(en.page.readOnlyNote), role).toBe(["observer", "moderator", "admin"].includes(role));
  });

  it("answers 404 for unknown or malformed ids", async () => {
    for (const path of [pagePath("no-such-recommendation"), pagePath("..%2Fx"), `${pagePath("nope")}/comments`, `${pagePath("nope")}/history`]) {
      expect((await clients.memberA.get(path)).status, path).toBe(404);
    }
  });

  it("starts a recommendation for members; others get a translated refusal and nothing is stored", async () => {
    const title = uniq("Neue Empfehlung");
    const created = await clients.memberB.post(LIST, { intent: "create", title });
    expect(created.status).toBe(302);
    const id = created.location?.split("/").pop() ?? "";
    expect((await findRecommendation(db(), id))?.title).toBe(title);

    const refused = await clients.observer.post(LIST, { intent: "create", title: "Vom Beirat" });
    expect(refused.status).toBe(403);
    expect(refused.body).toContain(html(en.errors.forbidden));
    expect(refused.body).toContain("Vom Beirat");
    const empty = await clients.memberA.post(LIST, { intent: "create", title: "   " });
    expect(empty.status).toBe(400);
  });

  it("endorses over HTTP for coordinators only; wrong role and overlong statements change nothing and keep the text", async () => {
    const rec = await buildRecommendation(db(), { stage: "consultation" });
    const before = await stored(rec.id);
    const asMember = await clients.memberA.post(pagePath(rec.id), { intent: "endorse", networkId: netA.id, statement: "Als Mitglied" });
    expect(asMember.status).toBe(403);
    expect(asMember.body).toContain(html(en.errors.forbidden));
    const tooLong = "x".repeat(2001);
    const overlong = await clients.coordinatorA.post(pagePath(rec.id), { intent: "endorse", networkId: netA.id, statement: tooLong });
    expect(overlong.status).toBe(400);
    expect(overlong.body).toContain(tooLong);
    expect(await stored(rec.id)).toBe(before);

    const ok = await clients.coordinatorA.post(pagePath(rec.id), { intent: "endorse", networkId: netA.id, statement: "Wir tragen das mit." });
    expect(ok.status).toBe(200);
    expect(ok.body).toContain(html(en.done.endorsed));
    expect(ok.body).toContain("Wir tragen das mit.");
    const twice = await clients.coordinatorA.post(pagePath(rec.id), { intent: "endorse", networkId: netA.id, statement: "" });
    expect(twice.status).toBe(409);
    expect(twice.body).toContain(html(en.errors.alreadyEndorsed));
    expect(await listEndorsements(db(), rec.id)).toHaveLength(1);
  });

  it("answers refusals in the reader's language and keeps what was typed", async () => {
    const rec = await buildRecommendation(db(), { stage: "submitted" });
    const before = await stored(rec.id);
    const invalidAnswer = await clients.observer.post(pagePath(rec.id), { intent: "answer", verdict: "maybe", body: "Unser Votum" });
    expect(invalidAnswer.status).toBe(400);
    expect(invalidAnswer.body).toContain("Unser Votum");
    const german = await buildUser(db(), { memberships: [{ networkId: netA.id, role: "member" }], locale: "de" });
    const client = new TestClient(server.url);
    await client.login(german.email, german.password);
    const refused = await client.post(pagePath(rec.id), { intent: "answer", verdict: "accepted", body: "Als Mitglied" });
    expect(refused.status).toBe(403);
    expect(refused.body).toContain(html(de.errors.forbidden));
    expect(await stored(rec.id)).toBe(before);
  });

  it("a submitted recommendation refuses every change over HTTP and says it is frozen", async () => {
    const rec = await buildRecommendation(db(), { stage: "submitted" });
    const before = await stored(rec.id);
    const page = await clients.memberA.get(pagePath(rec.id));
    expect(page.body).toContain(html(en.page.frozenNote.split("{{date}}")[0]!));
    expect(page.body).not.toContain(en.evidence.change);
    const attempts: Array<[Role, Record<string, string>]> = [
      ["memberA", { intent: "cite" }],
      ["coordinatorA", { intent: "endorse", networkId: netA.id, statement: "" }],
      ["coordinatorA", { intent: "withdraw", networkId: netA.id }],
      ["memberA", { intent: "support" }],
      ["moderator", { intent: "setThreshold", threshold: "2" }],
      ["moderator", { intent: "openConsultation" }],
      ["moderator", { intent: "submit" }],
    ];
    for (const [role, fields] of attempts) {
      const response = await clients[role].post(pagePath(rec.id), fields);
      expect(response.status, `${role} ${fields.intent}`).toBe(409);
      expect(response.body).toContain(html(en.errors.wrongStage));
    }
    expect(await stored(rec.id)).toBe(before);
  });
});

describe(`a recommendation's comments, history and exports (${process.env.TEST_DATABASE})`, () => {
  it("everyone in the commons comments, also on a submitted text; history lists and shows the submitted version; exports are files", async () => {
    const rec = await buildRecommendation(db(), { stage: "endorsed", createdBy: users.memberA.id });
    await server.server.collab.change(rec.docName, users.memberA.id, (doc) => doc.getXmlFragment("content").insert(0, [new Y.XmlText("Text zur Vorlage")]));
    expect((await clients.moderator.post(pagePath(rec.id), { intent: "submit" })).status).toBe(200);
    const versionId = (await findRecommendation(db(), rec.id))?.submitted_version_id ?? "";

    const scratch = new Y.Doc();
    const passage = new Y.XmlText("Text zur Vorlage");
    scratch.getXmlFragment("content").insert(0, [passage]);
    const anchor = anchorInText(passage, 0, 4);
    const thread = await clients.observer.post(`${pagePath(rec.id)}/comments`, { intent: "startThread", anchorStart: anchor.start, anchorEnd: anchor.end, quote: "Text", body: "Frage des Begleitgremiums" });
    expect(thread.status).toBe(200);
    const threads = await clients.memberB.get(`${pagePath(rec.id)}/comments`);
    expect(threads.status).toBe(200);
    expect(threads.body).toContain("Frage des Begleitgremiums");
    expect((await clients.nobody.get(`${pagePath(rec.id)}/comments`)).status).toBe(403);

    const history = await clients.memberB.get(`${pagePath(rec.id)}/history`);
    expect(history.status).toBe(200);
    expect(history.body).toContain(versionId);
    expect(history.body).toContain(html(en.history.submittedBadge));
    const version = await clients.observer.get(`${pagePath(rec.id)}/history/${versionId}`);
    expect(version.status).toBe(200);
    expect(version.body).toContain("Text zur Vorlage");
    expect((await clients.observer.get(`${pagePath(rec.id)}/history/not-a-version`)).status).toBe(404);

    const docx = await clients.memberB.get(`${pagePath(rec.id)}/export/docx`);
    expect(docx.status).toBe(200);
    expect(docx.headers.get("content-type")).toContain("wordprocessingml");
    const pdf = await clients.observer.get(`${pagePath(rec.id)}/export/pdf?version=${versionId}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toContain("pdf");
    expect((await clients.observer.get(`${pagePath(rec.id)}/export/odt`)).status).toBe(404);
  });
});

describe(`recommendation editing over the collab socket (${process.env.TEST_DATABASE})`, () => {
  const text = (c: DocClient) => c.doc.getText("t").toString();
  const typeInto = (c: DocClient, value: string) => c.doc.getXmlFragment("content").insert(0, [new Y.XmlText(value)]);
  const serverText = async (docName: string) => {
    const doc = await server.server.collab.read(docName);
    try {
      return deriveContent(doc, "content").text;
    } finally {
      doc.destroy();
    }
  };
  const storedText = async (docName: string) => {
    const doc = new Y.Doc();
    try {
      await server.server.collab.store.loadInto(docName, doc);
      return deriveContent(doc, "content").text;
    } finally {
      doc.destroy();
    }
  };

  it("lets members of two networks co-edit and converge; an observer's updates are dropped", async () => {
    const rec = await buildRecommendation(db(), { stage: "draft", createdBy: users.memberA.id });
    const a = track(openDoc(server.url, clients.memberA, rec.docName));
    const b = track(openDoc(server.url, clients.memberB, rec.docName));
    await Promise.all([a.synced, b.synced]);
    a.doc.getText("t").insert(0, "Aus Augsburg. ");
    b.doc.getText("t").insert(0, "Da Modena. ");
    await eventually(() => text(a) === text(b) && text(a).length === "Aus Augsburg. Da Modena. ".length, 5000, "convergence");
    typeInto(a, "Gemeinsamer Text");
    await eventually(async () => (await storedText(rec.docName)).includes("Gemeinsamer Text"), 5000, "stored");

    const o = track(openDoc(server.url, clients.observer, rec.docName));
    await o.synced;
    expect(text(o)).toBe(text(a));
    const before = await storedText(rec.docName);
    typeInto(o, "OBSERVER WAS HERE ");
    o.doc.getText("t").insert(0, "OBSERVER ");
    await new Promise((r) => setTimeout(r, 500));
    expect(await serverText(rec.docName)).toBe(before);
    expect(await storedText(rec.docName)).toBe(before);
    expect(text(a)).not.toContain("OBSERVER");
  });

  it("after submission drops a connected editor's updates; the stored text equals the named version", async () => {
    const rec = await buildRecommendation(db(), { stage: "endorsed", createdBy: users.memberA.id });
    const a = track(openDoc(server.url, clients.memberA, rec.docName));
    await a.synced;
    typeInto(a, "Vorgelegter Text. ");
    await eventually(async () => (await storedText(rec.docName)).includes("Vorgelegter Text."), 5000, "stored before submission");

    const closed = a.nextClose();
    const submitted = await clients.moderator.post(pagePath(rec.id), { intent: "submit" });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toContain(html(en.done.submitted));
    // The editor's write connection is closed with "access changed"; it comes back read-only.
    expect(await closed).toBe(COLLAB_CLOSE.accessChanged);
    await eventually(() => a.provider.wsconnected && a.provider.synced, 5000, "reconnected");

    typeInto(a, "NACH DER VORLAGE ");
    a.doc.getText("t").insert(0, "NACHHER ");
    await new Promise((r) => setTimeout(r, 500));
    const row = await findRecommendation(db(), rec.id);
    expect(row?.stage).toBe("submitted");
    const version = await findVersion(db(), row?.submitted_version_id ?? "");
    expect(version?.kind).toBe("named");
    expect(await serverText(rec.docName)).toBe(version?.text);
    expect(await storedText(rec.docName)).toBe(version?.text);
    expect(version?.text).toContain("Vorgelegter Text.");
    expect(version?.text).not.toContain("NACH");

    // A new connection is read-only too: its updates are dropped as well.
    const late = track(openDoc(server.url, clients.memberB, rec.docName));
    await late.synced;
    typeInto(late, "SPÄTER ");
    await new Promise((r) => setTimeout(r, 400));
    expect(await storedText(rec.docName)).toBe(version?.text);
  });
});
