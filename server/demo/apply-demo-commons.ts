/**
 * The demo's network of networks (db/seed/demo-commons.ts): good-practice entries drawn from
 * the InnoVET brochure (marked as demo data), findings of all five networks with
 * cross-network discussion, and two recommendations — one in consultation, one submitted to
 * the advisory board (frozen as a named version). Idempotent like the rest of the seed:
 * whatever exists (by fixed id) is left alone.
 */
import type { Kysely } from "kysely";
import * as Y from "yjs";
import type { Database } from "#db/schema";
import { demoPeople } from "#db/seed/demo-data";
import { demoFindings, demoGoodPractices, demoRecommendations, type DemoRecommendation } from "#db/seed/demo-commons";
import { findGoodPractice, insertGoodPractice } from "#db/queries/good-practices";
import { findFinding, insertFinding } from "#db/queries/findings";
import { insertComment, insertThread } from "#db/queries/comments";
import { findRecommendation, insertEndorsement, insertRecommendation, insertSupport, replaceCitations } from "#db/queries/recommendations";
import { saveDerived, upsertSnapshot } from "#db/queries/collab";
import { insertVersion } from "#db/queries/versions";
import { docNameOf, RECOMMENDATION_DOC_TYPE } from "#shared/collab/doc-names";
import { DEFAULT_CONTENT_FIELD } from "#shared/collab/document-layout";
import { deriveContent } from "#server/collab/derive";

type Db = Kysely<Database>;

const idOf = (email: string): string => {
  const person = demoPeople.find((p) => p.email === email);
  if (!person) throw new Error(`demo commons: no demo person ${email}`);
  return person.id;
};

/** A fixed, readable id per item so a second run finds what the first inserted. */
const threadId = (findingId: string, i: number) => `${findingId}-thread-${i + 1}`;

/** Minutes before `now`, so the demo's items have a plausible order. */
const ago = (now: string, minutes: number) => new Date(Date.parse(now) - minutes * 60_000).toISOString();

/** A recommendation's text as a Yjs document: one paragraph per entry. */
function recommendationDoc(rec: DemoRecommendation): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const fragment = doc.getXmlFragment(DEFAULT_CONTENT_FIELD);
    fragment.insert(
      0,
      rec.paragraphs.map((text) => {
        const paragraph = new Y.XmlElement("paragraph");
        paragraph.insert(0, [new Y.XmlText(text)]);
        return paragraph;
      }),
    );
  });
  return doc;
}

