/**
 * Findings in the network of networks: only members post, on behalf of their own (open)
 * network; evidence cites only what everyone may see; filters and sorting; the discussion
 * with mentions across networks and notifications to the author's network; moderators pin,
 * close discussions (a closed one refuses comments and changes nothing) and hide comments
 * (kept, reason in the audit log). Runs on SQLite and PostgreSQL.
 */
import { describe, expect, it } from "vitest";
import { useTestServer } from "#server/testing/use-test-server";
import { buildNetwork, buildUser } from "#server/testing/factories";
import { loadActor } from "#server/domain/auth/actor";
import { listNotificationsOf } from "#db/queries/notifications";
import { listAuditEntries } from "#db/queries/audit";
import { parseFindingFilters } from "#shared/validation/findings-forms";
import { editFinding, findingList, postFinding, type FindingInput } from "./findings";
import { commentOnFinding, deleteFindingComment, replyOnFinding } from "./findings-discussion";
import { closeFindingDiscussion, hideFindingComment, reopenFindingDiscussion, setFindingPinned } from "./findings-moderation";
import { findingPage } from "./findings-page";
import { proposeGoodPractice, setGoodPracticePublished } from "./good-practices";

const server = useTestServer();
const db = () => server.services.db;
const actor = (id: string) => loadActor(db(), id);

async function setting() {
  const netA = await buildNetwork(db());
  const netB = await buildNetwork(db());
  const author = await buildUser(db(), { memberships: [{ networkId: netA.id, role: "member" }], name: "Anna Autorin" });
  const colleague = await buildUser(db(), { memberships: [{ networkId: netA.id, role: "coordinator" }] });
  const memberB = await buildUser(db(), { memberships: [{ networkId: netB.id, role: "member" }], locale: "it" });
  const observer = await buildUser(db(), { platformRoles: ["observer"] });
  const moderator = await buildUser(db(), { platformRoles: ["moderator"] });
  return { netA, netB, author, colleague, memberB, observer, moderator };
}

const input = (networkId: string, overrides: Partial<FindingInput> = {}): FindingInput => ({
  networkId,
  title: "Lernortkooperation braucht feste Ansprechpersonen",
  body: "Betriebe bleiben dabei, wenn die Schule eine feste Ansprechperson nennt.\n\n- Treffen zweimal im Jahr\n- gemeinsame Lernaufgaben",
  actionAreas: ["companyEngagement"],
  occupationalFields: ["logistics"],
  themes: [],
  country: "both",
  goodPractices: [],
  findings: [],
  webLinks: [],
  ...overrides,
});

async function publishedEntry(moderatorId: string, proposerId: string) {
  const proposed = await proposeGoodPractice(server.services, await actor(proposerId), {
    title: "Verbundausbildung im Handwerk",
    summary: "Kleine Betriebe bilden gemeinsam aus.",
    occupationalField: "textileCrafts",
    country: "DE",
    partners: "Kammer, Berufsschule",
    themeCluster: "sectors",
    link: null,
  });
  if (!proposed.ok) throw new Error(proposed.error);
  await setGoodPracticePublished(server.services, await actor(moderatorId), proposed.id, true);
  return proposed.id;
}

async function posted(userId: string, networkId: string, overrides: Partial<FindingInput> = {}) {
  const result = await postFinding(server.services, await actor(userId), input(networkId, overrides));
  if (!result.ok) throw new Error(`not posted: ${result.error}`);
  return result.id;
}

