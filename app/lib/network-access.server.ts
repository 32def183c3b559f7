/**
 * The first step of every page inside a network: logged in, the network exists, and the
 * person may see it. An unknown network and one the person may not see answer the same 404.
 */
import type { AppLoadContext } from "@remix-run/node";
import { networkBySlug } from "#server/domain/networks/lookup";
import { authorize, notFound, requireAuth } from "./guards.server";

export async function loadVisibleNetwork(request: Request, context: AppLoadContext, slug: string | undefined) {
  const auth = requireAuth(request, context);
  const network = await networkBySlug(context.services, slug);
  if (!network) notFound();
  authorize(auth, { type: "network.view", networkId: network.id });
  return { auth, network };
}
