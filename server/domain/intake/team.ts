/**
 * The project team hands its functions on: when the project ends, a successor organisation's
 * accounts take over the intake. Members invite successors with the project_team role (an
 * existing account gets it at once) and leave the team themselves, never as its last active
 * member, so the intake is never left without anyone to work it.
 */
import type { Services } from "#server/services";
import type { Locale } from "#shared/i18n/config";
import { can, type Actor } from "#shared/policy";
import { nowIso } from "#shared/time";
import { findUserByEmail, listPlatformRoles, normaliseEmail } from "#db/queries/users";
import { listOpenInvitationsToRole, listUsersWithRole, removeRoleUnlessLast, revokeInvitationToRole } from "#db/queries/intake-team";
import { invitePerson, type InvitationOutcome } from "../invitations/invite";
import { recordAudit } from "../audit/record";

const ROLE = "project_team" as const;

export type TeamRefusal = "forbidden" | "alreadyMember" | "accountDisabled" | "lastMember" | "notMember" | "notOpen";

/** The page: the members (the viewer marked), and the invitations to the team still open. */
export async function projectTeamPage(services: Services, actor: Actor, now = nowIso()) {
  const [members, invitations] = await Promise.all([listUsersWithRole(services.db, ROLE), listOpenInvitationsToRole(services.db, ROLE, now)]);
  const active = members.filter((m) => m.disabled_at === null);
  return {
    members: members.map((m) => ({
      id: m.id,
      name: m.name,
      email: m.email,
      organisation: m.organisation_name,
      since: m.since,
      disabled: m.disabled_at !== null,
      isYou: m.id === actor.userId,
    })),
    invitations: invitations.map((i) => ({ id: i.id, email: i.email, invitedBy: i.invited_by_name, expiresAt: i.expires_at })),
    // Leaving needs someone else active in the team (see leaveProjectTeam).
    mayLeave: active.some((m) => m.id !== actor.userId) && members.some((m) => m.id === actor.userId),
  };
}

/** Invites a successor by e-mail with the project_team role (reusing the platform's invitations). */
export async function inviteSuccessor(
  services: Services,
  actor: Actor,
  inviter: { id: string; name: string },
  input: { email: string; locale: Locale },
  ip: string,
): Promise<{ ok: true; outcome: InvitationOutcome } | { ok: false; error: TeamRefusal }> {
  if (!can(actor, { type: "intake.manage" }) || !can(actor, { type: "invite.platformRole", role: ROLE })) return { ok: false, error: "forbidden" };
  const existing = await findUserByEmail(services.db, normaliseEmail(input.email));
  if (existing && (await listPlatformRoles(services.db, existing.id)).includes(ROLE)) return { ok: false, error: "alreadyMember" };
  // A disabled account cannot log in: handing the intake to it would hand it to nobody.
  if (existing?.disabled_at) return { ok: false, error: "accountDisabled" };
  const outcome = await invitePerson(services, inviter, { email: input.email, locale: input.locale, networkId: null, networkRole: null, platformRole: ROLE }, ip);
  return { ok: true, outcome };
}

/** Withdraws an open invitation to the team (only those: no network's, no partnership's). */
export async function withdrawTeamInvitation(services: Services, actor: Actor, invitationId: string, ip: string): Promise<{ ok: true; email: string } | { ok: false; error: TeamRefusal }> {
  if (!can(actor, { type: "intake.manage" })) return { ok: false, error: "forbidden" };
  const email = await revokeInvitationToRole(services.db, invitationId, ROLE, nowIso());
  if (email === undefined) return { ok: false, error: "notOpen" };
  await recordAudit(services.db, { actorId: actor.userId, action: "invitation.revoked", targetType: "invitation", targetId: invitationId, ip, details: { platformRole: ROLE } });
  return { ok: true, email };
}

/** Leaves the team; refused while nobody else active is in it. Audited as a change of platform roles. */
export async function leaveProjectTeam(services: Services, actor: Actor, ip: string): Promise<{ ok: true } | { ok: false; error: TeamRefusal }> {
  if (!can(actor, { type: "intake.manage" })) return { ok: false, error: "forbidden" };
  const before = await listPlatformRoles(services.db, actor.userId);
  const outcome = await removeRoleUnlessLast(services.db, actor.userId, ROLE);
  if (outcome === "last") return { ok: false, error: "lastMember" };
  if (outcome === "notHeld") return { ok: false, error: "notMember" };
  await recordAudit(services.db, {
    actorId: actor.userId,
    action: "platform_roles.changed",
    targetType: "user",
    targetId: actor.userId,
    ip,
    details: { before, after: before.filter((r) => r !== ROLE) },
  });
  return { ok: true };
}
