/**
 * Who a recommendation concerns, and telling them: its authors' networks (computed, never
 * picked: the networks of its creator and of everyone recorded as having changed its text),
 * the audit entry of each transition, and notifications in each recipient's own language.
 */
import type { Services } from "#server/services";
import type { Recommendation } from "#db/schema";
import { DISPLAY_TIME_ZONE, type Locale } from "#shared/i18n/config";
import { fixedT } from "#shared/i18n/instance";
import { docNameOf, RECOMMENDATION_DOC_TYPE } from "#shared/collab/doc-names";
import {
  contributorListsOfDocument,
  coordinatorsOfOpenNetworks,
  membersOfNetworks,
  networksOfUsers,
  peopleWithPlatformRole,
  usersByIds,
} from "#db/queries/recommendations";
import { recordAudit, type AuditAction } from "../audit/record";
import { notify } from "../notifications/notify";
import { recommendationPath } from "./recommendation-document-type";

export const recommendationDocName = (id: string) => docNameOf(RECOMMENDATION_DOC_TYPE, id);

/** Everyone who wrote the recommendation: its creator and every recorded contributor. */
export async function authorIdsOf(services: Services, row: Pick<Recommendation, "id" | "created_by">): Promise<string[]> {
  const ids = new Set<string>();
  if (row.created_by) ids.add(row.created_by);
  for (const version of await contributorListsOfDocument(services.db, recommendationDocName(row.id))) {
    // A named version also credits the person who named it: at submission that is the
    // moderator, who did not write the text (and whose network must not become an author).
    const namer = version.kind === "named" ? version.created_by : null;
    try {
      for (const id of JSON.parse(version.contributors) as unknown[]) if (typeof id === "string" && id !== namer) ids.add(id);
    } catch {
      // A damaged list credits nobody rather than failing the page.
    }
  }
  return [...ids];
}

/** The authors' networks, by name: whose recommendation it is. */
export async function authorsNetworksOf(services: Services, row: Pick<Recommendation, "id" | "created_by">) {
  return networksOfUsers(services.db, await authorIdsOf(services, row));
}

export async function auditRecommendation(services: Services, actorId: string, action: AuditAction, id: string, details: Record<string, unknown> = {}) {
  await recordAudit(services.db, { actorId, action, targetType: "recommendation", targetId: id, details });
}

/** What happened, as the notification says it (keys under recommendations:notices). */
export type RecommendationNotice = "consultation" | "endorsed" | "backToConsultation" | "submitted" | "answered";

interface Recipient {
  id: string;
  name: string;
  locale: Locale;
}

/**
 * Who hears about a transition: the members of the authors' networks, plus the coordinators
 * of every open network when the consultation opens (they endorse), plus the advisory
 * board's observers on submission (they answer).
 */
async function recipientsOf(services: Services, row: Recommendation, notice: RecommendationNotice): Promise<Recipient[]> {
  const networks = await authorsNetworksOf(services, row);
  const people = new Map<string, Recipient>();
  const add = (list: Recipient[]) => list.forEach((p) => people.set(p.id, p));
  add(await membersOfNetworks(services.db, networks.map((n) => n.id)));
  if (notice === "consultation") add(await coordinatorsOfOpenNetworks(services.db));
  if (notice === "submitted") add(await peopleWithPlatformRole(services.db, "observer"));
  return [...people.values()];
}

/** Notifies everyone the transition concerns, each in their own language; never the actor. */
export async function announceRecommendation(
  services: Services,
  row: Recommendation,
  actorId: string,
  notice: RecommendationNotice,
  vars: Record<string, string | number> = {},
): Promise<void> {
  const [actor] = await usersByIds(services.db, [actorId]);
  const recipients = await recipientsOf(services, row, notice);
  await notify(
    services,
    recipients.map((recipient) => {
      const t = fixedT(recipient.locale);
      const verdict = typeof vars.verdict === "string" ? t(`recommendations:verdicts.${vars.verdict}`) : "";
      return {
        recipientId: recipient.id,
        kind: "recommendation" as const,
        actorId,
        networkId: null,
        docName: recommendationDocName(row.id),
        title: row.title,
        excerpt: t(`recommendations:notices.${notice}`, { ...vars, verdict, actor: actor?.name ?? "ConnActions" }),
        link: recommendationPath(row.id),
      };
    }),
  );
}

/** The date of submission in a version's name, in the namer's language. */
export function submittedVersionName(locale: Locale, at: string): string {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: DISPLAY_TIME_ZONE }).format(new Date(at));
  return fixedT(locale)("recommendations:versionName", { date });
}
