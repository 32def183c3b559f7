/**
 * An admin edits a person: profile, platform roles, and whether the account is disabled.
 * Two guard rails keep the platform manageable: admins cannot take away their own admin
 * role nor disable themselves, so there is always at least one admin who can log in.
 * Disabling ends every session at once (and closes live connections through the event bus).
 * A changed e-mail address is announced to the old address.
 */
import type { Services } from "#server/services";
import type { PersonInput } from "#shared/validation/admin-forms";
import { findUserByEmail, findUserById, listPlatformRoles, replacePlatformRoles, updateUser } from "#db/queries/users";
import { findOrganisation } from "#db/queries/organisations";
import { nowIso } from "#shared/time";
import { endAllSessionsOf } from "../auth/sessions";
import { recordAudit } from "../audit/record";
import { changedFields } from "./changes";
import { composeMail } from "#server/mail/compose";

export type SavePersonError = "notFound" | "emailTaken" | "unknownOrganisation" | "ownAdminRole" | "disableSelf";
export type SavePersonResult = { ok: true } | { ok: false; error: SavePersonError };

async function emailTakenByOther(services: Services, email: string, userId: string): Promise<boolean> {
  const holder = await findUserByEmail(services.db, email);
  return holder !== undefined && holder.id !== userId;
}

export async function updatePersonAsAdmin(
  services: Services,
  actorId: string,
  userId: string,
  input: PersonInput,
  ip: string,
): Promise<SavePersonResult> {
  const user = await findUserById(services.db, userId);
  if (!user) return { ok: false, error: "notFound" };
  const rolesBefore = await listPlatformRoles(services.db, userId);
  if (userId === actorId && rolesBefore.includes("admin") && !input.platformRoles.includes("admin")) {
    return { ok: false, error: "ownAdminRole" };
  }
  if (userId === actorId && input.disabled) return { ok: false, error: "disableSelf" };
  if (await emailTakenByOther(services, input.email, userId)) return { ok: false, error: "emailTaken" };
  if (input.organisationId && !(await findOrganisation(services.db, input.organisationId))) {
    return { ok: false, error: "unknownOrganisation" };
  }

  const changed = changedFields(
    { name: user.name, email: user.email, locale: user.locale, organisationId: user.organisation_id },
    { name: input.name, email: input.email, locale: input.locale, organisationId: input.organisationId },
  );
  const rolesChanged = changedFields({ roles: rolesBefore }, { roles: input.platformRoles }).length > 0;
  const wasDisabled = user.disabled_at !== null;
  const disabling = input.disabled && !wasDisabled;
  const enabling = !input.disabled && wasDisabled;
  const at = nowIso();

  try {
    await services.db.transaction().execute(async (trx) => {
      if (changed.length > 0 || disabling || enabling) {
        await updateUser(trx, userId, {
          name: input.name,
          email: input.email,
          locale: input.locale,
          organisation_id: input.organisationId,
          disabled_at: input.disabled ? (user.disabled_at ?? at) : null,
          updated_at: at,
        });
      }
      if (rolesChanged) await replacePlatformRoles(trx, userId, input.platformRoles, at);
    });
  } catch (error) {
    // Another admin gave the address to someone else between our check and the write.
    if (await emailTakenByOther(services, input.email, userId)) return { ok: false, error: "emailTaken" };
    throw error;
  }

  if (disabling) await endAllSessionsOf(services, userId);
  // The old address hears of the change: if an admin account was misused to take over
  // this one (new address, then a password reset), its owner learns of it. Sessions stay:
  // the person is the same, and ending them would only punish a legitimate correction.
  if (user.email !== input.email) {
    await services.mailer.send(
      composeMail("emailChanged", user.email, input.locale, { name: input.name, oldEmail: user.email, newEmail: input.email }),
    );
  }

  const audit = { actorId, targetType: "user", targetId: userId, ip } as const;
  if (changed.length > 0) await recordAudit(services.db, { ...audit, action: "person.updated", details: { changed } });
  if (rolesChanged) {
    await recordAudit(services.db, { ...audit, action: "platform_roles.changed", details: { before: rolesBefore, after: input.platformRoles } });
  }
  if (disabling) await recordAudit(services.db, { ...audit, action: "person.disabled" });
  if (enabling) await recordAudit(services.db, { ...audit, action: "person.enabled" });
  return { ok: true };
}
