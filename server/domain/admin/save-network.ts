/**
 * Creating and editing a network with its member organisations. The slug is the network's
 * address (/networks/<slug>), so it must be unique; the check runs before writing, and a
 * write that still loses a race against another admin is reported the same way.
 */
import type { Services } from "#server/services";
import { findNetworkById, findNetworkBySlug, insertNetwork, replaceOrganisationsOfNetwork, updateNetwork } from "#db/queries/networks";
import { findExistingOrganisationIds } from "#db/queries/admin-organisations";
import { listOrganisationIdsOfNetwork } from "#db/queries/admin-networks";
import type { NetworkInput } from "#shared/validation/admin-forms";
import { nowIso } from "#shared/time";
import { newId } from "../auth/tokens";
import { recordAudit } from "../audit/record";
import { parseThemes, serialiseThemes } from "../networks/themes";
import { changedFields } from "./changes";

export type SaveNetworkResult = { ok: true; id: string } | { ok: false; error: "slugTaken" | "unknownOrganisation" | "notFound" };

async function slugTakenByOther(services: Services, slug: string, networkId: string | null): Promise<boolean> {
  const holder = await findNetworkBySlug(services.db, slug);
  return holder !== undefined && holder.id !== networkId;
}

/** Ids that are not organisations any more (deleted meanwhile, or forged) are refused, not silently dropped. */
async function organisationsExist(services: Services, ids: string[]): Promise<boolean> {
  return (await findExistingOrganisationIds(services.db, ids)).length === ids.length;
}

/** Runs the write; if it fails because the slug got taken meanwhile, says so instead of a 500. */
async function writeUnlessSlugTaken(services: Services, slug: string, networkId: string | null, write: () => Promise<void>) {
  try {
    await write();
    return true;
  } catch (error) {
    if (await slugTakenByOther(services, slug, networkId)) return false;
    throw error;
  }
}

export async function createNetwork(services: Services, actorId: string, input: NetworkInput, ip: string): Promise<SaveNetworkResult> {
  if (await slugTakenByOther(services, input.slug, null)) return { ok: false, error: "slugTaken" };
  if (!(await organisationsExist(services, input.organisationIds))) return { ok: false, error: "unknownOrganisation" };
  const id = newId();
  const at = nowIso();
  const written = await writeUnlessSlugTaken(services, input.slug, null, () =>
    services.db.transaction().execute(async (trx) => {
      await insertNetwork(trx, {
        id,
        slug: input.slug,
        name: input.name,
        description: input.description,
        occupational_field: input.occupationalField,
        themes: serialiseThemes(input.themes),
        created_at: at,
        updated_at: at,
        archived_at: null,
      });
      await replaceOrganisationsOfNetwork(trx, id, input.organisationIds, at);
    }),
  );
  if (!written) return { ok: false, error: "slugTaken" };
  await recordAudit(services.db, {
    actorId,
    action: "network.created",
    targetType: "network",
    targetId: id,
    ip,
    details: { slug: input.slug, organisationIds: input.organisationIds },
  });
  return { ok: true, id };
}

export async function updateNetworkDetails(
  services: Services,
  actorId: string,
  networkId: string,
  input: NetworkInput,
  ip: string,
): Promise<SaveNetworkResult> {
  const current = await findNetworkById(services.db, networkId);
  if (!current) return { ok: false, error: "notFound" };
  if (await slugTakenByOther(services, input.slug, networkId)) return { ok: false, error: "slugTaken" };
  if (!(await organisationsExist(services, input.organisationIds))) return { ok: false, error: "unknownOrganisation" };
  const before = {
    name: current.name,
    slug: current.slug,
    description: current.description,
    occupationalField: current.occupational_field,
    themes: parseThemes(current.themes),
    organisationIds: await listOrganisationIdsOfNetwork(services.db, networkId),
  };
  const changed = changedFields(before, input);
  if (changed.length === 0) return { ok: true, id: networkId };
  const at = nowIso();
  const written = await writeUnlessSlugTaken(services, input.slug, networkId, () =>
    services.db.transaction().execute(async (trx) => {
      await updateNetwork(trx, networkId, {
        slug: input.slug,
        name: input.name,
        description: input.description,
        occupational_field: input.occupationalField,
        themes: serialiseThemes(input.themes),
        updated_at: at,
      });
      if (changed.includes("organisationIds")) await replaceOrganisationsOfNetwork(trx, networkId, input.organisationIds, at);
    }),
  );
  if (!written) return { ok: false, error: "slugTaken" };
  await recordAudit(services.db, {
    actorId,
    action: "network.updated",
    targetType: "network",
    targetId: networkId,
    ip,
    details: { changed, slug: input.slug },
  });
  return { ok: true, id: networkId };
}
