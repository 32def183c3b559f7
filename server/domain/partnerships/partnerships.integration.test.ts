/**
 * Bilateral partnerships, through the domain: the project team forms one of an Italian and a
 * German group (and an organisation already on the platform); the groups' contact persons
 * are invited to co-write the joint application (someone with an account is added at once);
 * the policy decides who reads and edits the application document while it is written, once
 * it is submitted and once it became a network; the advisory board scores it independently
 * against a weighted rubric; the project team records the decision, and a selection founds
 * the network. Every mail goes out in the recipient's language. Runs on SQLite and PostgreSQL.
 *
 * The domain is called directly with services on a fresh test database (no HTTP server).
 */
import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "#db/testing/test-database";
import type { Services } from "#server/services";
import { testConfig } from "#server/testing/test-config";
import { createLogger } from "#server/log";
import { createLocalEvents } from "#server/events";
import { soloCluster } from "#server/cluster/cluster";
import { createMailer } from "#server/mail/mailer";
import { createLibraryStorage } from "#server/library/storage/library-storage";
import { buildNetwork, buildOrganisation, buildUser, uniq } from "#server/testing/factories";
import { interestInput, submitTestInterest } from "#server/testing/interest";
import { loadActor, loadActors } from "#server/domain/auth/actor";
import { hashToken } from "#server/domain/auth/tokens";
import { acceptInvitation } from "#server/domain/invitations/accept";
import { resolveDocument } from "#server/documents/registry";
import { declareConflict, boardApplications, reviewPage, rubricCriteria, saveCriterion, saveOwnReview } from "#server/domain/board/selection";
import { insertNetwork } from "#db/queries/networks";
import { can, type Actor, type DocumentSubject } from "#shared/policy";
import type { InterestMemberInput } from "#shared/validation/interest-forms";
import type { InterestStatus } from "#shared/intake/vocabulary";
import type { Locale } from "#shared/i18n/config";
import type { Country } from "#shared/roles";
import { nowIso } from "#shared/time";
import { formPartnership, partnershipPage, submitApplication } from "./partnerships";
import { recordDecision } from "./found-network";
import itMail from "../../../locales/it/mail.json";
import deMail from "../../../locales/de/mail.json";
import itIntake from "../../../locales/it/intake.json";
import deIntake from "../../../locales/de/intake.json";

const PUBLIC_URL = "https://connactions.test";

let database: TestDatabase;
let services: Services;

/** The services of one instance on the file's database, as startTestServer makes them, without the HTTP server. */
function servicesOn(db: TestDatabase): Services {
  const log = createLogger("error");
  return {
    db: db.db,
    dialect: db.dialect,
    config: testConfig({ publicUrl: PUBLIC_URL, dataDir: db.dataDir }),
    log,
    events: createLocalEvents(),
    cluster: soloCluster(),
    mailer: createMailer({ db: db.db, from: "test@connactions.test", log }),
    // Nothing is uploaded here: the library's storage stays an unused temporary path.
    library: createLibraryStorage(path.join(os.tmpdir(), "connactions-unused-library")),
    translator: null,
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  services = servicesOn(database);
});
afterAll(async () => {
  await database?.drop();
});

const db = () => services.db;

// ---------------------------------------------------------------- mails

type MailKey = "interestStatus" | "partnershipInvitation" | "addedToPartnership" | "invitation";
type MailTexts = { signature: string } & Record<MailKey, { subject: string; body: string }>;
const MAIL: Record<"it" | "de", MailTexts> = { it: itMail, de: deMail };
const INTAKE = { it: itIntake, de: deIntake };

/** Fills a template of locales/<lng>/mail.json; a placeholder without a value fails the test. */
const render = (template: string, vars: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    if (!(key in vars)) throw new Error(`no value for {{${key}}}`);
    return vars[key]!;
  });

/** Subject and text exactly as that language's mail.json words them (composeMail adds the signature). */
const expectedMail = (locale: "it" | "de", key: MailKey, vars: Record<string, string>) => ({
  locale,
  kind: key,
  subject: render(MAIL[locale][key].subject, vars),
  text_body: `${render(MAIL[locale][key].body, vars)}\n\n${MAIL[locale].signature}`,
});

const mailsTo = (address: string) => db().selectFrom("outbox").selectAll().where("to_address", "=", address).orderBy("created_at").orderBy("id").execute();
const mailsOfKind = async (address: string, kind: string) => (await mailsTo(address)).filter((m) => m.kind === kind);

/** The status mail a group gets, in its language, with the project team's message if any. */
function statusMail(locale: "it" | "de", contactName: string, groupName: string, status: InterestStatus, message = "") {
  return expectedMail(locale, "interestStatus", {
    name: contactName,
    group: groupName,
    status: INTAKE[locale].status[status as keyof (typeof itIntake)["status"]],
    explanation: INTAKE[locale].statusExplained[status as keyof (typeof itIntake)["statusExplained"]],
    message: message ? `\n\n${(locale === "it" ? itMail : deMail).interestStatus.message}\n${message}` : "",
  });
}

/** The one-time token of an invitation link in a mail. */
function inviteTokenFrom(text: string): string {
  const escaped = PUBLIC_URL.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`${escaped}/invite/([A-Za-z0-9_-]+)`).exec(text);
  if (!match) throw new Error(`no invitation link in the mail:\n${text}`);
  return match[1]!;
}

// ---------------------------------------------------------------- people and groups

