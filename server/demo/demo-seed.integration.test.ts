import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "#db/testing/test-database";
import * as Y from "yjs";
import { applyDemoSeed } from "./apply-demo-seed";
import { demoNetworks, demoPeople } from "#db/seed/demo-data";
import { demoWorkProgrammes } from "#db/seed/demo-work-programmes";
import { demoFindings, demoGoodPractices, demoRecommendations } from "#db/seed/demo-commons";
import { findDerived, findSnapshot } from "#db/queries/collab";
import { listActivities, listMilestones } from "#db/queries/work-programme-items";
import { docNameOf } from "#shared/collab/doc-names";
import { readActivities, readMilestones } from "#shared/collab/work-programme-doc";

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
] as const;
const count = async (table: (typeof TABLES)[number]) =>
  Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

describe(`demo seed (${process.env.TEST_DATABASE})`, () => {
  it("creates five networks with at least three organisations per country and a coordinator each", async () => {
    const first = await applyDemoSeed(database.db);
    expect(first.networks).toBe(5);
    expect(first.goodPractices).toBe(demoGoodPractices.length);
    expect(first.findings).toBe(demoFindings.length);
    expect(first.recommendations).toBe(demoRecommendations.length);
    expect(first.people).toBe(demoPeople.length);
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
    const second = await applyDemoSeed(database.db);
    expect(second).toEqual({ networks: 0, organisations: 0, people: 0, workProgrammes: 0, goodPractices: 0, findings: 0, recommendations: 0 });
    const after = await Promise.all(TABLES.map(count));
    expect(after).toEqual(before);
    // The stored document is left alone, so edits made since the first run survive.
    const stateAfter = await findSnapshot(database.db, docNameOf("workprogramme", demoWorkProgrammes[0]!.id));
    expect(Buffer.from(stateAfter!.state).equals(Buffer.from(stateBefore!.state))).toBe(true);
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
});
