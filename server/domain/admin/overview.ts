import type { Services } from "#server/services";
import { countDisabledUsers, countOpenInvitations, countRows, countUnsentMails } from "#db/queries/admin-overview";
import { nowIso } from "#shared/time";

/** The numbers on the admin start page: what exists, and what may need a look (unsent mail). */
export async function adminOverview(services: Services) {
  const { db } = services;
  const [networks, organisations, people, disabledPeople, openInvitations, mails, unsentMails, auditEntries] = await Promise.all([
    countRows(db, "networks"),
    countRows(db, "organisations"),
    countRows(db, "users"),
    countDisabledUsers(db),
    countOpenInvitations(db, nowIso()),
    countRows(db, "outbox"),
    countUnsentMails(db),
    countRows(db, "audit_log"),
  ]);
  return { networks, organisations, people, disabledPeople, openInvitations, mails, unsentMails, auditEntries };
}
