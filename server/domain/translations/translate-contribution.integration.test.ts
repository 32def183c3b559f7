/**
 * "Show translation" of comments and findings, on SQLite and PostgreSQL, with the
 * LibreTranslate stand-in as the provider: a German comment for an Italian reader (accepted
 * glossary terms protected), refusals (same language, outsiders, no provider), a failing
 * provider that leaves nothing cached, the cache sparing the quota, and the /translate route
 * over HTTP (CSRF, invalid input, success).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { useTestServer } from "#server/testing/use-test-server";
import { buildNetwork, buildUser, buildWorkProgramme, findingInput } from "#server/testing/factories";
import { TestClient, type TestResponse } from "#server/testing/http-client";
import { loadActor } from "#server/domain/auth/actor";
import { resolveDocument } from "#server/documents/registry";
import { documentRefOf, startThread } from "#server/domain/comments/comments";
import { postFinding } from "#server/domain/commons/findings";
import { commentOnFinding } from "#server/domain/commons/findings-discussion";
import { proposeTerms } from "#server/domain/glossary/glossary";
import { listThreadsOfDocument } from "#db/queries/comments";
import { startLibreTranslateStandIn, type LibreTranslateStandIn } from "#server/translations/testing/libretranslate-stand-in";
import { LibreTranslateProvider } from "#server/translations/libretranslate-provider";
import { offersTranslation, translateContribution } from "./translate-contribution";
import it_ from "../../../locales/it/comments.json";

const server = useTestServer();
const db = () => server.services.db;
const actor = (id: string) => loadActor(db(), id);

type Person = Awaited<ReturnType<typeof buildUser>>;
let coordinator: Person;
let giulia: Person;
let outsider: Person;
let networkId: string;
let networkSlug: string;
let libre: LibreTranslateStandIn;

const GERMAN = "Die Industrie- und Handelskammer berät die Betriebe.\n\n- Termin mit der Berufsschule\n- Kosten für die Studienreise";
const ITALIAN = "Il calendario della visita è confermato con la scuola.";

/** A comment on a new work programme of the network; its id. */
async function commentOnProgramme(body: string): Promise<string> {
  const wp = await buildWorkProgramme(db(), networkId);
  const doc = await resolveDocument(server.services, wp.docName);
  const started = await startThread(server.services, await actor(coordinator.id), documentRefOf(doc!), { anchor: null, quote: "", body, mentions: [] });
  if (!started.ok) throw new Error(started.error);
  const { comments } = await listThreadsOfDocument(db(), wp.docName);
  return comments[0]!.id;
}

const translateRequests = () => libre.requests.filter((r) => r.path === "/translate");
/** A fresh provider object: an empty cache. */
const useLibre = () => (server.services.translator = new LibreTranslateProvider({ url: libre.url, timeoutMs: 1_000 }));

beforeAll(async () => {
  const network = await buildNetwork(db());
  networkId = network.id;
  networkSlug = network.slug;
  coordinator = await buildUser(db(), { memberships: [{ networkId, role: "coordinator" }], locale: "de", name: "Katrin Weber" });
  giulia = await buildUser(db(), { memberships: [{ networkId, role: "member" }], locale: "it", name: "Giulia Rossi" });
  outsider = await buildUser(db(), { memberships: [{ networkId: (await buildNetwork(db())).id, role: "member" }], locale: "it" });
  const moderator = await buildUser(db(), { platformRoles: ["moderator"] });
  const entry = (de: string, it: string, en: string) => ({ terms: { de, it, en }, definition: { de: "", it: "", en: "" }, note: { de: "", it: "", en: "" } });
  expect(await proposeTerms(server.services, await actor(moderator.id), [entry("Industrie- und Handelskammer", "Camera di commercio", "Chamber of Commerce and Industry")])).toMatchObject({ ok: true });
  libre = await startLibreTranslateStandIn();
});

afterAll(async () => {
  server.services.translator = null;
  await libre?.close();
});

beforeEach(() => {
  libre.fail(null);
  libre.requests.length = 0;
  useLibre();
});

