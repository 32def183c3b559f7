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
