/**
 * Recommendations for the advisory board through the domain, on SQLite and PostgreSQL:
 * endorsement by networks (one per network, coordinators only, withdrawable until
 * submission, threshold → endorsed and back; two coordinators of one network endorsing at the
 * same moment count once), every workflow transition by allowed and refused roles (a refusal
 * leaves the stored row exactly as it was), the board's answer (observers only), citations,
 * audit entries and notifications in each recipient's language.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { useTestServer } from "#server/testing/use-test-server";
import { buildNetwork, buildRecommendation, buildUser } from "#server/testing/factories";
import { loadActor } from "#server/domain/auth/actor";
import { listNotificationsOf } from "#db/queries/notifications";
import { listAuditEntries } from "#db/queries/audit";
import { findRecommendation, listCitations, listEndorsements, listSupports, findAnswer } from "#db/queries/recommendations";
import { findVersion } from "#db/queries/versions";
import type { RecommendationStage } from "#shared/policy";
import { createRecommendation, setCitations } from "./recommendations";
import { endorseRecommendation, setSupport, withdrawEndorsement } from "./recommendation-endorsements";
import { answerRecommendation, openConsultation, setThreshold, submitRecommendation } from "./recommendation-workflow";
import { recommendationPage } from "./recommendation-presenter";
import { postFinding } from "./findings";
import { proposeGoodPractice, setGoodPracticePublished } from "./good-practices";

const server = useTestServer();
const db = () => server.services.db;
const actor = (id: string) => loadActor(db(), id);
const documents = () => server.server.collab;

type Net = Awaited<ReturnType<typeof buildNetwork>>;
let nets: Net[];
let coordinators: Array<{ id: string }>;
let secondCoordinatorOf0: { id: string };
let memberOf0: { id: string };
let memberOf3: { id: string };
let moderator: { id: string };
let observer: { id: string };
let admin: { id: string };

beforeAll(async () => {
  nets = [];
  for (let i = 0; i < 4; i++) nets.push(await buildNetwork(db()));
  coordinators = [];
  for (const n of nets) coordinators.push(await buildUser(db(), { memberships: [{ networkId: n.id, role: "coordinator" }] }));
  secondCoordinatorOf0 = await buildUser(db(), { memberships: [{ networkId: nets[0]!.id, role: "coordinator" }] });
  memberOf0 = await buildUser(db(), { memberships: [{ networkId: nets[0]!.id, role: "member" }], locale: "it" });
  memberOf3 = await buildUser(db(), { memberships: [{ networkId: nets[3]!.id, role: "member" }], locale: "de" });
  moderator = await buildUser(db(), { platformRoles: ["moderator"] });
  observer = await buildUser(db(), { platformRoles: ["observer"] });
  admin = await buildUser(db(), { platformRoles: ["admin"] });
});

const row = async (id: string) => findRecommendation(db(), id);
/** Everything stored about a recommendation: a refused action must leave all of it as it was. */
const snapshot = async (id: string) =>
  JSON.stringify({
    row: await row(id),
    endorsements: await listEndorsements(db(), id),
    supports: await listSupports(db(), id),
    citations: await listCitations(db(), id),
    answer: (await findAnswer(db(), id)) ?? null,
  });

/** A recommendation written by a member of network 0, in the given stage. */
async function recommendation(stage: RecommendationStage = "draft", threshold = 3) {
  return buildRecommendation(db(), { stage, threshold, createdBy: memberOf0.id });
}

const endorse = async (userId: string, id: string, networkId: string, statement: string | null = null) =>
  endorseRecommendation(server.services, await actor(userId), id, { networkId, statement });

