import type { Kysely } from "kysely";
import type { Database, NewUser, User, UserUpdate } from "../schema";
import type { PlatformRole } from "#shared/roles";

type Db = Kysely<Database>;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("email", "=", normaliseEmail(email)).executeTakeFirst();
}

export async function findUserById(db: Db, id: string): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertUser(db: Db, user: NewUser): Promise<void> {
  await db.insertInto("users").values({ ...user, email: normaliseEmail(user.email) }).execute();
}

export async function updateUser(db: Db, id: string, patch: UserUpdate): Promise<void> {
  const values = patch.email ? { ...patch, email: normaliseEmail(patch.email) } : patch;
  await db.updateTable("users").set(values).where("id", "=", id).execute();
}

export async function listUsers(db: Db): Promise<Array<User & { organisation_name: string | null }>> {
  return db
    .selectFrom("users")
    .leftJoin("organisations", "organisations.id", "users.organisation_id")
    .selectAll("users")
    .select("organisations.name as organisation_name")
    .orderBy("users.name")
    .execute();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listPlatformRoles(db: Db, userId: string): Promise<PlatformRole[]> {
  const rows = await db.selectFrom("platform_roles").select("role").where("user_id", "=", userId).execute();
  return rows.map((r) => r.role);
}

export async function listPlatformRolesOfUsers(db: Db, userIds: string[]): Promise<Map<string, PlatformRole[]>> {
  const result = new Map<string, PlatformRole[]>();
  if (userIds.length === 0) return result;
  const rows = await db.selectFrom("platform_roles").select(["user_id", "role"]).where("user_id", "in", userIds).execute();
  for (const row of rows) result.set(row.user_id, [...(result.get(row.user_id) ?? []), row.role]);
  return result;
}

export async function replacePlatformRoles(db: Db, userId: string, roles: PlatformRole[], at: string): Promise<void> {
  await db.deleteFrom("platform_roles").where("user_id", "=", userId).execute();
  if (roles.length === 0) return;
  await db
    .insertInto("platform_roles")
    .values(roles.map((role) => ({ user_id: userId, role, created_at: at })))
    .execute();
}

export async function addPlatformRole(db: Db, userId: string, role: PlatformRole, at: string): Promise<void> {
  await db
    .insertInto("platform_roles")
    .values({ user_id: userId, role, created_at: at })
    .onConflict((oc) => oc.columns(["user_id", "role"]).doNothing())
    .execute();
}
