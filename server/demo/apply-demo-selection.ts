/**
 * The demo's selection (db/seed/demo-selection.ts): the rubric, and the application being
 * scored — a partnership of two demo groups that the project team formed and submitted to the
 * advisory board, its joint application stored as the collab server stores a document, one
 * board member's submitted review and another's draft.
 *
 * What the platform does on the way is done here too, backdated: forming the partnership moves
 * each group to "partnership_formed", submitting it to "applied", each step a "status" entry in
 * the group's log by the demo project-team person (who formed and submitted it; the groups'
 * contact persons have no accounts in the demo). Invitations are not sent: nobody could accept
 * them.
 *
 * Idempotent like the rest of the seed: criteria are inserted by fixed id when missing; a
 * partnership whose id exists is left alone with its reviews and text (whatever the board did
 * since). A partnership is only formed from groups that could still join one (as
 * formPartnership checks), so a demo the project team has worked on is not contradicted.
 */
import type { Kysely } from "kysely";
import * as Y from "yjs";
import { getSchema } from "@tiptap/core";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import type { Database, InterestExpression } from "#db/schema";
import { demoPeople } from "#db/seed/demo-data";
import { demoApplications, demoRubric, type DemoApplication } from "#db/seed/demo-selection";
import { findExpression, insertLogEntry, listMembersOf, updateExpressionStatus } from "#db/queries/interest";
import { findPartnership, listPartnershipsOfGroup } from "#db/queries/partnerships";
import { findSnapshot, saveDerived, upsertSnapshot } from "#db/queries/collab";
import { editorExtensions } from "#shared/editor/extensions";
import { DEFAULT_CONTENT_FIELD } from "#shared/collab/document-layout";
import { OPEN_STATUSES, type InterestStatus } from "#shared/intake/vocabulary";
import { MAX_SCORE, MIN_SCORE } from "#shared/board/rubric";
import { MAX_WEIGHT } from "#shared/validation/board-forms";
import { HOUR } from "#shared/time";
import { deriveContent } from "#server/collab/derive";
import { applicationDocName } from "#server/domain/partnerships/application-document-type";
import { demoProjectTeamId } from "./apply-demo-interest";

type Db = Kysely<Database>;

const DAY = 24 * HOUR;
const daysBefore = (now: string, day: number) => new Date(Date.parse(now) - day * DAY).toISOString();

/** Refuses data the project team's and the board's pages could not have produced. */
function check(app: DemoApplication): void {
  const fail = (why: string) => {
    throw new Error(`demo selection: ${app.id}: ${why}`);
  };
  if (!app.name.endsWith("(Demo)")) fail("name not marked as demo");
  if (new Set(app.groups).size !== app.groups.length || app.groups.length < 2) fail("fewer than two groups");
  if (!(app.formedDay > app.submittedDay && app.submittedDay > 0)) fail("formed after it was submitted");
  const criteria = new Set(demoRubric.map((c) => c.id));
  const reviewers = new Set<string>();
  for (const review of app.reviews) {
    const person = demoPeople.find((p) => p.email === review.reviewerEmail);
    if (!person?.platformRoles.includes("observer")) fail(`${review.reviewerEmail} is not a demo board member`);
    if (reviewers.has(review.reviewerEmail)) fail(`${review.reviewerEmail} reviews twice`);
    reviewers.add(review.reviewerEmail);
    if (!(review.day < app.submittedDay && review.day > 0)) fail(`review by ${review.reviewerEmail} outside the board's time`);
    for (const [criterion, score] of Object.entries(review.scores)) {
      if (!criteria.has(criterion)) fail(`unknown criterion ${criterion}`);
      if (!Number.isInteger(score) || score < MIN_SCORE || score > MAX_SCORE) fail(`score ${score} out of range`);
    }
    if (review.status === "submitted" && demoRubric.some((c) => review.scores[c.id] === undefined)) fail(`submitted review by ${review.reviewerEmail} leaves a criterion unscored`);
  }
}

/** The application's text as a Yjs document, built from its ProseMirror JSON with the editor's schema. */
export function buildApplicationDoc(app: DemoApplication): Y.Doc {
  const doc = new Y.Doc();
  const schema = getSchema(editorExtensions());
  doc.transact(() => prosemirrorJSONToYXmlFragment(schema, app.content, doc.getXmlFragment(DEFAULT_CONTENT_FIELD)));
  return doc;
}

