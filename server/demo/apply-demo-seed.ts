/**
 * Applies the demo data. Idempotent: rows are keyed by fixed ids and inserted only when
 * missing, so running it twice (or on a database that already has it) changes nothing.
 */
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { demoNetworks, demoPeople, demoPlatformOrganisations, DEMO_PASSWORD, type DemoOrganisation } from "#db/seed/demo-data";
import { demoWorkProgrammes, type DemoWorkProgramme } from "#db/seed/demo-work-programmes";
import { hashPassword } from "#server/domain/auth/passwords";
import * as Y from "yjs";
import { getSchema } from "@tiptap/core";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import { editorExtensions } from "#shared/editor/extensions";
import { ACTIVITIES_FIELD, CONTENT_FIELD, MILESTONES_FIELD } from "#shared/collab/work-programme-doc";
import { docNameOf } from "#shared/collab/doc-names";
import { WORK_PROGRAMME_DOC_TYPE } from "#shared/collab/doc-names";
import { findSnapshot, saveDerived, upsertSnapshot } from "#db/queries/collab";
import { replaceWorkProgrammeItems } from "#db/queries/work-programme-items";
import { deriveContent } from "#server/collab/derive";
import { applyDemoCommons } from "./apply-demo-commons";
import { applyDemoEvents } from "./apply-demo-events";
import { applyDemoLanguageVersions } from "./apply-demo-language-versions";
import { applyDemoInterest } from "./apply-demo-interest";
import { applyDemoSelection } from "./apply-demo-selection";
import { seedGlossaryIfEmpty } from "#server/domain/glossary/glossary-seed";

export interface SeedSummary {
  networks: number;
  organisations: number;
  people: number;
  workProgrammes: number;
  goodPractices: number;
  findings: number;
  recommendations: number;
  events: number;
  minutes: number;
  glossaryTerms: number;
  languageVersions: number;
  /** Expressions of interest (the intake). */
  interests: number;
  /** Partnerships whose joint application is before the advisory board. */
  applications: number;
}

export async function applyDemoSeed(db: Kysely<Database>, now = new Date().toISOString()): Promise<SeedSummary> {
  const summary: SeedSummary = { networks: 0, organisations: 0, people: 0, workProgrammes: 0, goodPractices: 0, findings: 0, recommendations: 0, events: 0, minutes: 0, glossaryTerms: 0, languageVersions: 0, interests: 0, applications: 0 };
  const insertOrganisation = async (o: DemoOrganisation) => {
    const result = await db
      .insertInto("organisations")
      .values({ ...o, website: null, created_at: now, updated_at: now })
      .onConflict((oc) => oc.column("id").doNothing())
      .executeTakeFirst();
    summary.organisations += Number(result.numInsertedOrUpdatedRows ?? 0);
  };

  for (const o of demoPlatformOrganisations) await insertOrganisation(o);
  for (const network of demoNetworks) {
    const result = await db
      .insertInto("networks")
      .values({
        id: network.id,
        slug: network.slug,
        name: network.name,
        description: network.description,
        occupational_field: network.field,
        themes: JSON.stringify(network.themes),
        created_at: now,
        updated_at: now,
        archived_at: null,
      })
      .onConflict((oc) => oc.column("id").doNothing())
      .executeTakeFirst();
    summary.networks += Number(result.numInsertedOrUpdatedRows ?? 0);
    for (const o of network.organisations) {
      await insertOrganisation(o);
      await db
        .insertInto("network_organisations")
        .values({ network_id: network.id, organisation_id: o.id, created_at: now })
        .onConflict((oc) => oc.columns(["network_id", "organisation_id"]).doNothing())
        .execute();
    }
  }

  const existing = new Set((await db.selectFrom("users").select("id").execute()).map((r) => r.id));
  for (const person of demoPeople) {
    if (!existing.has(person.id)) {
      await db
        .insertInto("users")
        .values({
          id: person.id,
          email: person.email,
          name: person.name,
          password_hash: await hashPassword(DEMO_PASSWORD),
          locale: person.locale,
          organisation_id: person.organisationId,
          created_at: now,
          updated_at: now,
          disabled_at: null,
        })
        .onConflict((oc) => oc.column("email").doNothing())
        .execute();
      summary.people += 1;
    }
    for (const role of person.platformRoles) {
      await db
        .insertInto("platform_roles")
        .values({ user_id: person.id, role, created_at: now })
        .onConflict((oc) => oc.columns(["user_id", "role"]).doNothing())
        .execute();
    }
    for (const m of person.memberships) {
      await db
        .insertInto("memberships")
        .values({ network_id: m.networkId, user_id: person.id, role: m.role, created_at: now, updated_at: now })
        .onConflict((oc) => oc.columns(["network_id", "user_id"]).doNothing())
        .execute();
    }
  }

  for (const wp of demoWorkProgrammes) summary.workProgrammes += await insertWorkProgramme(db, wp, now);
  // After the work programmes: a version links to its stored source's sections.
  summary.languageVersions = await applyDemoLanguageVersions(db, now);
  Object.assign(summary, await applyDemoCommons(db, now));
  // Events last: their organisers, participants and organisations must exist.
  Object.assign(summary, await applyDemoEvents(db, now));
  // The intake stands apart from the networks; its log needs the project-team person.
  Object.assign(summary, await applyDemoInterest(db, now));
  // The application being scored: formed from two of those groups, reviewed by the board's people.
  Object.assign(summary, await applyDemoSelection(db, now));
  summary.glossaryTerms = await seedGlossaryIfEmpty(db, now);
  return summary;
}

/** The Yjs state of a demo work programme: text into "content", activities and milestones as Y.Maps. */
export function buildWorkProgrammeDoc(wp: DemoWorkProgramme): Y.Doc {
  const doc = new Y.Doc();
  const schema = getSchema(editorExtensions());
  doc.transact(() => {
    prosemirrorJSONToYXmlFragment(schema, wp.content, doc.getXmlFragment(CONTENT_FIELD));
    doc.getArray<Y.Map<unknown>>(ACTIVITIES_FIELD).push(wp.activities.map((a) => new Y.Map<unknown>(Object.entries(a))));
    doc.getArray<Y.Map<unknown>>(MILESTONES_FIELD).push(wp.milestones.map((m) => new Y.Map<unknown>(Object.entries(m))));
  });
  return doc;
}

/** Inserts the work programme and its document when missing; returns 1 if it was inserted. */
async function insertWorkProgramme(db: Kysely<Database>, wp: DemoWorkProgramme, now: string): Promise<number> {
  const result = await db
    .insertInto("work_programmes")
    .values({ id: wp.id, network_id: wp.networkId, title: wp.title, created_by: wp.createdBy, created_at: now, updated_at: now, archived_at: null })
    .onConflict((oc) => oc.column("id").doNothing())
    .executeTakeFirst();
  const name = docNameOf(WORK_PROGRAMME_DOC_TYPE, wp.id);
  if (!(await findSnapshot(db, name))) {
    const doc = buildWorkProgrammeDoc(wp);
    const { json, text } = deriveContent(doc);
    await db.transaction().execute(async (trx) => {
      await upsertSnapshot(trx, name, Y.encodeStateAsUpdate(doc), now);
      await saveDerived(trx, name, text, JSON.stringify(json), now);
      await replaceWorkProgrammeItems(trx, wp.id, wp.networkId, { activities: wp.activities, milestones: wp.milestones }, now);
    });
    doc.destroy();
  }
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}
