/**
 * From partnership to network: a bilateral partnership of groups (and organisations already
 * on the platform) co-writes a joint application (the co-edited document
 * `application.<partnership id>`), submits it to the advisory board, whose members score it
 * against the project team's rubric, independently; the decision is recorded and a selected
 * partnership becomes a network (`network_id`), keeping the application as its founding
 * document. The people who write the application are partnership members; invitations may
 * now lead into a partnership.
 */
import type { Kysely } from "kysely";
import { columnTypes } from "./column-types";

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable("partnerships")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("network_id", "text", (c) => c.references("networks.id").onDelete("set null"))
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .addColumn("submitted_at", t.timestamp)
    .addColumn("decided_at", t.timestamp)
    .addColumn("decided_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("decision_note", "text", (c) => c.notNull().defaultTo(""))
    .execute();

  await db.schema
    .createTable("partnership_groups")
    .addColumn("partnership_id", "text", (c) => c.notNull().references("partnerships.id").onDelete("cascade"))
    .addColumn("expression_id", "text", (c) => c.notNull().references("interest_expressions.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("partnership_groups_pk", ["partnership_id", "expression_id"])
    .execute();
  await db.schema.createIndex("partnership_groups_expression_idx").on("partnership_groups").column("expression_id").execute();

  await db.schema
    .createTable("partnership_organisations")
    .addColumn("partnership_id", "text", (c) => c.notNull().references("partnerships.id").onDelete("cascade"))
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("partnership_organisations_pk", ["partnership_id", "organisation_id"])
    .execute();

  await db.schema
    .createTable("partnership_members")
    .addColumn("partnership_id", "text", (c) => c.notNull().references("partnerships.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint("partnership_members_pk", ["partnership_id", "user_id"])
    .execute();
  await db.schema.createIndex("partnership_members_user_idx").on("partnership_members").column("user_id").execute();

  await db.schema.alterTable("invitations").addColumn("partnership_id", "text", (c) => c.references("partnerships.id").onDelete("cascade")).execute();

  await db.schema
    .createTable("rubric_criteria")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("weight", "integer", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("board_reviews")
    .addColumn("partnership_id", "text", (c) => c.notNull().references("partnerships.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    // draft | submitted | conflict (a declared conflict of interest excludes the member)
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("comment", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .addColumn("submitted_at", t.timestamp)
    .addPrimaryKeyConstraint("board_reviews_pk", ["partnership_id", "user_id"])
    .execute();

  await db.schema
    .createTable("board_scores")
    .addColumn("partnership_id", "text", (c) => c.notNull().references("partnerships.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("criterion_id", "text", (c) => c.notNull().references("rubric_criteria.id").onDelete("cascade"))
    .addColumn("score", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("board_scores_pk", ["partnership_id", "user_id", "criterion_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["board_scores", "board_reviews", "rubric_criteria"]) await db.schema.dropTable(table).ifExists().execute();
  await db.schema.alterTable("invitations").dropColumn("partnership_id").execute();
  for (const table of ["partnership_members", "partnership_organisations", "partnership_groups", "partnerships"]) await db.schema.dropTable(table).ifExists().execute();
}