describe(`translating comments and findings (${process.env.TEST_DATABASE})`, () => {
  it("translates a German comment for an Italian reader, glossary terms protected and put in, lists kept", async () => {
    const id = await commentOnProgramme(GERMAN);
    const result = await translateContribution(server.services, await actor(giulia.id), { kind: "comment", id, to: "it" });
    expect(result).toEqual({
      ok: true,
      from: "de",
      provider: "libretranslate",
      text: "[it] Die Camera di commercio berät die Betriebe.\n\n- [it] Termin mit der Berufsschule\n- [it] Kosten für die Studienreise",
    });
    const sent = translateRequests().map((r) => r.body as { q: string[]; source: string; target: string });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ source: "de", target: "it" });
    // Only the words: no blank lines, no list marks, and the glossary term did not go out to be translated.
    expect(sent[0]!.q).toHaveLength(3);
    expect(sent[0]!.q.join(" ")).not.toContain("Industrie- und Handelskammer");
  });

  it("refuses a comment already in the reader's language, and does not offer it", async () => {
    const id = await commentOnProgramme(ITALIAN);
    expect(await translateContribution(server.services, await actor(giulia.id), { kind: "comment", id, to: "it" })).toEqual({ ok: false, error: "sameLanguage" });
    expect(offersTranslation(server.services, ITALIAN, "it")).toBe(false);
    expect(offersTranslation(server.services, GERMAN, "it")).toBe(true);
    // A text with no telling words counts as the reader's language.
    expect(offersTranslation(server.services, "OK!", "it")).toBe(false);
    expect(translateRequests()).toHaveLength(0);
  });

  it("answers notFound to a member of another network, for a missing comment and for a deleted one", async () => {
    const id = await commentOnProgramme(GERMAN);
    expect(await translateContribution(server.services, await actor(outsider.id), { kind: "comment", id, to: "it" })).toEqual({ ok: false, error: "notFound" });
    expect(await translateContribution(server.services, await actor(giulia.id), { kind: "comment", id: "no-such-comment", to: "it" })).toEqual({ ok: false, error: "notFound" });
    expect(await translateContribution(server.services, await actor(giulia.id), { kind: "finding", id: "no-such-finding", to: "it" })).toEqual({ ok: false, error: "notFound" });
    // The outsider's request did not reach the provider: nothing of the text left the platform.
    expect(translateRequests()).toHaveLength(0);
  });

  it("translates findings and their discussion for everyone in the commons, the outsider too", async () => {
    const posted = await postFinding(server.services, await actor(coordinator.id), findingInput(networkId, { body: "Die Lernorte arbeiten mit den Betrieben zusammen." }));
    if (!posted.ok) throw new Error(posted.error);
    const commented = await commentOnFinding(server.services, await actor(coordinator.id), posted.id, { body: "Das ist für die Kammer wichtig.", mentions: [] });
    expect(commented).toMatchObject({ ok: true });
    const { comments } = await listThreadsOfDocument(db(), `finding.${posted.id}`);
    expect(await translateContribution(server.services, await actor(outsider.id), { kind: "finding", id: posted.id, to: "it" })).toMatchObject({ ok: true, text: "[it] Die Lernorte arbeiten mit den Betrieben zusammen.", from: "de" });
    expect(await translateContribution(server.services, await actor(outsider.id), { kind: "comment", id: comments[0]!.id, to: "en" })).toMatchObject({ ok: true, text: "[en] Das ist für die Kammer wichtig." });
  });

  it("answers noProvider when no translation service is set up", async () => {
    const id = await commentOnProgramme(GERMAN);
    server.services.translator = null;
    expect(await translateContribution(server.services, await actor(giulia.id), { kind: "comment", id, to: "it" })).toEqual({ ok: false, error: "noProvider" });
    expect(offersTranslation(server.services, GERMAN, "it")).toBe(false);
  });

  it("says why a failing provider failed, caches nothing, and works when asked again", async () => {
    const id = await commentOnProgramme(GERMAN);
    libre.fail({ kind: "unavailable" });
    expect(await translateContribution(server.services, await actor(giulia.id), { kind: "comment", id, to: "it" })).toEqual({ ok: false, error: "unavailable" });
    libre.fail(null);
    const before = translateRequests().length;
    expect(await translateContribution(server.services, await actor(giulia.id), { kind: "comment", id, to: "it" })).toMatchObject({ ok: true });
    // The failure was not remembered: the provider was asked again.
    expect(translateRequests()).toHaveLength(before + 1);
  });

  it("recognises a failure of a provider built with another copy of the provider code (the server's entry bundle)", async () => {
    const id = await commentOnProgramme(GERMAN);
    const foreign = Object.assign(new Error("LibreTranslate: quota"), { name: "TranslationFailure", reason: "quota" });
    server.services.translator = { name: "libretranslate", translate: () => Promise.reject(foreign) };
    expect(await translateContribution(server.services, await actor(giulia.id), { kind: "comment", id, to: "it" })).toEqual({ ok: false, error: "quota" });
    // Anything else is a bug, not a provider's answer: it is not dressed up as one.
    server.services.translator = { name: "libretranslate", translate: () => Promise.reject(new TypeError("boom")) };
    await expect(translateContribution(server.services, await actor(giulia.id), { kind: "comment", id, to: "it" })).rejects.toThrow("boom");
  });

  it("answers a repeated request from its cache, without spending the provider's quota", async () => {
    const id = await commentOnProgramme(GERMAN);
    const first = await translateContribution(server.services, await actor(giulia.id), { kind: "comment", id, to: "it" });
    expect(first).toMatchObject({ ok: true });
    const count = translateRequests().length;
    expect(count).toBe(1);
    expect(await translateContribution(server.services, await actor(giulia.id), { kind: "comment", id, to: "it" })).toEqual(first);
    // Two clicks at once send one request too.
    const other = await commentOnProgramme(`${GERMAN}\n- Neuer Punkt`);
    const [a, b] = await Promise.all([
      translateContribution(server.services, await actor(giulia.id), { kind: "comment", id: other, to: "it" }),
      translateContribution(server.services, await actor(giulia.id), { kind: "comment", id: other, to: "it" }),
    ]);
    expect(a).toEqual(b);
    expect(translateRequests()).toHaveLength(count + 1);
    // The cache never answers someone who may not read the comment.
    expect(await translateContribution(server.services, await actor(outsider.id), { kind: "comment", id, to: "it" })).toEqual({ ok: false, error: "notFound" });
  });
});

