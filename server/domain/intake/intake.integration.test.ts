/**
 * Expressions of interest, through the domain: a group sends the public form, reads, amends
 * and withdraws it through the private link of its confirmation mail (every mail in the
 * group's own language), the project team moves it through the statuses, introduces
 * consenting groups to each other once, gets partner suggestions from the other country and
 * checks a partnership's composition; the queue filters and counts. The spam defences
 * (honeypot, signed minimum fill time, rate limits per address and per IP) keep nothing of
 * what they refuse. Runs on SQLite and PostgreSQL.
 *
 * The domain is called directly with services on a fresh test database (no HTTP server, so
 * no production build is needed: run with TEST_SKIP_BUILD=1 when build/ is missing).
 */
import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "#db/testing/test-database";
import type { Services } from "#server/services";
import type { Config } from "#server/config";
import { testConfig } from "#server/testing/test-config";
import { createLogger } from "#server/log";
import { createLocalEvents } from "#server/events";
import { soloCluster } from "#server/cluster/cluster";
import { createMailer } from "#server/mail/mailer";
import { createLibraryStorage } from "#server/library/storage/library-storage";
import { buildOrganisation, buildUser, uniq } from "#server/testing/factories";
import { loadActor } from "#server/domain/auth/actor";
import { addOrganisationToNetwork, insertNetwork } from "#db/queries/networks";
import type { InterestFormData, InterestMemberInput } from "#shared/validation/interest-forms";
import type { InterestStatus } from "#shared/intake/vocabulary";
import type { Locale } from "#shared/i18n/config";
import { amendInterest, interestByToken, submitInterest, withdrawInterest } from "./submissions";
import { addInterestNote, changeInterestStatus, intakeQueue, introduceGroups, submissionWithLog } from "./review";
import { compositionWith, partnerSuggestions } from "./suggestions";
import { formStamp, MAX_STAMP_AGE_MS, MAX_SUBMISSIONS_PER_ADDRESS_PER_DAY, MAX_SUBMISSIONS_PER_IP_PER_HOUR } from "./form-guard";
import itMail from "../../../locales/it/mail.json";
import deMail from "../../../locales/de/mail.json";
import itIntake from "../../../locales/it/intake.json";
import itNetwork from "../../../locales/it/network.json";
import deNetwork from "../../../locales/de/network.json";

const PUBLIC_URL = "https://connactions.test";

let database: TestDatabase;
let services: Services;

