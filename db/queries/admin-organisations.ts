import type { Kysely } from "kysely";
import type { Database } from "../schema";

type Db = Kysely<Database>;

export async function countNetworksByOrganisation(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("network_organisations")
    .select(["organisation_id", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("organisation_id")
    .execute();
  return new Map(rows.map((r) => [r.organisation_id, Number(r.n)]));
}

export async function countPeopleByOrganisation(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("users")
    .select(["organisation_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("organisation_id", "is not", null)
    .groupBy("organisation_id")
    .execute();
  return new Map(rows.flatMap((r) => (r.organisation_id ? [[r.organisation_id, Number(r.n)] as const] : [])));
}

export async function findExistingOrganisationIds(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom("organisations").select("id").where("id", "in", ids).execute();
  return rows.map((r) => r.id);
}