const findingCount = async () => Number((await db().selectFrom("findings").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
const kindsOf = async (userId: string) => (await listNotificationsOf(db(), userId)).map((n) => n.kind).sort();
const commentRows = async (findingId: string) =>
  db()
    .selectFrom("comments")
    .innerJoin("comment_threads", "comment_threads.id", "comments.thread_id")
    .selectAll("comments")
    .where("comment_threads.doc_name", "=", `finding.${findingId}`)
    .execute();

describe(`findings: posting (${process.env.TEST_DATABASE})`, () => {
  it("lets a member post on behalf of their network, and nobody else", async () => {
    const s = await setting();
    const before = await findingCount();
    expect(await postFinding(server.services, await actor(s.memberB.id), input(s.netA.id))).toEqual({ ok: false, error: "forbidden" });
    expect(await postFinding(server.services, await actor(s.observer.id), input(s.netA.id))).toEqual({ ok: false, error: "forbidden" });
    expect(await postFinding(server.services, await actor(s.moderator.id), input(s.netA.id))).toEqual({ ok: false, error: "forbidden" });
    expect(await findingCount()).toBe(before);

    const id = await posted(s.author.id, s.netA.id);
    const page = await findingPage(server.services, await actor(s.memberB.id), id);
    expect(page?.finding.networkName).toBe(s.netA.name);
    expect(page?.finding.authorName).toBe("Anna Autorin");
    expect(page?.finding.body).toContain("- gemeinsame Lernaufgaben");
    expect(page?.rights).toEqual({ edit: false, discuss: true, moderate: false });
    // The observer and the moderator read it too: findings are commons content.
    expect(await findingPage(server.services, await actor(s.observer.id), id)).not.toBeNull();
  });

  it("refuses posting for an archived network", async () => {
    const s = await setting();
    await db().updateTable("networks").set({ archived_at: new Date().toISOString() }).where("id", "=", s.netA.id).execute();
    expect(await postFinding(server.services, await actor(s.author.id), input(s.netA.id))).toEqual({ ok: false, error: "forbidden" });
  });

  it("refuses input that breaks the rules (no action area, unknown keys)", async () => {
    const s = await setting();
    const member = await actor(s.author.id);
    expect(await postFinding(server.services, member, input(s.netA.id, { actionAreas: [] }))).toEqual({ ok: false, error: "invalid" });
    expect(await postFinding(server.services, member, input(s.netA.id, { themes: ["notATheme"] }))).toEqual({ ok: false, error: "invalid" });
    expect(await postFinding(server.services, member, input(s.netA.id, { title: "x".repeat(201) }))).toEqual({ ok: false, error: "invalid" });
  });

  it("validates evidence: published good practice, existing findings, http(s) links only", async () => {
    const s = await setting();
    const member = await actor(s.author.id);
    const entry = await publishedEntry(s.moderator.id, s.memberB.id);
    const proposal = await proposeGoodPractice(server.services, await actor(s.author.id), {
      title: "Noch nicht veröffentlicht",
      summary: "Ein Vorschlag",
      occupationalField: null,
      country: "IT",
      partners: "",
      themeCluster: null,
      link: null,
    });
    if (!proposal.ok) throw new Error("no proposal");
    const other = await posted(s.colleague.id, s.netA.id, { title: "Eine frühere Erkenntnis" });
    const before = await findingCount();

    // Even its own proposer may not cite an unpublished entry: readers could not see it.
    expect(await postFinding(server.services, member, input(s.netA.id, { goodPractices: [proposal.id] }))).toEqual({ ok: false, error: "goodPracticeNotCitable" });
    expect(await postFinding(server.services, member, input(s.netA.id, { findings: ["no-such-finding"] }))).toEqual({ ok: false, error: "findingNotCitable" });
    expect(await postFinding(server.services, member, input(s.netA.id, { webLinks: [{ url: "javascript:alert(1)", label: "" }] }))).toEqual({ ok: false, error: "invalidLink" });
    expect(await postFinding(server.services, member, input(s.netA.id, { webLinks: [{ url: `https://example.org/${"a".repeat(2000)}`, label: "" }] }))).toEqual({
      ok: false,
      error: "invalidLink",
    });
    expect(await findingCount()).toBe(before);

    const id = await posted(s.author.id, s.netA.id, { goodPractices: [entry], findings: [other], webLinks: [{ url: "https://www.bibb.de/", label: "BIBB" }] });
    const page = await findingPage(server.services, await actor(s.memberB.id), id);
    expect(page?.evidence).toEqual([
      { kind: "goodPractice", id: entry, title: "Verbundausbildung im Handwerk" },
      { kind: "finding", id: other, title: "Eine frühere Erkenntnis" },
      { kind: "web", url: "https://www.bibb.de/", label: "BIBB" },
    ]);

    // Unpublished later: readers who may not see the entry get no title; moderators still do.
    await setGoodPracticePublished(server.services, await actor(s.moderator.id), entry, false);
    expect((await findingPage(server.services, await actor(s.author.id), id))?.evidence[0]).toEqual({ kind: "goodPractice", id: entry, title: null });
    expect((await findingPage(server.services, await actor(s.moderator.id), id))?.evidence[0]).toEqual({ kind: "goodPractice", id: entry, title: "Verbundausbildung im Handwerk" });
  });

  it("lets only the author edit their finding", async () => {
    const s = await setting();
    const id = await posted(s.author.id, s.netA.id);
    const changed = { ...input(s.netA.id), title: "Neu gefasst", actionAreas: ["cooperation", "workBasedLearning"] };
    expect(await editFinding(server.services, await actor(s.colleague.id), id, changed)).toEqual({ ok: false, error: "forbidden" });
    expect(await editFinding(server.services, await actor(s.moderator.id), id, changed)).toEqual({ ok: false, error: "forbidden" });
    expect((await findingPage(server.services, await actor(s.author.id), id))?.finding.title).toBe(input(s.netA.id).title);
    expect(await editFinding(server.services, await actor(s.author.id), id, changed)).toEqual({ ok: true, id });
    const page = await findingPage(server.services, await actor(s.author.id), id);
    expect(page?.finding.title).toBe("Neu gefasst");
    expect(page?.finding.actionAreas).toEqual(["cooperation", "workBasedLearning"]);
    expect(page?.finding.networkId).toBe(s.netA.id);
  });
});

describe(`findings: list (${process.env.TEST_DATABASE})`, () => {
  it("filters by network, action area, field, theme and country, and sorts by discussion", async () => {
    const s = await setting();
    const quiet = await posted(s.author.id, s.netA.id, { title: "Ruhig", country: "DE", actionAreas: ["cooperation"], occupationalFields: ["ict"], themes: ["digitalisation"] });
    const lively = await posted(s.author.id, s.netA.id, { title: "Lebhaft", country: "IT", actionAreas: ["smallEnterprises"], themes: [] });
    const bilateral = await posted(s.colleague.id, s.netA.id, { title: "Beidseitig", country: "both" });
    // Distinct times (posts within one millisecond would tie).
    for (const [id, at] of [[quiet, "2026-01-01T10:00:00.000Z"], [lively, "2026-01-02T10:00:00.000Z"], [bilateral, "2026-01-03T10:00:00.000Z"]] as const) {
      await db().updateTable("findings").set({ created_at: at }).where("id", "=", id).execute();
    }
    const memberB = await actor(s.memberB.id);
    await commentOnFinding(server.services, memberB, lively, { body: "Sehr interessant", mentions: [] });
    await commentOnFinding(server.services, memberB, lively, { body: "Noch etwas", mentions: [] });
    await commentOnFinding(server.services, memberB, bilateral, { body: "Eins", mentions: [] });

    const list = async (query: string) => (await findingList(server.services, memberB, parseFindingFilters(new URLSearchParams(`network=${s.netA.id}&${query}`)), 1)).findings.map((f) => f.title);
    expect(await list("")).toEqual(["Beidseitig", "Lebhaft", "Ruhig"]);
    expect(await list("sort=discussed")).toEqual(["Lebhaft", "Beidseitig", "Ruhig"]);
    expect(await list("actionArea=cooperation")).toEqual(["Ruhig"]);
    expect(await list("field=ict")).toEqual(["Ruhig"]);
    expect(await list("theme=digitalisation")).toEqual(["Ruhig"]);
    expect(await list("country=DE")).toEqual(["Beidseitig", "Ruhig"]);
    expect(await list("country=both")).toEqual(["Beidseitig"]);
    // Unknown filter values are ignored, not an error.
    expect(await list("country=FR&sort=loudest&theme=%27%20or%201=1")).toEqual(["Beidseitig", "Lebhaft", "Ruhig"]);
    const all = await findingList(server.services, memberB, parseFindingFilters(new URLSearchParams(`network=${s.netA.id}&sort=discussed`)), 1);
    expect(all.findings.map((f) => f.commentCount)).toEqual([2, 1, 0]);
    expect(all.postableNetworks).toEqual([{ id: s.netB.id, name: s.netB.name }]);
    expect(all.findings.find((f) => f.id === quiet)?.occupationalFields).toEqual(["ict"]);

    // Pinned first, whatever the order.
    expect(await setFindingPinned(server.services, await actor(s.author.id), quiet, true)).toEqual({ ok: false, error: "forbidden" });
    expect(await setFindingPinned(server.services, await actor(s.moderator.id), quiet, true)).toEqual({ ok: true });
    expect(await list("sort=discussed")).toEqual(["Ruhig", "Lebhaft", "Beidseitig"]);
    expect(await list("")).toEqual(["Ruhig", "Beidseitig", "Lebhaft"]);
    const audit = (await listAuditEntries(db(), 1000)).filter((e) => e.action === "finding.pinned" && e.target_id === quiet);
    expect(audit).toHaveLength(1);
    await setFindingPinned(server.services, await actor(s.moderator.id), quiet, false);
    expect(await list("")).toEqual(["Beidseitig", "Lebhaft", "Ruhig"]);
  });

  it("shows which recommendations cite a finding", async () => {
    const s = await setting();
    const id = await posted(s.author.id, s.netA.id);
    const at = new Date().toISOString();
    await db()
      .insertInto("recommendations")
      .values({
        id: `rec-${id}`,
        title: "Empfehlung zu Ansprechpersonen",
        stage: "consultation",
        endorsement_threshold: 3,
        created_by: null,
        created_at: at,
        updated_at: at,
        consultation_at: at,
        endorsed_at: null,
        submitted_at: null,
        submitted_by: null,
        submitted_version_id: null,
        answered_at: null,
      })
      .execute();
    await db().insertInto("recommendation_citations").values({ recommendation_id: `rec-${id}`, position: 0, kind: "finding", target_id: id }).execute();
    const page = await findingPage(server.services, await actor(s.memberB.id), id);
    expect(page?.citedBy).toEqual([{ id: `rec-${id}`, title: "Empfehlung zu Ansprechpersonen", stage: "consultation" }]);
    const list = await findingList(server.services, await actor(s.memberB.id), parseFindingFilters(new URLSearchParams(`network=${s.netA.id}`)), 1);
    expect(list.findings[0]?.citedBy.map((r) => r.title)).toEqual(["Empfehlung zu Ansprechpersonen"]);
  });
});

describe(`findings: discussion and moderation (${process.env.TEST_DATABASE})`, () => {
  it("lets a member of another network comment with a mention and tells the author's network once", async () => {
    const s = await setting();
    const id = await posted(s.author.id, s.netA.id);
    const started = await commentOnFinding(server.services, await actor(s.memberB.id), id, { body: "@Anna Autorin, wie viele Betriebe?", mentions: [s.author.id] });
    if (!started.ok) throw new Error(started.error);
    expect(await kindsOf(s.author.id)).toEqual(["mention"]);
    expect(await kindsOf(s.colleague.id)).toEqual(["discussion"]);
    expect(await kindsOf(s.memberB.id)).toEqual([]);
    const [discussion] = await listNotificationsOf(db(), s.colleague.id);
    expect(discussion?.link).toBe(`/network-of-networks/findings/${id}?thread=${started.threadId}#thread-${started.threadId}`);

    expect(await replyOnFinding(server.services, await actor(s.colleague.id), id, { threadId: started.threadId, body: "Zwölf Betriebe.", mentions: [] })).toEqual({ ok: true, threadId: started.threadId });
    expect(await kindsOf(s.memberB.id)).toEqual(["reply"]);
    expect(await kindsOf(s.author.id)).toEqual(["discussion", "mention"]);
    expect(await kindsOf(s.colleague.id)).toEqual(["discussion"]);

    const page = await findingPage(server.services, await actor(s.observer.id), id);
    expect(page?.discussion.threads).toHaveLength(1);
    expect(page?.discussion.threads[0]?.comments.map((c) => c.body)).toEqual(["@Anna Autorin, wie viele Betriebe?", "Zwölf Betriebe."]);
    // Everyone in the commons may be mentioned, whatever their network.
    const candidates = page?.discussion.candidates.map((c) => c.id) ?? [];
    expect(candidates).toEqual(expect.arrayContaining([s.author.id, s.memberB.id, s.moderator.id]));
    expect(candidates).not.toContain(s.observer.id);
  });

  it("refuses a reply to a thread of another finding", async () => {
    const s = await setting();
    const one = await posted(s.author.id, s.netA.id);
    const two = await posted(s.author.id, s.netA.id);
    const started = await commentOnFinding(server.services, await actor(s.memberB.id), one, { body: "Frage", mentions: [] });
    if (!started.ok) throw new Error(started.error);
    expect(await replyOnFinding(server.services, await actor(s.memberB.id), two, { threadId: started.threadId, body: "falsch", mentions: [] })).toEqual({ ok: false, error: "notFound" });
  });

  it("refuses comments in a closed discussion and changes nothing; reopening allows them again", async () => {
    const s = await setting();
    const id = await posted(s.author.id, s.netA.id);
    const started = await commentOnFinding(server.services, await actor(s.memberB.id), id, { body: "Erster Beitrag", mentions: [] });
    if (!started.ok) throw new Error(started.error);
    expect(await closeFindingDiscussion(server.services, await actor(s.author.id), id, "Erledigt")).toEqual({ ok: false, error: "forbidden" });
    expect(await closeFindingDiscussion(server.services, await actor(s.moderator.id), id, "  ")).toEqual({ ok: false, error: "invalid" });
    expect(await closeFindingDiscussion(server.services, await actor(s.moderator.id), id, "In die Empfehlung übernommen")).toEqual({ ok: true });
    const notificationsBefore = await kindsOf(s.colleague.id);

    expect(await commentOnFinding(server.services, await actor(s.memberB.id), id, { body: "Noch eins", mentions: [s.author.id] })).toEqual({ ok: false, error: "closed" });
    expect(await replyOnFinding(server.services, await actor(s.author.id), id, { threadId: started.threadId, body: "Antwort", mentions: [] })).toEqual({ ok: false, error: "closed" });
    expect(await commentOnFinding(server.services, await actor(s.moderator.id), id, { body: "Auch nicht", mentions: [] })).toEqual({ ok: false, error: "closed" });
    expect((await commentRows(id)).map((c) => c.body)).toEqual(["Erster Beitrag"]);
    expect(await kindsOf(s.colleague.id)).toEqual(notificationsBefore);
    expect(await kindsOf(s.author.id)).not.toContain("mention");

    const page = await findingPage(server.services, await actor(s.memberB.id), id);
    expect(page?.finding.discussionClosed?.reason).toBe("In die Empfehlung übernommen");
    expect(page?.rights.discuss).toBe(false);
    const audit = (await listAuditEntries(db(), 1000)).find((e) => e.action === "finding.discussion_closed" && e.target_id === id);
    expect(JSON.parse(audit?.details ?? "{}").reason).toBe("In die Empfehlung übernommen");

    expect(await reopenFindingDiscussion(server.services, await actor(s.moderator.id), id)).toEqual({ ok: true });
    expect((await commentOnFinding(server.services, await actor(s.memberB.id), id, { body: "Wieder offen", mentions: [] })).ok).toBe(true);
  });

  it("lets moderators hide a comment: kept, placeholder with reason, audited", async () => {
    const s = await setting();
    const id = await posted(s.author.id, s.netA.id);
    const started = await commentOnFinding(server.services, await actor(s.memberB.id), id, { body: "Werbung für mein Produkt", mentions: [] });
    if (!started.ok) throw new Error(started.error);
    const [comment] = await commentRows(id);
    if (!comment) throw new Error("no comment");

    expect(await hideFindingComment(server.services, await actor(s.author.id), id, comment.id, "off topic")).toEqual({ ok: false, error: "forbidden" });
    expect(await hideFindingComment(server.services, await actor(s.observer.id), id, comment.id, "off topic")).toEqual({ ok: false, error: "forbidden" });
    const other = await posted(s.author.id, s.netA.id);
    expect(await hideFindingComment(server.services, await actor(s.moderator.id), other, comment.id, "off topic")).toEqual({ ok: false, error: "notFound" });
    expect((await commentRows(id))[0]?.hidden_at).toBeNull();

    expect(await hideFindingComment(server.services, await actor(s.moderator.id), id, comment.id, "Werbung gehört nicht hierher")).toEqual({ ok: true });
    const stored = (await commentRows(id))[0];
    expect(stored?.body).toBe("Werbung für mein Produkt");
    expect(stored?.hidden_reason).toBe("Werbung gehört nicht hierher");

    const asMember = await findingPage(server.services, await actor(s.author.id), id);
    const shown = asMember?.discussion.threads[0]?.comments[0];
    expect(shown?.body).toBeNull();
    expect(shown?.hidden?.reason).toBe("Werbung gehört nicht hierher");
    expect(shown?.hiddenText).toBeNull();
    expect(JSON.stringify(asMember)).not.toContain("Werbung für mein Produkt");
    const asModerator = await findingPage(server.services, await actor(s.moderator.id), id);
    expect(asModerator?.discussion.threads[0]?.comments[0]?.hiddenText).toBe("Werbung für mein Produkt");

    const audit = (await listAuditEntries(db(), 1000)).find((e) => e.action === "comment.hidden" && e.target_id === comment.id);
    expect(audit?.actor_id).toBe(s.moderator.id);
    expect(JSON.parse(audit?.details ?? "{}")).toMatchObject({ findingId: id, reason: "Werbung gehört nicht hierher" });
    // Hidden comments do not count as discussion.
    const list = await findingList(server.services, await actor(s.author.id), parseFindingFilters(new URLSearchParams(`network=${s.netA.id}`)), 1);
    expect(list.findings.find((f) => f.id === id)?.commentCount).toBe(0);
  });

  it("lets authors delete their own comment only", async () => {
    const s = await setting();
    const id = await posted(s.author.id, s.netA.id);
    const started = await commentOnFinding(server.services, await actor(s.memberB.id), id, { body: "Vertippt", mentions: [] });
    if (!started.ok) throw new Error(started.error);
    const [comment] = await commentRows(id);
    expect(await deleteFindingComment(server.services, await actor(s.author.id), id, comment!.id)).toEqual({ ok: false, error: "notYours" });
    expect((await deleteFindingComment(server.services, await actor(s.memberB.id), id, comment!.id)).ok).toBe(true);
    const page = await findingPage(server.services, await actor(s.author.id), id);
    expect(page?.discussion.threads[0]?.comments[0]).toMatchObject({ deleted: true, body: null });
  });
});
