/** Creating and editing an organisation profile (the partner-finding directory every member reads). */
import type { Services } from "#server/services";
import { findOrganisation, insertOrganisation, updateOrganisation } from "#db/queries/organisations";
import type { OrganisationInput } from "#shared/validation/admin-forms";
import { nowIso } from "#shared/time";
import { newId } from "../auth/tokens";
import { recordAudit } from "../audit/record";
import { changedFields } from "./changes";

export async function createOrganisation(services: Services, actorId: string, input: OrganisationInput, ip: string): Promise<string> {
  const id = newId();
  const at = nowIso();
  await insertOrganisation(services.db, { id, ...input, created_at: at, updated_at: at });
  await recordAudit(services.db, { actorId, action: "organisation.created", targetType: "organisation", targetId: id, ip });
  return id;
}

export async function updateOrganisationDetails(
  services: Services,
  actorId: string,
  organisationId: string,
  input: OrganisationInput,
  ip: string,
): Promise<{ ok: true } | { ok: false; error: "notFound" }> {
  const current = await findOrganisation(services.db, organisationId);
  if (!current) return { ok: false, error: "notFound" };
  const changed = changedFields(current, input);
  if (changed.length === 0) return { ok: true };
  await updateOrganisation(services.db, organisationId, { ...input, updated_at: nowIso() });
  await recordAudit(services.db, {
    actorId,
    action: "organisation.updated",
    targetType: "organisation",
    targetId: organisationId,
    ip,
    details: { changed },
  });
  return { ok: true };
}