export async function applyDemoCommons(db: Db, now: string): Promise<{ goodPractices: number; findings: number; recommendations: number }> {
  const summary = { goodPractices: 0, findings: 0, recommendations: 0 };
  for (const [i, gp] of demoGoodPractices.entries()) {
    if (await findGoodPractice(db, gp.id)) continue;
    const at = ago(now, 60 * 24 * 30 - i);
    await insertGoodPractice(db, {
      id: gp.id,
      title: gp.title,
      summary: gp.summary,
      occupational_field: gp.occupationalField,
      country: gp.country,
      partners: gp.partners,
      theme_cluster: gp.themeCluster,
      link: gp.link,
      status: gp.status,
      proposed_by: null,
      published_by: null,
      published_at: gp.status === "published" ? at : null,
      demo: 1,
      created_at: at,
      updated_at: at,
    });
    summary.goodPractices++;
  }

  for (const [i, f] of demoFindings.entries()) {
    if (await findFinding(db, f.id)) continue;
    const at = ago(now, 60 * 24 * (demoFindings.length - i));
    await db.transaction().execute(async (trx) => {
      await insertFinding(
        trx,
        {
          id: f.id,
          network_id: f.networkId,
          author_id: idOf(f.authorEmail),
          title: f.title,
          body: f.body,
          action_areas: JSON.stringify(f.actionAreas),
          occupational_fields: JSON.stringify(f.occupationalFields),
          themes: JSON.stringify(f.themes),
          country: f.country,
          pinned_at: f.pinned ? at : null,
          pinned_by: null,
          discussion_closed_at: null,
          discussion_closed_by: null,
          discussion_close_reason: null,
          created_at: at,
          updated_at: at,
        },
        f.evidence.map((e, position) => ({
          finding_id: f.id,
          position,
          kind: e.kind,
          target_id: e.kind === "web" ? null : e.targetId,
          url: e.kind === "web" ? e.url : null,
          label: e.kind === "web" ? e.label : null,
        })),
      );
      // The discussion: each demo comment starts its own thread about the whole finding.
      for (const [j, c] of f.comments.entries()) {
        const commentAt = ago(at, -(j + 1) * 90);
        const id = threadId(f.id, j);
        await insertThread(trx, {
          id,
          doc_name: docNameOf("finding", f.id),
          network_id: null,
          anchor_start: "",
          anchor_end: "",
          quote: "",
          status: "open",
          created_by: idOf(c.authorEmail),
          created_at: commentAt,
          updated_at: commentAt,
          resolved_by: null,
          resolved_at: null,
        });
        await insertComment(trx, {
          id: `${id}-c1`,
          thread_id: id,
          author_id: idOf(c.authorEmail),
          body: c.body,
          created_at: commentAt,
          edited_at: null,
          deleted_at: null,
          hidden_at: null,
          hidden_by: null,
          hidden_reason: null,
        });
      }
    });
    summary.findings++;
  }

  for (const [i, rec] of demoRecommendations.entries()) {
    if (await findRecommendation(db, rec.id)) continue;
    const created = ago(now, 60 * 24 * (10 - i * 3));
    const submitted = rec.stage === "submitted" || rec.stage === "answered";
    const name = docNameOf(RECOMMENDATION_DOC_TYPE, rec.id);
    const doc = recommendationDoc(rec);
    const { json, text } = deriveContent(doc, DEFAULT_CONTENT_FIELD);
    const versionId = submitted ? `${rec.id}-submitted` : null;
    const moderator = demoPeople.find((p) => p.platformRoles.includes("moderator"));
    await db.transaction().execute(async (trx) => {
      await insertRecommendation(trx, {
        id: rec.id,
        title: rec.title,
        stage: rec.stage,
        endorsement_threshold: rec.threshold,
        created_by: idOf(rec.creatorEmail),
        created_at: created,
        updated_at: now,
        consultation_at: rec.stage === "draft" ? null : ago(now, 60 * 24 * 3),
        endorsed_at: rec.endorsements.length >= rec.threshold ? ago(now, 60 * 24 * 2) : null,
        submitted_at: submitted ? ago(now, 60 * 24) : null,
        submitted_by: submitted ? (moderator?.id ?? null) : null,
        submitted_version_id: versionId,
        answered_at: null,
      });
      await replaceCitations(trx, rec.id, rec.citations.map((c) => ({ kind: c.kind, target_id: c.targetId })));
      for (const e of rec.endorsements) {
        await insertEndorsement(trx, { recommendation_id: rec.id, network_id: e.networkId, endorsed_by: idOf(e.coordinatorEmail), statement: e.statement, created_at: ago(now, 60 * 24 * 2) });
      }
      for (const email of rec.supports) await insertSupport(trx, rec.id, idOf(email), ago(now, 60 * 30));
      await upsertSnapshot(trx, name, Y.encodeStateAsUpdate(doc), now);
      await saveDerived(trx, name, text, JSON.stringify(json), now);
      if (versionId) {
        await insertVersion(trx, {
          id: versionId,
          doc_name: name,
          network_id: null,
          kind: "named",
          name: "Eingereicht beim Begleitgremium",
          created_by: moderator?.id ?? null,
          created_at: ago(now, 60 * 24),
          state: Y.encodeStateAsUpdate(doc),
          text,
          contributors: JSON.stringify([idOf(rec.creatorEmail)]),
          restored_from: null,
        });
      }
    });
    doc.destroy();
    summary.recommendations++;
  }
  return summary;
}