/** Whether a group could join the partnership now (formPartnership's rule), with nothing in its log after `at`. */
async function available(db: Db, group: InterestExpression, at: string): Promise<boolean> {
  if (!(OPEN_STATUSES.includes(group.status) || group.status === "partnership_formed")) return false;
  if (group.status_changed_at >= at) return false;
  return !(await listPartnershipsOfGroup(db, group.id)).some((p) => p.status === "forming" || p.status === "submitted");
}

export async function applyDemoSelection(db: Db, now: string): Promise<{ applications: number }> {
  for (const [position, c] of demoRubric.entries()) {
    if (c.weight < 1 || c.weight > MAX_WEIGHT) throw new Error(`demo selection: criterion ${c.id}: weight ${c.weight}`);
    await db
      .insertInto("rubric_criteria")
      .values({ id: c.id, label: c.label, description: c.description, weight: c.weight, position, created_at: daysBefore(now, 30) })
      .onConflict((oc) => oc.column("id").doNothing())
      .execute();
  }

  const teamId = demoProjectTeamId();
  const users = new Set((await db.selectFrom("users").select("id").execute()).map((u) => u.id));
  let applications = 0;
  for (const app of demoApplications) {
    check(app);
    if (await findPartnership(db, app.id)) continue;
    const formedAt = daysBefore(now, app.formedDay);
    const submittedAt = daysBefore(now, app.submittedDay);
    const groups = await Promise.all(app.groups.map((id) => findExpression(db, id)));
    const ready: InterestExpression[] = [];
    for (const group of groups) if (group && (await available(db, group, formedAt))) ready.push(group);
    if (ready.length !== app.groups.length) continue;
    const members = await listMembersOf(db, app.groups);
    const countries = new Set(members.map((m) => m.country));
    if (!(countries.has("DE") && countries.has("IT"))) throw new Error(`demo selection: ${app.id}: not bilateral`);

    const doc = buildApplicationDoc(app);
    const { json, text } = deriveContent(doc, DEFAULT_CONTENT_FIELD);
    const name = applicationDocName(app.id);
    await db.transaction().execute(async (trx) => {
      // Formed by the project team (what formPartnership stores)…
      await trx
        .insertInto("partnerships")
        .values({
          id: app.id,
          name: app.name,
          status: "submitted",
          network_id: null,
          created_by: teamId,
          created_at: formedAt,
          updated_at: submittedAt,
          submitted_at: submittedAt,
          decided_at: null,
          decided_by: null,
          decision_note: "",
        })
        .execute();
      await trx
        .insertInto("partnership_groups")
        .values(app.groups.map((expression_id) => ({ partnership_id: app.id, expression_id })))
        .execute();
      // …each group moved on and told, as applyInterestStatus logs it: formed, then applied on submission.
      for (const group of ready) {
        const steps: Array<{ to: InterestStatus; at: string; message: string; key: string }> = [
          { to: "partnership_formed", at: formedAt, message: app.formedMessage[group.locale === "it" ? "it" : "de"], key: "formed" },
          { to: "applied", at: submittedAt, message: app.appliedMessage[group.locale === "it" ? "it" : "de"], key: "applied" },
        ];
        let status = group.status;
        for (const step of steps) {
          if (status === step.to) continue;
          await updateExpressionStatus(trx, group.id, step.to, step.at);
          await insertLogEntry(trx, {
            id: `${group.id}-log-${app.id}-${step.key}`,
            expression_id: group.id,
            kind: "status",
            author_id: teamId,
            body: step.message,
            status_from: status,
            status_to: step.to,
            created_at: step.at,
          });
          status = step.to;
        }
      }
      // The joint application as the collab server stores it (frozen since the submission).
      if (!(await findSnapshot(trx, name))) {
        await upsertSnapshot(trx, name, Y.encodeStateAsUpdate(doc), submittedAt);
        await saveDerived(trx, name, text, JSON.stringify(json), submittedAt);
      }
      // The board at work: what each member saved so far.
      for (const review of app.reviews) {
        const reviewerId = demoPeople.find((p) => p.email === review.reviewerEmail)!.id;
        if (!users.has(reviewerId)) continue;
        const at = daysBefore(now, review.day);
        await trx
          .insertInto("board_reviews")
          .values({ partnership_id: app.id, user_id: reviewerId, status: review.status, comment: review.comment, updated_at: at, submitted_at: review.status === "submitted" ? at : null })
          .execute();
        const scores = Object.entries(review.scores).map(([criterion_id, score]) => ({ partnership_id: app.id, user_id: reviewerId, criterion_id, score }));
        if (scores.length) await trx.insertInto("board_scores").values(scores).execute();
      }
    });
    doc.destroy();
    applications++;
  }
  return { applications };
}