describe(`recommendations: creation and citations (${process.env.TEST_DATABASE})`, () => {
  it("members of an open network start one; observers, moderators and admins outside networks may not", async () => {
    const created = await createRecommendation(server.services, await actor(memberOf0.id), { title: "Feste Ansprechpersonen in Betrieben" });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(await row(created.id)).toMatchObject({ stage: "draft", endorsement_threshold: 3, created_by: memberOf0.id });
    const audit = (await listAuditEntries(db(), 1000)).filter((e) => e.action === "recommendation.created" && e.target_id === created.id);
    expect(audit).toHaveLength(1);
    for (const who of [observer, moderator, admin]) {
      expect(await createRecommendation(server.services, await actor(who.id), { title: "Nicht erlaubt" })).toEqual({ ok: false, error: "forbidden" });
    }
  });

  it("cites findings and published good practice; a proposal, an unknown id, a reader without write access or a frozen text change nothing", async () => {
    const finding = await postFinding(server.services, await actor(memberOf3.id), {
      networkId: nets[3]!.id,
      title: "Kleine Betriebe brauchen Verbundausbildung",
      body: "Ohne Verbund bilden Kleinstbetriebe selten aus.",
      actionAreas: ["smallEnterprises"],
      occupationalFields: [],
      themes: [],
      country: "both",
      goodPractices: [],
      findings: [],
      webLinks: [],
    });
    if (!finding.ok) throw new Error(finding.error);
    const practice = async (publish: boolean) => {
      const proposed = await proposeGoodPractice(server.services, await actor(memberOf3.id), {
        title: publish ? "Ausbildungsverbund Textil" : "Noch ungeprüfter Vorschlag",
        summary: "Betriebe teilen sich die Ausbildung.",
        occupationalField: "textileCrafts",
        country: "DE",
        partners: "Kammer",
        themeCluster: "sectors",
        link: null,
      });
      if (!proposed.ok) throw new Error(proposed.error);
      if (publish) await setGoodPracticePublished(server.services, await actor(moderator.id), proposed.id, true);
      return proposed.id;
    };
    const published = await practice(true);
    const proposal = await practice(false);
    const rec = await recommendation("draft");

    const cite = async (userId: string, id: string, goodPractices: string[], findings = [finding.id]) =>
      setCitations(server.services, await actor(userId), id, { findings, goodPractices });
    expect(await cite(coordinators[1]!.id, rec.id, [published])).toEqual({ ok: true });
    expect(await listCitations(db(), rec.id)).toEqual([
      { kind: "finding", target_id: finding.id },
      { kind: "goodPractice", target_id: published },
    ]);
    const before = await snapshot(rec.id);
    expect(await cite(memberOf0.id, rec.id, [published, proposal])).toEqual({ ok: false, error: "invalidCitation" });
    expect(await cite(memberOf0.id, rec.id, [], ["no-such-finding"])).toEqual({ ok: false, error: "invalidCitation" });
    expect(await cite(observer.id, rec.id, [])).toEqual({ ok: false, error: "forbidden" });
    expect(await cite(moderator.id, rec.id, [])).toEqual({ ok: false, error: "forbidden" });
    expect(await snapshot(rec.id)).toBe(before);

    const frozen = await recommendation("submitted");
    expect(await cite(memberOf0.id, frozen.id, [published])).toEqual({ ok: false, error: "wrongStage" });
    expect(await listCitations(db(), frozen.id)).toEqual([]);

    // The page lists the citations with titles for readers who may see them.
    const page = await recommendationPage(server.services, await actor(observer.id), rec.id);
    expect(page?.citations.map((c) => [c.kind, c.status, c.title])).toEqual([
      ["finding", "visible", "Kleine Betriebe brauchen Verbundausbildung"],
      ["goodPractice", "visible", "Ausbildungsverbund Textil"],
    ]);
  });
});

