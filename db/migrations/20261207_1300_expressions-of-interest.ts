/**
 * The intake: expressions of interest sent through the public form, their members, the
 * project team's log and introductions, and the platform role of the project team.
 *
 * Personal data lives in `interest_expressions` and `interest_members` only; withdrawing a
 * submission deletes its row and everything hangs off it by cascade. `platform_settings`
 * keeps values every instance must share (the form's signing secret; later the project's end).
 *
 * The role check of `platform_roles` gains "project_team": PostgreSQL swaps the check
 * constraint, SQLite rebuilds the small table (it cannot alter a constraint).
 */
import { sql, type Kysely } from "kysely";
import { columnTypes, isPostgres } from "./column-types";

const ROLES_BEFORE = ["admin", "moderator", "observer"];
const ROLES_AFTER = [...ROLES_BEFORE, "project_team"];

function roleCheck(values: readonly string[]) {
  // Values are constants of this file, never user input.
  return sql.raw(`role in (${values.map((v) => `'${v}'`).join(", ")})`);
}

async function setPlatformRoles(db: Kysely<any>, roles: readonly string[]) {
  if (isPostgres(db)) {
    await sql`alter table platform_roles drop constraint if exists platform_roles_role_check`.execute(db);
    await sql`alter table platform_roles add constraint platform_roles_role_check check (${roleCheck(roles)})`.execute(db);
    return;
  }
  const t = columnTypes(db);
  await db.schema
    .createTable("platform_roles_next")
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull().check(roleCheck(roles)))
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint("platform_roles_pk", ["user_id", "role"])
    .execute();
  await sql`insert into platform_roles_next select * from platform_roles where ${sql.raw(`role in (${roles.map((v) => `'${v}'`).join(", ")})`)}`.execute(db);
  await sql`drop table platform_roles`.execute(db);
  await sql`alter table platform_roles_next rename to platform_roles`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await setPlatformRoles(db, ROLES_AFTER);

  await db.schema
    .createTable("platform_settings")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("interest_expressions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("group_name", "text", (c) => c.notNull())
    .addColumn("contact_name", "text", (c) => c.notNull())
    .addColumn("contact_email", "text", (c) => c.notNull())
    .addColumn("contact_phone", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("occupational_field", "text", (c) => c.notNull())
    .addColumn("field_description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("themes", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("action_areas", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("scale", "text", (c) => c.notNull())
    .addColumn("apprentices", "integer")
    .addColumn("companies", "integer")
    .addColumn("joint_projects", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("motivation", "text", (c) => c.notNull())
    .addColumn("project_idea", "text", (c) => c.notNull())
    .addColumn("expected_value", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("offered_value", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("past_cooperation", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("funded_projects", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("introductions_consent", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("consented_at", t.timestamp, (c) => c.notNull())
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .addColumn("status_changed_at", t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("interest_expressions_status_idx").on("interest_expressions").columns(["status", "created_at"]).execute();

  await db.schema
    .createTable("interest_members")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("expression_id", "text", (c) => c.notNull().references("interest_expressions.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("sector", "text", (c) => c.notNull())
    .addColumn("city", "text", (c) => c.notNull())
    .addColumn("region", "text", (c) => c.notNull())
    .addColumn("country", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("interest_members_expression_idx").on("interest_members").column("expression_id").execute();

  await db.schema
    .createTable("interest_log")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("expression_id", "text", (c) => c.notNull().references("interest_expressions.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("author_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("body", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("status_from", "text")
    .addColumn("status_to", "text")
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("interest_log_expression_idx").on("interest_log").columns(["expression_id", "created_at"]).execute();

  // One introduction per pair, whichever side it was sent from: expression_a < expression_b.
  await db.schema
    .createTable("interest_introductions")
    .addColumn("expression_a", "text", (c) => c.notNull().references("interest_expressions.id").onDelete("cascade"))
    .addColumn("expression_b", "text", (c) => c.notNull().references("interest_expressions.id").onDelete("cascade"))
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint("interest_introductions_pk", ["expression_a", "expression_b"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["interest_introductions", "interest_log", "interest_members", "interest_expressions", "platform_settings"]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await setPlatformRoles(db, ROLES_BEFORE);
}