async function person(options: Parameters<typeof buildUser>[1] = {}) {
  const name = options.name ?? uniq("Person");
  const user = await buildUser(db(), { ...options, name });
  return { ...user, name, actor: () => loadActor(db(), user.id) };
}
const projectTeam = () => person({ platformRoles: ["project_team"], name: uniq("Team") });
const observer = (name = uniq("Observer")) => person({ platformRoles: ["observer"], name });

const member = (name: string, country: "IT" | "DE", type: InterestMemberInput["type"], sector: InterestMemberInput["sector"], city: string): InterestMemberInput => ({
  name,
  type,
  sector,
  city,
  region: country === "IT" ? "Lombardia" : "Sachsen",
  country,
});

interface Group {
  id: string;
  name: string;
  contactName: string;
  contactEmail: string;
  locale: "it" | "de";
}

/** A group sent through the public form; its contact address can be given (an existing account's). */
async function group(locale: "it" | "de", options: { contactEmail?: string; contactName?: string; members?: InterestMemberInput[] } = {}): Promise<Group> {
  const suffix = crypto.randomBytes(4).toString("hex");
  const contactName = options.contactName ?? (locale === "it" ? `Giulia Rossi ${suffix}` : `Jonas Becker ${suffix}`);
  const input = interestInput({
    groupName: locale === "it" ? `Gruppo Brescia ${suffix}` : `Gruppe Chemnitz ${suffix}`,
    contactName,
    locale,
    ...(options.contactEmail ? { contactEmail: options.contactEmail } : {}),
    members:
      options.members ??
      (locale === "it"
        ? [member(`Istituto Meccatronica ${suffix}`, "IT", "vocational_school", "public", "Brescia"), member(`Officine ${suffix}`, "IT", "company", "private", "Brescia")]
        : [member(`Berufsschulzentrum ${suffix}`, "DE", "vocational_school", "public", "Chemnitz"), member(`Antriebe GmbH ${suffix}`, "DE", "company", "private", "Chemnitz")]),
  });
  const { id } = await submitTestInterest(services, input);
  return { id, name: input.groupName, contactName, contactEmail: input.contactEmail, locale };
}

const statusOf = async (groupId: string) => (await db().selectFrom("interest_expressions").select("status").where("id", "=", groupId).executeTakeFirstOrThrow()).status;
const partnershipRow = (id: string) => db().selectFrom("partnerships").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const countPartnerships = async () => (await db().selectFrom("partnerships").select("id").execute()).length;

/** The contact person opens the partnership invitation of their mail and creates an account. */
async function acceptFromMail(email: string, name: string, locale: Locale, kind: "partnershipInvitation" | "invitation" = "partnershipInvitation") {
  const mails = await mailsOfKind(email, kind);
  expect(mails).toHaveLength(1);
  const token = inviteTokenFrom(mails[0]!.text_body);
  const outcome = await acceptInvitation(services, token, { name, password: "a-long-enough-password", locale, ip: "203.0.113.9", userAgent: "vitest" });
  const user = await db().selectFrom("users").select(["id", "name", "locale"]).where("email", "=", email).executeTakeFirst();
  return { outcome, token, user };
}

/**
 * A partnership of an Italian group (its contact accepts the invitation unless told not to)
 * and a German group (whose contact already has an account unless told otherwise).
 */
async function partnershipWithPartners(options: { italianAccepts?: boolean; germanHasAccount?: boolean; organisations?: string[]; name?: string; italianMembers?: InterestMemberInput[]; germanMembers?: InterestMemberInput[] } = {}) {
  const team = await projectTeam();
  const germanAccount = options.germanHasAccount === false ? null : await person({ locale: "de", name: uniq("Jonas Becker") });
  const italian = await group("it", { members: options.italianMembers });
  const german = await group("de", { contactEmail: germanAccount?.email, members: options.germanMembers });
  const name = options.name ?? `Ponte meccatronico ${crypto.randomBytes(3).toString("hex")}`;
  const formed = await formPartnership(services, await team.actor(), { name, groups: [italian.id, german.id], organisations: options.organisations ?? [] });
  if (!formed.ok) throw new Error(`partnership not formed: ${formed.error}`);
  let italianUserId: string | null = null;
  if (options.italianAccepts !== false) {
    const accepted = await acceptFromMail(italian.contactEmail, italian.contactName, "it");
    if (accepted.outcome.state !== "valid" || !accepted.user) throw new Error(`invitation not accepted: ${accepted.outcome.state}`);
    italianUserId = accepted.user.id;
  }
  return { id: formed.id, name, team, italian, german, germanAccount, italianUserId };
}

/** A partnership already before the board (submitted by its Italian partner). */
async function submittedPartnership(name?: string) {
  const p = await partnershipWithPartners({ name });
  const outcome = await submitApplication(services, await loadActor(db(), p.italianUserId!), p.id);
  expect(outcome).toEqual({ ok: true });
  return p;
}

const applicationOf = async (id: string): Promise<DocumentSubject> => {
  const doc = await resolveDocument(services, `application.${id}`);
  if (!doc) throw new Error(`application.${id} did not resolve`);
  return doc;
};
const reads = (actor: Actor, doc: DocumentSubject) => can(actor, { type: "document.read", doc });
const edits = (actor: Actor, doc: DocumentSubject) => can(actor, { type: "document.edit", doc });

