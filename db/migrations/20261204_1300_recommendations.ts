/**
 * Recommendations for the advisory board: co-edited in the commons (their text is the Yjs
 * document `recommendation.<id>`), with a workflow stage, the findings and good-practice
 * entries they cite, endorsements by networks (one per network: the primary key is what
 * makes two coordinators of one network endorsing at once count once), personal supports,
 * and the board's answer. Findings and good practices are another migration's tables; the
 * citations carry no foreign key to them (a citation of a removed entry shows as removed).
 */
import type { Kysely } from "kysely";
import { columnTypes } from "./column-types";

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable("recommendations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("stage", "text", (c) => c.notNull().defaultTo("draft")) // draft | consultation | endorsed | submitted | answered
    .addColumn("endorsement_threshold", "integer", (c) => c.notNull().defaultTo(3))
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addColumn("updated_at", t.timestamp, (c) => c.notNull())
    .addColumn("consultation_at", t.timestamp)
    .addColumn("endorsed_at", t.timestamp)
    .addColumn("submitted_at", t.timestamp)
    .addColumn("submitted_by", "text", (c) => c.references("users.id").onDelete("set null"))
    // The named version frozen at submission (document_versions.id; no key: versions outlive nothing here).
    .addColumn("submitted_version_id", "text")
    .addColumn("answered_at", t.timestamp)
    .execute();
  await db.schema.createIndex("recommendations_stage_idx").on("recommendations").columns(["stage", "updated_at"]).execute();

  await db.schema
    .createTable("recommendation_citations")
    .addColumn("recommendation_id", "text", (c) => c.notNull().references("recommendations.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull()) // finding | goodPractice
    .addColumn("target_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("recommendation_citations_pk", ["recommendation_id", "position"])
    .execute();
  // "Which recommendations cite this finding" (the finding's page).
  await db.schema.createIndex("recommendation_citations_target_idx").on("recommendation_citations").columns(["kind", "target_id"]).execute();

  await db.schema
    .createTable("recommendation_endorsements")
    .addColumn("recommendation_id", "text", (c) => c.notNull().references("recommendations.id").onDelete("cascade"))
    .addColumn("network_id", "text", (c) => c.notNull().references("networks.id").onDelete("cascade"))
    .addColumn("endorsed_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("statement", "text")
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint("recommendation_endorsements_pk", ["recommendation_id", "network_id"])
    .execute();

  await db.schema
    .createTable("recommendation_supports")
    .addColumn("recommendation_id", "text", (c) => c.notNull().references("recommendations.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint("recommendation_supports_pk", ["recommendation_id", "user_id"])
    .execute();

  await db.schema
    .createTable("recommendation_answers")
    .addColumn("recommendation_id", "text", (c) => c.primaryKey().references("recommendations.id").onDelete("cascade"))
    .addColumn("verdict", "text", (c) => c.notNull()) // accepted | partlyAccepted | noted | declined
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("answered_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("answered_at", t.timestamp, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["recommendation_answers", "recommendation_supports", "recommendation_endorsements", "recommendation_citations", "recommendations"]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
