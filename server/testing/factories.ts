/**
 * Test factories: each call creates fresh, uniquely named rows, so tests never depend on
 * each other or on the demo seed.
 */
import crypto from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { Locale } from "#shared/i18n/config";
import type { Country, NetworkRole, PlatformRole } from "#shared/roles";
import { insertUser, replacePlatformRoles } from "#db/queries/users";
import { addOrganisationToNetwork, insertNetwork } from "#db/queries/networks";
import { insertOrganisation } from "#db/queries/organisations";
import { upsertMembership } from "#db/queries/memberships";
import { insertWorkProgramme } from "#db/queries/work-programmes";
import { insertRecommendation } from "#db/queries/recommendations";
import type { RecommendationStage } from "#shared/policy";
import type { FindingInput } from "../domain/commons/findings";
import { hashPassword } from "../domain/auth/passwords";
import { nowIso } from "#shared/time";

export const TEST_PASSWORD = "correct-horse-battery";
let cachedHash: Promise<string> | undefined;
const passwordHash = () => (cachedHash ??= hashPassword(TEST_PASSWORD));

export const uniq = (prefix: string) => `${prefix}-${crypto.randomBytes(4).toString("hex")}`;

export async function buildOrganisation(db: Kysely<Database>, overrides: { country?: Country; name?: string } = {}) {
  const id = crypto.randomUUID();
  const at = nowIso();
  await insertOrganisation(db, {
    id,
    name: overrides.name ?? uniq("Org"),
    country: overrides.country ?? "DE",
    city: "Teststadt",
    region: "Testregion",
    type: "company",
    sector: "private",
    website: null,
    description: "",
    created_at: at,
    updated_at: at,
  });
  return { id };
}

export async function buildNetwork(db: Kysely<Database>, overrides: { name?: string; description?: string } = {}) {
  const id = crypto.randomUUID();
  const slug = uniq("net");
  const at = nowIso();
  const canary = `CANARY-${crypto.randomBytes(6).toString("hex")}`;
  const name = overrides.name ?? uniq("Network");
  await insertNetwork(db, {
    id,
    slug,
    name,
    description: overrides.description ?? `Private description ${canary}`,
    occupational_field: "logistics",
    themes: "[]",
    created_at: at,
    updated_at: at,
    archived_at: null,
  });
  const orgDe = await buildOrganisation(db, { country: "DE" });
  const orgIt = await buildOrganisation(db, { country: "IT" });
  await addOrganisationToNetwork(db, id, orgDe.id, at);
  await addOrganisationToNetwork(db, id, orgIt.id, at);
  return { id, slug, name, canary };
}

export interface UserOptions {
  platformRoles?: PlatformRole[];
  memberships?: Array<{ networkId: string; role: NetworkRole }>;
  locale?: Locale;
  name?: string;
}

export async function buildUser(db: Kysely<Database>, options: UserOptions = {}) {
  const id = crypto.randomUUID();
  const email = `${uniq("person")}@example.test`;
  const at = nowIso();
  await insertUser(db, {
    id,
    email,
    name: options.name ?? uniq("Person"),
    password_hash: await passwordHash(),
    locale: options.locale ?? "en",
    organisation_id: null,
    created_at: at,
    updated_at: at,
    disabled_at: null,
  });
  if (options.platformRoles?.length) await replacePlatformRoles(db, id, options.platformRoles, at);
  for (const m of options.memberships ?? []) await upsertMembership(db, m.networkId, id, m.role, at);
  return { id, email, password: TEST_PASSWORD };
}

export async function buildWorkProgramme(db: Kysely<Database>, networkId: string, overrides: { archived?: boolean; title?: string } = {}) {
  const id = crypto.randomUUID();
  const at = nowIso();
  await insertWorkProgramme(db, {
    id,
    network_id: networkId,
    title: overrides.title ?? uniq("Work programme"),
    created_by: null,
    created_at: at,
    updated_at: at,
    archived_at: overrides.archived ? at : null,
  });
  return { id, docName: `workprogramme.${id}` };
}

/** A recommendation of the commons in any stage (the workflow itself is tested through the domain). */
export async function buildRecommendation(
  db: Kysely<Database>,
  overrides: { title?: string; stage?: RecommendationStage; threshold?: number; createdBy?: string | null } = {},
) {
  const id = crypto.randomUUID();
  const at = nowIso();
  const stage = overrides.stage ?? "draft";
  await insertRecommendation(db, {
    id,
    title: overrides.title ?? uniq("Recommendation"),
    stage,
    endorsement_threshold: overrides.threshold ?? 3,
    created_by: overrides.createdBy ?? null,
    created_at: at,
    updated_at: at,
    consultation_at: stage === "draft" ? null : at,
    endorsed_at: stage === "endorsed" ? at : null,
    submitted_at: stage === "submitted" || stage === "answered" ? at : null,
    submitted_by: null,
    submitted_version_id: null,
    answered_at: stage === "answered" ? at : null,
  });
  return { id, docName: `recommendation.${id}` };
}

/** A valid finding posted on behalf of `networkId`: no taxonomy beyond one action area, no evidence. */
export function findingInput(networkId: string, overrides: Partial<FindingInput> = {}): FindingInput {
  return {
    networkId,
    title: uniq("Finding"),
    body: "A finding written for a test.",
    actionAreas: ["cooperation"],
    occupationalFields: [],
    themes: [],
    country: "both",
    goodPractices: [],
    findings: [],
    webLinks: [],
    ...overrides,
  };
}
