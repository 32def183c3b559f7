/**
 * Costs of events: organisers record planned and actual amounts by kind (travel,
 * accommodation, interpreting, venue, fees for external guests); each network (and the
 * commons) sees them summed by year. Amounts are typed as people write them ("1.234,50 €")
 * and stored in cents.
 */
import type { Services } from "#server/services";
import { can, type Actor, type WorkspaceOwner } from "#shared/policy";
import type { CostFormData } from "#shared/validation/event-forms";
import { costsByYear, eventCostTotals, parseEuros, type YearCosts } from "#shared/events/costs-summary";
import { localDay } from "#shared/events/event-time";
import { deleteEventCost, insertEventCost, listCostsOfOwner, listEventCosts, updateEventCost } from "#db/queries/events";
import { newId } from "../auth/tokens";
import { nowIso } from "#shared/time";
import { eventFor } from "./event-access";
import type { EventError, FieldErrors } from "./events";

export type CostResult = { ok: true } | { ok: false; error: EventError } | { ok: false; fieldErrors: FieldErrors };

/** The cost lines of one event with their totals by kind. */
export async function eventCosts(services: Services, eventId: string) {
  const rows = await listEventCosts(services.db, eventId);
  const year = 0; // one event: the year plays no part in its totals
  const totals = eventCostTotals(rows.map((r) => ({ eventId, year, kind: r.kind, plannedCents: r.planned_cents, actualCents: r.actual_cents })));
  return { rows, totals };
}

/** Adds a cost line, or changes one when `costId` is given. */
export async function saveCost(services: Services, actor: Actor, eventId: string, input: CostFormData): Promise<CostResult> {
  const found = await eventFor(services, actor, eventId, "organise");
  if (!found.ok) return found;
  const errors: FieldErrors = {};
  const planned = parseEuros(input.planned);
  const actual = input.actual === "" ? null : parseEuros(input.actual);
  if (planned === null) errors.planned = "events:errors.amountInvalid";
  if (input.actual !== "" && actual === null) errors.actual = "events:errors.amountInvalid";
  if (planned === null || Object.keys(errors).length) return { ok: false, fieldErrors: errors };
  const at = nowIso();
  const fields = { kind: input.kind, description: input.description, planned_cents: planned, actual_cents: actual, updated_at: at };
  if (input.costId) return (await updateEventCost(services.db, eventId, input.costId, fields)) ? { ok: true } : { ok: false, error: "notFound" };
  await insertEventCost(services.db, { id: newId(), event_id: eventId, created_by: actor.userId, created_at: at, ...fields });
  return { ok: true };
}

export async function removeCost(services: Services, actor: Actor, eventId: string, costId: string): Promise<CostResult> {
  const found = await eventFor(services, actor, eventId, "organise");
  if (!found.ok) return found;
  return (await deleteEventCost(services.db, eventId, costId)) ? { ok: true } : { ok: false, error: "notFound" };
}

/** Who sees an owner's cost overview: its organisers (network coordinators; in the commons, moderators). */
export function mayViewCostOverview(actor: Actor, owner: WorkspaceOwner): boolean {
  return can(actor, { type: "event.organise", event: { owner, status: "published", createdBy: null } });
}

/** Costs of an owner's events summed by year (the year the event starts in its own zone). */
export async function costOverview(services: Services, owner: WorkspaceOwner): Promise<YearCosts[]> {
  const rows = await listCostsOfOwner(services.db, owner.kind === "network" ? owner.networkId : null);
  return costsByYear(
    rows.map((r) => ({
      eventId: r.event_id,
      year: Number(localDay(r.starts_at, r.time_zone).slice(0, 4)),
      kind: r.kind,
      plannedCents: r.planned_cents,
      actualCents: r.actual_cents,
    })),
  );
}
