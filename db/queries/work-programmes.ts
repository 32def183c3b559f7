import type { Kysely } from "kysely";
import type { Database, WorkProgramme } from "../schema";

type Db = Kysely<Database>;

export async function listWorkProgrammesOfNetwork(db: Db, networkId: string): Promise<WorkProgramme[]> {
  return db
    .selectFrom("work_programmes")
    .selectAll()
    .where("network_id", "=", networkId)
    .orderBy("archived_at", "desc")
    .orderBy("created_at", "desc")
    .execute();
}

export async function findWorkProgramme(db: Db, id: string): Promise<WorkProgramme | undefined> {
  return db.selectFrom("work_programmes").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertWorkProgramme(db: Db, row: WorkProgramme): Promise<void> {
  await db.insertInto("work_programmes").values(row).execute();
}

export async function updateWorkProgramme(db: Db, id: string, patch: Partial<Pick<WorkProgramme, "title" | "archived_at" | "updated_at">>) {
  await db.updateTable("work_programmes").set(patch).where("id", "=", id).execute();
}

/** The work programmes of these networks that are not archived, with their network, by network and title. */
export async function listOpenWorkProgrammesOfNetworks(db: Db, networkIds: readonly string[]) {
  if (networkIds.length === 0) return [];
  return db
    .selectFrom("work_programmes as w")
    .innerJoin("networks as n", "n.id", "w.network_id")
    .select(["w.id", "w.title", "w.network_id", "n.name as network_name", "n.slug as network_slug"])
    .where("w.network_id", "in", networkIds)
    .where("w.archived_at", "is", null)
    .orderBy("n.name")
    .orderBy("w.title")
    .execute();
}
