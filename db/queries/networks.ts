import type { Kysely } from "kysely";
import type { Database, Network, NewNetwork, Organisation } from "../schema";

type Db = Kysely<Database>;

export async function listNetworks(db: Db): Promise<Network[]> {
  return db.selectFrom("networks").selectAll().orderBy("name").execute();
}

export async function listNetworksByIds(db: Db, ids: string[]): Promise<Network[]> {
  if (ids.length === 0) return [];
  return db.selectFrom("networks").selectAll().where("id", "in", ids).orderBy("name").execute();
}

export async function findNetworkBySlug(db: Db, slug: string): Promise<Network | undefined> {
  return db.selectFrom("networks").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export async function findNetworkById(db: Db, id: string): Promise<Network | undefined> {
  return db.selectFrom("networks").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Read with every actor (each request and collab re-check): a scan of a table of a few dozen rows at most. */
export async function listArchivedNetworkIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom("networks").select("id").where("archived_at", "is not", null).execute();
  return rows.map((r) => r.id);
}

export async function insertNetwork(db: Db, network: NewNetwork): Promise<void> {
  await db.insertInto("networks").values(network).execute();
}

export async function updateNetwork(db: Db, id: string, patch: Partial<Omit<Network, "id" | "created_at">>): Promise<void> {
  await db.updateTable("networks").set(patch).where("id", "=", id).execute();
}

export async function listOrganisationsOfNetwork(db: Db, networkId: string): Promise<Organisation[]> {
  return db
    .selectFrom("network_organisations")
    .innerJoin("organisations", "organisations.id", "network_organisations.organisation_id")
    .selectAll("organisations")
    .where("network_organisations.network_id", "=", networkId)
    .orderBy("organisations.country")
    .orderBy("organisations.name")
    .execute();
}

export async function replaceOrganisationsOfNetwork(db: Db, networkId: string, organisationIds: string[], at: string) {
  await db.deleteFrom("network_organisations").where("network_id", "=", networkId).execute();
  if (organisationIds.length === 0) return;
  await db
    .insertInto("network_organisations")
    .values(organisationIds.map((organisation_id) => ({ network_id: networkId, organisation_id, created_at: at })))
    .execute();
}

export async function addOrganisationToNetwork(db: Db, networkId: string, organisationId: string, at: string) {
  await db
    .insertInto("network_organisations")
    .values({ network_id: networkId, organisation_id: organisationId, created_at: at })
    .onConflict((oc) => oc.columns(["network_id", "organisation_id"]).doNothing())
    .execute();
}
