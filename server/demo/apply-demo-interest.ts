/**
 * The demo's intake (db/seed/demo-interest.ts): expressions of interest stored as the public
 * form stores them, with their members and the project team's log, and the introduction made
 * between two of them. Each row gets a private-link token hash of its own, as a real
 * submission would; nobody knows the token, so no demo group can be opened by its link.
 *
 * Days in the data count back from `now`; each status change in a group's history becomes a
 * "status" log entry by the demo project-team person, from the status before it, and the last
 * one sets the group's status. Idempotent like the rest of the seed: a group whose id exists is
 * left alone (with whatever the project team did to it since), and a pair introduced before is
 * not introduced again.
 */
import type { Kysely } from "kysely";
import type { Database, InterestExpression, InterestLogEntry, InterestMember } from "#db/schema";
import { demoPeople } from "#db/seed/demo-data";
import { DEMO_PROJECT_TEAM_EMAIL, demoInterests, demoIntroductions, type DemoInterest } from "#db/seed/demo-interest";
import { claimIntroduction, findExpression, insertLogEntry } from "#db/queries/interest";
import { hashToken, newToken } from "#server/domain/auth/tokens";
import { homeCountry } from "#shared/intake/matching";
import type { InterestStatus } from "#shared/intake/vocabulary";
import { MAX_INTEREST_MEMBERS, MIN_INTEREST_MEMBERS } from "#shared/validation/interest-forms";
import { HOUR } from "#shared/time";

type Db = Kysely<Database>;

const DAY = 24 * HOUR;

/** The instant `day` days before `now`. */
const daysBefore = (now: string, day: number) => new Date(Date.parse(now) - day * DAY).toISOString();

/** The demo project-team person: the author of the log and of the introduction. */
export function demoProjectTeamId(): string {
  const person = demoPeople.find((p) => p.email === DEMO_PROJECT_TEAM_EMAIL);
  if (!person?.platformRoles.includes("project_team")) throw new Error(`demo interest: no demo person ${DEMO_PROJECT_TEAM_EMAIL} with the project_team role`);
  return person.id;
}

function interestOf(id: string): DemoInterest {
  const interest = demoInterests.find((i) => i.id === id);
  if (!interest) throw new Error(`demo interest: no group ${id}`);
  return interest;
}

/** Refuses data the public form or the project team's pages could not have produced. */
function check(interest: DemoInterest): void {
  const fail = (why: string) => {
    throw new Error(`demo interest: ${interest.id}: ${why}`);
  };
  if (interest.members.length < MIN_INTEREST_MEMBERS || interest.members.length > MAX_INTEREST_MEMBERS) fail("members out of range");
  if (interest.actionAreas.length === 0) fail("no action area");
  if (!interest.groupName.endsWith("(Demo)")) fail("group name not marked as demo");
  if (!interest.contactEmail.endsWith("@example.org")) fail("contact address outside example.org");
  let day = interest.submittedDay;
  let status: InterestStatus = "received";
  for (const event of interest.history) {
    if (event.day >= day || event.day <= 0) fail(`history not in order at day ${event.day}`);
    day = event.day;
    if (event.kind === "status") {
      if (event.to === status) fail(`status ${status} set twice`);
      status = event.to;
    }
  }
  if (status !== interest.status) fail(`history ends in ${status}, not ${interest.status}`);
}

