/**
 * Where an events page is: a network's events (/networks/:slug/events…) or the commons'
 * (/network-of-networks/events…). Every events loader and action starts here: logged in,
 * the network visible (else 404), then the event of that owner that the person may see.
 */
import type { AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import type { WorkspaceOwner } from "#shared/policy";
import { eventsBasePath } from "#server/domain/events/event-subject";
import { visibleEvent } from "#server/domain/events/event-page";
import { authorize, notFound, requireAuth } from "./guards.server";
import { loadVisibleNetwork } from "./network-access.server";
import { formValues } from "./forms.server";
import { idParam } from "./findings.server";

export type EventsKind = "network" | "commons";

export interface EventsPlace {
  kind: EventsKind;
  basePath: string;
  owner: WorkspaceOwner;
  network: { name: string; slug: string; archivedAt: string | null } | null;
}

export async function openEventsPlace(request: Request, context: AppLoadContext, params: LoaderFunctionArgs["params"], kind: EventsKind) {
  if (kind === "commons") {
    const auth = requireAuth(request, context);
    authorize(auth, { type: "networkOfNetworks.view" });
    const place: EventsPlace = { kind, basePath: eventsBasePath(null), owner: { kind: "commons" }, network: null };
    return { auth, place };
  }
  const { auth, network } = await loadVisibleNetwork(request, context, params.slug);
  const place: EventsPlace = {
    kind,
    basePath: eventsBasePath(network.slug),
    owner: { kind: "network", networkId: network.id },
    network: { name: network.name, slug: network.slug, archivedAt: network.archived_at },
  };
  return { auth, place };
}

/** The place and the event named in the address; an unknown, foreign or invisible event is a 404. */
export async function openEvent(request: Request, context: AppLoadContext, params: LoaderFunctionArgs["params"], kind: EventsKind) {
  const { auth, place } = await openEventsPlace(request, context, params, kind);
  const eventId = idParam(params.id);
  const event = eventId ? await visibleEvent(context.services, auth.actor, eventId, place.owner) : null;
  if (!event) notFound();
  return { auth, place, event };
}

const STATUS: Record<string, number> = { notFound: 404, forbidden: 403, wrongStatus: 409 };

/** A domain refusal as the form that caused it shows it: a translated message above it, what was typed kept. */
export function eventRefusal(error: string, form: FormData, intent: string | null = null) {
  if (error === "notFound") notFound();
  if (error === "forbidden") throw new Response("Forbidden", { status: 403 });
  return data({ ok: false as const, intent, errors: { form: `events:errors.${error}` }, values: formValues(form) }, { status: STATUS[error] ?? 400 });
}

/** Field messages of one of several forms on a page. */
export function eventFieldErrors(errors: Record<string, string>, form: FormData, intent: string | null = null) {
  return data({ ok: false as const, intent, errors, values: formValues(form) }, { status: 400 });
}