const json = (response: TestResponse) => JSON.parse(response.body) as { ok: boolean; error?: string; message?: string; text?: string; from?: string; provider?: string; label?: string };

describe(`POST /translate (${process.env.TEST_DATABASE})`, () => {
  let client: TestClient;
  let commentId: string;
  beforeAll(async () => {
    client = new TestClient(server.url);
    await client.login(giulia.email, giulia.password);
    commentId = await commentOnProgramme(GERMAN);
  });

  it("sends anonymous callers to the login page", async () => {
    const response = await new TestClient(server.url).post("/translate", { kind: "comment", id: commentId });
    expect(response.status).toBe(302);
  });

  it("refuses a request without CSRF token, in words", async () => {
    const response = await client.post("/translate", { kind: "comment", id: commentId }, { csrf: null });
    expect(response.status).toBe(403);
    expect(json(response)).toEqual({ ok: false, error: "forbidden", message: it_.translation.errors.forbidden });
    expect(translateRequests()).toHaveLength(0);
  });

  it("refuses invalid input with a translated message and no stack trace", async () => {
    const bad: Array<Record<string, string>> = [{ kind: "text", id: commentId }, { kind: "comment" }, { kind: "comment", id: "x".repeat(65) }];
    for (const fields of bad) {
      const response = await client.post("/translate", fields);
      expect(response.status).toBe(400);
      expect(json(response)).toEqual({ ok: false, error: "invalid", message: it_.translation.errors.invalid });
    }
    expect(translateRequests()).toHaveLength(0);
  });

  it("answers the translation as JSON, into the reader's language", async () => {
    const response = await client.post("/translate", { kind: "comment", id: commentId });
    expect(response.status, response.body).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(json(response)).toEqual({
      ok: true,
      from: "de",
      provider: "libretranslate",
      text: expect.stringContaining("[it] Die Camera di commercio"),
      label: it_.translation.label.replace("{{provider}}", "LibreTranslate"),
    });
  });

  it("answers refusals with their status and message", async () => {
    expect((await client.post("/translate", { kind: "comment", id: "no-such-comment" })).status).toBe(404);
    libre.fail({ kind: "unavailable" });
    const failed = await client.post("/translate", { kind: "finding", id: (await postedFinding()).id });
    expect(failed.status).toBe(503);
    expect(json(failed)).toEqual({ ok: false, error: "unavailable", message: it_.translation.errors.unavailable });
    server.services.translator = null;
    const none = await client.post("/translate", { kind: "comment", id: commentId });
    expect(none.status).toBe(409);
    expect(json(none).message).toBe(it_.translation.errors.noProvider);
  });

  it("offers translation in the comment sidebar's data to readers of another language only", async () => {
    const wp = await buildWorkProgramme(db(), networkId);
    const doc = await resolveDocument(server.services, wp.docName);
    for (const body of [GERMAN, ITALIAN]) {
      await startThread(server.services, await actor(coordinator.id), documentRefOf(doc!), { anchor: null, quote: "", body, mentions: [] });
    }
    const response = await client.get(`/networks/${networkSlug}/work-programmes/${wp.id}/comments`);
    const threads = (JSON.parse(response.body) as { threads: Array<{ comments: Array<{ body: string; translatable: boolean }> }> }).threads;
    expect(threads.flatMap((t) => t.comments).map((c) => [c.body, c.translatable])).toEqual([
      [GERMAN, true],
      [ITALIAN, false],
    ]);
  });
});

