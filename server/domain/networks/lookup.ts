import type { Services } from "#server/services";
import type { Network } from "#db/schema";
import { findNetworkBySlug } from "#db/queries/networks";

/** Slugs come from URLs: anything odd is simply not found. */
const SLUG = /^[a-z0-9][a-z0-9-]{0,80}$/;

export async function networkBySlug(services: Services, slug: string | undefined): Promise<Network | null> {
  if (!slug || !SLUG.test(slug)) return null;
  return (await findNetworkBySlug(services.db, slug)) ?? null;
}
