import type { Kysely } from "kysely";
import type { Database, NewOrganisation, Organisation } from "../schema";

type Db = Kysely<Database>;

export async function listOrganisations(db: Db): Promise<Organisation[]> {
  return db.selectFrom("organisations").selectAll().orderBy("country").orderBy("name").execute();
}

export async function findOrganisation(db: Db, id: string): Promise<Organisation | undefined> {
  return db.selectFrom("organisations").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertOrganisation(db: Db, organisation: NewOrganisation): Promise<void> {
  await db.insertInto("organisations").values(organisation).execute();
}

export async function updateOrganisation(
  db: Db,
  id: string,
  patch: Partial<Omit<Organisation, "id" | "created_at">>,
): Promise<void> {
  await db.updateTable("organisations").set(patch).where("id", "=", id).execute();
}

/** Network ids this organisation belongs to; callers filter by what the viewer may see. */
export async function listNetworkIdsOfOrganisation(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("network_organisations")
    .select("network_id")
    .where("organisation_id", "=", organisationId)
    .execute();
  return rows.map((r) => r.network_id);
}
