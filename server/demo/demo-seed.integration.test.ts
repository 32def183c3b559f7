import { GLOSSARY_SEED } from "#db/seed/glossary-terms";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "#db/testing/test-database";
import * as Y from "yjs";
import { applyDemoSeed } from "./apply-demo-seed";
import { demoNetworks, demoPeople } from "#db/seed/demo-data";
import { demoWorkProgrammes } from "#db/seed/demo-work-programmes";
import { demoFindings, demoGoodPractices, demoRecommendations } from "#db/seed/demo-commons";
import { findDerived, findSnapshot, upsertSnapshot } from "#db/queries/collab";
import { listActivities, listMilestones } from "#db/queries/work-programme-items";
import { docNameOf, languageVersionName } from "#shared/collab/doc-names";
import { readActivities, readMilestones } from "#shared/collab/work-programme-doc";
import { demoEvents } from "#db/seed/demo-events";
import { listEventCosts, listSessions, listSessionSpeakers } from "#db/queries/events";
import { firstWaiting, registeredLanguages } from "#db/queries/event-registrations";
import { MINUTES_DOC_TYPE } from "#shared/collab/doc-names";
import { readActionItems, readAttendees, readDecisions } from "#shared/collab/minutes-doc";
import { EVENT_TIME_ZONES } from "#shared/events/event-vocabulary";
import { interpretingNeeds } from "#shared/events/interpreting";
import { can } from "#shared/policy";
import { loadActor } from "#server/domain/auth/actor";
import { eventSubject, parseLanguages } from "#server/domain/events/event-subject";
import { demoInstant } from "./apply-demo-events";
import { applyDemoLanguageVersions } from "./apply-demo-language-versions";
import { buildWorkProgrammeDoc } from "./apply-demo-seed";
import { demoLanguageVersions } from "#db/seed/demo-language-versions";
import { readSections } from "#shared/collab/sections";
import { alignSections, readSectionRecords, sameSourceText } from "#shared/collab/section-status";
import { DEMO_PROJECT_TEAM_EMAIL, demoInterests, demoIntroductions } from "#db/seed/demo-interest";
import { listLogOf, listMembersOf } from "#db/queries/interest";
import { homeCountry } from "#shared/intake/matching";
import { INTEREST_STATUSES, OPEN_STATUSES } from "#shared/intake/vocabulary";
import { demoApplications, demoRubric } from "#db/seed/demo-selection";
import { aggregate } from "#shared/board/rubric";
import { listCriteria, listReviewsOf, listScoresOf } from "#db/queries/partnerships";
import { checkComposition } from "#shared/intake/composition";
import { actorsOf } from "#server/domain/intake/presenter";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

const TABLES = [
  "users",
  "networks",
  "organisations",
  "memberships",
  "network_organisations",
  "work_programmes",
  "collab_documents",
  "wp_activities",
  "wp_milestones",
  "good_practices",
  "findings",
  "comment_threads",
  "recommendations",
  "recommendation_endorsements",
  "document_versions",
  "events",
  "event_organisations",
  "event_sessions",
  "event_session_speakers",
  "event_registrations",
  "event_interpreting_bookings",
  "event_costs",
  "glossary_terms",
  "document_languages",
  "language_versions",
  "platform_roles",
  "interest_expressions",
  "interest_members",
  "interest_log",
  "interest_introductions",
  "partnerships",
  "partnership_groups",
  "partnership_organisations",
  "partnership_members",
  "rubric_criteria",
  "board_reviews",
  "board_scores",
] as const;
const count = async (table: (typeof TABLES)[number]) =>
  Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

/** The work programme with an Italian version (db/seed/demo-language-versions.ts). */
const MECH_WP_ID = "demo-wp-mechatronics";

/** A stored document as a Y.Doc (the caller destroys it). */
const loadDoc = async (name: string) => {
  const snapshot = await findSnapshot(database.db, name);
  expect(snapshot?.state.byteLength, name).toBeGreaterThan(0);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, snapshot!.state);
  return doc;
};

/** Everything the intake stores, in a fixed order. */
const intakeRows = async () => ({
  expressions: await database.db.selectFrom("interest_expressions").selectAll().orderBy("id").execute(),
  members: await database.db.selectFrom("interest_members").selectAll().orderBy("id").execute(),
  log: await database.db.selectFrom("interest_log").selectAll().orderBy("id").execute(),
  introductions: await database.db.selectFrom("interest_introductions").selectAll().orderBy("expression_a").execute(),
});

