/**
 * The advisory board's decision, recorded by the project team, and what a selection starts:
 * the partnership becomes a network in one step. Its workspace is created with the groups'
 * organisations (an organisation already on the platform under the same name and country is
 * reused), the partners who co-wrote the application join as coordinators, the groups'
 * contact persons who have no account yet are invited, and the application stays readable
 * to the network as its founding document (`partnerships.network_id`).
 */
import type { Services } from "#server/services";
import type { Actor } from "#shared/policy";
import { can } from "#shared/policy";
import type { Organisation, Partnership } from "#db/schema";
import { SLUG_PATTERN } from "#shared/validation/admin-forms";
import { MAX_SLUG_LENGTH } from "#shared/validation/limits";
import { findExpression, listMembersOf } from "#db/queries/interest";
import { findPartnership, listGroupIdsOf, listOrganisationIdsOf, listPartnershipMembers, moveStatus, revokeOpenPartnershipInvitations, updatePartnership } from "#db/queries/partnerships";
import { addOrganisationToNetwork, findNetworkBySlug, insertNetwork } from "#db/queries/networks";
import { insertOrganisation, listOrganisations } from "#db/queries/organisations";
import { upsertMembership } from "#db/queries/memberships";
import { findUserById } from "#db/queries/users";
import { newId } from "../auth/tokens";
import { recordAudit } from "../audit/record";
import { invitePerson } from "../invitations/invite";
import { applyInterestStatus } from "../intake/review";
import { nowIso } from "#shared/time";

export type DecisionRefusal = "forbidden" | "notFound" | "wrongStatus";

/** A free address for the network: the name in lower case, hyphenated, numbered if taken. */
async function freeSlug(services: Services, name: string): Promise<string> {
  const base =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, MAX_SLUG_LENGTH - 4) || "network";
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (SLUG_PATTERN.test(slug) && !(await findNetworkBySlug(services.db, slug))) return slug;
  }
}

async function foundNetwork(services: Services, actor: Actor, partnership: Partnership): Promise<string> {
  const at = nowIso();
  const groupIds = await listGroupIdsOf(services.db, partnership.id);
  const groups = (await Promise.all(groupIds.map((id) => findExpression(services.db, id)))).filter((g) => g !== undefined);
  const members = await listMembersOf(services.db, groupIds);
  const first = groups[0];
  const themes = [...new Set(groups.flatMap((g) => JSON.parse(g.themes) as string[]))];
  const networkId = newId();
  await insertNetwork(services.db, {
    id: networkId,
    slug: await freeSlug(services, partnership.name),
    name: partnership.name,
    description: first ? first.project_idea.slice(0, 2000) : "",
    occupational_field: first && first.occupational_field !== "other" ? first.occupational_field : (first?.field_description ?? ""),
    themes: JSON.stringify(themes),
    created_at: at,
    updated_at: at,
    archived_at: null,
  });

  // Organisations: the groups' members (reusing one already there by name and country) and those the partnership named.
  const existing = await listOrganisations(services.db);
  const key = (name: string, country: string) => `${country}|${name.trim().toLocaleLowerCase("de")}`;
  const byKey = new Map<string, Organisation>(existing.map((o) => [key(o.name, o.country), o]));
  const organisationIds = new Set(await listOrganisationIdsOf(services.db, partnership.id));
  for (const m of members) {
    let organisation = byKey.get(key(m.name, m.country));
    if (!organisation) {
      organisation = { id: newId(), name: m.name, country: m.country, city: m.city, region: m.region, type: m.type, sector: m.sector, website: null, description: "", created_at: at, updated_at: at };
      await insertOrganisation(services.db, organisation);
      byKey.set(key(m.name, m.country), organisation);
    }
    organisationIds.add(organisation.id);
  }
  for (const id of organisationIds) await addOrganisationToNetwork(services.db, networkId, id, at);

  // People: the partners join as coordinators; contact persons without an account are invited.
  const partners = await listPartnershipMembers(services.db, partnership.id);
  for (const partner of partners) {
    await upsertMembership(services.db, networkId, partner.id, "coordinator", at);
    services.events.emit("membership.changed", { userId: partner.id, networkId, role: "coordinator" });
  }
  const partnerEmails = new Set(partners.map((p) => p.email));
  // A partnership link not used by now would lead into the partnership and not into the network: the network invites anew.
  await revokeOpenPartnershipInvitations(services.db, partnership.id, at);
  const inviter = await findUserById(services.db, actor.userId);
  for (const group of groups) {
    if (partnerEmails.has(group.contact_email)) continue;
    // invitePerson adds someone who has an account meanwhile at once, and invites anyone else.
    await invitePerson(services, { id: actor.userId, name: inviter?.name ?? "ConnActions" }, { email: group.contact_email, locale: group.locale, networkId, networkRole: "coordinator", platformRole: null }, "");
  }
  await updatePartnership(services.db, partnership.id, { network_id: networkId, updated_at: at });
  await recordAudit(services.db, { actorId: actor.userId, action: "network.created", targetType: "network", targetId: networkId, details: { fromPartnership: partnership.id } });
  return networkId;
}

/** Records the board's decision. A selection founds the network; every group is told in its language. */
export async function recordDecision(
  services: Services,
  actor: Actor,
  id: string,
  input: { decision: "selected" | "not_selected"; note: string },
): Promise<{ ok: true; networkId: string | null } | { ok: false; error: DecisionRefusal }> {
  if (!can(actor, { type: "intake.manage" })) return { ok: false, error: "forbidden" };
  const row = await findPartnership(services.db, id);
  if (!row || row.status === "forming") return { ok: false, error: "notFound" };
  const at = nowIso();
  if (!(await moveStatus(services.db, id, "submitted", { status: input.decision, decided_at: at, decided_by: actor.userId, decision_note: input.note, updated_at: at }))) {
    return { ok: false, error: "wrongStatus" };
  }
  const networkId = input.decision === "selected" ? await foundNetwork(services, actor, row) : null;
  for (const groupId of await listGroupIdsOf(services.db, id)) {
    const group = await findExpression(services.db, groupId);
    if (group) await applyInterestStatus(services, group, input.decision, input.note, actor.userId);
  }
  return { ok: true, networkId };
}
