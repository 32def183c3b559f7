/**
 * Loaders and actions of an event's minutes, written once for a network's events and the
 * commons': the minutes page (the editor and what surrounds it), and the loaders the generic
 * document routes (comments, exports, history) need. The event must be visible (else 404)
 * and the minutes document readable under the document policy of the event's owner.
 */
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { actionToActivityForm } from "#shared/validation/event-forms";
import { colourFor } from "#shared/collab/user-colour";
import { eventView } from "#server/domain/events/event-page";
import { minutesDocName, minutesPageData, turnActionIntoActivity } from "#server/domain/events/minutes";
import { documentRights, readableDocument } from "./documents.server";
import { glossaryHints } from "./glossary.server";
import { parseWith, readForm } from "./forms.server";
import { eventFieldErrors, eventRefusal, openEvent, type EventsKind, type EventsPlace } from "./event-place.server";
import { notFound } from "./guards.server";
import { deriveContent, docFromState, summarise, versionHistory, versionOfDocument } from "./history.server";
import { readActionItems, readAttendees, readDecisions } from "#shared/collab/minutes-doc";
import { fixedT } from "#shared/i18n/instance";
import { versionTitle } from "~/components/version-label";
import type { PmNode } from "~/components/prosemirror-view";

type Args = LoaderFunctionArgs | ActionFunctionArgs;

/** The event and its minutes document, for the minutes page and the generic document routes. */
export async function openMinutes(request: Request, context: AppLoadContext, params: LoaderFunctionArgs["params"], kind: EventsKind) {
  const { auth, place, event } = await openEvent(request, context, params, kind);
  const document = await readableDocument(context, auth, minutesDocName(event.id));
  return { auth, place, event, document };
}

export async function minutesLoader({ request, params, context }: Args, kind: EventsKind) {
  const { auth, place, event, document } = await openMinutes(request, context, params, kind);
  const rights = documentRights(auth.actor, document);
  const extra = await minutesPageData(context.services, auth.actor, event, rights.edit);
  return {
    place,
    event: eventView(event),
    minutes: { docName: document.name, path: document.path, frozen: document.state !== "open" },
    rights,
    ...extra,
    user: { id: auth.user.id, name: auth.user.name, colour: colourFor(auth.user.id) },
    locale: context.locale,
    glossary: await glossaryHints(context.services, context.locale),
  };
}

export async function minutesAction({ request, params, context }: ActionFunctionArgs, kind: EventsKind) {
  const { auth, event } = await openMinutes(request, context, params, kind);
  const form = await readForm(request, context);
  const intent = form.get("intent");
  if (intent !== "toActivity") throw new Response("Bad Request", { status: 400 });
  const parsed = parseWith(actionToActivityForm, form);
  if (!parsed.ok) return eventFieldErrors(parsed.errors, form, intent);
  const result = await turnActionIntoActivity(context.services, context.documents, auth.actor, { eventId: event.id, ...parsed.data, locale: context.locale });
  if (!result.ok) return eventRefusal(result.error === "notFound" || result.error === "forbidden" ? result.error : `minutes.${result.error}`, form, intent);
  return data({ ok: true as const, intent, errors: {}, values: { actionId: parsed.data.actionId }, activity: { path: result.path, workProgramme: result.workProgramme } });
}

// ---------------------------------------------------------------- versions

export async function minutesHistoryLoader({ request, params, context }: LoaderFunctionArgs, kind: EventsKind) {
  const { place, event, document } = await openMinutes(request, context, params, kind);
  return {
    place,
    event: { id: event.id, title: event.title },
    paths: { minutes: document.path, history: `${document.path}/history` },
    versions: summarise(await versionHistory(context.services, document.name)),
  };
}

export async function minutesVersionLoader({ request, params, context }: LoaderFunctionArgs, kind: EventsKind) {
  const { place, event, document } = await openMinutes(request, context, params, kind);
  const version = await versionOfDocument(context.services, document.name, params.versionId);
  if (!version) notFound();
  const summary = summarise(await versionHistory(context.services, document.name)).find((v) => v.id === version.id);
  if (!summary) notFound();
  const doc = docFromState(version.state);
  try {
    return {
      place,
      event: { id: event.id, title: event.title },
      title: versionTitle(fixedT(context.locale), summary, context.locale),
      paths: { minutes: document.path, history: `${document.path}/history`, export: `${document.path}/export` },
      version: summary,
      content: deriveContent(doc, document.layout.contentField).json as PmNode,
      attendees: readAttendees(doc),
      decisions: readDecisions(doc),
      actions: readActionItems(doc),
    };
  } finally {
    doc.destroy();
  }
}

/** Who the minutes belong to, for exports: the network's name, or the network of networks. */
export function minutesOwnerName(place: EventsPlace, t: (key: string) => string): string {
  return place.network?.name ?? t("common:nav.networkOfNetworks");
}