/** Everything the selection stores, in a fixed order. */
const selectionRows = async () => ({
  partnerships: await database.db.selectFrom("partnerships").selectAll().orderBy("id").execute(),
  groups: await database.db.selectFrom("partnership_groups").selectAll().orderBy("partnership_id").orderBy("expression_id").execute(),
  criteria: await database.db.selectFrom("rubric_criteria").selectAll().orderBy("id").execute(),
  reviews: await database.db.selectFrom("board_reviews").selectAll().orderBy("partnership_id").orderBy("user_id").execute(),
  scores: await database.db.selectFrom("board_scores").selectAll().orderBy("partnership_id").orderBy("user_id").orderBy("criterion_id").execute(),
});

/** The seed's `now`: the demo's events are placed around it. */
const NOW = new Date().toISOString();

describe(`demo seed (${process.env.TEST_DATABASE})`, () => {
  it("creates five networks with at least three organisations per country and a coordinator each", async () => {
    const first = await applyDemoSeed(database.db, NOW);
    expect(first.networks).toBe(5);
    expect(first.goodPractices).toBe(demoGoodPractices.length);
    expect(first.findings).toBe(demoFindings.length);
    expect(first.recommendations).toBe(demoRecommendations.length);
    expect(first.people).toBe(demoPeople.length);
    expect(first.events).toBe(demoEvents.length);
    expect(first.minutes).toBe(demoEvents.filter((e) => e.minutes).length);
    expect(first.glossaryTerms).toBe(GLOSSARY_SEED.length);
    expect(first.languageVersions).toBe(demoLanguageVersions.length);
    expect(first.interests).toBe(12);
    expect(first.applications).toBe(demoApplications.length);
    for (const network of demoNetworks) {
      const orgs = await database.db
        .selectFrom("network_organisations")
        .innerJoin("organisations", "organisations.id", "network_organisations.organisation_id")
        .select(["organisations.country", "organisations.sector"])
        .where("network_id", "=", network.id)
        .execute();
      expect(orgs.filter((o) => o.country === "DE").length, network.slug).toBeGreaterThanOrEqual(3);
      expect(orgs.filter((o) => o.country === "IT").length, network.slug).toBeGreaterThanOrEqual(3);
      // A public-private partnership: both kinds on board.
      expect(new Set(orgs.map((o) => o.sector))).toEqual(new Set(["public", "private"]));
      const coordinators = await database.db.selectFrom("memberships").select("user_id").where("network_id", "=", network.id).where("role", "=", "coordinator").execute();
      expect(coordinators.length, network.slug).toBeGreaterThanOrEqual(1);
    }
  });

  it("is idempotent: a second run adds nothing", async () => {
    const before = await Promise.all(TABLES.map(count));
    const stateBefore = await findSnapshot(database.db, docNameOf("workprogramme", demoWorkProgrammes[0]!.id));
    const minutesName = docNameOf(MINUTES_DOC_TYPE, demoEvents.find((e) => e.minutes)!.id);
    const minutesBefore = await findSnapshot(database.db, minutesName);
    const versionName = languageVersionName(docNameOf("workprogramme", MECH_WP_ID), "it");
    const versionBefore = await findSnapshot(database.db, versionName);
    const intakeBefore = await intakeRows();
    const selectionBefore = await selectionRows();
    const applicationName = docNameOf("application", demoApplications[0]!.id);
    const applicationBefore = await findSnapshot(database.db, applicationName);
    // A later start of the demo (other relative dates) finds everything there and adds nothing either.
    const second = await applyDemoSeed(database.db, new Date(Date.parse(NOW) + 3 * 86_400_000).toISOString());
    expect(second).toEqual({ networks: 0, organisations: 0, people: 0, workProgrammes: 0, goodPractices: 0, findings: 0, recommendations: 0, events: 0, minutes: 0, glossaryTerms: 0, languageVersions: 0, interests: 0, applications: 0 });
    const after = await Promise.all(TABLES.map(count));
    expect(after).toEqual(before);
    // The stored document is left alone, so edits made since the first run survive.
    const stateAfter = await findSnapshot(database.db, docNameOf("workprogramme", demoWorkProgrammes[0]!.id));
    expect(Buffer.from(stateAfter!.state).equals(Buffer.from(stateBefore!.state))).toBe(true);
    const minutesAfter = await findSnapshot(database.db, minutesName);
    expect(Buffer.from(minutesAfter!.state).equals(Buffer.from(minutesBefore!.state))).toBe(true);
    const versionAfter = await findSnapshot(database.db, versionName);
    expect(Buffer.from(versionAfter!.state).equals(Buffer.from(versionBefore!.state))).toBe(true);
    // The intake too: same rows, same token hashes, same log and introductions.
    expect(await intakeRows()).toEqual(intakeBefore);
    // The selection too: the same partnership, rubric, reviews and scores, the application's text untouched.
    expect(await selectionRows()).toEqual(selectionBefore);
    const applicationAfter = await findSnapshot(database.db, applicationName);
    expect(Buffer.from(applicationAfter!.state).equals(Buffer.from(applicationBefore!.state))).toBe(true);
  });

  it("holds a dozen expressions of interest from both countries in several states, kept by the project team", async () => {
    const rows = await database.db.selectFrom("interest_expressions").selectAll().orderBy("id").execute();
    expect(rows.map((r) => r.id)).toEqual(demoInterests.map((i) => i.id).sort());
    expect(rows).toHaveLength(12);
    const members = await listMembersOf(database.db, rows.map((r) => r.id));
    const membersOf = (id: string) => members.filter((m) => m.expression_id === id);
    // Both countries: six groups from each, and some groups with members from both.
    const homes = rows.map((r) => homeCountry({ actors: membersOf(r.id) }));
    expect(homes.filter((c) => c === "IT")).toHaveLength(6);
    expect(homes.filter((c) => c === "DE")).toHaveLength(6);
    expect(new Set(members.map((m) => m.country))).toEqual(new Set(["DE", "IT"]));
    expect(rows.filter((r) => new Set(membersOf(r.id).map((m) => m.country)).size === 2).length).toBeGreaterThanOrEqual(2);
    for (const r of rows) {
      expect(membersOf(r.id).length, r.id).toBeGreaterThanOrEqual(2);
      expect(membersOf(r.id).length, r.id).toBeLessThanOrEqual(4);
      // Written in the group's language, from an address that reaches nobody.
      expect(r.locale, r.id).toBe(homes[rows.indexOf(r)] === "IT" ? "it" : "de");
      expect(r.group_name, r.id).toMatch(/\(Demo\)$/);
      expect(r.contact_email, r.id).toMatch(/@example\.org$/);
      expect(JSON.parse(r.action_areas).length, r.id).toBeGreaterThan(0);
      expect(r.motivation && r.project_idea, r.id).toBeTruthy();
      expect(r.token_hash, r.id).toMatch(/^[0-9a-f]{64}$/);
      expect(r.created_at <= r.status_changed_at && r.status_changed_at <= r.updated_at && r.updated_at < NOW, r.id).toBe(true);
    }
    // In several states, as the project team moved them.
    const statuses = new Set(rows.map((r) => r.status));
    expect(statuses.size).toBeGreaterThanOrEqual(5);
    for (const s of statuses) expect(INTEREST_STATUSES).toContain(s);
    expect(rows.filter((r) => r.introductions_consent === 0)).toHaveLength(2);
    // Partner suggestions have something to show: open mechatronics groups on both sides (the
    // Turin and Zwickau groups have since applied together, see the selection below).
    const openMechatronics = rows.filter((r) => r.occupational_field === "mechatronics" && OPEN_STATUSES.includes(r.status));
    for (const country of ["DE", "IT"] as const) {
      expect(openMechatronics.filter((r) => homes[rows.indexOf(r)] === country).length, country).toBeGreaterThanOrEqual(1);
    }

    // The project-team person has the role and manages the intake; the log is theirs (or the group's own amendment).
    const team = demoPeople.find((p) => p.email === DEMO_PROJECT_TEAM_EMAIL)!;
    const actor = await loadActor(database.db, team.id);
    expect(actor.platformRoles.has("project_team")).toBe(true);
    expect(can(actor, { type: "intake.manage" })).toBe(true);
    for (const r of rows) {
      const log = await listLogOf(database.db, r.id);
      for (const e of log) {
        expect(e.author_id, e.id).toBe(e.kind === "amended" ? null : team.id);
        expect(e.created_at >= r.created_at && e.created_at < NOW, e.id).toBe(true);
      }
      // The newest status change is the group's status; a group never touched is still "received".
      const changes = log.filter((e) => e.kind === "status");
      expect(changes[0]?.status_to ?? "received", r.id).toBe(r.status);
      if (changes[0]) expect(changes[0].created_at, r.id).toBe(r.status_changed_at);
    }

    // One introduction, between an Italian and a German mechatronics group that both agreed to it, in both logs.
    const introductions = await database.db.selectFrom("interest_introductions").selectAll().execute();
    expect(introductions).toHaveLength(demoIntroductions.length);
    const [intro] = introductions;
    const pair = rows.filter((r) => r.id === intro!.expression_a || r.id === intro!.expression_b);
    expect(pair.map((r) => r.occupational_field)).toEqual(["mechatronics", "mechatronics"]);
    expect(new Set(pair.map((r) => homes[rows.indexOf(r)]))).toEqual(new Set(["DE", "IT"]));
    expect(pair.every((r) => r.introductions_consent === 1)).toBe(true);
    expect(intro!.created_by).toBe(team.id);
    for (const [self, partner] of [pair, [...pair].reverse()] as const) {
      const entries = (await listLogOf(database.db, self!.id)).filter((e) => e.kind === "introduction");
      // By id, as introduceGroups logs it (a withdrawn partner's name must not stay behind).
      expect(entries.map((e) => e.body)).toEqual([partner!.id]);
    }
  });

  it("has one application being scored: a submitted partnership of groups from both countries, its text, a rubric, a submitted and a draft review", async () => {
    const partnerships = await database.db.selectFrom("partnerships").selectAll().execute();
    const submitted = partnerships.filter((p) => p.status === "submitted");
    expect(submitted).toHaveLength(1);
    const [partnership] = submitted;
    expect(partnership!.name).toMatch(/\(Demo\)$/);
    expect(partnership!.submitted_at! < NOW && partnership!.created_at < partnership!.submitted_at!).toBe(true);
    const team = demoPeople.find((p) => p.email === DEMO_PROJECT_TEAM_EMAIL)!;
    expect(partnership!.created_by).toBe(team.id);

    // At least two groups, from both countries, who were introduced to each other and are now "applied", as the platform logs it.
    const groupIds = (await database.db.selectFrom("partnership_groups").select("expression_id").where("partnership_id", "=", partnership!.id).execute()).map((g) => g.expression_id);
    expect(groupIds.length).toBeGreaterThanOrEqual(2);
    const members = await listMembersOf(database.db, groupIds);
    expect(new Set(groupIds.map((id) => homeCountry({ actors: members.filter((m) => m.expression_id === id) })))).toEqual(new Set(["DE", "IT"]));
    expect(checkComposition(actorsOf(members)).met).toBe(true);
    const introduced = await database.db.selectFrom("interest_introductions").selectAll().execute();
    expect(introduced.some((i) => groupIds.includes(i.expression_a) && groupIds.includes(i.expression_b))).toBe(true);
    for (const id of groupIds) {
      const group = await database.db.selectFrom("interest_expressions").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
      expect(group.status, id).toBe("applied");
      const changes = (await listLogOf(database.db, id)).filter((e) => e.kind === "status");
      expect(changes.slice(0, 2).map((e) => [e.status_from, e.status_to, e.author_id]), id).toEqual([
        ["partnership_formed", "applied", team.id],
        ["looking_for_partners", "partnership_formed", team.id],
      ]);
      expect(changes[0]!.created_at, id).toBe(partnership!.submitted_at);
      expect(changes[1]!.created_at, id).toBe(partnership!.created_at);
    }

    // The joint application, stored as the collab server stores it: headings, German text and an Italian summary.
    const name = docNameOf("application", partnership!.id);
    const doc = await loadDoc(name);
    expect(doc.getXmlFragment("content").length).toBeGreaterThan(10);
    doc.destroy();
    const derived = await findDerived(database.db, name);
    for (const heading of ["Ausgangslage", "Ziele", "Arbeitsplan", "Beitrag der Partner", "Erwartete Wirkung", "Sintesi in italiano"]) expect(derived?.text, heading).toContain(heading);
    expect(derived!.text.length).toBeGreaterThan(2000);
    expect(derived!.text).toContain("Demo");

    // A weighted rubric, scored by two board members: one review submitted (every criterion), one still a draft.
    const criteria = await listCriteria(database.db);
    expect(criteria.length).toBeGreaterThanOrEqual(3);
    expect(criteria.map((c) => c.id)).toEqual(demoRubric.map((c) => c.id));
    expect(criteria.every((c) => c.label && c.weight >= 1)).toBe(true);
    const reviews = await listReviewsOf(database.db, [partnership!.id]);
    const scores = await listScoresOf(database.db, [partnership!.id]);
    const done = reviews.filter((r) => r.status === "submitted");
    const drafts = reviews.filter((r) => r.status === "draft");
    expect(done.length).toBeGreaterThanOrEqual(1);
    expect(drafts.length).toBeGreaterThanOrEqual(1);
    for (const r of reviews) {
      const reviewer = await loadActor(database.db, r.user_id);
      expect(can(reviewer, { type: "application.score" }), r.user_id).toBe(true);
      expect(r.updated_at > partnership!.submitted_at! && r.updated_at < NOW, r.user_id).toBe(true);
      const own = scores.filter((s) => s.user_id === r.user_id);
      expect(own.length, r.user_id).toBeGreaterThan(0);
      if (r.status === "submitted") {
        expect(r.submitted_at, r.user_id).toBe(r.updated_at);
        expect(r.comment.length, r.user_id).toBeGreaterThan(0);
        expect(new Set(own.map((s) => s.criterion_id))).toEqual(new Set(criteria.map((c) => c.id)));
      } else {
        expect(r.submitted_at, r.user_id).toBeNull();
        expect(own.length, r.user_id).toBeLessThan(criteria.length);
      }
    }
    const result = aggregate(
      criteria,
      reviews.map((r) => ({ reviewerId: r.user_id, status: r.status, scores: new Map(scores.filter((s) => s.user_id === r.user_id).map((s) => [s.criterion_id, s.score])) })),
    );
    expect(result).toMatchObject({ submitted: done.length, drafts: drafts.length, conflicts: 0 });
    expect(result.score).not.toBeNull();
  });

  it("gives each network a work programme whose stored document holds the seeded activities and milestones", async () => {
    for (const network of demoNetworks) {
      const programmes = await database.db.selectFrom("work_programmes").selectAll().where("network_id", "=", network.id).execute();
      expect(programmes.length, network.slug).toBeGreaterThanOrEqual(1);
      const seeded = demoWorkProgrammes.find((wp) => wp.networkId === network.id);
      expect(seeded, network.slug).toBeDefined();
      expect(seeded!.activities.length).toBeGreaterThanOrEqual(3);
      expect(seeded!.milestones.length).toBe(2);

      const name = docNameOf("workprogramme", seeded!.id);
      const snapshot = await findSnapshot(database.db, name);
      expect(snapshot?.state.byteLength, name).toBeGreaterThan(0);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, snapshot!.state);
      expect(readActivities(doc).map((a) => a.title)).toEqual(seeded!.activities.map((a) => a.title));
      expect(readActivities(doc)).toEqual(seeded!.activities);
      expect(readMilestones(doc)).toEqual(seeded!.milestones);
      // Every responsible organisation belongs to the network.
      const orgIds = new Set(network.organisations.map((o) => o.id));
      for (const a of readActivities(doc)) for (const r of a.responsible) expect(orgIds.has(r), `${a.title}: ${r}`).toBe(true);
      // The text is there too, and its derived plain text was stored for search and previews.
      expect(doc.getXmlFragment("content").length).toBeGreaterThan(3);
      const derived = await findDerived(database.db, name);
      expect(derived?.text.length).toBeGreaterThan(100);
      doc.destroy();

      const activities = await listActivities(database.db, [network.id]);
      expect(activities.map((a) => a.title)).toEqual(seeded!.activities.map((a) => a.title));
      expect((await listMilestones(database.db, [network.id])).length).toBe(2);
    }
  });

  it("fills the network of networks: findings of every network, good practice marked as demo data, recommendations in two states", async () => {
    const findings = await database.db.selectFrom("findings").select(["network_id", "author_id"]).execute();
    expect(new Set(findings.map((f) => f.network_id))).toEqual(new Set(demoNetworks.map((n) => n.id)));
    // Every author posts on behalf of a network they belong to.
    for (const f of findings) {
      const membership = await database.db.selectFrom("memberships").select("role").where("network_id", "=", f.network_id).where("user_id", "=", f.author_id!).executeTakeFirst();
      expect(membership, `${f.author_id} in ${f.network_id}`).toBeDefined();
    }
    const gp = await database.db.selectFrom("good_practices").select(["demo", "status"]).execute();
    expect(gp.length).toBeGreaterThan(0);
    expect(gp.every((g) => g.demo === 1 && g.status === "published")).toBe(true);
    const recs = await database.db.selectFrom("recommendations").select(["id", "stage", "submitted_version_id"]).orderBy("id").execute();
    expect(new Set(recs.map((r) => r.stage)).size).toBeGreaterThanOrEqual(2);
    for (const r of recs) {
      expect(await findSnapshot(database.db, docNameOf("recommendation", r.id))).toBeDefined();
      if (r.stage === "submitted") expect(r.submitted_version_id).not.toBeNull();
    }
  });

  it("gives every network and the commons events held before the seed's now and published after it, planned by their organisers", async () => {
    const events = await database.db.selectFrom("events").selectAll().execute();
    expect(events.length).toBe(demoEvents.length);
    for (const owner of [...demoNetworks.map((n) => n.id), null]) {
      const own = events.filter((e) => e.network_id === owner);
      expect(
        own.some((e) => e.status === "held" && e.ends_at < NOW),
        `past event of ${owner ?? "the commons"}`,
      ).toBe(true);
      expect(
        own.some((e) => e.status === "published" && e.starts_at > NOW),
        `upcoming event of ${owner ?? "the commons"}`,
      ).toBe(true);
    }
    expect(events.some((e) => e.status === "draft" && e.starts_at > NOW)).toBe(true);
    expect(events.some((e) => e.format === "studyTrip" && e.status === "held")).toBe(true);
    expect(events.some((e) => e.format === "studyTrip" && e.status === "published")).toBe(true);
    for (const e of events) {
      if (e.status === "held") expect(e.ends_at < NOW, e.id).toBe(true);
      if (e.status === "published" || e.status === "draft") expect(e.starts_at > NOW, e.id).toBe(true);
      if (e.registration_deadline) expect(e.registration_deadline <= e.ends_at, e.id).toBe(true);
      expect(e.created_at < NOW && e.updated_at <= NOW, e.id).toBe(true);
      // Its creator organises it: a coordinator of the network, a moderator for the commons.
      const creator = await loadActor(database.db, e.created_by!);
      expect(can(creator, { type: "event.organise", event: eventSubject(e) }), e.id).toBe(true);
      if (e.network_id) expect(creator.memberships.get(e.network_id), e.id).toBe("coordinator");
      else expect(creator.platformRoles.has("moderator"), e.id).toBe(true);
      const organisers = await database.db.selectFrom("event_organisations").select("organisation_id").where("event_id", "=", e.id).execute();
      expect(organisers.length, e.id).toBeGreaterThan(0);
    }
  });

  it("has agendas with platform speakers and external guests, inside their events", async () => {
    const events = await database.db.selectFrom("events").selectAll().where("status", "in", ["held", "published"]).execute();
    let speakers = 0;
    let guests = 0;
    for (const e of events) {
      const sessions = await listSessions(database.db, e.id);
      expect(sessions.length, e.id).toBeGreaterThan(0);
      for (const s of sessions) {
        expect(s.starts_at >= e.starts_at && s.ends_at <= e.ends_at && s.starts_at < s.ends_at, s.id).toBe(true);
        if (s.guest_speakers.trim()) guests++;
      }
      speakers += (await listSessionSpeakers(database.db, e.id)).length;
    }
    expect(speakers).toBeGreaterThan(0);
    expect(guests).toBeGreaterThan(0);
  });

  it("has registrations: a waiting list in order where the places are taken, cancellations, travel needs and attendance", async () => {
    const regs = await database.db.selectFrom("event_registrations").selectAll().execute();
    const events = await database.db.selectFrom("events").selectAll().execute();
    expect(regs.some((r) => r.status === "cancelled")).toBe(true);
    expect(regs.some((r) => r.status === "waiting")).toBe(true);
    for (const e of events) {
      const own = regs.filter((r) => r.event_id === e.id);
      const registered = own.filter((r) => r.status === "registered");
      const waiting = own.filter((r) => r.status === "waiting");
      if (e.capacity !== null) expect(registered.length, e.id).toBeLessThanOrEqual(e.capacity);
      if (waiting.length) {
        expect(registered.length, e.id).toBe(e.capacity);
        // The waiting list's order is the order people joined, after everyone holding a place.
        const queue = (await firstWaiting(database.db, e.id, 100)).map((r) => r.queued_at);
        expect(
          queue.every((q, i) => i === 0 || q > queue[i - 1]!),
          e.id,
        ).toBe(true);
        expect(
          registered.every((r) => r.queued_at < queue[0]!),
          e.id,
        ).toBe(true);
      }
      // Attendance is ticked for events held, and only there.
      for (const r of own) expect(r.attended !== null, r.id).toBe(e.status === "held" && r.status === "registered");
      // Everyone could have registered: network events are for the network, the commons for all of it.
      for (const r of own) {
        const person = await loadActor(database.db, r.user_id);
        expect(
          can(person, {
            type: "event.register",
            event: { ...eventSubject(e), status: "published" },
          }),
          r.id,
        ).toBe(true);
        expect(parseLanguages(r.understands)).toContain(r.preferred_language);
      }
    }
    const tripIds = new Set(events.filter((e) => e.format === "studyTrip").map((e) => e.id));
    expect(regs.some((r) => tripIds.has(r.event_id) && r.arrival && r.departure && r.arrival <= r.departure && r.needs_room === 1)).toBe(true);
    expect(regs.filter((r) => !tripIds.has(r.event_id)).every((r) => r.arrival === null && r.needs_room === null)).toBe(true);
    expect(regs.some((r) => r.attended === 1) && regs.some((r) => r.attended === 0)).toBe(true);
    // Costs planned and spent for a study trip held.
    const trip = events.find((e) => e.format === "studyTrip" && e.status === "held")!;
    const costs = await listEventCosts(database.db, trip.id);
    expect(costs.length).toBeGreaterThan(0);
    expect(costs.every((c) => Number(c.planned_cents) > 0 && c.actual_cents !== null)).toBe(true);
  });

  it("needs interpreting both ways, German to Italian and Italian to German, at some event", async () => {
    const events = await database.db.selectFrom("events").select("id").where("status", "in", ["held", "published"]).execute();
    const both: string[] = [];
    for (const e of events) {
      const sessions = await listSessions(database.db, e.id);
      const people = await registeredLanguages(database.db, e.id);
      const needs = interpretingNeeds(
        sessions.map((s) => ({ id: s.id, language: s.language })),
        people.map((p) => ({
          preferred: p.preferred_language,
          understands: parseLanguages(p.understands),
        })),
      );
      if (needs.some((n) => n.from === "de" && n.to === "it") && needs.some((n) => n.from === "it" && n.to === "de")) both.push(e.id);
    }
    expect(both.length).toBeGreaterThanOrEqual(2);
    const booked = await database.db.selectFrom("event_interpreting_bookings").select("session_id").execute();
    expect(booked.length).toBeGreaterThan(0);
  });

  it("keeps minutes of every event held: text, the people ticked present, decisions, action items and a version", async () => {
    const events = await database.db.selectFrom("events").select(["id", "status"]).execute();
    for (const e of events) {
      const name = docNameOf(MINUTES_DOC_TYPE, e.id);
      const snapshot = await findSnapshot(database.db, name);
      if (e.status !== "held") {
        expect(snapshot, name).toBeUndefined();
        continue;
      }
      expect(snapshot?.state.byteLength, name).toBeGreaterThan(0);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, snapshot!.state);
      const attendees = readAttendees(doc);
      expect(attendees.length, name).toBeGreaterThan(0);
      const present = await database.db.selectFrom("event_registrations").select("user_id").where("event_id", "=", e.id).where("attended", "=", 1).execute();
      expect(new Set(attendees.map((a) => a.id))).toEqual(new Set(present.map((r) => r.user_id)));
      expect(attendees.every((a) => a.name && a.organisation)).toBe(true);
      expect(readDecisions(doc).length, name).toBeGreaterThan(0);
      const actions = readActionItems(doc);
      expect(actions.length, name).toBeGreaterThan(0);
      expect(actions.every((a) => /^\d{4}-\d{2}-\d{2}$/.test(a.due) && a.title && a.owner)).toBe(true);
      expect(doc.getXmlFragment("content").length).toBeGreaterThan(1);
      expect((await findDerived(database.db, name))?.text.length, name).toBeGreaterThan(100);
      // A history to read: one stored version of what the snapshot holds.
      const versions = await database.db.selectFrom("document_versions").select(["state", "network_id"]).where("doc_name", "=", name).execute();
      expect(versions, name).toHaveLength(1);
      expect(Buffer.from(versions[0]!.state).equals(Buffer.from(snapshot!.state)), name).toBe(true);
      doc.destroy();
    }
  });

  it("has a work programme with an Italian version in mixed states: reviewed, machine, outdated, unchecked, untranslated", async () => {
    const sourceName = docNameOf("workprogramme", MECH_WP_ID);
    const source = await loadDoc(sourceName);
    const version = await loadDoc(languageVersionName(sourceName, "it"));
    const rows = alignSections(readSections(source.getXmlFragment("content")), readSections(version.getXmlFragment("content")), readSectionRecords(version));
    const statuses = new Set(rows.map((row) => row.status));
    for (const status of ["reviewed", "machine", "outdated", "unchecked", "untranslated"] as const) expect(statuses, status).toContain(status);
    expect(statuses).not.toContain("removed");
    // Every source section is linked by its id.
    expect(rows.every((row) => row.id !== null)).toBe(true);
    // Outdated: translated from an older German wording, so there is a change to show.
    const outdated = rows.filter((row) => row.status === "outdated");
    for (const row of outdated) {
      expect(row.record, row.id!).not.toBeNull();
      expect(sameSourceText(row.record!.base, row.source!.text), row.id!).toBe(false);
      expect(row.target?.text.trim(), row.id!).toBeTruthy();
    }
    // Reviewed by a person of the network who reads Italian.
    for (const row of rows.filter((r) => r.status === "reviewed")) {
      const reviewer = demoPeople.find((p) => p.id === row.record!.by);
      expect(reviewer?.locale, row.id!).toBe("it");
      expect(reviewer?.memberships.map((m) => m.networkId)).toContain("demo-net-mechatronics");
      expect(row.record!.byName).toBe(reviewer?.name);
      expect(row.record!.at < NOW).toBe(true);
    }
    expect(rows.filter((r) => r.status === "untranslated").every((r) => r.target === null)).toBe(true);
    expect((await findDerived(database.db, languageVersionName(sourceName, "it")))?.text).toContain("Obiettivi");
    source.destroy();
    version.destroy();

    const languages = await database.db.selectFrom("document_languages").select("source_language").where("doc_name", "=", sourceName).execute();
    expect(languages.map((l) => l.source_language)).toEqual(["de"]);
    const versions = await database.db.selectFrom("language_versions").select(["language", "created_by"]).where("doc_name", "=", sourceName).execute();
    expect(versions).toEqual([{ language: "it", created_by: "demo-user-mechatronik-2" }]);
  });

  it("leaves the Italian version out where the stored German work programme has no section ids (an older seed)", async () => {
    const sourceName = docNameOf("workprogramme", MECH_WP_ID);
    const versionName = languageVersionName(sourceName, "it");
    const stored = await findSnapshot(database.db, sourceName);
    const wp = demoWorkProgrammes.find((w) => w.id === MECH_WP_ID)!;
    const withoutIds = buildWorkProgrammeDoc({
      ...wp,
      content: { ...wp.content, content: wp.content.content!.map((block) => ({ ...block, attrs: { ...block.attrs, sid: null } })) },
    });
    expect(readSections(withoutIds.getXmlFragment("content")).every((s) => s.id === null)).toBe(true);
    const removeVersion = async () => {
      await database.db.deleteFrom("collab_documents").where("name", "=", versionName).execute();
      await database.db.deleteFrom("language_versions").where("doc_name", "=", sourceName).execute();
      await database.db.deleteFrom("document_languages").where("doc_name", "=", sourceName).execute();
    };
    try {
      await removeVersion();
      await upsertSnapshot(database.db, sourceName, Y.encodeStateAsUpdate(withoutIds), NOW);
      expect(await applyDemoLanguageVersions(database.db, NOW)).toBe(0);
      expect(await findSnapshot(database.db, versionName)).toBeUndefined();
      expect(await database.db.selectFrom("language_versions").select("language").where("doc_name", "=", sourceName).execute()).toEqual([]);
    } finally {
      withoutIds.destroy();
      // Back as the seed left it: the German source with its ids, and its Italian version.
      await upsertSnapshot(database.db, sourceName, stored!.state, NOW);
      await removeVersion();
      expect(await applyDemoLanguageVersions(database.db, NOW)).toBe(1);
    }
  });

  it("places the events around any start of the demo, across clock changes and midnights in both zones", () => {
    const starts = ["2027-03-28T00:30:00.000Z", "2027-03-27T23:30:00.000Z", "2027-10-31T00:59:00.000Z", "2027-12-31T23:59:59.000Z", "2028-02-29T12:00:00.000Z"];
    for (const now of starts) {
      for (const e of demoEvents) {
        expect(EVENT_TIME_ZONES).toContain(e.timeZone);
        const start = demoInstant(now, e.timeZone, e.start);
        const end = demoInstant(now, e.timeZone, e.end);
        if (e.status === "held") expect(end < now, `${e.id} at ${now}`).toBe(true);
        else expect(start > now, `${e.id} at ${now}`).toBe(true);
        for (const s of e.sessions) {
          expect(demoInstant(now, e.timeZone, { day: s.day, time: s.start }) >= start).toBe(true);
          expect(demoInstant(now, e.timeZone, { day: s.day, time: s.end }) <= end).toBe(true);
        }
      }
    }
  });
});
