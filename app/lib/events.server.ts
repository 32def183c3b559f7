/**
 * Loaders and actions of the events pages, written once for a network's events and the
 * commons': the route files only say which kind they are. Each follows the usual steps:
 * find the place and the event and authorise, parse the form, call the domain, present.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { can } from "#shared/policy";
import {
  attendanceForm,
  ATTENDANCE_ARRAY_FIELDS,
  bookingForm,
  costForm,
  EVENT_ARRAY_FIELDS,
  eventForm,
  registrationForm,
  REGISTRATION_ARRAY_FIELDS,
  registrationRefForm,
  sessionForm,
  SESSION_ARRAY_FIELDS,
  statusChangeForm,
} from "#shared/validation/event-forms";
import { changeEventStatus, createEvent, updateEvent } from "#server/domain/events/events";
import { cancelRegistration, recordAttendance, register, updateRegistrationDetails } from "#server/domain/events/registrations";
import { removeSession, saveSession } from "#server/domain/events/agenda";
import { eventInterpreting, markInterpreting } from "#server/domain/events/interpreting";
import { costOverview, eventCosts, mayViewCostOverview, removeCost, saveCost } from "#server/domain/events/costs";
import { visibleEvents } from "#server/domain/events/calendar";
import { colleagueChoices, eventFormValues, eventPage, eventView, organisationChoices, participants, speakerChoices } from "#server/domain/events/event-page";
import { eventCalendarFile } from "#server/domain/events/calendar-files";
import { participantsCsv } from "#server/domain/events/participants-csv";
import { listEventOrganisations } from "#db/queries/events";
import { inviteStayingInTouch, stayInTouchPanel } from "#server/domain/intake/stay-in-touch";
import { utcToLocal } from "#shared/events/event-time";
import { HOUR } from "#shared/time";
import { authorize, notFound } from "./guards.server";
import { invalid, parseWith, readForm } from "./forms.server";
import { eventFieldErrors, eventRefusal, openEvent, openEventsPlace, type EventsKind } from "./event-place.server";

type Args = LoaderFunctionArgs | ActionFunctionArgs;
const firstHourEnd = (startsAt: string, endsAt: string) => new Date(Math.min(Date.parse(startsAt) + HOUR, Date.parse(endsAt))).toISOString();
const ok = (extra: Record<string, unknown> = {}) => data({ ok: true as const, intent: null, errors: {}, values: {}, ...extra });

// ---------------------------------------------------------------- list

export async function eventsListLoader({ request, params, context }: Args, kind: EventsKind) {
  const { auth, place } = await openEventsPlace(request, context, params, kind);
  const past = new URL(request.url).searchParams.get("show") === "past";
  const now = new Date().toISOString();
  const entries = await visibleEvents(context.services, auth.actor, {
    only: place.owner,
    drafts: true,
    statuses: ["published", "cancelled", "held"],
    ...(past ? { until: now, order: "desc" as const, limit: 200 } : { from: now, order: "asc" as const, limit: 200 }),
  });
  return {
    place,
    past,
    events: entries.map(({ row: _row, ...entry }) => entry),
    canCreate: can(auth.actor, { type: "event.create", owner: place.owner }),
    canSeeCosts: mayViewCostOverview(auth.actor, place.owner),
  };
}

// ---------------------------------------------------------------- new and edit

export async function newEventLoader({ request, params, context }: Args, kind: EventsKind) {
  const { auth, place } = await openEventsPlace(request, context, params, kind);
  authorize(auth, { type: "event.create", owner: place.owner });
  return { place, organisations: await organisationChoices(context.services) };
}

export async function newEventAction({ request, params, context }: ActionFunctionArgs, kind: EventsKind) {
  const { auth, place } = await openEventsPlace(request, context, params, kind);
  authorize(auth, { type: "event.create", owner: place.owner });
  const form = await readForm(request, context);
  const parsed = parseWith(eventForm, form, EVENT_ARRAY_FIELDS);
  if (!parsed.ok) return invalid(parsed);
  const result = await createEvent(context.services, auth.actor, place.owner, parsed.data);
  if (!result.ok) return "fieldErrors" in result ? eventFieldErrors(result.fieldErrors, form) : eventRefusal(result.error, form);
  return redirect(`${place.basePath}/${result.id}`);
}

export async function editEventLoader({ request, params, context }: Args, kind: EventsKind) {
  const { auth, place, event } = await openEvent(request, context, params, kind);
  authorize(auth, { type: "event.organise", event: { owner: place.owner, status: event.status, createdBy: event.created_by } });
  const organisations = await listEventOrganisations(context.services.db, event.id);
  return {
    place,
    event: eventView(event),
    values: eventFormValues(event, organisations.map((o) => o.id)),
    organisations: await organisationChoices(context.services),
  };
}

export async function editEventAction({ request, params, context }: ActionFunctionArgs, kind: EventsKind) {
  const { auth, place, event } = await openEvent(request, context, params, kind);
  const form = await readForm(request, context);
  const intent = form.get("intent");
  if (intent === "status") {
    const parsed = parseWith(statusChangeForm, form);
    if (!parsed.ok) return invalid(parsed);
    const result = await changeEventStatus(context.services, auth.actor, event.id, parsed.data.change);
    if (!result.ok) return eventRefusal(result.error, form, "status");
    return redirect(`${place.basePath}/${event.id}`);
  }
  const parsed = parseWith(eventForm, form, EVENT_ARRAY_FIELDS);
  if (!parsed.ok) return invalid(parsed);
  const result = await updateEvent(context.services, auth.actor, event.id, parsed.data);
  if (!result.ok) return "fieldErrors" in result ? eventFieldErrors(result.fieldErrors, form) : eventRefusal(result.error, form);
  return redirect(`${place.basePath}/${event.id}`);
}

// ---------------------------------------------------------------- the event's page

export async function eventLoader({ request, params, context }: Args, kind: EventsKind) {
  const { auth, place, event } = await openEvent(request, context, params, kind);
  const page = await eventPage(context.services, auth.actor, event);
  const colleagues = page.rights.registerColleagues ? await colleagueChoices(context.services, auth.actor, event) : [];
  // Commons events only: the groups staying in touch after the intake (null for everyone else).
  const stayInTouch = await stayInTouchPanel(context.services, auth.actor, event);
  return { place, ...page, colleagues, stayInTouch, locale: context.locale };
}

export async function eventAction({ request, params, context }: ActionFunctionArgs, kind: EventsKind) {
  const { auth, event } = await openEvent(request, context, params, kind);
  const form = await readForm(request, context);
  const intent = typeof form.get("intent") === "string" ? String(form.get("intent")) : null;
  const services = context.services;
  if (intent === "register" || intent === "registerColleague" || intent === "updateRegistration") {
    const parsed = parseWith(registrationForm, form, REGISTRATION_ARRAY_FIELDS);
    if (!parsed.ok) return eventFieldErrors(parsed.errors, form, intent);
    const input = intent === "registerColleague" ? parsed.data : { ...parsed.data, userId: undefined };
    if (intent === "registerColleague" && !input.userId) return eventFieldErrors({ userId: "validation.required" }, form, intent);
    const result = intent === "updateRegistration" ? await updateRegistrationDetails(services, auth.actor, event.id, input) : await register(services, auth.actor, event.id, input);
    if (!result.ok) return eventRefusal(result.error, form, intent);
    return ok({ intent, status: result.status });
  }
  if (intent === "cancelRegistration") {
    const result = await cancelRegistration(services, auth.actor, event.id, null);
    if (!result.ok) return eventRefusal(result.error, form, intent);
    return ok({ intent });
  }
  if (intent === "inviteStayingInTouch") {
    const result = await inviteStayingInTouch(services, auth.actor, event.id);
    if (!result.ok) {
      // Not this kind of event, or not now: said on the page, 409 like other wrong states.
      if (result.error === "notCommons" || result.error === "eventOver") {
        return data({ ok: false as const, intent, errors: { form: `events:errors.${result.error}` }, values: {} }, { status: 409 });
      }
      return eventRefusal(result.error, form, intent);
    }
    return ok({ intent, sent: result.sent, onList: result.onList });
  }
  throw new Response("Bad Request", { status: 400 });
}

// ---------------------------------------------------------------- agenda and interpreting

export async function agendaLoader({ request, params, context }: Args, kind: EventsKind) {
  const { auth, place, event } = await openEvent(request, context, params, kind);
  const page = await eventPage(context.services, auth.actor, event);
  if (!page.rights.organise) throw new Response("Forbidden", { status: 403 });
  return {
    place,
    event: page.event,
    sessions: page.sessions.map((s) => ({ ...s, start: utcToLocal(s.startsAt, event.time_zone), end: utcToLocal(s.endsAt, event.time_zone) })),
    interpreting: page.interpretingSummary ?? [],
    stale: page.staleBookings ?? [],
    registered: page.counts.registered,
    speakers: await speakerChoices(context.services, event),
    // A new session starts with the event and lasts an hour (less if the event is shorter).
    defaults: { start: utcToLocal(event.starts_at, event.time_zone), end: utcToLocal(firstHourEnd(event.starts_at, event.ends_at), event.time_zone) },
  };
}

export async function agendaAction({ request, params, context }: ActionFunctionArgs, kind: EventsKind) {
  const { auth, event } = await openEvent(request, context, params, kind);
  const form = await readForm(request, context);
  const intent = typeof form.get("intent") === "string" ? String(form.get("intent")) : null;
  if (intent === "saveSession") {
    const parsed = parseWith(sessionForm, form, SESSION_ARRAY_FIELDS);
    if (!parsed.ok) return eventFieldErrors(parsed.errors, form, intent);
    const result = await saveSession(context.services, auth.actor, event.id, parsed.data);
    if (!result.ok) return "fieldErrors" in result ? eventFieldErrors(result.fieldErrors, form, intent) : eventRefusal(result.error, form, intent);
    return ok({ intent, id: result.id });
  }
  if (intent === "removeSession") {
    const sessionId = form.get("sessionId");
    const result = await removeSession(context.services, auth.actor, event.id, typeof sessionId === "string" ? sessionId : "");
    if (!result.ok) return eventRefusal(result.error, form, intent);
    return ok({ intent });
  }
  if (intent === "booking") {
    const parsed = parseWith(bookingForm, form);
    if (!parsed.ok) return eventFieldErrors(parsed.errors, form, intent);
    const result = await markInterpreting(context.services, auth.actor, event.id, parsed.data);
    if (!result.ok) return eventRefusal(result.error, form, intent);
    return ok({ intent });
  }
  throw new Response("Bad Request", { status: 400 });
}

// ---------------------------------------------------------------- participants

async function requireOrganiser(args: Args, kind: EventsKind) {
  const opened = await openEvent(args.request, args.context, args.params, kind);
  authorize(opened.auth, { type: "event.organise", event: { owner: opened.place.owner, status: opened.event.status, createdBy: opened.event.created_by } });
  return opened;
}

export async function participantsLoader(args: Args, kind: EventsKind) {
  const { place, event } = await requireOrganiser(args, kind);
  const interpreting = await eventInterpreting(args.context.services, event.id);
  return { place, event: eventView(event), participants: await participants(args.context.services, event), interpreting: interpreting.summary, needsPurged: event.needs_purged_at !== null };
}

export async function participantsAction(args: ActionFunctionArgs, kind: EventsKind) {
  const { auth, event } = await requireOrganiser(args, kind);
  const form = await readForm(args.request, args.context);
  const intent = typeof form.get("intent") === "string" ? String(form.get("intent")) : null;
  if (intent === "attendance") {
    const parsed = parseWith(attendanceForm, form, ATTENDANCE_ARRAY_FIELDS);
    if (!parsed.ok) return eventFieldErrors(parsed.errors, form, intent);
    const result = await recordAttendance(args.context.services, auth.actor, event.id, parsed.data.listed, parsed.data.present);
    if (!result.ok) return eventRefusal(result.error, form, intent);
    return ok({ intent });
  }
  if (intent === "cancelRegistration") {
    const parsed = parseWith(registrationRefForm, form);
    if (!parsed.ok) return eventFieldErrors(parsed.errors, form, intent);
    const result = await cancelRegistration(args.context.services, auth.actor, event.id, parsed.data.registrationId);
    if (!result.ok) return eventRefusal(result.error, form, intent);
    return ok({ intent });
  }
  throw new Response("Bad Request", { status: 400 });
}

export async function participantsCsvLoader(args: LoaderFunctionArgs, kind: EventsKind) {
  const { event } = await requireOrganiser(args, kind);
  const csv = participantsCsv(await participants(args.context.services, event), args.context.locale);
  const name = `participants-${event.starts_at.slice(0, 10)}.csv`;
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      // Needs are personal data: never kept by a shared cache.
      "Cache-Control": "private, no-store",
    },
  });
}

// ---------------------------------------------------------------- costs

export async function costsLoader(args: Args, kind: EventsKind) {
  const { place, event } = await requireOrganiser(args, kind);
  const costs = await eventCosts(args.context.services, event.id);
  return { place, event: eventView(event), ...costs };
}

export async function costsAction(args: ActionFunctionArgs, kind: EventsKind) {
  const { auth, event } = await requireOrganiser(args, kind);
  const form = await readForm(args.request, args.context);
  const intent = typeof form.get("intent") === "string" ? String(form.get("intent")) : null;
  if (intent === "saveCost") {
    const parsed = parseWith(costForm, form);
    if (!parsed.ok) return eventFieldErrors(parsed.errors, form, intent);
    const result = await saveCost(args.context.services, auth.actor, event.id, parsed.data);
    if (!result.ok) return "fieldErrors" in result ? eventFieldErrors(result.fieldErrors, form, intent) : eventRefusal(result.error, form, intent);
    return ok({ intent });
  }
  if (intent === "removeCost") {
    const costId = form.get("costId");
    const result = await removeCost(args.context.services, auth.actor, event.id, typeof costId === "string" ? costId : "");
    if (!result.ok) return "fieldErrors" in result ? eventFieldErrors(result.fieldErrors, form, intent) : eventRefusal(result.error, form, intent);
    return ok({ intent });
  }
  throw new Response("Bad Request", { status: 400 });
}

export async function costOverviewLoader({ request, params, context }: Args, kind: EventsKind) {
  const { auth, place } = await openEventsPlace(request, context, params, kind);
  if (!mayViewCostOverview(auth.actor, place.owner)) throw new Response("Forbidden", { status: 403 });
  return { place, years: await costOverview(context.services, place.owner) };
}

// ---------------------------------------------------------------- calendar file

export async function eventIcsLoader({ request, params, context }: LoaderFunctionArgs, kind: EventsKind) {
  const { event } = await openEvent(request, context, params, kind);
  if (event.status === "draft") notFound();
  const body = await eventCalendarFile(context.services, event);
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="event-${event.starts_at.slice(0, 10)}.ics"`,
      "Cache-Control": "private, no-cache",
    },
  });
}