/** The services of one instance on the file's database, as startTestServer makes them, without the HTTP server. */
function servicesOn(db: TestDatabase, config: Partial<Config> = {}): Services {
  const log = createLogger("error");
  return {
    db: db.db,
    dialect: db.dialect,
    config: testConfig({ publicUrl: PUBLIC_URL, dataDir: db.dataDir, ...config }),
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

/** The throttle key of a contact address: hashed, so the table keeps no address after a withdrawal. */
const addressKey = (email: string) => `interest:address:${crypto.createHash("sha256").update(email.trim().toLowerCase()).digest("hex")}`;

let ipCounter = 0;
/** A fresh address per submission series: throttle events live in the file's shared database. */
const nextIp = () => {
  ipCounter += 1;
  return `10.0.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
};

const member = (name: string, country: InterestMemberInput["country"], type: InterestMemberInput["type"], sector: InterestMemberInput["sector"]): InterestMemberInput => ({
  name,
  type,
  sector,
  city: country === "IT" ? "Vicenza" : "Chemnitz",
  region: country === "IT" ? "Veneto" : "Sachsen",
  country,
});

/** What the validated public form hands the domain; contact address and group name unique per call. */
function interestInput(overrides: Partial<InterestFormData> = {}): InterestFormData {
  const suffix = crypto.randomBytes(4).toString("hex");
  return {
    groupName: `Gruppo ${suffix}`,
    contactName: "Giulia Bianchi",
    contactEmail: `contact-${suffix}@example.test`,
    contactPhone: "",
    locale: "it",
    occupationalField: "hospitality",
    fieldDescription: "",
    scale: "local",
    apprentices: null,
    companies: null,
    jointProjects: "",
    motivation: "Vogliamo rafforzare la formazione duale nel nostro territorio.",
    projectIdea: "Un percorso comune per apprendisti e tutor aziendali.",
    themes: [],
    actionAreas: ["workBasedLearning"],
    expectedValue: "",
    offeredValue: "",
    pastCooperation: "",
    fundedProjects: "",
    consent: "yes",
    introductions: false,
    members: [member(`Istituto ${suffix}`, "IT", "vocational_school", "public"), member(`Azienda ${suffix}`, "IT", "company", "private")],
    ...overrides,
  };
}

const fresh = async () => ({ ip: nextIp(), stamp: await formStamp(services), honeypot: "" });

/** Sends the form and answers the stored row (found by its unique contact address). */
async function submitted(input: InterestFormData) {
  const outcome = await submitInterest(services, input, await fresh());
  expect(outcome).toEqual({ ok: true });
  return db().selectFrom("interest_expressions").selectAll().where("contact_email", "=", input.contactEmail).executeTakeFirstOrThrow();
}

const mailsTo = (address: string) => db().selectFrom("outbox").selectAll().where("to_address", "=", address).orderBy("created_at").orderBy("id").execute();
const rowsWithEmail = (address: string) => db().selectFrom("interest_expressions").select("id").where("contact_email", "=", address).execute();
const logOf = (id: string) => db().selectFrom("interest_log").selectAll().where("expression_id", "=", id).orderBy("created_at").orderBy("id").execute();

async function projectTeam() {
  const user = await buildUser(db(), { platformRoles: ["project_team"], name: uniq("Team") });
  return { ...user, actor: await loadActor(db(), user.id) };
}

async function setStatus(id: string, status: InterestStatus) {
  const team = await projectTeam();
  expect(await changeInterestStatus(services, team.actor, id, status, "")).toEqual({ ok: true });
}

type MailKey = "interestReceived" | "interestWithdrawn" | "interestStatus" | "interestIntroduction";
type MailTexts = { signature: string } & Record<MailKey, { subject: string; body: string }>;

/** Fills a template of locales/<lng>/mail.json; a placeholder without a value fails the test. */
const render = (template: string, vars: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    if (!(key in vars)) throw new Error(`no value for {{${key}}}`);
    return vars[key]!;
  });

/** Subject and text exactly as that language's mail.json words them (composeMail adds the signature). */
const expectedMail = (texts: MailTexts, key: MailKey, vars: Record<string, string>) => ({
  subject: render(texts[key].subject, vars),
  text_body: `${render(texts[key].body, vars)}\n\n${texts.signature}`,
});

/** The token of the private link in the confirmation mail. */
function tokenFrom(text: string): string {
  const escaped = PUBLIC_URL.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`${escaped}/interest/mine/([A-Za-z0-9_-]+)`).exec(text);
  if (!match) throw new Error(`no private link in the mail:\n${text}`);
  return match[1]!;
}

describe(`expressions of interest (${process.env.TEST_DATABASE})`, () => {
  it("goes from the form through amendment and status changes to withdrawal, mailing the group in Italian and leaving nothing behind", async () => {
    const team = await projectTeam();
    const observer = await buildUser(db(), { platformRoles: ["observer"] });
    const observerActor = await loadActor(db(), observer.id);
    const input = interestInput({
      groupName: `Rete Meccatronica Berica ${uniq("g")}`,
      contactName: "Marco Ferraro",
      locale: "it",
      members: [
        member("ITS Meccatronico Veneto", "IT", "vocational_school", "public"),
        member("Officine Ferraro Srl", "IT", "company", "private"),
        member("Confartigianato Vicenza", "IT", "association", "private"),
      ],
    });

    const guard = await fresh();
    expect(await submitInterest(services, input, guard)).toEqual({ ok: true });
    const row = await db().selectFrom("interest_expressions").selectAll().where("contact_email", "=", input.contactEmail).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "received", locale: "it", group_name: input.groupName, contact_name: "Marco Ferraro", introductions_consent: 0 });
    const members = await db().selectFrom("interest_members").selectAll().where("expression_id", "=", row.id).orderBy("position").execute();
    expect(members.map((m) => [m.position, m.name, m.type, m.sector, m.country])).toEqual([
      [0, "ITS Meccatronico Veneto", "vocational_school", "public", "IT"],
      [1, "Officine Ferraro Srl", "company", "private", "IT"],
      [2, "Confartigianato Vicenza", "association", "private", "IT"],
    ]);

    // The confirmation, in Italian, with the private link.
    const received = await mailsTo(input.contactEmail);
    expect(received).toHaveLength(1);
    expect(received[0]!.text_body).toContain(`${PUBLIC_URL}/interest/mine/`);
    const token = tokenFrom(received[0]!.text_body);
    expect(received[0]).toMatchObject({
      kind: "interestReceived",
      locale: "it",
      ...expectedMail(itMail, "interestReceived", { name: "Marco Ferraro", group: input.groupName, link: `${PUBLIC_URL}/interest/mine/${token}` }),
    });
    // Stored hashed only.
    expect(row.token_hash).not.toBe(token);
    expect(JSON.stringify(row)).not.toContain(token);

    const shown = await interestByToken(services, token);
    expect(shown).toMatchObject({ id: row.id, status: "received", groupName: input.groupName, contactEmail: input.contactEmail, country: "IT", introductions: false });
    expect(shown!.members.map((m) => m.name)).toEqual(["ITS Meccatronico Veneto", "Officine Ferraro Srl", "Confartigianato Vicenza"]);
    expect(await interestByToken(services, "x".repeat(43))).toBeNull();
    expect(await interestByToken(services, "short")).toBeNull();

    // The group corrects its submission: fields and members change, status and consent time stay, the log notes it.
    const amended = {
      ...input,
      projectIdea: "Laboratori comuni di meccatronica con scambi di apprendisti.",
      themes: ["digitalisation" as const],
      introductions: true,
      members: [member("Officine Ferraro Srl", "IT", "company", "private"), member("Camera di Commercio di Vicenza", "IT", "chamber", "public")],
    };
    expect(await amendInterest(services, token, amended)).toEqual({ ok: true });
    expect(await amendInterest(services, "y".repeat(43), amended)).toEqual({ ok: false, error: "notFound" });
    const afterAmend = await interestByToken(services, token);
    expect(afterAmend).toMatchObject({ status: "received", projectIdea: amended.projectIdea, themes: ["digitalisation"], introductions: true });
    expect(afterAmend!.members.map((m) => m.name)).toEqual(["Officine Ferraro Srl", "Camera di Commercio di Vicenza"]);
    expect(await db().selectFrom("interest_members").select("id").where("expression_id", "=", row.id).execute()).toHaveLength(2);
    const amendedRow = await db().selectFrom("interest_expressions").selectAll().where("id", "=", row.id).executeTakeFirstOrThrow();
    expect(amendedRow.consented_at).toEqual(row.consented_at);
    expect(amendedRow.created_at).toEqual(row.created_at);
    expect((await logOf(row.id)).map((e) => [e.kind, e.author_id])).toEqual([["amended", null]]);
    // Amending sends no mail.
    expect(await mailsTo(input.contactEmail)).toHaveLength(1);

    // The project team changes the status: logged with from/to, mailed in Italian with the Italian label.
    const message = "Vi chiameremo la prossima settimana per un primo colloquio.";
    expect(await changeInterestStatus(services, team.actor, row.id, "in_validation", message)).toEqual({ ok: true });
    expect((await db().selectFrom("interest_expressions").select("status").where("id", "=", row.id).executeTakeFirstOrThrow()).status).toBe("in_validation");
    const statusEntry = (await logOf(row.id)).find((e) => e.kind === "status");
    expect(statusEntry).toMatchObject({ author_id: team.id, status_from: "received", status_to: "in_validation", body: message });
    const statusMails = (await mailsTo(input.contactEmail)).filter((m) => m.kind === "interestStatus");
    expect(statusMails).toHaveLength(1);
    const label = itIntake.status.in_validation;
    expect(statusMails[0]).toMatchObject({
      locale: "it",
      ...expectedMail(itMail, "interestStatus", {
        name: "Marco Ferraro",
        group: input.groupName,
        status: label,
        explanation: itIntake.statusExplained.in_validation,
        message: `\n\n${itMail.interestStatus.message}\n${message}`,
      }),
    });
    expect(statusMails[0]!.subject).toContain(label);

    // The same status again changes nothing and mails nobody.
    expect(await changeInterestStatus(services, team.actor, row.id, "in_validation", "")).toEqual({ ok: false, error: "unchanged" });
    expect(await changeInterestStatus(services, team.actor, "no-such-id", "selected", "")).toEqual({ ok: false, error: "notFound" });
    // An observer may look, not decide.
    expect(await changeInterestStatus(services, observerActor, row.id, "looking_for_partners", "")).toEqual({ ok: false, error: "forbidden" });
    expect(await addInterestNote(services, observerActor, row.id, "note", "Osservazione")).toEqual({ ok: false, error: "forbidden" });
    expect((await db().selectFrom("interest_expressions").select("status").where("id", "=", row.id).executeTakeFirstOrThrow()).status).toBe("in_validation");
    expect((await logOf(row.id)).map((e) => e.kind).sort()).toEqual(["amended", "status"]);
    expect((await mailsTo(input.contactEmail)).filter((m) => m.kind === "interestStatus")).toHaveLength(1);

    // A contact the team had, shown in the submission's log with its author.
    expect(await addInterestNote(services, team.actor, row.id, "contact", "Telefonata con Marco Ferraro")).toEqual({ ok: true });
    const withLog = await submissionWithLog(services, row.id);
    expect(withLog!.submission.status).toBe("in_validation");
    expect(withLog!.log.map((e) => e.kind).sort()).toEqual(["amended", "contact", "status"]);
    expect(withLog!.log.find((e) => e.kind === "contact")!.author).toMatch(/^Team-/);

    // Withdrawal: the row, its members and its log are gone; the group is told in Italian.
    expect(await withdrawInterest(services, token)).toEqual({ ok: true });
    expect(await db().selectFrom("interest_expressions").select("id").where("id", "=", row.id).execute()).toEqual([]);
    expect(await db().selectFrom("interest_members").select("id").where("expression_id", "=", row.id).execute()).toEqual([]);
    expect(await db().selectFrom("interest_log").select("id").where("expression_id", "=", row.id).execute()).toEqual([]);
    const withdrawn = (await mailsTo(input.contactEmail)).filter((m) => m.kind === "interestWithdrawn");
    expect(withdrawn).toHaveLength(1);
    expect(withdrawn[0]).toMatchObject({ locale: "it", ...expectedMail(itMail, "interestWithdrawn", { name: "Marco Ferraro", group: input.groupName }) });
    expect(await interestByToken(services, token)).toBeNull();
    expect(await withdrawInterest(services, token)).toEqual({ ok: false, error: "notFound" });
    expect(await amendInterest(services, token, amended)).toEqual({ ok: false, error: "notFound" });
    expect(await submissionWithLog(services, row.id)).toBeNull();

    // Nothing personal is left in the intake's tables or in the audit log; the audit keeps that it happened.
    const leftovers = JSON.stringify([
      await db().selectFrom("interest_expressions").selectAll().execute(),
      await db().selectFrom("interest_members").selectAll().execute(),
      await db().selectFrom("interest_log").selectAll().execute(),
      await db().selectFrom("interest_introductions").selectAll().execute(),
    ]);
    for (const personal of [input.contactEmail, input.groupName, "Marco Ferraro", "Officine Ferraro Srl"]) expect(leftovers).not.toContain(personal);
    const audit = await db().selectFrom("audit_log").selectAll().where("action", "like", "interest.%").execute();
    const auditText = JSON.stringify(audit.map((e) => [e.action, e.target_id, e.details]));
    for (const personal of [input.contactEmail, input.groupName, "Marco Ferraro"]) expect(auditText).not.toContain(personal);
    expect(audit.filter((e) => e.target_id === row.id).map((e) => e.action).sort()).toEqual(["interest.status_changed", "interest.submitted", "interest.withdrawn"]);
    expect(JSON.parse(audit.find((e) => e.target_id === row.id && e.action === "interest.status_changed")!.details)).toEqual({ from: "received", to: "in_validation" });
  });

  describe("spam defences", () => {
    it("answers a filled honeypot like a success and keeps nothing, mails nobody and counts nothing", async () => {
      const input = interestInput();
      const ip = nextIp();
      const outcome = await submitInterest(services, input, { ip, stamp: await formStamp(services), honeypot: "https://cheap-pills.example" });
      expect(outcome).toEqual({ ok: true });
      expect(await rowsWithEmail(input.contactEmail)).toEqual([]);
      expect(await mailsTo(input.contactEmail)).toEqual([]);
      expect(await db().selectFrom("throttle_events").select("key").where("key", "=", addressKey(input.contactEmail)).execute()).toEqual([]);
      const refused = await db().selectFrom("audit_log").selectAll().where("action", "=", "interest.spam_refused").where("ip", "=", ip).execute();
      expect(refused.map((e) => JSON.parse(e.details))).toEqual([{ by: "honeypot" }]);
      // A blank honeypot (spaces only) is not a bot.
      const person = interestInput();
      expect(await submitInterest(services, person, { ip: nextIp(), stamp: await formStamp(services), honeypot: "   " })).toEqual({ ok: true });
      expect(await rowsWithEmail(person.contactEmail)).toHaveLength(1);
    });

    it("refuses a form sent faster than the minimum fill time, or with a stamp that is not ours, and counts none of it", async () => {
      // A second instance on the same database whose config asks for 60 seconds.
      const slow = { ...services, config: { ...services.config, intakeMinFillSeconds: 60 } };
      const input = interestInput();
      const ip = nextIp();
      const submitWith = (stamp: unknown) => submitInterest(slow, input, { ip, stamp, honeypot: "" });

      const freshStamp = await formStamp(slow);
      expect(await submitWith(freshStamp)).toEqual({ ok: false, error: "tooFast" });
      // Backdated by a bot: the signature no longer matches the time.
      const [at, signature] = freshStamp.split(".") as [string, string];
      expect(await submitWith(`${Number(at) - 120_000}.${signature}`)).toEqual({ ok: false, error: "formExpired" });
      // A genuine stamp, shown long enough ago, with its signature altered or replaced.
      const oldEnough = await formStamp(slow, Date.now() - 61_000);
      const [oldAt, oldSignature] = oldEnough.split(".") as [string, string];
      const flipped = `${oldSignature[0] === "A" ? "B" : "A"}${oldSignature.slice(1)}`;
      expect(await submitWith(`${oldAt}.${flipped}`)).toEqual({ ok: false, error: "formExpired" });
      expect(await submitWith(`${oldAt}.${crypto.randomBytes(32).toString("base64url")}`)).toEqual({ ok: false, error: "formExpired" });
      // No stamp, or garbage.
      expect(await submitWith(undefined)).toEqual({ ok: false, error: "formExpired" });
      expect(await submitWith("not-a-stamp")).toEqual({ ok: false, error: "formExpired" });
      // Stamped far in the future.
      expect(await submitWith(await formStamp(slow, Date.now() + 10 * 60_000))).toEqual({ ok: false, error: "formExpired" });
      // Genuine but older than anyone keeps a form open: a bot replaying a stamp it fetched once.
      expect(await submitWith(await formStamp(slow, Date.now() - MAX_STAMP_AGE_MS - 60_000))).toEqual({ ok: false, error: "formExpired" });

      expect(await rowsWithEmail(input.contactEmail)).toEqual([]);
      expect(await mailsTo(input.contactEmail)).toEqual([]);
      expect(await db().selectFrom("throttle_events").select("key").where("key", "in", [`interest:ip:${ip}`, addressKey(input.contactEmail)]).execute()).toEqual([]);
      const refusals = await db().selectFrom("audit_log").select("details").where("action", "=", "interest.spam_refused").where("ip", "=", ip).execute();
      expect(refusals.map((e) => JSON.parse(e.details) as { by: string }).map((d) => d.by).sort()).toEqual(["expired", ...Array.from({ length: 6 }, () => "invalid"), "tooFast"]);

      // A genuine stamp shown long enough ago goes through on the slow instance…
      expect(await submitWith(oldEnough)).toEqual({ ok: true });
      expect(await rowsWithEmail(input.contactEmail)).toHaveLength(1);
      // …and the refusals did not use up the address's budget: it may still send its remaining forms.
      for (let i = 1; i < MAX_SUBMISSIONS_PER_ADDRESS_PER_DAY; i++) {
        expect(await submitInterest(slow, input, { ip: nextIp(), stamp: oldEnough, honeypot: "" })).toEqual({ ok: true });
      }
      expect(await rowsWithEmail(input.contactEmail)).toHaveLength(MAX_SUBMISSIONS_PER_ADDRESS_PER_DAY);

      // With no minimum (the test config), a stamp made this instant is accepted.
      const quick = interestInput();
      expect(await submitInterest(services, quick, { ip: nextIp(), stamp: await formStamp(services), honeypot: "" })).toEqual({ ok: true });
      expect(await rowsWithEmail(quick.contactEmail)).toHaveLength(1);
    });

    it("limits submissions per contact address per day", async () => {
      const input = interestInput();
      for (let i = 0; i < MAX_SUBMISSIONS_PER_ADDRESS_PER_DAY; i++) {
        // Each from another connection, so only the address's limit can apply.
        expect(await submitInterest(services, input, await fresh())).toEqual({ ok: true });
      }
      const ip = nextIp();
      expect(await submitInterest(services, input, { ip, stamp: await formStamp(services), honeypot: "" })).toEqual({ ok: false, error: "throttled" });
      expect(await rowsWithEmail(input.contactEmail)).toHaveLength(MAX_SUBMISSIONS_PER_ADDRESS_PER_DAY);
      expect((await mailsTo(input.contactEmail)).filter((m) => m.kind === "interestReceived")).toHaveLength(MAX_SUBMISSIONS_PER_ADDRESS_PER_DAY);
      const refused = await db().selectFrom("audit_log").select("details").where("action", "=", "interest.spam_refused").where("ip", "=", ip).execute();
      expect(refused.map((e) => JSON.parse(e.details))).toEqual([{ by: "rateLimit" }]);
      // The refused attempt did not count against that connection.
      expect(await db().selectFrom("throttle_events").select("key").where("key", "=", `interest:ip:${ip}`).execute()).toEqual([]);
      // Someone else is not affected.
      const other = interestInput();
      expect(await submitInterest(services, other, await fresh())).toEqual({ ok: true });
    });

    it("limits submissions per IP per hour, whatever the addresses", async () => {
      const ip = nextIp();
      const guard = async () => ({ ip, stamp: await formStamp(services), honeypot: "" });
      for (let i = 0; i < MAX_SUBMISSIONS_PER_IP_PER_HOUR; i++) {
        expect(await submitInterest(services, interestInput(), await guard())).toEqual({ ok: true });
      }
      const sixth = interestInput();
      expect(await submitInterest(services, sixth, await guard())).toEqual({ ok: false, error: "throttled" });
      expect(await rowsWithEmail(sixth.contactEmail)).toEqual([]);
      expect(await mailsTo(sixth.contactEmail)).toEqual([]);
      // The same person from another connection gets through: the refusal did not count against the address.
      expect(await submitInterest(services, sixth, await fresh())).toEqual({ ok: true });
      expect(await rowsWithEmail(sixth.contactEmail)).toHaveLength(1);
    });
  });

  describe("introductions", () => {
    async function pair() {
      const italian = await submitted(
        interestInput({
          locale: "it",
          groupName: `Rete Ospitalità Garda ${uniq("g")}`,
          contactName: "Chiara Conti",
          occupationalField: "hospitality",
          projectIdea: "Scambi di apprendisti tra officine del Garda e della Sassonia.",
          introductions: true,
        }),
      );
      const german = await submitted(
        interestInput({
          locale: "de",
          groupName: `Ausbildungsverbund Erzgebirge ${uniq("g")}`,
          contactName: "Jonas Weber",
          occupationalField: "hospitality",
          projectIdea: "Gemeinsame Lernaufgaben für Azubis im Gastgewerbe in Sachsen und Venetien.",
          introductions: true,
          members: [member("BSZ Annaberg", "DE", "vocational_school", "public"), member("Weber Antriebstechnik GmbH", "DE", "company", "private")],
        }),
      );
      return { italian, german };
    }

    it("introduces two consenting groups once, each in its own language with the other's details", async () => {
      const team = await projectTeam();
      const { italian, german } = await pair();
      expect(await introduceGroups(services, team.actor, italian.id, german.id)).toEqual({ ok: true });

      const toItalian = (await mailsTo(italian.contact_email)).filter((m) => m.kind === "interestIntroduction");
      expect(toItalian).toHaveLength(1);
      expect(toItalian[0]).toMatchObject({
        locale: "it",
        ...expectedMail(itMail, "interestIntroduction", {
          name: "Chiara Conti",
          group: italian.group_name,
          partnerGroup: german.group_name,
          partnerCountry: "DE",
          partnerField: itNetwork.fields.hospitality,
          partnerIdea: german.project_idea,
          partnerContact: "Jonas Weber",
          partnerEmail: german.contact_email,
        }),
      });

      const toGerman = (await mailsTo(german.contact_email)).filter((m) => m.kind === "interestIntroduction");
      expect(toGerman).toHaveLength(1);
      expect(toGerman[0]).toMatchObject({
        locale: "de",
        ...expectedMail(deMail, "interestIntroduction", {
          name: "Jonas Weber",
          group: german.group_name,
          partnerGroup: italian.group_name,
          partnerCountry: "IT",
          partnerField: deNetwork.fields.hospitality,
          partnerIdea: italian.project_idea,
          partnerContact: "Chiara Conti",
          partnerEmail: italian.contact_email,
        }),
      });

      for (const [self, partner] of [
        [italian, german],
        [german, italian],
      ] as const) {
        const log = await logOf(self.id);
        expect(log.map((e) => [e.kind, e.author_id, e.body])).toEqual([["introduction", team.id, partner.id]]);
        expect((await submissionWithLog(services, self.id))!.log.map((e) => e.partner)).toEqual([{ id: partner.id, name: partner.group_name }]);
        expect((await submissionWithLog(services, self.id))!.introduced).toEqual([partner.id]);
      }

      // The same pair again, from either side: refused, nobody mailed twice, nothing logged.
      expect(await introduceGroups(services, team.actor, italian.id, german.id)).toEqual({ ok: false, error: "alreadyIntroduced" });
      expect(await introduceGroups(services, team.actor, german.id, italian.id)).toEqual({ ok: false, error: "alreadyIntroduced" });
      expect((await mailsTo(italian.contact_email)).filter((m) => m.kind === "interestIntroduction")).toHaveLength(1);
      expect((await mailsTo(german.contact_email)).filter((m) => m.kind === "interestIntroduction")).toHaveLength(1);
      expect(await logOf(italian.id)).toHaveLength(1);
      expect(await logOf(german.id)).toHaveLength(1);
    });

    // Failed before the fix: the partner's log kept the withdrawn group's name in its entry.
    it("keeps no trace of a withdrawn group's name in the log of a group it was introduced to", async () => {
      const team = await projectTeam();
      const { italian, german } = await pair();
      expect(await introduceGroups(services, team.actor, italian.id, german.id)).toEqual({ ok: true });
      const tokenOfGerman = tokenFrom((await mailsTo(german.contact_email)).find((m) => m.kind === "interestReceived")!.text_body);
      expect(await withdrawInterest(services, tokenOfGerman)).toEqual({ ok: true });

      const left = JSON.stringify(await logOf(italian.id));
      for (const personal of [german.group_name, german.contact_name, german.contact_email]) expect(left).not.toContain(personal);
      expect((await submissionWithLog(services, italian.id))!.log.map((e) => [e.kind, e.partner])).toEqual([["introduction", { id: german.id, name: null }]]);
    });

    it("introduces nobody without both groups' consent, nor on behalf of anyone but the project team", async () => {
      const team = await projectTeam();
      const observer = await loadActor(db(), (await buildUser(db(), { platformRoles: ["observer"] })).id);
      const { italian, german } = await pair();
      const unwilling = await submitted(interestInput({ locale: "de", introductions: false, members: [member("Kammer X", "DE", "chamber", "public"), member("Firma Y", "DE", "company", "private")] }));

      expect(await introduceGroups(services, team.actor, italian.id, unwilling.id)).toEqual({ ok: false, error: "noConsent" });
      expect(await introduceGroups(services, team.actor, unwilling.id, italian.id)).toEqual({ ok: false, error: "noConsent" });
      expect(await introduceGroups(services, observer, italian.id, german.id)).toEqual({ ok: false, error: "forbidden" });
      expect(await introduceGroups(services, team.actor, italian.id, italian.id)).toEqual({ ok: false, error: "self" });
      expect(await introduceGroups(services, team.actor, italian.id, "no-such-id")).toEqual({ ok: false, error: "notFound" });

      for (const group of [italian, german, unwilling]) {
        expect((await mailsTo(group.contact_email)).filter((m) => m.kind === "interestIntroduction")).toEqual([]);
        expect(await logOf(group.id)).toEqual([]);
      }
      expect(await db().selectFrom("interest_introductions").selectAll().where("expression_a", "in", [italian.id, unwilling.id]).execute()).toEqual([]);
    });
  });

  describe("partner suggestions and the composition check", () => {
    it("suggests open groups and organisations of the other country with reasons, best first, and checks a partnership's composition", async () => {
      const group = await submitted(
        interestInput({
          locale: "it",
          occupationalField: "mechatronics",
          themes: ["digitalisation", "careerGuidance"],
          actionAreas: ["smallEnterprises"],
          scale: "regional",
          apprentices: 40,
          members: [
            member(`ITIS Rossi ${uniq("m")}`, "IT", "vocational_school", "public"),
            member(`Meccanica Veneta ${uniq("m")}`, "IT", "company", "private"),
            member(`Provincia di Vicenza ${uniq("m")}`, "IT", "public_body", "public"),
          ],
        }),
      );
      // A German group in the same field with much in common.
      const close = await submitted(
        interestInput({
          locale: "de",
          groupName: `Mechatronik-Verbund Chemnitz ${uniq("g")}`,
          occupationalField: "mechatronics",
          themes: ["digitalisation"],
          actionAreas: ["smallEnterprises"],
          scale: "regional",
          apprentices: 60,
          members: [
            member(`IHK Chemnitz ${uniq("m")}`, "DE", "chamber", "public"),
            member(`Kuka Sachsen ${uniq("m")}`, "DE", "company", "private"),
            member(`Bildungswerk Sachsen ${uniq("m")}`, "DE", "training_provider", "private"),
          ],
        }),
      );
      // A German group still looking for partners, with only a theme in common.
      const loose = await submitted(
        interestInput({
          locale: "de",
          groupName: `IT-Ausbildung Leipzig ${uniq("g")}`,
          occupationalField: "ict",
          themes: ["careerGuidance"],
          actionAreas: ["workBasedLearning"],
          scale: "local",
          members: [member(`Handwerksverband Leipzig ${uniq("m")}`, "DE", "association", "private"), member(`BSZ Leipzig ${uniq("m")}`, "DE", "vocational_school", "public")],
        }),
      );
      await setStatus(loose.id, "looking_for_partners");
      // A German group as close as can be, but already selected: not looking any more.
      const selected = await submitted(interestInput({ locale: "de", occupationalField: "mechatronics", themes: ["digitalisation"], actionAreas: ["smallEnterprises"], members: [member("IHK Dresden", "DE", "chamber", "public"), member("Dresden GmbH", "DE", "company", "private")] }));
      await setStatus(selected.id, "selected");
      // An Italian group in the same field: never a partner for an Italian group.
      const italianTwin = await submitted(interestInput({ locale: "it", occupationalField: "mechatronics", themes: ["digitalisation"], actionAreas: ["smallEnterprises"] }));
      // A German group with nothing in common.
      const unrelated = await submitted(interestInput({ locale: "de", occupationalField: "wine", actionAreas: ["cooperation"], members: [member("Weingut A", "DE", "company", "private"), member("BBS Mosel", "DE", "vocational_school", "public")] }));

      // A German organisation on the platform, working in a mechatronics network about career guidance.
      const organisation = await buildOrganisation(db(), { country: "DE", name: `Zwickauer Antriebe ${uniq("o")}` });
      const networkId = crypto.randomUUID();
      const at = new Date().toISOString();
      await insertNetwork(db(), {
        id: networkId,
        slug: uniq("net"),
        name: uniq("Netzwerk Mechatronik"),
        description: "",
        occupational_field: "mechatronics",
        themes: JSON.stringify(["careerGuidance"]),
        created_at: at,
        updated_at: at,
        archived_at: null,
      });
      await addOrganisationToNetwork(db(), networkId, organisation.id, at);
      // An Italian organisation in the same network: the wrong country.
      const italianOrganisation = await buildOrganisation(db(), { country: "IT" });
      await addOrganisationToNetwork(db(), networkId, italianOrganisation.id, at);

      const result = await partnerSuggestions(services, group.id);
      expect(result!.partnerCountry).toBe("DE");
      const ranked = result!.suggestions.map((s) => ({ kind: s.candidate.kind, id: s.candidate.id, score: s.score, reasons: s.reasons.map((r) => r.kind) }));
      expect(ranked).toEqual([
        { kind: "group", id: close.id, score: 85, reasons: ["sameField", "sharedThemes", "sharedActionAreas", "comparableScale", "completesTypes", "publicAndPrivate"] },
        { kind: "organisation", id: organisation.id, score: 50, reasons: ["sameField", "sharedThemes"] },
        { kind: "group", id: loose.id, score: 25, reasons: ["sharedThemes", "completesTypes", "publicAndPrivate"] },
      ]);
      const closeReasons = result!.suggestions[0]!.reasons;
      expect(closeReasons).toContainEqual({ kind: "sharedThemes", themes: ["digitalisation"] });
      expect(closeReasons).toContainEqual({ kind: "completesTypes", types: ["chamber", "training_provider"] });
      const suggestedIds = result!.suggestions.map((s) => s.candidate.id);
      for (const absent of [selected.id, italianTwin.id, unrelated.id, italianOrganisation.id, group.id]) expect(suggestedIds).not.toContain(absent);

      // For the German group the Italian ones are suggested, never the German ones.
      const reverse = await partnerSuggestions(services, close.id);
      expect(reverse!.partnerCountry).toBe("IT");
      expect(reverse!.suggestions.map((s) => s.candidate.id)).toEqual(expect.arrayContaining([group.id, italianTwin.id]));
      expect(reverse!.suggestions.every((s) => s.candidate.actors.every((a) => a.country === "IT"))).toBe(true);
      expect(await partnerSuggestions(services, "no-such-id")).toBeNull();

      // Three Italian and three German actors, each side public and private: every rule met.
      const full = await compositionWith(services, group.id, { groups: [close.id], organisations: [] });
      expect(full!.check.met).toBe(true);
      expect(full!.check.rules.map((r) => [r.rule, r.met])).toEqual([
        ["actorsDE", true],
        ["publicPrivateDE", true],
        ["actorsIT", true],
        ["publicPrivateIT", true],
      ]);
      expect(full!.chosen).toEqual([{ kind: "group", id: close.id, name: close.group_name }]);

      // Two German actors: the missing rule is named, with its counts.
      const short = await compositionWith(services, group.id, { groups: [loose.id, "no-such-id"], organisations: [] });
      expect(short!.check.met).toBe(false);
      expect(short!.check.rules.filter((r) => !r.met)).toEqual([{ rule: "actorsDE", met: false, counts: { actors: 2, public: 1, private: 1 } }]);
      expect(short!.chosen.map((c) => c.id)).toEqual([loose.id]);
      // The organisation makes it three.
      const completed = await compositionWith(services, group.id, { groups: [loose.id], organisations: [organisation.id] });
      expect(completed!.check.met).toBe(true);
      expect(completed!.chosen).toEqual([
        { kind: "group", id: loose.id, name: loose.group_name },
        { kind: "organisation", id: organisation.id, name: expect.stringMatching(/^Zwickauer Antriebe/) },
      ]);
      // Three private German companies: enough actors, but no public partner.
      const companies = await Promise.all([1, 2, 3].map(() => buildOrganisation(db(), { country: "DE" })));
      const privateOnly = await compositionWith(services, group.id, { groups: [], organisations: companies.map((c) => c.id) });
      expect(privateOnly!.check.rules.filter((r) => !r.met)).toEqual([{ rule: "publicPrivateDE", met: false, counts: { actors: 3, public: 0, private: 3 } }]);
      expect(await compositionWith(services, "no-such-id", { groups: [close.id], organisations: [] })).toBeNull();
    });
  });

  it("lists the queue by status and country, and counts submissions per status", async () => {
    const queueOf = (status: InterestStatus | null, country: "DE" | "IT" | null) => intakeQueue(services, { status, country });
    const before = (await queueOf(null, null)).counts;

    const italian = await submitted(interestInput({ locale: "it" }));
    const german = await submitted(interestInput({ locale: "de", members: [member("BBS Kiel", "DE", "vocational_school", "public"), member("Kieler Werft", "DE", "company", "private")] }));
    // Mostly Italian, with one German member: found under both countries.
    const mixed = await submitted(
      interestInput({ locale: "en", members: [member("Scuola Edile", "IT", "vocational_school", "public"), member("Impresa Edile", "IT", "company", "private"), member("Handwerkskammer Trier", "DE", "chamber", "public")] }),
    );
    const germanReceived = await submitted(interestInput({ locale: "de", members: [member("BBS Lübeck", "DE", "vocational_school", "public"), member("Lübecker Hafen", "DE", "company", "private")] }));
    await setStatus(german.id, "in_validation");
    await setStatus(mixed.id, "in_validation");
    const mine = [italian.id, german.id, mixed.id, germanReceived.id];

    const after = (await queueOf(null, null)).counts;
    expect(after.received - before.received).toBe(2);
    expect(after.in_validation - before.in_validation).toBe(2);
    for (const status of ["looking_for_partners", "partnership_formed", "applied", "selected", "not_selected", "staying_in_touch"] as const) expect(after[status]).toBe(before[status]);
    const total = await db().selectFrom("interest_expressions").select("status").execute();
    expect(Object.values(after).reduce((a, b) => a + b, 0)).toBe(total.length);

    const ids = (submissions: Array<{ id: string }>) => submissions.map((s) => s.id).filter((id) => mine.includes(id)).sort();
    const validatingDE = await queueOf("in_validation", "DE");
    expect(ids(validatingDE.submissions)).toEqual([german.id, mixed.id].sort());
    expect(validatingDE.submissions.every((s) => s.status === "in_validation" && s.members.some((m) => m.country === "DE"))).toBe(true);
    const validatingIT = await queueOf("in_validation", "IT");
    expect(ids(validatingIT.submissions)).toEqual([mixed.id]);
    expect(validatingIT.submissions.every((s) => s.status === "in_validation" && s.members.some((m) => m.country === "IT"))).toBe(true);
    const receivedAll = await queueOf("received", null);
    expect(ids(receivedAll.submissions)).toEqual([italian.id, germanReceived.id].sort());
    expect(receivedAll.submissions.every((s) => s.status === "received")).toBe(true);
    const receivedDE = await queueOf("received", "DE");
    expect(ids(receivedDE.submissions)).toEqual([germanReceived.id]);
    const everything = await queueOf(null, null);
    expect(ids(everything.submissions)).toEqual([...mine].sort());
    expect(everything.submissions).toHaveLength(total.length);

    // Each submission comes with its own members, in order, and its home country.
    const shownMixed = validatingIT.submissions.find((s) => s.id === mixed.id)!;
    expect(shownMixed.members.map((m) => m.name)).toEqual(["Scuola Edile", "Impresa Edile", "Handwerkskammer Trier"]);
    expect(shownMixed.country).toBe("IT");
    expect(validatingDE.submissions.find((s) => s.id === german.id)!.country).toBe("DE");
    // The counts do not depend on the filter.
    expect(validatingDE.counts).toEqual(after);
  });
});
