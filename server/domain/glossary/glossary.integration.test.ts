/**
 * The shared VET glossary on SQLite and PostgreSQL: its starting terms, proposals and their
 * acceptance, which terms machine translation gets, and CSV/TBX import (all or nothing) and
 * export.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useTestServer } from "#server/testing/use-test-server";
import { buildNetwork, buildUser } from "#server/testing/factories";
import { TestClient } from "#server/testing/http-client";
import { loadActor } from "#server/domain/auth/actor";
import { GLOSSARY_SEED } from "#db/seed/glossary-terms";
import { listGlossaryTerms } from "#db/queries/glossary";
import type { GlossaryEntry } from "#shared/glossary/glossary-entry";
import { acceptTerm, exportGlossary, glossaryPairs, importGlossary, proposeTerms, removeTerm } from "./glossary";
import { seedGlossaryIfEmpty } from "./glossary-seed";
import { parseGlossaryTbx } from "./glossary-tbx";

const server = useTestServer();
const db = () => server.services.db;
const actor = (id: string) => loadActor(db(), id);

type Person = Awaited<ReturnType<typeof buildUser>>;
let member: Person;
let moderator: Person;
let loner: Person;

const entry = (de: string, it: string, en = ""): GlossaryEntry => ({ terms: { de, it, en }, definition: { de: "", it: "", en: "" }, note: { de: "", it: "", en: "" } });

beforeAll(async () => {
  const network = await buildNetwork(db());
  member = await buildUser(db(), { memberships: [{ networkId: network.id, role: "member" }] });
  moderator = await buildUser(db(), { platformRoles: ["moderator"] });
  loner = await buildUser(db());
});

describe(`the VET glossary (${process.env.TEST_DATABASE})`, () => {
  it("starts with the vocabulary of dual VET, accepted, once", async () => {
    expect(await seedGlossaryIfEmpty(db(), "2026-12-07T08:00:00.000Z")).toBe(GLOSSARY_SEED.length);
    expect(await seedGlossaryIfEmpty(db(), "2026-12-07T08:00:00.000Z")).toBe(0);
    const pairs = await glossaryPairs(server.services, "de", "it");
    expect(pairs).toContainEqual({ source: "Arbeitsprogramm", target: "programma di lavoro" });
    expect(pairs).toContainEqual({ source: "Begleitgremium", target: "comitato di accompagnamento" });
    // Longest first, so the longer term is protected before a shorter one inside it.
    expect(pairs.map((p) => p.source.length)).toEqual([...pairs.map((p) => p.source.length)].sort((a, b) => b - a));
  });

  it("takes members' proposals, uses them only once a moderator accepts", async () => {
    const proposed = await proposeTerms(server.services, await actor(member.id), [entry("Ausbildungsnachweis", "libretto formativo")]);
    if (!proposed.ok) throw new Error(proposed.error);
    expect((await glossaryPairs(server.services, "de", "it")).map((p) => p.source)).not.toContain("Ausbildungsnachweis");
    expect(await acceptTerm(server.services, await actor(member.id), proposed.ids[0]!)).toEqual({ ok: false, error: "forbidden" });
    expect(await acceptTerm(server.services, await actor(moderator.id), proposed.ids[0]!)).toEqual({ ok: true, ids: proposed.ids });
    expect(await acceptTerm(server.services, await actor(moderator.id), proposed.ids[0]!)).toEqual({ ok: false, error: "notFound" });
    expect(await glossaryPairs(server.services, "it", "de")).toContainEqual({ source: "libretto formativo", target: "Ausbildungsnachweis" });
    expect(await removeTerm(server.services, await actor(member.id), proposed.ids[0]!)).toEqual({ ok: false, error: "forbidden" });
    expect(await removeTerm(server.services, await actor(moderator.id), proposed.ids[0]!)).toEqual({ ok: true, ids: proposed.ids });
    expect((await glossaryPairs(server.services, "it", "de")).map((p) => p.source)).not.toContain("libretto formativo");
  });

  it("refuses proposals from people in no network and terms in fewer than two languages", async () => {
    expect(await proposeTerms(server.services, await actor(loner.id), [entry("Kammer", "camera")])).toEqual({ ok: false, error: "forbidden" });
    expect(await proposeTerms(server.services, await actor(member.id), [entry("Kammer", "")])).toEqual({ ok: false, error: "tooFewLanguages" });
  });

  it("imports CSV all or nothing: a bad row adds no term and is named", async () => {
    const before = (await listGlossaryTerms(db())).length;
    const bad = "de;it;en\nPraktikum;tirocinio;internship\nNur Deutsch;;\n";
    const refused = await importGlossary(server.services, await actor(member.id), "csv", bad);
    expect(refused).toMatchObject({ ok: false, error: "invalid", problems: [{ code: "too-few-languages", line: 3 }] });
    expect((await listGlossaryTerms(db())).length).toBe(before);

    const good = "de;it;en;note_it\nPraktikum;tirocinio;internship;\"In Italia: tirocinio curricolare o extracurricolare\"\n";
    expect(await importGlossary(server.services, await actor(member.id), "csv", good)).toEqual({ ok: true, count: 1, status: "proposed" });
    const rows = await listGlossaryTerms(db(), "proposed");
    expect(rows.find((r) => r.term_de === "Praktikum")).toMatchObject({ term_it: "tirocinio", note_it: "In Italia: tirocinio curricolare o extracurricolare", proposed_by: member.id });
  });

  it("imports a moderator's TBX as accepted and exports the accepted glossary as TBX and CSV", async () => {
    const tbx = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c1">
      <langSec xml:lang="de"><termSec><term>Zwischenprüfung</term></termSec></langSec>
      <langSec xml:lang="it"><termSec><term>verifica intermedia</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>`;
    expect(await importGlossary(server.services, await actor(moderator.id), "tbx", tbx)).toEqual({ ok: true, count: 1, status: "accepted" });
    const exported = await exportGlossary(server.services, await actor(member.id), "tbx");
    if (!exported.ok) throw new Error(exported.error);
    const back = parseGlossaryTbx(exported.body);
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    const terms = back.entries.map((e) => e.terms.de);
    expect(terms).toContain("Zwischenprüfung");
    expect(terms).toContain("Arbeitsprogramm");
    // Proposals are not part of the glossary yet.
    expect(terms).not.toContain("Praktikum");
    const csv = await exportGlossary(server.services, await actor(member.id), "csv");
    if (!csv.ok) throw new Error(csv.error);
    expect(csv.body).toContain("Zwischenprüfung");
    expect(csv.body).not.toContain("Praktikum");
    expect(await exportGlossary(server.services, await actor(loner.id), "csv")).toEqual({ ok: false, error: "forbidden" });
  });

  it("imports a file sent from the glossary page: moderators' terms apply, a bad file adds nothing and says where, a file of the wrong kind or none is refused with a message", async () => {
    const client = new TestClient(server.url);
    await client.login(moderator.email, moderator.password);
    const upload = (name: string, text: string) => {
      const form = new FormData();
      form.set("csrf", client.cookie("ca_csrf") ?? "");
      form.set("intent", "import");
      form.set("file", new Blob([text], { type: "text/plain" }), name);
      return client.request("/glossary", { method: "POST", body: form, headers: { Origin: new URL(server.url).origin } });
    };
    const before = (await listGlossaryTerms(db(), "accepted")).length;

    const bad = await upload("terms.csv", "de,it\nSeitenimport,importazione\nNur eine Sprache,\n");
    expect(bad.status).toBe(400);
    expect(bad.body).toContain("Line 3");
    expect(bad.body).toContain("fewer than two languages");
    expect((await listGlossaryTerms(db(), "accepted")).length).toBe(before);

    expect((await upload("terms.docx", "de,it\nA,B\n")).body).toContain("ending in .csv, .tbx or .xml");
    expect((await upload("empty.csv", "")).body).toContain("choose a file");

    const good = await upload("terms.csv", "de,it,en\nSeitenimport,importazione dalla pagina,page import\n");
    expect(good.status).toBe(200);
    expect(good.body).toContain("1 term imported");
    expect((await listGlossaryTerms(db(), "accepted")).map((row) => row.term_de)).toContain("Seitenimport");

    const noToken = new FormData();
    noToken.set("intent", "import");
    noToken.set("file", new Blob(["de,it\nX,Y\n"]), "x.csv");
    expect((await client.request("/glossary", { method: "POST", body: noToken, headers: { Origin: new URL(server.url).origin } })).status).toBe(403);
  });
});
