/**
 * The events a person may see, for calendars: their networks' (observers and admins: every
 * network's) and the commons'; drafts only where they organise. Permissions are applied in
 * the query and checked once more with the policy on each row, so a list never shows more
 * than the event's own page would.
 */
import type { Services } from "#server/services";
import { can, type Actor } from "#shared/policy";
import type { EventStatus } from "#shared/events/event-vocabulary";
import { localToUtc } from "#shared/events/event-time";
import { listEvents } from "#db/queries/events";
import { listNetworks } from "#db/queries/networks";
import { registrationsOfUser } from "#db/queries/event-registrations";
import { eventPath, eventSubject } from "./event-subject";

export interface CalendarScope {
  /** One network's events only, or the commons' only; absent: everything the person sees. */
  only?: { kind: "network"; networkId: string } | { kind: "commons" };
  from?: string;
  until?: string;
  statuses?: readonly EventStatus[];
  order?: "asc" | "desc";
  limit?: number;
  /** Include the drafts the person organises (pages yes, calendar files no). */
  drafts?: boolean;
}

const SHOWN: readonly EventStatus[] = ["published", "cancelled", "held"];

export async function visibleEvents(services: Services, actor: Actor, scope: CalendarScope = {}) {
  const networks = (await listNetworks(services.db)).filter((n) => can(actor, { type: "network.view", networkId: n.id }));
  const networkIds = scope.only?.kind === "commons" ? [] : networks.map((n) => n.id).filter((id) => !scope.only || (scope.only.kind === "network" && scope.only.networkId === id));
  const commons = (!scope.only || scope.only.kind === "commons") && can(actor, { type: "networkOfNetworks.view" });
  const coordinatorOf = [...actor.memberships].filter(([, role]) => role === "coordinator").map(([id]) => id);
  const rows = await listEvents(services.db, {
    networkIds,
    commons,
    from: scope.from,
    until: scope.until,
    statuses: scope.statuses ?? SHOWN,
    draftsOf: scope.drafts ? { userId: actor.userId, coordinatorOf, moderator: can(actor, { type: "networkOfNetworks.moderate" }) } : undefined,
    order: scope.order ?? "asc",
    limit: scope.limit,
  });
  const visible = rows.filter((row) => can(actor, { type: "event.view", event: eventSubject(row) }));
  const mine = await registrationsOfUser(services.db, actor.userId, visible.map((row) => row.id));
  return visible.map((row) => ({
    id: row.id,
    title: row.title,
    format: row.format,
    status: row.status,
    timeZone: row.time_zone,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    city: row.city,
    online: row.online_url !== null,
    capacity: row.capacity,
    registered: row.registered_count,
    network: row.network_id === null ? null : { name: row.network_name ?? "", slug: row.network_slug ?? "" },
    path: eventPath(row.network_id === null ? null : (row.network_slug ?? ""), row.id),
    myRegistration: mine.get(row.id) ?? null,
    // Kept for the calendar file: not sent to pages by presenters that do not need them.
    row,
  }));
}

export type CalendarEntry = Awaited<ReturnType<typeof visibleEvents>>[number];

/** A month (YYYY-MM) as a UTC range, counted in the platform's zone (Berlin and Rome agree all year). */
export function monthRange(month: string): { from: string; until: string } | null {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return null;
  const year = Number(match[1]);
  const mon = Number(match[2]);
  if (mon < 1 || mon > 12 || year < 2000 || year > 2100) return null;
  const next = mon === 12 ? `${year + 1}-01` : `${year}-${String(mon + 1).padStart(2, "0")}`;
  const from = localToUtc(`${month}-01T00:00`, "Europe/Berlin");
  const until = localToUtc(`${next}-01T00:00`, "Europe/Berlin");
  return from && until ? { from, until } : null;
}

/** The next few events a person may see (a network's only, when `only` says so): for the dashboard and network homes. */
export async function upcomingEvents(services: Services, actor: Actor, limit: number, only?: CalendarScope["only"]) {
  const entries = await visibleEvents(services, actor, { from: new Date().toISOString(), limit, statuses: ["published", "cancelled"], ...(only ? { only } : {}) });
  return entries.map(({ row: _row, ...entry }) => entry);
}
