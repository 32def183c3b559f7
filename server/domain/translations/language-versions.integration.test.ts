/**
 * Language versions on SQLite and PostgreSQL, through the real collab server: adding a
 * version, machine translation through each provider implementation against a stand-in of
 * its HTTP API (the glossary travels with every request), faults that change nothing and can
 * be retried, races that lose no text, reviews, and the status of every section while two
 * people co-edit the Italian version with the stock y-websocket client and a third edits the
 * German source.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { useTestServer } from "#server/testing/use-test-server";
import { buildNetwork, buildUser, buildWorkProgramme } from "#server/testing/factories";
import { TestClient } from "#server/testing/http-client";
import { eventually, openDoc } from "#server/testing/collab-client";
import { loadActor } from "#server/domain/auth/actor";
import { resolveDocument } from "#server/documents/registry";
import { startLibreTranslateStandIn, type LibreTranslateStandIn } from "#server/translations/testing/libretranslate-stand-in";
import { startDeepLStandIn, type DeepLStandIn } from "#server/translations/testing/deepl-stand-in";
import { LibreTranslateProvider } from "#server/translations/libretranslate-provider";
import { DeepLProvider } from "#server/translations/deepl-provider";
import { languageVersionName } from "#shared/collab/doc-names";
import { findSection, readSections, SECTION_ID_ATTR } from "#shared/collab/sections";
import { readSectionRecords } from "#shared/collab/section-status";
import { proposeTerms } from "#server/domain/glossary/glossary";
import type { GlossaryEntry } from "#shared/glossary/glossary-entry";
import { addLanguageVersion, translationState, reviewSection } from "./language-versions";
import { machineTranslate, undoMachineTranslation } from "./machine-translation";

const server = useTestServer();
const db = () => server.services.db;
const documents = () => server.server.collab;
const actor = (id: string) => loadActor(db(), id);

type Person = Awaited<ReturnType<typeof buildUser>>;
let coordinator: Person;
let giulia: Person;
let marco: Person;
let outsider: Person;
let observer: Person;
let networkId: string;
let libre: LibreTranslateStandIn;
let deepl: DeepLStandIn;

const SOURCE = [
  "Ziele der Lernortkooperation zwischen Berufsschule und Betrieb",
  "Die Industrie- und Handelskammer berät die Ausbildungsbetriebe.",
  "Zeitplan für die Studienreise nach Bologna",
  "Kosten und Dolmetschen",
];

const entry = (de: string, it: string, en: string): GlossaryEntry => ({
  terms: { de, it, en },
  definition: { de: "", it: "", en: "" },
  note: { de: "", it: "", en: "" },
});

beforeAll(async () => {
  const network = await buildNetwork(db());
  networkId = network.id;
  coordinator = await buildUser(db(), { memberships: [{ networkId, role: "coordinator" }], locale: "de", name: "Katrin Weber" });
  giulia = await buildUser(db(), { memberships: [{ networkId, role: "member" }], locale: "it", name: "Giulia Rossi" });
  marco = await buildUser(db(), { memberships: [{ networkId, role: "member" }], locale: "it", name: "Marco Bianchi" });
  outsider = await buildUser(db(), { memberships: [{ networkId: (await buildNetwork(db())).id, role: "member" }] });
  observer = await buildUser(db(), { platformRoles: ["observer"] });
  const moderator = await buildUser(db(), { platformRoles: ["moderator"] });
  // Accepted by a moderator; a member's proposal is not used until accepted.
  expect(await proposeTerms(server.services, await actor(moderator.id), [entry("Industrie- und Handelskammer", "Camera di commercio", "Chamber of Commerce and Industry"), entry("Lernortkooperation", "cooperazione tra luoghi di apprendimento", "cooperation between learning venues")])).toMatchObject({ ok: true });
  expect(await proposeTerms(server.services, await actor(giulia.id), [entry("Studienreise", "gita scolastica", "school trip")])).toMatchObject({ ok: true });
  libre = await startLibreTranslateStandIn();
  deepl = await startDeepLStandIn();
});

afterAll(async () => {
  server.services.translator = null;
  await libre?.close();
  await deepl?.close();
});

/** A work programme whose text is SOURCE, one paragraph per entry, and its Italian version. */
async function programmeWithItalian(): Promise<{ source: string; version: string; ids: string[] }> {
  const wp = await buildWorkProgramme(db(), networkId);
  await documents().change(wp.docName, coordinator.id, (doc) => {
    const fragment = doc.getXmlFragment("content");
    fragment.insert(
      0,
      SOURCE.map((text) => {
        const paragraph = new Y.XmlElement("paragraph");
        const content = new Y.XmlText();
        content.insert(0, text);
        paragraph.insert(0, [content]);
        return paragraph;
      }),
    );
  });
  const added = await addLanguageVersion(server.services, documents(), await actor(coordinator.id), { sourceName: wp.docName, sourceLanguage: "de", language: "it" });
  expect(added).toEqual({ ok: true, name: languageVersionName(wp.docName, "it") });
  const ids = readSections((await documents().read(wp.docName)).getXmlFragment("content")).map((s) => s.id!);
  return { source: wp.docName, version: languageVersionName(wp.docName, "it"), ids };
}