describe(`recommendations: endorsement by networks (${process.env.TEST_DATABASE})`, () => {
  it("only coordinators endorse, on behalf of their own network, once per network, and only in consultation", async () => {
    const rec = await recommendation("consultation");
    const n0 = nets[0]!.id;
    // Wrong role: a member, an observer, a moderator, an admin, a coordinator for another network.
    const before = await snapshot(rec.id);
    for (const [who, networkId] of [
      [memberOf0, n0],
      [observer, n0],
      [moderator, n0],
      [admin, n0],
      [coordinators[1]!, n0],
    ] as const) {
      expect(await endorse(who.id, rec.id, networkId), who.id).toEqual({ ok: false, error: "forbidden" });
    }
    expect(await snapshot(rec.id)).toBe(before);

    expect(await endorse(coordinators[0]!.id, rec.id, n0, "Wir tragen das mit.")).toEqual({ ok: true, stage: "consultation" });
    const twice = await snapshot(rec.id);
    expect(await endorse(coordinators[0]!.id, rec.id, n0)).toEqual({ ok: false, error: "alreadyEndorsed" });
    expect(await endorse(secondCoordinatorOf0.id, rec.id, n0)).toEqual({ ok: false, error: "alreadyEndorsed" });
    expect(await snapshot(rec.id)).toBe(twice);
    expect((await listEndorsements(db(), rec.id)).map((e) => [e.network_id, e.statement])).toEqual([[n0, "Wir tragen das mit."]]);

    // Wrong stage: a draft cannot be endorsed.
    const draft = await recommendation("draft");
    const draftBefore = await snapshot(draft.id);
    expect(await endorse(coordinators[0]!.id, draft.id, n0)).toEqual({ ok: false, error: "wrongStage" });
    expect(await snapshot(draft.id)).toBe(draftBefore);
  });

  it("becomes endorsed at the threshold, goes back to consultation below it, and is endorsed again", async () => {
    const rec = await recommendation("consultation", 3);
    expect(await endorse(coordinators[0]!.id, rec.id, nets[0]!.id)).toEqual({ ok: true, stage: "consultation" });
    expect(await endorse(coordinators[1]!.id, rec.id, nets[1]!.id)).toEqual({ ok: true, stage: "consultation" });
    expect(await endorse(coordinators[2]!.id, rec.id, nets[2]!.id)).toEqual({ ok: true, stage: "endorsed" });
    expect((await row(rec.id))?.endorsed_at).not.toBeNull();
    // A fourth network may still endorse an endorsed recommendation.
    expect(await endorse(coordinators[3]!.id, rec.id, nets[3]!.id)).toEqual({ ok: true, stage: "endorsed" });
    expect(await withdrawEndorsement(server.services, await actor(coordinators[3]!.id), rec.id, nets[3]!.id)).toEqual({ ok: true, stage: "endorsed" });
    expect(await withdrawEndorsement(server.services, await actor(coordinators[2]!.id), rec.id, nets[2]!.id)).toEqual({ ok: true, stage: "consultation" });
    expect(await row(rec.id)).toMatchObject({ stage: "consultation", endorsed_at: null });
    // Withdrawing what was never given, or as a member, changes nothing.
    const before = await snapshot(rec.id);
    expect(await withdrawEndorsement(server.services, await actor(coordinators[2]!.id), rec.id, nets[2]!.id)).toEqual({ ok: false, error: "notEndorsed" });
    expect(await withdrawEndorsement(server.services, await actor(memberOf0.id), rec.id, nets[0]!.id)).toEqual({ ok: false, error: "forbidden" });
    expect(await snapshot(rec.id)).toBe(before);
    expect(await endorse(coordinators[2]!.id, rec.id, nets[2]!.id)).toEqual({ ok: true, stage: "endorsed" });

    const actions = (await listAuditEntries(db(), 2000)).filter((e) => e.target_id === rec.id).map((e) => e.action);
    expect(actions.filter((a) => a === "recommendation.endorsed")).toHaveLength(5);
    expect(actions.filter((a) => a === "recommendation.endorsement_withdrawn")).toHaveLength(2);
    expect(actions.filter((a) => a === "recommendation.stage_changed")).toHaveLength(3);
  });

  it("counts two coordinators of one network endorsing at the same moment once", async () => {
    for (let round = 0; round < 5; round++) {
      const rec = await recommendation("consultation", 1);
      const results = await Promise.all([endorse(coordinators[0]!.id, rec.id, nets[0]!.id, "A"), endorse(secondCoordinatorOf0.id, rec.id, nets[0]!.id, "B")]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: "alreadyEndorsed" }]);
      expect(await listEndorsements(db(), rec.id)).toHaveLength(1);
      expect((await row(rec.id))?.stage).toBe("endorsed");
    }
  });

  it("counts endorsements of different networks at the same moment all, and reaches the threshold", async () => {
    for (let round = 0; round < 20; round++) {
      const rec = await recommendation("consultation", 3);
      const results = await Promise.all(coordinators.slice(0, 3).map((c, i) => endorse(c.id, rec.id, nets[i]!.id)));
      expect(results.every((r) => r.ok)).toBe(true);
      expect(await listEndorsements(db(), rec.id)).toHaveLength(3);
      expect((await row(rec.id))?.stage).toBe("endorsed");
    }
  });

  it("refuses endorsing and withdrawing after submission", async () => {
    for (const stage of ["submitted", "answered"] as const) {
      const rec = await recommendation(stage);
      const before = await snapshot(rec.id);
      expect(await endorse(coordinators[0]!.id, rec.id, nets[0]!.id)).toEqual({ ok: false, error: "wrongStage" });
      expect(await withdrawEndorsement(server.services, await actor(coordinators[0]!.id), rec.id, nets[0]!.id)).toEqual({ ok: false, error: "wrongStage" });
      expect(await snapshot(rec.id)).toBe(before);
    }
  });

  it("lets members support personally (apart from the count) until submission", async () => {
    const rec = await recommendation("consultation");
    const support = async (userId: string, on: boolean, id = rec.id) => setSupport(server.services, await actor(userId), id, on);
    expect(await support(memberOf0.id, true)).toEqual({ ok: true });
    expect(await support(memberOf0.id, true)).toEqual({ ok: false, error: "alreadySupported" });
    expect(await support(coordinators[2]!.id, true)).toEqual({ ok: true });
    expect(await support(observer.id, true)).toEqual({ ok: false, error: "forbidden" });
    expect(await support(moderator.id, true)).toEqual({ ok: false, error: "forbidden" });
    expect((await listSupports(db(), rec.id)).map((s) => s.user_id).sort()).toEqual([memberOf0.id, coordinators[2]!.id].sort());
    expect(await listEndorsements(db(), rec.id)).toEqual([]);
    expect((await row(rec.id))?.stage).toBe("consultation");
    expect(await support(memberOf0.id, false)).toEqual({ ok: true });
    expect(await support(memberOf0.id, false)).toEqual({ ok: false, error: "notSupported" });

    const submitted = await recommendation("submitted");
    const before = await snapshot(submitted.id);
    expect(await support(memberOf0.id, true, submitted.id)).toEqual({ ok: false, error: "wrongStage" });
    expect(await snapshot(submitted.id)).toBe(before);
  });
});