/** The rows one demo group is stored as. */
export function buildDemoInterest(interest: DemoInterest, authorId: string, now: string): { row: InterestExpression; members: InterestMember[]; log: InterestLogEntry[] } {
  check(interest);
  const createdAt = daysBefore(now, interest.submittedDay);
  let status: InterestStatus = "received";
  let statusChangedAt = createdAt;
  let updatedAt = createdAt;
  const log: InterestLogEntry[] = [];
  for (const [i, event] of interest.history.entries()) {
    const at = daysBefore(now, event.day);
    const entry = { id: `${interest.id}-log-${i + 1}`, expression_id: interest.id, created_at: at };
    if (event.kind === "status") {
      log.push({ ...entry, kind: "status", author_id: authorId, body: event.message, status_from: status, status_to: event.to });
      status = event.to;
      statusChangedAt = at;
      updatedAt = at;
    } else if (event.kind === "amended") {
      // The group itself, through its private link: no author.
      log.push({ ...entry, kind: "amended", author_id: null, body: "", status_from: null, status_to: null });
      updatedAt = at;
    } else {
      log.push({ ...entry, kind: event.kind, author_id: authorId, body: event.body, status_from: null, status_to: null });
    }
  }
  const row: InterestExpression = {
    id: interest.id,
    token_hash: hashToken(newToken()),
    status,
    locale: interest.locale,
    group_name: interest.groupName,
    contact_name: interest.contactName,
    contact_email: interest.contactEmail,
    contact_phone: interest.contactPhone,
    occupational_field: interest.occupationalField,
    field_description: interest.fieldDescription,
    themes: JSON.stringify(interest.themes),
    action_areas: JSON.stringify(interest.actionAreas),
    scale: interest.scale,
    apprentices: interest.apprentices,
    companies: interest.companies,
    joint_projects: interest.jointProjects,
    motivation: interest.motivation,
    project_idea: interest.projectIdea,
    expected_value: interest.expectedValue,
    offered_value: interest.offeredValue,
    past_cooperation: interest.pastCooperation,
    funded_projects: interest.fundedProjects,
    introductions_consent: interest.introductions ? 1 : 0,
    consented_at: createdAt,
    created_at: createdAt,
    updated_at: updatedAt,
    status_changed_at: statusChangedAt,
  };
  const members = interest.members.map((m, position) => ({ id: `${interest.id}-m${position + 1}`, expression_id: interest.id, position, ...m }));
  return { row, members, log };
}

/** An introduction goes out only between groups of different countries that both agreed to it. */
function checkIntroduction(one: DemoInterest, other: DemoInterest, day: number): void {
  const fail = (why: string) => {
    throw new Error(`demo interest: introduction ${one.id}–${other.id}: ${why}`);
  };
  if (one.id === other.id) fail("a group with itself");
  if (!one.introductions || !other.introductions) fail("without consent");
  if (homeCountry({ actors: one.members }) === homeCountry({ actors: other.members })) fail("within one country");
  if (day >= one.submittedDay || day >= other.submittedDay || day <= 0) fail("before a group wrote in");
}

export async function applyDemoInterest(db: Db, now: string): Promise<{ interests: number }> {
  const authorId = demoProjectTeamId();
  let interests = 0;
  for (const interest of demoInterests) {
    if (await findExpression(db, interest.id)) continue;
    const { row, members, log } = buildDemoInterest(interest, authorId, now);
    // What insertExpression does, with the log in the same transaction.
    await db.transaction().execute(async (trx) => {
      await trx.insertInto("interest_expressions").values(row).execute();
      await trx.insertInto("interest_members").values(members).execute();
      for (const entry of log) await insertLogEntry(trx, entry);
    });
    interests++;
  }

  for (const { between, day } of demoIntroductions) {
    const [one, other] = [interestOf(between[0]), interestOf(between[1])];
    checkIntroduction(one, other, day);
    const at = daysBefore(now, day);
    await db.transaction().execute(async (trx) => {
      if (!(await claimIntroduction(trx, one.id, other.id, authorId, at))) return;
      // Both logs record it, naming the other group by id, as introduceGroups does.
      for (const [self, partner] of [
        [one, other],
        [other, one],
      ] as const) {
        await insertLogEntry(trx, {
          id: `${self.id}-introduction-${partner.id}`,
          expression_id: self.id,
          kind: "introduction",
          author_id: authorId,
          body: partner.id,
          status_from: null,
          status_to: null,
          created_at: at,
        });
      }
    });
  }
  return { interests };
}
