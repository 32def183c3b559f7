import type { Kysely } from "kysely";
import type { Database } from "../schema";

type Db = Kysely<Database>;

export async function countOrganisationsByNetwork(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("network_organisations")
    .select(["network_id", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("network_id")
    .execute();
  return new Map(rows.map((r) => [r.network_id, Number(r.n)]));
}

export async function listOrganisationIdsOfNetwork(db: Db, networkId: string): Promise<string[]> {
  const rows = await db.selectFrom("network_organisations").select("organisation_id").where("network_id", "=", networkId).execute();
  return rows.map((r) => r.organisation_id);
}
