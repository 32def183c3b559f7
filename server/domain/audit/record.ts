import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { insertAuditEntry } from "#db/queries/audit";
import { newId } from "../auth/tokens";
import { nowIso } from "#shared/time";

export type AuditAction =
  | "login.succeeded"
  | "login.failed"
  | "login.throttled"
  | "logout"
  | "sessions.revoked_others"
  | "password.reset_requested"
  | "password.reset_throttled"
  | "password.reset_completed"
  | "invitation.created"
  | "invitation.accepted"
  | "invitation.revoked"
  | "membership.added"
  | "membership.role_changed"
  | "membership.removed"
  // A coordinator passed coordination to another member (server/domain/networks/hand-over.ts).
  | "membership.coordination_handed_over"
  | "platform_roles.changed"
  | "person.updated"
  | "person.disabled"
  | "person.enabled"
  | "network.created"
  | "network.updated"
  | "network.archived"
  | "network.reactivated"
  | "organisation.created"
  | "organisation.updated"
  // The network of networks' moderation (server/domain/commons/findings.ts, good-practices.ts).
  | "finding.pinned"
  | "finding.unpinned"
  | "finding.discussion_closed"
  | "finding.discussion_reopened"
  | "comment.hidden"
  | "goodPractice.published"
  | "goodPractice.unpublished"
  | "goodPractice.updated"
  // Recommendations for the advisory board (server/domain/commons/recommendation-*.ts).
  | "recommendation.created"
  | "recommendation.stage_changed"
  | "recommendation.threshold_changed"
  | "recommendation.endorsed"
  | "recommendation.endorsement_withdrawn"
  | "recommendation.answered"
  // Expressions of interest (server/domain/intake/). Details never hold the group's personal data.
  | "interest.submitted"
  | "interest.spam_refused"
  | "interest.withdrawn"
  | "interest.status_changed"
  | "interest.introduced";

export interface AuditInput {
  actorId: string | null;
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  ip?: string | null;
  details?: Record<string, unknown>;
}

export async function recordAudit(db: Kysely<Database>, input: AuditInput): Promise<void> {
  await insertAuditEntry(db, {
    id: newId(),
    at: nowIso(),
    actor_id: input.actorId,
    action: input.action,
    target_type: input.targetType ?? null,
    target_id: input.targetId ?? null,
    ip: input.ip ?? null,
    details: JSON.stringify(input.details ?? {}),
  });
}