describe(`the finding page's "show translation" (${process.env.TEST_DATABASE})`, () => {
  let client: TestClient;
  beforeAll(async () => {
    client = new TestClient(server.url);
    await client.login(giulia.email, giulia.password);
  });
  const pageOf = (id: string) => `/network-of-networks/findings/${id}`;
  const offered = (html: string) => html.includes('name="intent" value="translate"');

  it("offers a form for a finding in another language only, and answers it with the translation in place, labelled", async () => {
    const german = await postedFinding();
    const italian = await postFinding(server.services, await actor(coordinator.id), findingInput(networkId, { body: ITALIAN }));
    if (!italian.ok) throw new Error(italian.error);
    expect(offered((await client.get(pageOf(german.id))).body)).toBe(true);
    expect(offered((await client.get(pageOf(italian.id))).body)).toBe(false);
    const response = await client.post(pageOf(german.id), { intent: "translate", kind: "finding", id: german.id });
    expect(response.status).toBe(200);
    expect(response.body).toContain("[it] Die Betriebe und die Schulen planen gemeinsam.");
    expect(response.body).toContain(it_.translation.label.replace("{{provider}}", "LibreTranslate"));
    expect(response.body).toContain(it_.translation.showOriginal);
  });

  it("says why a translation failed, next to the original, with the provider's status", async () => {
    const german = await postedFinding();
    libre.fail({ kind: "unavailable" });
    const response = await client.post(pageOf(german.id), { intent: "translate", kind: "finding", id: german.id });
    expect(response.status).toBe(503);
    expect(response.body).toContain(it_.translation.errors.unavailable.replace("'", "&#x27;"));
    expect(response.body).toContain("Die Betriebe und die Schulen planen gemeinsam.");
    expect((await client.post(pageOf(german.id), { intent: "translate", kind: "page", id: german.id })).status).toBe(400);
  });
});

async function postedFinding() {
  const posted = await postFinding(server.services, await actor(coordinator.id), findingInput(networkId, { body: "Die Betriebe und die Schulen planen gemeinsam." }));
  if (!posted.ok) throw new Error(posted.error);
  return posted;
}
