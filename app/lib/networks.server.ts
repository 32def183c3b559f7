/** A network's home page and its members. */
import type { Services } from "#server/services";
import { hasProjectEnded } from "#server/config";

export { networkBySlug } from "#server/domain/networks/lookup";
export { networkHome } from "#server/domain/networks/network-home";
export { changeMemberRole, removeMember } from "#server/domain/networks/members";
export { handOverCoordination } from "#server/domain/networks/hand-over";

/** The project's end date (PROJECT_END_DATE) and whether it has passed, for the notices on the dashboard and network pages. */
export function projectEnd(services: Services, now: Date = new Date()): { date: string; ended: boolean } {
  const date = services.config.projectEndDate;
  return { date, ended: hasProjectEnded(date, now) };
}
