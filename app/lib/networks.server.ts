/** A network's home page and its members. */
export { networkBySlug } from "#server/domain/networks/lookup";
export { networkHome } from "#server/domain/networks/network-home";
export { changeMemberRole, removeMember } from "#server/domain/networks/members";
