/**
 * Bilateral partnerships: the project team forms one from groups (and organisations already
 * on the platform) once they found each other; each group's contact person is invited to
 * co-write the joint application; the partners (or the project team) submit it to the
 * advisory board, which freezes the text.
 */
import type { Services } from "#server/services";
import type { Actor } from "#shared/policy";
import { can } from "#shared/policy";
import type { Partnership } from "#db/schema";
import { OPEN_STATUSES } from "#shared/intake/vocabulary";
import { checkComposition, type Actor as VetActor } from "#shared/intake/composition";
import { findExpression, findOrganisationsByIds, listMembersOf } from "#db/queries/interest";
import {
  findPartnership,
  insertPartnership,
  listGroupIdsOf,
  listOpenPartnershipInvitations,
  listOrganisationIdsOf,
  listPartnershipMembers,
  listPartnershipsOfGroup,
  moveStatus,
} from "#db/queries/partnerships";
import { findUserById } from "#db/queries/users";
import { newId } from "../auth/tokens";
import { invitePerson } from "../invitations/invite";
import { applyInterestStatus } from "../intake/review";
import { actorsOf, presentExpression } from "../intake/presenter";
import { applicationDocName, partnershipPath } from "./application-document-type";
import { nowIso } from "#shared/time";

export type PartnershipRefusal = "forbidden" | "notFound" | "groupUnavailable" | "wrongStatus" | "tooFewGroups";

export interface FormPartnershipInput {
  name: string;
  /** The groups, the one whose page it was formed from first. */
  groups: string[];
  organisations: string[];
}

const inOpenPartnership = async (services: Services, expressionId: string) =>
  (await listPartnershipsOfGroup(services.db, expressionId)).some((p) => p.status === "forming" || p.status === "submitted");

export async function formPartnership(services: Services, actor: Actor, input: FormPartnershipInput): Promise<{ ok: true; id: string } | { ok: false; error: PartnershipRefusal }> {
  if (!can(actor, { type: "intake.manage" })) return { ok: false, error: "forbidden" };
  const groupIds = [...new Set(input.groups)];
  if (groupIds.length + input.organisations.length < 2 || groupIds.length < 1) return { ok: false, error: "tooFewGroups" };
  const rows = await Promise.all(groupIds.map((id) => findExpression(services.db, id)));
  const groups = rows.filter((r) => r !== undefined);
  if (groups.length !== groupIds.length) return { ok: false, error: "notFound" };
  for (const group of groups) {
    // A group in another partnership that has not ended cannot join a second one.
    if (!(OPEN_STATUSES.includes(group.status) || group.status === "partnership_formed") || (await inOpenPartnership(services, group.id))) return { ok: false, error: "groupUnavailable" };
  }
  const organisations = await findOrganisationsByIds(services.db, input.organisations);
  // Only what exists counts: an unknown (or meanwhile removed) organisation is no partner.
  if (groups.length + organisations.length < 2) return { ok: false, error: "tooFewGroups" };
  const at = nowIso();
  const row: Partnership = {
    id: newId(),
    name: input.name,
    status: "forming",
    network_id: null,
    created_by: actor.userId,
    created_at: at,
    updated_at: at,
    submitted_at: null,
    decided_at: null,
    decided_by: null,
    decision_note: "",
  };
  await insertPartnership(services.db, row, groups.map((g) => g.id), organisations.map((o) => o.id));
  const inviter = await findUserById(services.db, actor.userId);
  for (const group of groups) {
    await applyInterestStatus(services, group, "partnership_formed", "", actor.userId);
    // The contact person co-writes the application: an account is made through the invitation (or they are added at once).
    await invitePerson(services, { id: actor.userId, name: inviter?.name ?? "ConnActions" }, { email: group.contact_email, locale: group.locale, networkId: null, networkRole: null, platformRole: null, partnershipId: row.id }, "");
  }
  return { ok: true, id: row.id };
}

/** Everything the partnership's page shows; null when there is no such partnership. */
export async function partnershipPage(services: Services, actor: Actor, id: string) {
  const row = await findPartnership(services.db, id);
  if (!row) return null;
  const [groupIds, organisationIds, members, invitations] = await Promise.all([
    listGroupIdsOf(services.db, id),
    listOrganisationIdsOf(services.db, id),
    listPartnershipMembers(services.db, id),
    listOpenPartnershipInvitations(services.db, id),
  ]);
  const [groupRows, groupMembers, organisations] = await Promise.all([
    Promise.all(groupIds.map((g) => findExpression(services.db, g))),
    listMembersOf(services.db, groupIds),
    findOrganisationsByIds(services.db, organisationIds),
  ]);
  const groups = groupRows.filter((g) => g !== undefined).map((g) => presentExpression(g, groupMembers.filter((m) => m.expression_id === g.id)));
  const actors: VetActor[] = [...actorsOf(groupMembers), ...organisations.map((o) => ({ name: o.name, country: o.country, type: o.type, sector: o.sector }))];
  const isPartner = actor.partnerships?.has(id) === true;
  const manages = can(actor, { type: "intake.manage" });
  return {
    partnership: { id: row.id, name: row.name, status: row.status, networkId: row.network_id, submittedAt: row.submitted_at, decidedAt: row.decided_at, decisionNote: row.decision_note, path: partnershipPath(row.id), docName: applicationDocName(row.id) },
    // The groups' contact details are for the partners and the project team; the board reads the application, not the addresses.
    groups: groups.map((g) => ({ id: g.id, name: g.groupName, country: g.country, field: g.occupationalField, members: g.members, contact: isPartner || manages ? { name: g.contactName, email: g.contactEmail } : null })),
    organisations: organisations.map((o) => ({ id: o.id, name: o.name, country: o.country, type: o.type, sector: o.sector, city: o.city })),
    members: members.map((m) => ({ id: m.id, name: m.name })),
    invited: isPartner || manages ? invitations.map((i) => i.email) : [],
    composition: checkComposition(actors),
    rights: { submit: row.status === "forming" && (isPartner || manages), manage: manages },
  };
}
export type PartnershipPageData = NonNullable<Awaited<ReturnType<typeof partnershipPage>>>;

/** The partners (or the project team) hand the application to the board: the text freezes, the groups are told. */
export async function submitApplication(services: Services, actor: Actor, id: string): Promise<{ ok: true } | { ok: false; error: PartnershipRefusal }> {
  const row = await findPartnership(services.db, id);
  if (!row) return { ok: false, error: "notFound" };
  if (!(actor.partnerships?.has(id) || can(actor, { type: "intake.manage" }))) return { ok: false, error: "forbidden" };
  const at = nowIso();
  if (!(await moveStatus(services.db, id, "forming", { status: "submitted", submitted_at: at, updated_at: at }))) return { ok: false, error: "wrongStatus" };
  services.events.emit("document.rightsChanged", { docName: applicationDocName(id) });
  for (const groupId of await listGroupIdsOf(services.db, id)) {
    const group = await findExpression(services.db, groupId);
    if (group) await applyInterestStatus(services, group, "applied", "", actor.userId);
  }
  return { ok: true };
}