async function versionTexts(version: string): Promise<string[]> {
  return readSections((await documents().read(version)).getXmlFragment("content")).map((s) => s.text);
}

async function statuses(source: string): Promise<string[]> {
  const state = await translationState(server.services, documents(), await actor(coordinator.id), source);
  if (!state.ok) throw new Error(state.error);
  return state.versions[0]!.rows.map((row) => row.status);
}

async function setSourceText(source: string, id: string, text: string) {
  await documents().change(source, coordinator.id, (doc) => {
    const content = findSection(doc.getXmlFragment("content"), id)!.element.get(0) as Y.XmlText;
    content.delete(0, content.length);
    content.insert(0, text);
  });
}

const useLibre = () => (server.services.translator = new LibreTranslateProvider({ url: libre.url, timeoutMs: 1_000 }));

describe(`language versions (${process.env.TEST_DATABASE})`, () => {
  it("adds a version that links to every source section and follows the source's policy", async () => {
    const wp = await buildWorkProgramme(db(), networkId);
    await documents().change(wp.docName, coordinator.id, (doc) => {
      const p = new Y.XmlElement("paragraph");
      p.insert(0, [new Y.XmlText("Ziele")]);
      doc.getXmlFragment("content").insert(0, [p]);
    });
    const name = languageVersionName(wp.docName, "it");
    expect(await resolveDocument(server.services, name)).toBeNull();
    expect(await addLanguageVersion(server.services, documents(), await actor(outsider.id), { sourceName: wp.docName, sourceLanguage: "de", language: "it" })).toEqual({ ok: false, error: "notFound" });
    // Observers read the network's documents but write none of them.
    expect(await addLanguageVersion(server.services, documents(), await actor(observer.id), { sourceName: wp.docName, sourceLanguage: "de", language: "it" })).toEqual({ ok: false, error: "forbidden" });
    expect(await addLanguageVersion(server.services, documents(), await actor(giulia.id), { sourceName: wp.docName, sourceLanguage: "de", language: "de" })).toEqual({ ok: false, error: "sameAsSource" });
    expect(await addLanguageVersion(server.services, documents(), await actor(giulia.id), { sourceName: wp.docName, sourceLanguage: "de", language: "it" })).toMatchObject({ ok: true });
    // The first version fixed the source's language.
    expect(await addLanguageVersion(server.services, documents(), await actor(giulia.id), { sourceName: wp.docName, sourceLanguage: "it", language: "en" })).toEqual({ ok: false, error: "sourceLanguageFixed" });

    const source = await documents().read(wp.docName);
    const [paragraph] = source.getXmlFragment("content").toArray() as Y.XmlElement[];
    expect(paragraph!.getAttribute(SECTION_ID_ATTR)).toMatch(/^s[a-z0-9]+$/);
    const version = await resolveDocument(server.services, name);
    expect(version).toMatchObject({ name, owner: { kind: "network", networkId }, state: "open", version: { language: "it", sourceName: wp.docName } });
    expect(version!.title).toContain("(Italiano)");
    // A version is a document of its own: its own text, the same readers and writers.
    expect(await translationState(server.services, documents(), await actor(outsider.id), wp.docName)).toEqual({ ok: false, error: "notFound" });
    expect(await statuses(wp.docName)).toEqual(["untranslated"]);
  });

  it("translates through LibreTranslate with the accepted glossary terms protected and put in, and marks the sections machine-translated", async () => {
    const { source, version, ids } = await programmeWithItalian();
    useLibre();
    libre.requests.length = 0;
    const result = await machineTranslate(server.services, documents(), await actor(giulia.id), { versionName: version, sections: [ids[0]!, ids[1]!] });
    expect(result).toEqual({ ok: true, translated: [ids[0], ids[1]] });
    const sent = libre.requests.filter((r) => r.path === "/translate").map((r) => r.body as { q: string[]; source: string; target: string });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ source: "de", target: "it" });
    // The glossary terms did not go out as words to translate: they were protected.
    expect(sent[0]!.q.join(" ")).not.toContain("Industrie- und Handelskammer");
    expect(sent[0]!.q.join(" ")).not.toContain("Lernortkooperation");
    const texts = await versionTexts(version);
    expect(texts[0]).toBe("[it] Ziele der cooperazione tra luoghi di apprendimento zwischen Berufsschule und Betrieb");
    expect(texts[1]).toBe("[it] Die Camera di commercio berät die Ausbildungsbetriebe.");
    expect(await statuses(source)).toEqual(["machine", "machine", "untranslated", "untranslated"]);
    const records = readSectionRecords(await documents().read(version));
    expect(records.get(ids[0]!)).toMatchObject({ state: "machine", by: giulia.id, byName: "Giulia Rossi", base: SOURCE[0] });

    // "Every outdated section": the two untranslated ones; a proposed term is not applied.
    libre.requests.length = 0;
    expect(await machineTranslate(server.services, documents(), await actor(giulia.id), { versionName: version, sections: "stale" })).toEqual({ ok: true, translated: [ids[2], ids[3]] });
    expect((await versionTexts(version))[2]).toBe("[it] Zeitplan für die Studienreise nach Bologna");
    expect(await statuses(source)).toEqual(["machine", "machine", "machine", "machine"]);
    expect(await machineTranslate(server.services, documents(), await actor(giulia.id), { versionName: version, sections: "stale" })).toEqual({ ok: false, error: "nothingToTranslate" });
  });

  it("translates through DeepL with the glossary created there and named in the request", async () => {
    const { version, ids } = await programmeWithItalian();
    server.services.translator = new DeepLProvider({ authKey: deepl.authKey, apiUrl: deepl.url, timeoutMs: 2_000 });
    deepl.requests.length = 0;
    expect(await machineTranslate(server.services, documents(), await actor(giulia.id), { versionName: version, sections: [ids[1]!] })).toMatchObject({ ok: true });
    const created = [...deepl.glossaries.values()].find((g) => g.source_lang === "de" && g.target_lang === "it");
    expect(created?.entries).toEqual(
      expect.arrayContaining([
        ["Industrie- und Handelskammer", "Camera di commercio"],
        ["Lernortkooperation", "cooperazione tra luoghi di apprendimento"],
      ]),
    );
    expect(created!.entries.map(([source]) => source)).not.toContain("Studienreise");
    const translate = deepl.requests.find((r) => r.path === "/v2/translate")!;
    expect(translate.authorization).toBe(`DeepL-Auth-Key ${deepl.authKey}`);
    expect(translate.body).toMatchObject({ source_lang: "DE", target_lang: "IT", glossary_id: created!.glossary_id });
    // The only section translated so far: the version's first block.
    expect(await versionTexts(version)).toEqual([expect.stringContaining("Camera di commercio")]);
  });

  it("a provider that is slow, down, over quota or answers garbage changes nothing, says why, and can be asked again", async () => {
    const { source, version, ids } = await programmeWithItalian();
    useLibre();
    await machineTranslate(server.services, documents(), await actor(giulia.id), { versionName: version, sections: [ids[0]!] });
    const before = Y.encodeStateAsUpdate(await documents().read(version));
    const cases = [
      [{ kind: "slow", delayMs: 3_000 }, "timeout"],
      [{ kind: "down" }, "unavailable"],
      [{ kind: "unavailable" }, "unavailable"],
      [{ kind: "quota" }, "quota"],
      [{ kind: "not-json" }, "garbage"],
      [{ kind: "wrong-count" }, "garbage"],
      [{ kind: "wrong-shape" }, "garbage"],
    ] as const;
    for (const [fault, reason] of cases) {
      libre.fail(fault);
      const started = Date.now();
      expect(await machineTranslate(server.services, documents(), await actor(giulia.id), { versionName: version, sections: [ids[0]!, ids[2]!] }), fault.kind).toEqual({ ok: false, error: reason });
      expect(Date.now() - started, `${fault.kind} is bounded`).toBeLessThan(2_500);
      expect(Buffer.from(Y.encodeStateAsUpdate(await documents().read(version))).equals(Buffer.from(before)), `${fault.kind} changed the version`).toBe(true);
    }
    libre.fail(null);
    expect(await machineTranslate(server.services, documents(), await actor(giulia.id), { versionName: version, sections: [ids[0]!, ids[2]!] })).toMatchObject({ ok: true });
    expect(await statuses(source)).toEqual(["machine", "untranslated", "machine", "untranslated"]);
  });

  it("is honest when the source changes while a translation is in flight: the section arrives outdated", async () => {
    const { source, version, ids } = await programmeWithItalian();
    useLibre();
    libre.fail({ kind: "slow", delayMs: 400 }, { times: 1 });
    const pending = machineTranslate(server.services, documents(), await actor(giulia.id), { versionName: version, sections: [ids[2]!] });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await setSourceText(source, ids[2]!, "Zeitplan für die Studienreise nach Bologna und Modena");
    expect(await pending).toMatchObject({ ok: true });
    expect((await versionTexts(version))[0]).toBe("[it] Zeitplan für die Studienreise nach Bologna");
    expect(await statuses(source)).toEqual(["untranslated", "untranslated", "outdated", "untranslated"]);
  });

  it("two people translating one section at once lose neither text: the later result can be undone to the earlier one", async () => {
    const { source, version, ids } = await programmeWithItalian();
    useLibre();
    let call = 0;
    libre.setEngine((text) => `[${++call === 1 ? "first" : "second"}] ${text}`);
    try {
      const [a, b] = await Promise.all([
        machineTranslate(server.services, documents(), await actor(giulia.id), { versionName: version, sections: [ids[0]!] }),
        machineTranslate(server.services, documents(), await actor(marco.id), { versionName: version, sections: [ids[0]!] }),
      ]);
      expect([a.ok, b.ok]).toEqual([true, true]);
    } finally {
      libre.setEngine(null);
    }
    const later = (await versionTexts(version))[0]!;
    expect(["[first] Ziele der cooperazione tra luoghi di apprendimento zwischen Berufsschule und Betrieb", "[second] Ziele der cooperazione tra luoghi di apprendimento zwischen Berufsschule und Betrieb"]).toContain(later);
    expect(await undoMachineTranslation(server.services, documents(), await actor(marco.id), { versionName: version, sectionId: ids[0]! })).toEqual({ ok: true });
    const earlier = (await versionTexts(version))[0]!;
    expect(earlier).not.toBe(later);
    expect(earlier).toMatch(/^\[(first|second)\] Ziele/);
    expect(await statuses(source)).toEqual(["machine", "untranslated", "untranslated", "untranslated"]);
    // Undo of the first translation leaves the section as it was before any: untranslated.
    expect(await undoMachineTranslation(server.services, documents(), await actor(marco.id), { versionName: version, sectionId: ids[0]! })).toEqual({ ok: false, error: "nothingToUndo" });
  });

  it("a person reviews a section against the source they saw; a later source change makes it outdated", async () => {
    const { source, version, ids } = await programmeWithItalian();
    useLibre();
    await machineTranslate(server.services, documents(), await actor(giulia.id), { versionName: version, sections: "stale" });
    expect(await reviewSection(server.services, documents(), await actor(observer.id), { versionName: version, sectionId: ids[1]! })).toEqual({ ok: false, error: "forbidden" });
    expect(await reviewSection(server.services, documents(), await actor(outsider.id), { versionName: version, sectionId: ids[1]! })).toEqual({ ok: false, error: "notFound" });
    expect(await reviewSection(server.services, documents(), await actor(giulia.id), { versionName: version, sectionId: ids[1]!, seenSource: "ein anderer Text" })).toEqual({ ok: false, error: "sourceChanged" });
    expect(await reviewSection(server.services, documents(), await actor(giulia.id), { versionName: version, sectionId: ids[1]!, seenSource: SOURCE[1] })).toEqual({ ok: true });
    expect(readSectionRecords(await documents().read(version)).get(ids[1]!)).toMatchObject({ state: "reviewed", by: giulia.id, byName: "Giulia Rossi" });
    expect(await statuses(source)).toEqual(["machine", "reviewed", "machine", "machine"]);
    await setSourceText(source, ids[1]!, "Die Industrie- und Handelskammer berät und prüft.");
    const state = await translationState(server.services, documents(), await actor(giulia.id), source);
    if (!state.ok) throw new Error(state.error);
    const row = state.versions[0]!.rows[1]!;
    expect(row.status).toBe("outdated");
    expect(row.record?.base).toBe(SOURCE[1]);
    expect(state.versions[0]!.summary).toMatchObject({ total: 4, current: 3, outdated: 1 });
  });

  it("without a provider, machine translation is refused and nothing else changes", async () => {
    const { version, ids } = await programmeWithItalian();
    server.services.translator = null;
    expect(await machineTranslate(server.services, documents(), await actor(giulia.id), { versionName: version, sections: [ids[0]!] })).toEqual({ ok: false, error: "noProvider" });
  });

  it("stock y-websocket clients: two people co-edit the Italian version while a third edits the German source; exactly the touched sections turn outdated", async () => {
    const { source, version, ids } = await programmeWithItalian();
    useLibre();
    await machineTranslate(server.services, documents(), await actor(giulia.id), { versionName: version, sections: "stale" });
    for (const id of ids) expect(await reviewSection(server.services, documents(), await actor(giulia.id), { versionName: version, sectionId: id })).toEqual({ ok: true });
    expect(await statuses(source)).toEqual(["reviewed", "reviewed", "reviewed", "reviewed"]);

    const login = async (person: Person) => {
      const client = new TestClient(server.url);
      await client.login(person.email, person.password);
      return client;
    };
    const italianA = openDoc(server.url, await login(giulia), version);
    const italianB = openDoc(server.url, await login(marco), version);
    const german = openDoc(server.url, await login(coordinator), source);
    try {
      await Promise.all([italianA.synced, italianB.synced, german.synced]);
      const typeInto = (doc: Y.Doc, id: string, text: string) => {
        const content = findSection(doc.getXmlFragment("content"), id)!.element.get(0) as Y.XmlText;
        content.insert(content.length, text);
      };
      // Both Italians polish the same section and another one, concurrently with the German edits.
      typeInto(italianA.doc, ids[0]!, " (rivisto da Giulia)");
      typeInto(italianB.doc, ids[0]!, " (e da Marco)");
      typeInto(italianB.doc, ids[2]!, " – Modena inclusa");
      typeInto(german.doc, ids[1]!, " Sie prüft auch.");
      typeInto(german.doc, ids[3]!, " für alle Sitzungen");
      await eventually(
        async () => {
          const [v, s] = [await documents().read(version), await documents().read(source)];
          const vt = readSections(v.getXmlFragment("content")).map((x) => x.text);
          const st = readSections(s.getXmlFragment("content")).map((x) => x.text);
          return vt[0]!.includes("Giulia") && vt[0]!.includes("Marco") && vt[2]!.includes("Modena") && st[1]!.endsWith("Sie prüft auch.") && st[3]!.endsWith("für alle Sitzungen");
        },
        5_000,
        "every edit on the server",
      );
    } finally {
      italianA.destroy();
      italianB.destroy();
      german.destroy();
    }
    expect(await statuses(source)).toEqual(["reviewed", "outdated", "reviewed", "outdated"]);
  });
});