describe(`bilateral partnerships (${process.env.TEST_DATABASE})`, () => {
  it("forms a partnership of an Italian and a German group: statuses and mails in each language, invitations, an existing account added at once", async () => {
    const team = await projectTeam();
    const organisation = await buildOrganisation(db(), { country: "DE" });
    const germanAccount = await person({ locale: "de", name: "Jonas Becker" });
    const italian = await group("it", { contactName: "Giulia Rossi" });
    const german = await group("de", { contactEmail: germanAccount.email, contactName: "Jonas Becker" });
    expect(await statusOf(italian.id)).toBe("received");
    const name = `Ponte meccatronico ${crypto.randomBytes(3).toString("hex")}`;
    const input = { name, groups: [italian.id, german.id], organisations: [organisation.id] };

    // Only the project team forms partnerships: anyone else is refused and nothing is stored.
    const before = await countPartnerships();
    for (const other of [await observer(), await person(), germanAccount]) {
      expect(await formPartnership(services, await other.actor(), input)).toEqual({ ok: false, error: "forbidden" });
    }
    expect(await countPartnerships()).toBe(before);
    expect(await statusOf(italian.id)).toBe("received");

    const formed = await formPartnership(services, await team.actor(), input);
    expect(formed.ok).toBe(true);
    if (!formed.ok) return;
    const id = formed.id;
    expect(await partnershipRow(id)).toMatchObject({ name, status: "forming", network_id: null, created_by: team.id, submitted_at: null, decided_at: null });
    const groupRows = await db().selectFrom("partnership_groups").select("expression_id").where("partnership_id", "=", id).execute();
    expect(groupRows.map((r) => r.expression_id).sort()).toEqual([italian.id, german.id].sort());
    const organisationRows = await db().selectFrom("partnership_organisations").select("organisation_id").where("partnership_id", "=", id).execute();
    expect(organisationRows.map((r) => r.organisation_id)).toEqual([organisation.id]);

    // Both groups move to "partnership formed", each told in its own language.
    for (const g of [italian, german]) {
      expect(await statusOf(g.id)).toBe("partnership_formed");
      const mails = await mailsOfKind(g.contactEmail, "interestStatus");
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatchObject(statusMail(g.locale, g.contactName, g.name, "partnership_formed"));
    }

    // The Italian contact has no account: an invitation into the partnership, in Italian.
    const invitationMails = await mailsOfKind(italian.contactEmail, "partnershipInvitation");
    expect(invitationMails).toHaveLength(1);
    const token = inviteTokenFrom(invitationMails[0]!.text_body);
    expect(invitationMails[0]).toMatchObject(
      expectedMail("it", "partnershipInvitation", { inviter: team.name, network: name, link: `${PUBLIC_URL}/invite/${token}`, days: "3" }),
    );
    const invitation = await db().selectFrom("invitations").selectAll().where("email", "=", italian.contactEmail).executeTakeFirstOrThrow();
    expect(invitation).toMatchObject({ partnership_id: id, network_id: null, network_role: null, platform_role: null, locale: "it", invited_by: team.id, accepted_at: null, token_hash: hashToken(token) });

    // The German contact has an account: added at once, told so in German, no invitation.
    expect(await mailsOfKind(german.contactEmail, "partnershipInvitation")).toEqual([]);
    expect(await db().selectFrom("invitations").select("id").where("email", "=", german.contactEmail).execute()).toEqual([]);
    const added = await mailsOfKind(german.contactEmail, "addedToPartnership");
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject(expectedMail("de", "addedToPartnership", { name: "Jonas Becker", inviter: team.name, network: name, link: `${PUBLIC_URL}/partnerships/${id}` }));
    expect([...((await germanAccount.actor()).partnerships ?? [])]).toEqual([id]);

    const pageBefore = await partnershipPage(services, await team.actor(), id);
    expect(pageBefore!.members.map((m) => m.id)).toEqual([germanAccount.id]);
    expect(pageBefore!.invited).toEqual([italian.contactEmail]);
    expect(pageBefore!.organisations.map((o) => o.id)).toEqual([organisation.id]);
    expect(pageBefore!.rights).toEqual({ submit: true, manage: true });

    // Accepting the invitation makes the new account a partner and leads to the partnership.
    const accepted = await acceptInvitation(services, token, { name: "Giulia Rossi", password: "a-long-enough-password", locale: "it", ip: "203.0.113.9", userAgent: "vitest" });
    expect(accepted.state).toBe("valid");
    expect(accepted.redirectTo).toBe(`/partnerships/${id}`);
    expect(accepted.sessionToken).toBeTruthy();
    const italianUser = await db().selectFrom("users").select(["id", "locale"]).where("email", "=", italian.contactEmail).executeTakeFirstOrThrow();
    expect(italianUser.locale).toBe("it");
    const italianActor = await loadActor(db(), italianUser.id);
    expect([...(italianActor.partnerships ?? [])]).toEqual([id]);
    expect(italianActor.memberships.size).toBe(0);
    expect((await db().selectFrom("invitations").select("accepted_user_id").where("id", "=", invitation.id).executeTakeFirstOrThrow()).accepted_user_id).toBe(italianUser.id);
    const pageAfter = await partnershipPage(services, italianActor, id);
    expect(pageAfter!.members.map((m) => m.id).sort()).toEqual([germanAccount.id, italianUser.id].sort());
    expect(pageAfter!.invited).toEqual([]);
    expect(pageAfter!.rights).toEqual({ submit: true, manage: false });
    // The same link a second time is spent.
    expect((await acceptInvitation(services, token, { name: "Someone", password: "a-long-enough-password", locale: "it", ip: "203.0.113.9", userAgent: "vitest" })).state).toBe("used");

    // A group in a partnership still forming cannot be formed into a second one.
    const third = await group("de");
    const count = await countPartnerships();
    expect(await formPartnership(services, await team.actor(), { name: "Second partnership", groups: [third.id, italian.id], organisations: [] })).toEqual({ ok: false, error: "groupUnavailable" });
    expect(await formPartnership(services, await team.actor(), { name: "Second partnership", groups: [third.id, german.id], organisations: [] })).toEqual({ ok: false, error: "groupUnavailable" });
    expect(await countPartnerships()).toBe(count);
    expect(await statusOf(third.id)).toBe("received");
    expect(await mailsOfKind(third.contactEmail, "partnershipInvitation")).toEqual([]);

    // A partnership needs two parties that exist: one group alone, or with an unknown organisation, is refused.
    expect(await formPartnership(services, await team.actor(), { name: "Alone", groups: [third.id], organisations: [] })).toEqual({ ok: false, error: "tooFewGroups" });
    expect(await formPartnership(services, await team.actor(), { name: "Alone", groups: [third.id, third.id], organisations: [] })).toEqual({ ok: false, error: "tooFewGroups" });
    expect(await formPartnership(services, await team.actor(), { name: "Alone", groups: [third.id], organisations: ["no-such-organisation"] })).toEqual({ ok: false, error: "tooFewGroups" });
    expect(await formPartnership(services, await team.actor(), { name: "Alone", groups: [third.id, "no-such-group"], organisations: [] })).toEqual({ ok: false, error: "notFound" });
    expect(await countPartnerships()).toBe(count);
    expect(await statusOf(third.id)).toBe("received");
    expect(await mailsOfKind(third.contactEmail, "interestStatus")).toEqual([]);
  });

  it("lets the partners write the application while it is formed, freezes it on submission, and opens it to the network it became", async () => {
    const p = await partnershipWithPartners();
    const partnerIt = await loadActor(db(), p.italianUserId!);
    const partnerDe = await p.germanAccount!.actor();
    const team = await p.team.actor();
    const board = await (await observer()).actor();
    const unrelated = await buildNetwork(db());
    const strangerMember = await (await person({ memberships: [{ networkId: unrelated.id, role: "coordinator" }] })).actor();
    const nobody = await (await person()).actor();

    expect(await resolveDocument(services, "application.no-such-partnership")).toBeNull();
    const forming = await resolveDocument(services, `application.${p.id}`);
    expect(forming).toMatchObject({ owner: { kind: "partnership", partnershipId: p.id, networkId: null }, state: "open", title: p.name, path: `/partnerships/${p.id}` });
    const open = forming!;

    // While forming: the partners read and write, the project team reads, nobody else reads.
    for (const partner of [partnerIt, partnerDe]) {
      expect(reads(partner, open)).toBe(true);
      expect(edits(partner, open)).toBe(true);
    }
    expect(reads(team, open)).toBe(true);
    expect(edits(team, open)).toBe(false);
    for (const outsider of [board, strangerMember, nobody]) {
      expect(reads(outsider, open)).toBe(false);
      expect(edits(outsider, open)).toBe(false);
    }

    // Submitted: frozen for everyone; the board reads it now.
    expect(await submitApplication(services, partnerIt, p.id)).toEqual({ ok: true });
    const frozen = await applicationOf(p.id);
    expect(frozen.state).toBe("frozen");
    for (const reader of [partnerIt, partnerDe, team, board]) expect(reads(reader, frozen)).toBe(true);
    for (const outsider of [strangerMember, nobody]) expect(reads(outsider, frozen)).toBe(false);
    for (const anyone of [partnerIt, partnerDe, team, board, strangerMember, nobody]) expect(edits(anyone, frozen)).toBe(false);

    // Selected: the founded network's members read it as their founding document; still nobody edits.
    const decided = await recordDecision(services, team, p.id, { decision: "selected", note: "" });
    expect(decided.ok).toBe(true);
    if (!decided.ok) return;
    const founding = await applicationOf(p.id);
    expect(founding.owner).toEqual({ kind: "partnership", partnershipId: p.id, networkId: decided.networkId });
    expect(founding.state).toBe("frozen");
    const networkId = decided.networkId!;
    const newcomer = await (await person({ memberships: [{ networkId, role: "member" }] })).actor();
    expect(reads(newcomer, founding)).toBe(true);
    // Not through any partnership or board role: the plain member reads only as the network's.
    expect(newcomer.partnerships?.size ?? 0).toBe(0);
    expect(reads(newcomer, frozen)).toBe(false);
    for (const reader of [partnerIt, partnerDe, team, board]) expect(reads(reader, founding)).toBe(true);
    for (const outsider of [strangerMember, nobody]) expect(reads(outsider, founding)).toBe(false);
    for (const anyone of [newcomer, partnerIt, partnerDe, team, board]) expect(edits(anyone, founding)).toBe(false);
  });

  it("submits the application once: the groups have applied (told in their language); outsiders are refused", async () => {
    const p = await partnershipWithPartners();
    const partner = await loadActor(db(), p.italianUserId!);

    // Someone who is not a partner is refused, while the application is still being written.
    for (const outsider of [await observer(), await person()]) {
      expect(await submitApplication(services, await outsider.actor(), p.id)).toEqual({ ok: false, error: "forbidden" });
    }
    expect((await partnershipRow(p.id)).status).toBe("forming");
    expect(await submitApplication(services, partner, "no-such-partnership")).toEqual({ ok: false, error: "notFound" });

    expect(await submitApplication(services, partner, p.id)).toEqual({ ok: true });
    const row = await partnershipRow(p.id);
    expect(row.status).toBe("submitted");
    expect(row.submitted_at).toBeTruthy();
    for (const g of [p.italian, p.german]) {
      expect(await statusOf(g.id)).toBe("applied");
      const mails = await mailsOfKind(g.contactEmail, "interestStatus");
      expect(mails.map((m) => m.subject)).toEqual([statusMail(g.locale, g.contactName, g.name, "partnership_formed").subject, statusMail(g.locale, g.contactName, g.name, "applied").subject]);
      expect(mails[1]).toMatchObject(statusMail(g.locale, g.contactName, g.name, "applied"));
    }
    expect((await partnershipPage(services, partner, p.id))!.rights.submit).toBe(false);

    // A second submission (by the other partner or the project team) changes nothing.
    expect(await submitApplication(services, await p.germanAccount!.actor(), p.id)).toEqual({ ok: false, error: "wrongStatus" });
    expect(await submitApplication(services, await p.team.actor(), p.id)).toEqual({ ok: false, error: "wrongStatus" });
    expect(await submitApplication(services, await (await person()).actor(), p.id)).toEqual({ ok: false, error: "forbidden" });
    expect((await partnershipRow(p.id)).submitted_at).toBe(row.submitted_at);
    for (const g of [p.italian, p.german]) expect(await mailsOfKind(g.contactEmail, "interestStatus")).toHaveLength(2);
  });

  it("keeps the board's reviews independent until each member has submitted, and ranks by the weighted rubric", async () => {
    const team = await projectTeam();
    const teamActor = await team.actor();
    const a = await observer(`A Observer ${uniq("x")}`);
    const b = await observer(`B Observer ${uniq("x")}`);
    const c = await observer(`C Observer ${uniq("x")}`);
    const [A, B, C] = await Promise.all([a.actor(), b.actor(), c.actor()]);

    // The rubric: only the project team sets it.
    expect(await saveCriterion(services, A, { id: null, label: "Relevance", description: "", weight: 3 })).toEqual({ ok: false, error: "forbidden" });
    const relevanceLabel = uniq("Relevance");
    const feasibilityLabel = uniq("Feasibility");
    expect(await saveCriterion(services, teamActor, { id: null, label: relevanceLabel, description: "Fits the call", weight: 3 })).toEqual({ ok: true });
    expect(await saveCriterion(services, teamActor, { id: null, label: feasibilityLabel, description: "Can be done", weight: 1 })).toEqual({ ok: true });
    const criteria = await rubricCriteria(services);
    expect(criteria.map((x) => [x.label, x.weight])).toEqual([
      [relevanceLabel, 3],
      [feasibilityLabel, 1],
    ]);
    const [relevance, feasibility] = [criteria[0]!.id, criteria[1]!.id];

    // Two applications; the later one (listed first before ranking) will score lower.
    const first = await submittedPartnership(`Alpha ${uniq("app")}`);
    const second = await submittedPartnership(`Beta ${uniq("app")}`);
    const P = first.id;
    const Q = second.id;

    // A saves a draft. B (nothing of their own) and A (only a draft) see neither others nor the aggregate.
    expect(await saveOwnReview(services, A, P, { scores: { [relevance]: 5 }, comment: "A draft", submit: false })).toEqual({ ok: true });
    const bBefore = await reviewPage(services, B, P);
    expect(bBefore!.mine).toBeNull();
    expect(bBefore!.others).toBeNull();
    expect(bBefore!.aggregate).toBeNull();
    expect(bBefore!.rights).toEqual({ score: true, decide: false });
    expect(await saveOwnReview(services, B, P, { scores: { [relevance]: 1, [feasibility]: 1 }, comment: "B draft", submit: false })).toEqual({ ok: true });
    const aDraft = await reviewPage(services, A, P);
    expect(aDraft!.mine).toEqual({ status: "draft", comment: "A draft", scores: { [relevance]: 5 } });
    expect(aDraft!.others).toBeNull();
    expect(aDraft!.aggregate).toBeNull();
    expect(JSON.stringify(aDraft)).not.toContain("B draft");
    expect((await boardApplications(services, A)).find((r) => r.id === P)).toMatchObject({ ownStatus: "draft", visible: false, aggregate: null });

    // The project team, who does not score, sees the aggregate throughout.
    const teamEarly = await reviewPage(services, teamActor, P);
    expect(teamEarly!.aggregate).toEqual({ score: null, byCriterion: { [relevance]: null, [feasibility]: null }, submitted: 0, drafts: 2, conflicts: 0 });
    expect(teamEarly!.others).toEqual([]);
    expect(teamEarly!.rights).toEqual({ score: false, decide: true });
    expect(await saveOwnReview(services, teamActor, P, { scores: { [relevance]: 5, [feasibility]: 5 }, comment: "", submit: true })).toEqual({ ok: false, error: "forbidden" });
    expect(await declareConflict(services, teamActor, P)).toEqual({ ok: false, error: "forbidden" });

    // Submitting needs every criterion scored; the draft stays a draft.
    expect(await saveOwnReview(services, A, P, { scores: { [relevance]: 5 }, comment: "A final", submit: true })).toEqual({ ok: false, error: "incomplete" });
    expect((await reviewPage(services, A, P))!.mine!.status).toBe("draft");

    // A submits: sees the others' submitted reviews (B's draft is not one) and the aggregate: (3·5 + 1·1) / 4 = 4.
    expect(await saveOwnReview(services, A, P, { scores: { [relevance]: 5, [feasibility]: 1 }, comment: "A final", submit: true })).toEqual({ ok: true });
    const aSubmitted = await reviewPage(services, A, P);
    expect(aSubmitted!.mine).toEqual({ status: "submitted", comment: "A final", scores: { [relevance]: 5, [feasibility]: 1 } });
    expect(aSubmitted!.others).toEqual([]);
    expect(aSubmitted!.aggregate).toEqual({ score: 4, byCriterion: { [relevance]: 5, [feasibility]: 1 }, submitted: 1, drafts: 1, conflicts: 0 });
    expect(aSubmitted!.rights.score).toBe(false);
    // B, still drafting, sees nothing of A's.
    const bDraft = await reviewPage(services, B, P);
    expect(bDraft!.others).toBeNull();
    expect(bDraft!.aggregate).toBeNull();
    expect(JSON.stringify(bDraft)).not.toContain("A final");

    // B declares a conflict of interest: their draft scores go, they are out of the aggregate, and their part is over.
    expect(await declareConflict(services, B, P)).toEqual({ ok: true });
    const bConflict = await reviewPage(services, B, P);
    expect(bConflict!.mine).toEqual({ status: "conflict", comment: "", scores: {} });
    expect(bConflict!.aggregate).toEqual({ score: 4, byCriterion: { [relevance]: 5, [feasibility]: 1 }, submitted: 1, drafts: 0, conflicts: 1 });
    expect(bConflict!.others).toEqual([{ name: a.name, status: "submitted", comment: "A final", scores: { [relevance]: 5, [feasibility]: 1 } }]);
    expect(bConflict!.rights.score).toBe(false);
    expect(await saveOwnReview(services, B, P, { scores: { [relevance]: 1, [feasibility]: 1 }, comment: "B after all", submit: true })).toEqual({ ok: false, error: "alreadySubmitted" });
    expect(await declareConflict(services, B, P)).toEqual({ ok: false, error: "alreadySubmitted" });

    // A submitted review is final.
    expect(await saveOwnReview(services, A, P, { scores: { [relevance]: 1, [feasibility]: 1 }, comment: "A changed", submit: true })).toEqual({ ok: false, error: "alreadySubmitted" });
    expect(await saveOwnReview(services, A, P, { scores: { [relevance]: 1 }, comment: "A changed", submit: false })).toEqual({ ok: false, error: "alreadySubmitted" });
    expect(await declareConflict(services, A, P)).toEqual({ ok: false, error: "alreadySubmitted" });
    expect((await reviewPage(services, A, P))!.mine).toEqual({ status: "submitted", comment: "A final", scores: { [relevance]: 5, [feasibility]: 1 } });

    // C submits too: A now sees C's scores, and the aggregate is the mean of A's 4 and C's (3·3 + 1·3) / 4 = 3.
    expect(await saveOwnReview(services, C, P, { scores: { [relevance]: 3, [feasibility]: 3 }, comment: "C final", submit: true })).toEqual({ ok: true });
    const aWithC = await reviewPage(services, A, P);
    expect(aWithC!.others).toEqual(
      expect.arrayContaining([
        { name: b.name, status: "conflict", comment: "", scores: {} },
        { name: c.name, status: "submitted", comment: "C final", scores: { [relevance]: 3, [feasibility]: 3 } },
      ]),
    );
    expect(aWithC!.others).toHaveLength(2);
    expect(aWithC!.aggregate).toEqual({ score: 3.5, byCriterion: { [relevance]: 4, [feasibility]: 2 }, submitted: 2, drafts: 0, conflicts: 1 });
    expect((await reviewPage(services, teamActor, P))!.aggregate!.score).toBe(3.5);

    // A scores the second application (3·2 + 1·5) / 4 = 2.75: unweighted it would beat the first (3.5 against 3).
    expect(await saveOwnReview(services, A, Q, { scores: { [relevance]: 2, [feasibility]: 5 }, comment: "A on Q", submit: true })).toEqual({ ok: true });

    // A, who submitted both, sees them ranked by score, ahead of applications A has not reviewed.
    const forA = await boardApplications(services, A);
    expect(forA.slice(0, 2).map((r) => [r.id, r.aggregate?.score])).toEqual([
      [P, 3.5],
      [Q, 2.75],
    ]);
    expect(forA.slice(2).every((r) => r.aggregate === null && !r.visible)).toBe(true);
    // B has not reviewed the second application: listed, unranked, without its aggregate, after the one B may see.
    const forB = await boardApplications(services, B);
    const bP = forB.findIndex((r) => r.id === P);
    const bQ = forB.findIndex((r) => r.id === Q);
    expect(forB[bP]).toMatchObject({ ownStatus: "conflict", visible: true, aggregate: { score: 3.5, conflicts: 1 } });
    expect(forB[bQ]).toMatchObject({ ownStatus: null, visible: false, aggregate: null });
    expect(bP).toBeLessThan(bQ);
    expect((await reviewPage(services, B, Q))!.aggregate).toBeNull();
    // The project team sees the ranking throughout.
    const forTeam = await boardApplications(services, teamActor);
    expect(forTeam.every((r) => r.visible)).toBe(true);
    expect(forTeam.findIndex((r) => r.id === P)).toBeLessThan(forTeam.findIndex((r) => r.id === Q));

    // An application still being written is not before the board.
    const stillForming = await partnershipWithPartners();
    expect(await reviewPage(services, A, stillForming.id)).toBeNull();
    expect(await saveOwnReview(services, A, stillForming.id, { scores: { [relevance]: 5 }, comment: "", submit: false })).toEqual({ ok: false, error: "notFound" });
  });

  it("founds the network of a selected partnership: organisations reused or created, partners as coordinators, the others invited", async () => {
    const suffix = crypto.randomBytes(4).toString("hex");
    // An organisation already on the platform under the name of one of the German group's members.
    const chamberName = `Handwerkskammer Chemnitz ${suffix}`;
    const chamber = await buildOrganisation(db(), { country: "DE", name: chamberName });
    const named = await buildOrganisation(db(), { country: "IT" });
    const italianMembers = [
      member(`Istituto Tecnico ${suffix}`, "IT", "vocational_school", "public", "Brescia"),
      // Same name, other country: a different organisation.
      member(chamberName, "IT", "company", "private", "Bergamo"),
    ];
    const germanMembers = [member(chamberName, "DE", "chamber", "public", "Chemnitz"), member(`Berufliches Schulzentrum ${suffix}`, "DE", "vocational_school", "public", "Chemnitz")];
    const name = `Ponte Brücke ${suffix}`;
    const slug = `ponte-brucke-${suffix}`;
    // The address the name gives is taken already.
    const at = nowIso();
    await insertNetwork(db(), { id: crypto.randomUUID(), slug, name: "Someone else", description: "", occupational_field: "logistics", themes: "[]", created_at: at, updated_at: at, archived_at: null });

    const p = await partnershipWithPartners({ name, germanHasAccount: false, organisations: [named.id], italianMembers, germanMembers });
    const team = await p.team.actor();
    const partner = await loadActor(db(), p.italianUserId!);

    // Nothing to decide while the application is written; only the project team decides.
    expect(await recordDecision(services, team, p.id, { decision: "selected", note: "" })).toEqual({ ok: false, error: "notFound" });
    expect(await submitApplication(services, partner, p.id)).toEqual({ ok: true });
    for (const other of [await observer(), await person()]) {
      expect(await recordDecision(services, await other.actor(), p.id, { decision: "selected", note: "" })).toEqual({ ok: false, error: "forbidden" });
    }
    expect((await partnershipRow(p.id)).status).toBe("submitted");

    const note = "Complimenti / Glückwunsch";
    const decided = await recordDecision(services, team, p.id, { decision: "selected", note });
    expect(decided.ok).toBe(true);
    if (!decided.ok) return;
    const networkId = decided.networkId!;
    expect(networkId).toBeTruthy();

    const network = await db().selectFrom("networks").selectAll().where("id", "=", networkId).executeTakeFirstOrThrow();
    expect(network).toMatchObject({ name, slug: `${slug}-2`, archived_at: null, occupational_field: "mechatronics" });
    expect(await db().selectFrom("networks").select("id").where("name", "=", name).execute()).toHaveLength(1);
    expect(await partnershipRow(p.id)).toMatchObject({ status: "selected", network_id: networkId, decided_by: p.team.id, decision_note: note });

    // Organisations: the existing chamber reused, the partnership's own one, the others created once.
    const linked = await db()
      .selectFrom("network_organisations")
      .innerJoin("organisations", "organisations.id", "network_organisations.organisation_id")
      .select(["organisations.id", "organisations.name", "organisations.country", "organisations.city", "organisations.type", "organisations.sector"])
      .where("network_organisations.network_id", "=", networkId)
      .execute();
    expect(linked).toHaveLength(5);
    expect(linked.map((o) => o.id)).toEqual(expect.arrayContaining([chamber.id, named.id]));
    const byKey = (n: string, country: Country) => db().selectFrom("organisations").selectAll().where("name", "=", n).where("country", "=", country).execute();
    expect(await byKey(chamberName, "DE")).toHaveLength(1);
    for (const m of [...italianMembers, germanMembers[1]!]) {
      const rows = await byKey(m.name, m.country);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ city: m.city, region: m.region, type: m.type, sector: m.sector });
      expect(linked.map((o) => o.id)).toContain(rows[0]!.id);
    }

    // People: the Italian partner coordinates; the German contact, who never accepted, is invited as coordinator in German.
    const memberships = await db().selectFrom("memberships").select(["user_id", "role"]).where("network_id", "=", networkId).execute();
    expect(memberships).toEqual([{ user_id: p.italianUserId, role: "coordinator" }]);
    expect((await loadActor(db(), p.italianUserId!)).memberships.get(networkId)).toBe("coordinator");
    const networkInvitations = await db().selectFrom("invitations").selectAll().where("network_id", "=", networkId).execute();
    expect(networkInvitations).toHaveLength(1);
    expect(networkInvitations[0]).toMatchObject({ email: p.german.contactEmail, network_role: "coordinator", platform_role: null, partnership_id: null, locale: "de", invited_by: p.team.id, accepted_at: null });
    const invitationMails = await mailsOfKind(p.german.contactEmail, "invitation");
    expect(invitationMails).toHaveLength(1);
    const token = inviteTokenFrom(invitationMails[0]!.text_body);
    expect(networkInvitations[0]!.token_hash).toBe(hashToken(token));
    expect(invitationMails[0]).toMatchObject(expectedMail("de", "invitation", { inviter: p.team.name, network: name, link: `${PUBLIC_URL}/invite/${token}`, days: "3" }));
    // The partner is not invited again.
    expect(await mailsOfKind(p.italian.contactEmail, "invitation")).toEqual([]);

    // The groups are selected, told in their language with the board's note.
    for (const g of [p.italian, p.german]) {
      expect(await statusOf(g.id)).toBe("selected");
      const mails = await mailsOfKind(g.contactEmail, "interestStatus");
      expect(mails.at(-1)).toMatchObject(statusMail(g.locale, g.contactName, g.name, "selected", note));
    }

    // The German contact accepts the network invitation: a coordinator of the new network.
    const accepted = await acceptInvitation(services, token, { name: p.german.contactName, password: "a-long-enough-password", locale: "de", ip: "203.0.113.9", userAgent: "vitest" });
    expect(accepted).toMatchObject({ state: "valid", redirectTo: `/networks/${slug}-2` });
    const germanUser = await db().selectFrom("users").select("id").where("email", "=", p.german.contactEmail).executeTakeFirstOrThrow();
    expect((await loadActor(db(), germanUser.id)).memberships.get(networkId)).toBe("coordinator");

    // A decision is recorded once.
    const networks = (await db().selectFrom("networks").select("id").execute()).length;
    expect(await recordDecision(services, team, p.id, { decision: "selected", note: "" })).toEqual({ ok: false, error: "wrongStatus" });
    expect(await recordDecision(services, team, p.id, { decision: "not_selected", note: "" })).toEqual({ ok: false, error: "wrongStatus" });
    expect((await db().selectFrom("networks").select("id").execute()).length).toBe(networks);
    expect(await partnershipRow(p.id)).toMatchObject({ status: "selected", network_id: networkId, decision_note: note });
    for (const g of [p.italian, p.german]) expect(await statusOf(g.id)).toBe("selected");
  });

  // Failed before the fix: the unused partnership link still worked after the selection and led past the network.
  it("withdraws the partnership's unused invitations when it becomes a network, so only the network's invitation counts", async () => {
    const p = await partnershipWithPartners({ germanHasAccount: false });
    const team = await p.team.actor();
    expect(await submitApplication(services, await loadActor(db(), p.italianUserId!), p.id)).toEqual({ ok: true });
    const oldToken = inviteTokenFrom((await mailsOfKind(p.german.contactEmail, "partnershipInvitation"))[0]!.text_body);
    const decided = await recordDecision(services, team, p.id, { decision: "selected", note: "" });
    expect(decided.ok).toBe(true);
    expect((await acceptInvitation(services, oldToken, { name: "Late", password: "a-long-enough-password", locale: "de", ip: "203.0.113.9", userAgent: "vitest" })).state).toBe("revoked");
    const accepted = await acceptFromMail(p.german.contactEmail, p.german.contactName, "de", "invitation");
    expect(accepted.outcome.state).toBe("valid");
    const role = await db().selectFrom("memberships").select("role").where("user_id", "=", accepted.user!.id).where("network_id", "=", decided.ok ? decided.networkId! : "").executeTakeFirst();
    expect(role?.role).toBe("coordinator");
  });

  // Failed before the fix: the batch loader left partnerships out, so partners were never offered for @mentions in their application.
  it("loads the partnerships of many people at once, as for mentions", async () => {
    const p = await partnershipWithPartners();
    const actors = await loadActors(db(), [p.italianUserId!, p.germanAccount!.id]);
    expect([...(actors.get(p.italianUserId!)!.partnerships ?? [])]).toEqual([p.id]);
    expect([...(actors.get(p.germanAccount!.id)!.partnerships ?? [])]).toEqual([p.id]);
  });

  // Failed before the fix: a score outside 1–5 was accepted and silently left out of the aggregate.
  it("refuses a score outside 1 to 5 from any caller", async () => {
    const p = await submittedPartnership();
    const team = await p.team.actor();
    const saved = await saveCriterion(services, team, { id: null, label: uniq("Kriterium"), description: "", weight: 1 });
    expect(saved).toEqual({ ok: true });
    const criterion = (await rubricCriteria(services)).at(-1)!;
    const member = await observer();
    for (const score of [0, 6, 9, 2.5]) {
      expect(await saveOwnReview(services, await member.actor(), p.id, { scores: { [criterion.id]: score }, comment: "", submit: false })).toEqual({ ok: false, error: "invalidScore" });
    }
  });

  it("records a partnership that was not selected: the groups are told, no network is founded", async () => {
    const p = await submittedPartnership(`Not this time ${uniq("p")}`);
    const networks = (await db().selectFrom("networks").select("id").execute()).length;
    const organisations = (await db().selectFrom("organisations").select("id").execute()).length;
    const note = "Grazie / Danke";
    expect(await recordDecision(services, await p.team.actor(), p.id, { decision: "not_selected", note })).toEqual({ ok: true, networkId: null });
    expect(await partnershipRow(p.id)).toMatchObject({ status: "not_selected", network_id: null, decided_by: p.team.id, decision_note: note });
    expect((await db().selectFrom("networks").select("id").execute()).length).toBe(networks);
    expect((await db().selectFrom("networks").select("id").where("name", "=", p.name).execute())).toEqual([]);
    expect((await db().selectFrom("organisations").select("id").execute()).length).toBe(organisations);
    for (const g of [p.italian, p.german]) {
      expect(await statusOf(g.id)).toBe("not_selected");
      expect((await mailsOfKind(g.contactEmail, "interestStatus")).at(-1)).toMatchObject(statusMail(g.locale, g.contactName, g.name, "not_selected", note));
    }
    const partner = await loadActor(db(), p.italianUserId!);
    expect(partner.memberships.size).toBe(0);
    expect(await db().selectFrom("invitations").select("id").where("network_id", "is not", null).where("email", "in", [p.italian.contactEmail, p.german.contactEmail]).execute()).toEqual([]);
    expect(await recordDecision(services, await p.team.actor(), p.id, { decision: "selected", note: "" })).toEqual({ ok: false, error: "wrongStatus" });
    expect((await db().selectFrom("networks").select("id").execute()).length).toBe(networks);
    // The application stays frozen and is no network's.
    const doc = await applicationOf(p.id);
    expect(doc).toMatchObject({ state: "frozen", owner: { kind: "partnership", partnershipId: p.id, networkId: null } });
    expect(edits(partner, doc)).toBe(false);
    expect(reads(partner, doc)).toBe(true);
  });
});
