/**
 * The good-practice library: members propose (visible to them and the moderators only),
 * moderators publish, edit and unpublish (audited); nobody else does. Runs on SQLite and
 * PostgreSQL.
 */
import { describe, expect, it } from "vitest";
import { useTestServer } from "#server/testing/use-test-server";
import { buildNetwork, buildUser } from "#server/testing/factories";
import { loadActor } from "#server/domain/auth/actor";
import { listAuditEntries } from "#db/queries/audit";
import { editGoodPractice, goodPracticeLibrary, goodPracticePage, proposeGoodPractice, setGoodPracticePublished, type GoodPracticeInput } from "./good-practices";

const server = useTestServer();
const db = () => server.services.db;
const actor = (id: string) => loadActor(db(), id);

const entry = (overrides: Partial<GoodPracticeInput> = {}): GoodPracticeInput => ({
  title: "Ausbildungsverbund für Kleinstbetriebe",
  summary: "Drei Handwerksbetriebe teilen sich die Ausbildung einer Auszubildenden.",
  occupationalField: "textileCrafts",
  country: "DE",
  partners: "Handwerkskammer, Berufsschule",
  themeCluster: "sectors",
  link: "https://example.org/verbund",
  ...overrides,
});

async function people() {
  const network = await buildNetwork(db());
  const proposer = await buildUser(db(), { memberships: [{ networkId: network.id, role: "member" }] });
  const otherMember = await buildUser(db(), { memberships: [{ networkId: (await buildNetwork(db())).id, role: "member" }] });
  const observer = await buildUser(db(), { platformRoles: ["observer"] });
  const moderator = await buildUser(db(), { platformRoles: ["moderator"] });
  const nobody = await buildUser(db());
  return { network, proposer, otherMember, observer, moderator, nobody };
}

const ids = (list: Array<{ id: string }>) => list.map((e) => e.id);

describe(`good-practice library (${process.env.TEST_DATABASE})`, () => {
  it("lets members propose, and only members", async () => {
    const p = await people();
    expect(await proposeGoodPractice(server.services, await actor(p.observer.id), entry())).toEqual({ ok: false, error: "forbidden" });
    expect(await proposeGoodPractice(server.services, await actor(p.moderator.id), entry())).toEqual({ ok: false, error: "forbidden" });
    expect(await proposeGoodPractice(server.services, await actor(p.nobody.id), entry())).toEqual({ ok: false, error: "forbidden" });
    expect(await proposeGoodPractice(server.services, await actor(p.proposer.id), entry({ link: "javascript:alert(1)" }))).toEqual({ ok: false, error: "invalid" });
    expect(await proposeGoodPractice(server.services, await actor(p.proposer.id), entry({ themeCluster: "nonsense" as never }))).toEqual({ ok: false, error: "invalid" });
    const proposed = await proposeGoodPractice(server.services, await actor(p.proposer.id), entry());
    expect(proposed.ok).toBe(true);
  });

  it("shows a proposal to its proposer and the moderators only, then to everyone once published", async () => {
    const p = await people();
    const proposed = await proposeGoodPractice(server.services, await actor(p.proposer.id), entry({ title: "Sichtbarkeit" }));
    if (!proposed.ok) throw new Error(proposed.error);
    const id = proposed.id;

    const mine = await goodPracticeLibrary(server.services, await actor(p.proposer.id));
    expect(ids(mine.proposals)).toContain(id);
    expect(ids(mine.published)).not.toContain(id);
    expect(ids((await goodPracticeLibrary(server.services, await actor(p.moderator.id))).proposals)).toContain(id);
    expect(ids((await goodPracticeLibrary(server.services, await actor(p.otherMember.id))).proposals)).not.toContain(id);
    expect(await goodPracticePage(server.services, await actor(p.otherMember.id), id)).toBeNull();
    expect(await goodPracticePage(server.services, await actor(p.observer.id), id)).toBeNull();
    expect((await goodPracticePage(server.services, await actor(p.proposer.id), id))?.entry.status).toBe("proposed");

    // Only moderators publish; a refusal changes nothing.
    expect(await setGoodPracticePublished(server.services, await actor(p.proposer.id), id, true)).toEqual({ ok: false, error: "forbidden" });
    expect(await setGoodPracticePublished(server.services, await actor(p.otherMember.id), id, true)).toEqual({ ok: false, error: "notFound" });
    expect((await goodPracticePage(server.services, await actor(p.proposer.id), id))?.entry.status).toBe("proposed");

    expect(await setGoodPracticePublished(server.services, await actor(p.moderator.id), id, true)).toEqual({ ok: true, id });
    const seen = await goodPracticePage(server.services, await actor(p.otherMember.id), id);
    expect(seen?.entry).toMatchObject({ title: "Sichtbarkeit", status: "published", country: "DE", occupationalField: "textileCrafts", themeCluster: "sectors" });
    expect(ids((await goodPracticeLibrary(server.services, await actor(p.observer.id))).published)).toContain(id);
    // The nobody (no network, no platform role) is not in the commons at all.
    expect(await goodPracticePage(server.services, await actor(p.nobody.id), id)).toBeNull();

    const audit = (await listAuditEntries(db(), 1000)).filter((e) => e.target_id === id).map((e) => e.action);
    expect(audit).toEqual(["goodPractice.published"]);

    expect(await setGoodPracticePublished(server.services, await actor(p.moderator.id), id, false)).toEqual({ ok: true, id });
    expect(await goodPracticePage(server.services, await actor(p.otherMember.id), id)).toBeNull();
  });

  it("lets moderators edit an entry, and nobody else", async () => {
    const p = await people();
    const proposed = await proposeGoodPractice(server.services, await actor(p.proposer.id), entry());
    if (!proposed.ok) throw new Error(proposed.error);
    const changed = entry({ title: "Verbundausbildung (überarbeitet)", country: "both", link: null, occupationalField: null });
    expect(await editGoodPractice(server.services, await actor(p.proposer.id), proposed.id, changed)).toEqual({ ok: false, error: "forbidden" });
    expect((await goodPracticePage(server.services, await actor(p.proposer.id), proposed.id))?.entry.title).toBe(entry().title);
    expect(await editGoodPractice(server.services, await actor(p.moderator.id), proposed.id, changed)).toEqual({ ok: true, id: proposed.id });
    const page = await goodPracticePage(server.services, await actor(p.moderator.id), proposed.id);
    expect(page?.entry).toMatchObject({ title: "Verbundausbildung (überarbeitet)", country: "both", link: null, occupationalField: null });
    expect((await listAuditEntries(db(), 1000)).some((e) => e.action === "goodPractice.updated" && e.target_id === proposed.id)).toBe(true);
  });
});
