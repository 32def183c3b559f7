/**
 * Labels of the admin pages that depend on stored keys. The record below must name every
 * AuditAction: adding an action to the audit log without a translated label fails the
 * type check instead of showing a raw key to admins.
 */
import type { TFunction } from "i18next";
import type { AuditAction } from "#server/domain/audit/record";
import type { MailKind } from "#server/mail/compose";
import { isLocale } from "#shared/i18n/config";

const AUDIT_ACTION_KEYS: Record<AuditAction, string> = {
  "login.succeeded": "audit.actions.loginSucceeded",
  "login.failed": "audit.actions.loginFailed",
  "login.throttled": "audit.actions.loginThrottled",
  logout: "audit.actions.logout",
  "sessions.revoked_others": "audit.actions.sessionsRevokedOthers",
  "password.reset_requested": "audit.actions.passwordResetRequested",
  "password.reset_throttled": "audit.actions.passwordResetThrottled",
  "password.reset_completed": "audit.actions.passwordResetCompleted",
  "invitation.created": "audit.actions.invitationCreated",
  "invitation.accepted": "audit.actions.invitationAccepted",
  "invitation.revoked": "audit.actions.invitationRevoked",
  "membership.added": "audit.actions.membershipAdded",
  "membership.role_changed": "audit.actions.membershipRoleChanged",
  "membership.removed": "audit.actions.membershipRemoved",
  "membership.coordination_handed_over": "audit.actions.membershipCoordinationHandedOver",
  "platform_roles.changed": "audit.actions.platformRolesChanged",
  "person.updated": "audit.actions.personUpdated",
  "person.disabled": "audit.actions.personDisabled",
  "person.enabled": "audit.actions.personEnabled",
  "network.created": "audit.actions.networkCreated",
  "network.updated": "audit.actions.networkUpdated",
  "network.archived": "audit.actions.networkArchived",
  "network.reactivated": "audit.actions.networkReactivated",
  "organisation.created": "audit.actions.organisationCreated",
  "organisation.updated": "audit.actions.organisationUpdated",
  "finding.pinned": "audit.actions.findingPinned",
  "finding.unpinned": "audit.actions.findingUnpinned",
  "finding.discussion_closed": "audit.actions.findingDiscussionClosed",
  "finding.discussion_reopened": "audit.actions.findingDiscussionReopened",
  "comment.hidden": "audit.actions.commentHidden",
  "goodPractice.published": "audit.actions.goodPracticePublished",
  "goodPractice.unpublished": "audit.actions.goodPracticeUnpublished",
  "goodPractice.updated": "audit.actions.goodPracticeUpdated",
  "recommendation.created": "audit.actions.recommendationCreated",
  "recommendation.stage_changed": "audit.actions.recommendationStageChanged",
  "recommendation.threshold_changed": "audit.actions.recommendationThresholdChanged",
  "recommendation.endorsed": "audit.actions.recommendationEndorsed",
  "recommendation.endorsement_withdrawn": "audit.actions.recommendationEndorsementWithdrawn",
  "recommendation.answered": "audit.actions.recommendationAnswered",
  "interest.submitted": "audit.actions.interestSubmitted",
  "interest.spam_refused": "audit.actions.interestSpamRefused",
  "interest.withdrawn": "audit.actions.interestWithdrawn",
  "interest.status_changed": "audit.actions.interestStatusChanged",
  "interest.introduced": "audit.actions.interestIntroduced",
};

const TARGET_TYPES = ["user", "network", "organisation", "invitation", "finding", "comment", "goodPractice", "recommendation", "interest"] as const;
/** Every kind the platform writes; a new kind without a label fails the type check. */
const MAIL_KIND_KEYS: Record<MailKind, string> = {
  invitation: "outbox.kinds.invitation",
  addedToNetwork: "outbox.kinds.addedToNetwork",
  passwordReset: "outbox.kinds.passwordReset",
  emailChanged: "outbox.kinds.emailChanged",
  notifyMention: "outbox.kinds.notifyMention",
  notifyReply: "outbox.kinds.notifyReply",
  notifyVersion: "outbox.kinds.notifyVersion",
  notifyDiscussion: "outbox.kinds.notifyDiscussion",
  notifyRecommendation: "outbox.kinds.notifyRecommendation",
  notifyEvent: "outbox.kinds.notifyEvent",
  eventReminder: "outbox.kinds.eventReminder",
  interestReceived: "outbox.kinds.interestReceived",
  interestWithdrawn: "outbox.kinds.interestWithdrawn",
  interestStatus: "outbox.kinds.interestStatus",
  interestIntroduction: "outbox.kinds.interestIntroduction",
  interestEventInvitation: "outbox.kinds.interestEventInvitation",
  coordinationHandedOver: "outbox.kinds.coordinationHandedOver",
  partnershipInvitation: "outbox.kinds.partnershipInvitation",
  addedToPartnership: "outbox.kinds.addedToPartnership",
};

/** t must be bound to the admin namespace. Unknown actions (older rows) show as stored. */
export function auditActionLabel(t: TFunction, action: string): string {
  const key = (AUDIT_ACTION_KEYS as Record<string, string | undefined>)[action];
  return key ? t(key) : action;
}

export function targetTypeLabel(t: TFunction, type: string): string {
  return (TARGET_TYPES as readonly string[]).includes(type) ? t(`audit.targetTypes.${type}`) : type;
}

export function mailKindLabel(t: TFunction, kind: string): string {
  const key = (MAIL_KIND_KEYS as Record<string, string | undefined>)[kind];
  return key ? t(key) : kind;
}

/**
 * A language named in the interface's language ("Italian" on an English page): a fact about
 * a mail or a person, unlike the language pickers, which name each language in itself.
 */
export function localeName(t: TFunction, locale: string): string {
  return isLocale(locale) ? t(`common:language.names.${locale}`) : locale;
}
