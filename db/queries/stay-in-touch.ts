/**
 * All SQL of the "staying in touch" list: the groups on it, and the claims that an event's
 * invitation went to a group (one row per event and group, written before its mail).
 */
import type { Kysely } from "kysely";
import type { Database, InterestExpression } from "../schema";
import type { InterestStatus } from "#shared/intake/vocabulary";

type Db = Kysely<Database>;

export type StayingInTouchGroup = Pick<InterestExpression, "id" | "locale" | "group_name" | "contact_name" | "contact_email">;

/** The groups whose status puts them on the list, oldest first (a stable order for sending). */
export async function listGroupsWithStatus(db: Db, statuses: readonly InterestStatus[]): Promise<StayingInTouchGroup[]> {
  if (statuses.length === 0) return [];
  return db
    .selectFrom("interest_expressions")
    .select(["id", "locale", "group_name", "contact_name", "contact_email"])
    .where("status", "in", statuses)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

/** How many groups are on the list, and how many of them already have this event's invitation. */
export async function countListForEvent(db: Db, statuses: readonly InterestStatus[], eventId: string): Promise<{ total: number; invited: number }> {
  if (statuses.length === 0) return { total: 0, invited: 0 };
  const row = await db
    .selectFrom("interest_expressions")
    .leftJoin("interest_event_invitations", (join) =>
      join.onRef("interest_event_invitations.expression_id", "=", "interest_expressions.id").on("interest_event_invitations.event_id", "=", eventId),
    )
    .select((eb) => [eb.fn.countAll<number>().as("total"), eb.fn.count<number>("interest_event_invitations.expression_id").as("invited")])
    .where("interest_expressions.status", "in", statuses)
    .executeTakeFirst();
  return { total: Number(row?.total ?? 0), invited: Number(row?.invited ?? 0) };
}

/** True when this call claimed the pair (its mail is to be written now), false when it was claimed before. */
export async function claimEventInvitation(db: Db, eventId: string, expressionId: string, by: string, at: string): Promise<boolean> {
  const result = await db
    .insertInto("interest_event_invitations")
    .values({ event_id: eventId, expression_id: expressionId, invited_by: by, invited_at: at })
    .onConflict((oc) => oc.columns(["event_id", "expression_id"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}