describe(`recommendations: workflow (${process.env.TEST_DATABASE})`, () => {
  it("only moderators open the consultation, and only of a draft; coordinators of every network are told", async () => {
    const rec = await recommendation("draft");
    const before = await snapshot(rec.id);
    for (const who of [memberOf0, coordinators[0]!, observer]) {
      expect(await openConsultation(server.services, await actor(who.id), rec.id)).toEqual({ ok: false, error: "forbidden" });
    }
    expect(await snapshot(rec.id)).toBe(before);
    expect(await openConsultation(server.services, await actor(moderator.id), rec.id)).toEqual({ ok: true });
    expect(await row(rec.id)).toMatchObject({ stage: "consultation" });
    expect((await row(rec.id))?.consultation_at).not.toBeNull();
    const again = await snapshot(rec.id);
    expect(await openConsultation(server.services, await actor(moderator.id), rec.id)).toEqual({ ok: false, error: "wrongStage" });
    expect(await snapshot(rec.id)).toBe(again);

    // The author's network (member, in Italian) and the coordinators of other networks hear about it.
    const ofMember = (await listNotificationsOf(db(), memberOf0.id)).filter((n) => n.doc_name === rec.docName);
    expect(ofMember).toHaveLength(1);
    expect(ofMember[0]).toMatchObject({ kind: "recommendation", link: `/network-of-networks/recommendations/${rec.id}` });
    expect(ofMember[0]?.excerpt).toContain("consultazione");
    expect((await listNotificationsOf(db(), coordinators[3]!.id)).filter((n) => n.doc_name === rec.docName)).toHaveLength(1);
    // A member of another network is not an author and cannot endorse: not told.
    expect((await listNotificationsOf(db(), memberOf3.id)).filter((n) => n.doc_name === rec.docName)).toHaveLength(0);
  });

  it("lets moderators set the threshold (1..5) while draft or consultation; a lower threshold may make it endorsed", async () => {
    const rec = await recommendation("consultation", 3);
    await endorse(coordinators[0]!.id, rec.id, nets[0]!.id);
    await endorse(coordinators[1]!.id, rec.id, nets[1]!.id);
    const before = await snapshot(rec.id);
    expect(await setThreshold(server.services, await actor(coordinators[0]!.id), rec.id, 2)).toEqual({ ok: false, error: "forbidden" });
    expect(await setThreshold(server.services, await actor(moderator.id), rec.id, 0)).toEqual({ ok: false, error: "invalidThreshold" });
    expect(await setThreshold(server.services, await actor(moderator.id), rec.id, 6)).toEqual({ ok: false, error: "invalidThreshold" });
    expect(await snapshot(rec.id)).toBe(before);
    expect(await setThreshold(server.services, await actor(moderator.id), rec.id, 2)).toEqual({ ok: true });
    expect(await row(rec.id)).toMatchObject({ stage: "endorsed", endorsement_threshold: 2 });
    const endorsed = await snapshot(rec.id);
    expect(await setThreshold(server.services, await actor(moderator.id), rec.id, 4)).toEqual({ ok: false, error: "wrongStage" });
    expect(await snapshot(rec.id)).toBe(endorsed);
  });

  it("submits only an endorsed recommendation, by a moderator, freezing the text as a named version", async () => {
    const consultation = await recommendation("consultation");
    const before = await snapshot(consultation.id);
    expect(await submitRecommendation(server.services, documents(), await actor(moderator.id), consultation.id, { locale: "de" })).toEqual({ ok: false, error: "wrongStage" });
    expect(await snapshot(consultation.id)).toBe(before);

    const rec = await recommendation("endorsed");
    await documents().change(rec.docName, memberOf0.id, (doc) => doc.getXmlFragment("content").insert(0, [new Y.XmlText("Empfehlung")]));
    const endorsedBefore = await snapshot(rec.id);
    for (const who of [memberOf0, coordinators[0]!, observer]) {
      const refused = await submitRecommendation(server.services, documents(), await actor(who.id), rec.id, { locale: "de" });
      expect(refused, who.id).toEqual({ ok: false, error: "forbidden" });
    }
    expect(await snapshot(rec.id)).toBe(endorsedBefore);

    const submitted = await submitRecommendation(server.services, documents(), await actor(moderator.id), rec.id, { locale: "de" });
    expect(submitted.ok).toBe(true);
    if (!submitted.ok) return;
    const stored = await row(rec.id);
    expect(stored).toMatchObject({ stage: "submitted", submitted_by: moderator.id, submitted_version_id: submitted.versionId });
    const version = await findVersion(db(), submitted.versionId);
    expect(version).toMatchObject({ doc_name: rec.docName, kind: "named", network_id: null });
    expect(version?.name).toMatch(/^Dem Begleitgremium vorgelegt am /);
    expect(version?.text).toContain("Empfehlung");
    // The moderator who named it is not an author: the network of the member is.
    const page = await recommendationPage(server.services, await actor(observer.id), rec.id);
    expect(page?.authorsNetworks.map((n) => n.id)).toEqual([nets[0]!.id]);
    expect(page?.rights.edit).toBe(false);
    expect(page?.rights.answer).toBe(true);
    // Submitting twice is a wrong stage.
    expect(await submitRecommendation(server.services, documents(), await actor(moderator.id), rec.id, { locale: "de" })).toEqual({ ok: false, error: "wrongStage" });
    // Observers (the board) are told it awaits their answer.
    expect((await listNotificationsOf(db(), observer.id)).filter((n) => n.doc_name === rec.docName)).toHaveLength(1);
  });

  it("takes the board's answer from observers only, once, and tells the authors' networks", async () => {
    const endorsed = await recommendation("endorsed");
    const rec = await recommendation("submitted");
    const answer = async (userId: string, id = rec.id) =>
      answerRecommendation(server.services, await actor(userId), id, { verdict: "partlyAccepted", body: "Wir greifen den Vorschlag für die Kammern auf." });
    const before = await snapshot(rec.id);
    for (const who of [memberOf0, coordinators[0]!, moderator, admin]) {
      expect(await answer(who.id), who.id).toEqual({ ok: false, error: "forbidden" });
    }
    expect(await snapshot(rec.id)).toBe(before);
    const endorsedBefore = await snapshot(endorsed.id);
    expect(await answer(observer.id, endorsed.id)).toEqual({ ok: false, error: "wrongStage" });
    expect(await snapshot(endorsed.id)).toBe(endorsedBefore);

    expect(await answer(observer.id)).toEqual({ ok: true });
    expect(await row(rec.id)).toMatchObject({ stage: "answered" });
    expect(await findAnswer(db(), rec.id)).toMatchObject({ verdict: "partlyAccepted", body: "Wir greifen den Vorschlag für die Kammern auf." });
    const answered = await snapshot(rec.id);
    expect(await answer(observer.id)).toEqual({ ok: false, error: "alreadyAnswered" });
    expect(await snapshot(rec.id)).toBe(answered);

    const toAuthor = (await listNotificationsOf(db(), memberOf0.id)).filter((n) => n.doc_name === rec.docName);
    expect(toAuthor.map((n) => n.excerpt)).toEqual(["Il comitato di accompagnamento ha risposto alla raccomandazione: Accolta in parte."]);
    expect((await listNotificationsOf(db(), memberOf3.id)).filter((n) => n.doc_name === rec.docName)).toHaveLength(0);
    const audit = (await listAuditEntries(db(), 2000)).filter((e) => e.target_id === rec.id).map((e) => e.action);
    expect(audit).toContain("recommendation.answered");
    expect(audit).toContain("recommendation.stage_changed");
  });
});
