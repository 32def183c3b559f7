/**
 * The one policy module. Every loader, action, socket.io handler and collab upgrade asks
 * `can()`; nothing else decides permissions. Rules are one-liners on purpose: when a rule
 * needs a paragraph, the model is wrong.
 *
 * Privacy rule: someone who may not view a network must not learn it exists, so callers
 * turn a failed `network.view` into 404 (see `denialStatus`).
 */
import type { NetworkRole, PlatformRole } from "./roles";

export interface Actor {
  userId: string;
  platformRoles: ReadonlySet<PlatformRole>;
  /** networkId -> role in that network */
  memberships: ReadonlyMap<string, NetworkRole>;
  /**
   * Networks an admin has archived (all of them, not only the actor's). An archived network
   * is a record: whoever could read it still can, nobody changes it (docs/decisions/0011).
   */
  archivedNetworks: ReadonlySet<string>;
}

export type Action =
  | { type: "platform.admin" }
  | { type: "dashboard.view" }
  | { type: "account.manage" }
  | { type: "organisation.view" }
  | { type: "organisation.manage" }
  | { type: "network.view"; networkId: string }
  /** write content inside a network (documents, events: later issues) */
  | { type: "network.contribute"; networkId: string }
  | { type: "network.manageMembers"; networkId: string }
  | { type: "network.invite"; networkId: string; role: NetworkRole }
  | { type: "network.manage" }
  /** create, rename and archive work programmes (editing their content is network.contribute) */
  | { type: "workProgramme.manage"; networkId: string }
  | { type: "invite.platformRole"; role: PlatformRole }
  | { type: "networkOfNetworks.view" }
  | { type: "networkOfNetworks.moderate" };

const has = (actor: Actor, role: PlatformRole) => actor.platformRoles.has(role);
const roleIn = (actor: Actor, networkId: string) => actor.memberships.get(networkId);
const isCoordinator = (actor: Actor, networkId: string) => roleIn(actor, networkId) === "coordinator";
const isOpen = (actor: Actor, networkId: string) => !actor.archivedNetworks.has(networkId);

export function can(actor: Actor | null, action: Action): boolean {
  if (!actor) return false;
  switch (action.type) {
    case "platform.admin":
    case "organisation.manage":
    case "network.manage":
    case "invite.platformRole":
      return has(actor, "admin");
    case "dashboard.view":
    case "account.manage":
    case "organisation.view":
      return true;
    case "network.view":
      // Observers read across networks; admins run the platform and must see what they manage.
      return roleIn(actor, action.networkId) !== undefined || has(actor, "observer") || has(actor, "admin");
    case "network.contribute":
      // Observers write nothing inside networks, and admins contribute only where they are members.
      return roleIn(actor, action.networkId) !== undefined && isOpen(actor, action.networkId);
    case "network.manageMembers":
    case "network.invite":
      return (isCoordinator(actor, action.networkId) || has(actor, "admin")) && isOpen(actor, action.networkId);
    case "workProgramme.manage":
      return isCoordinator(actor, action.networkId) && isOpen(actor, action.networkId);
    case "networkOfNetworks.view":
      return actor.memberships.size > 0 || has(actor, "moderator") || has(actor, "observer") || has(actor, "admin");
    case "networkOfNetworks.moderate":
      return has(actor, "moderator") || has(actor, "admin");
  }
}

/**
 * The HTTP status (and socket refusal) for a denied action. Anything scoped to a network
 * the actor cannot see answers 404 so the network's existence does not leak.
 */
export function denialStatus(actor: Actor | null, action: Action): 401 | 403 | 404 {
  if (!actor) return 401;
  if ("networkId" in action && !can(actor, { type: "network.view", networkId: action.networkId })) return 404;
  return 403;
}

export function networkRoleOf(actor: Actor | null, networkId: string): NetworkRole | undefined {
  return actor ? roleIn(actor, networkId) : undefined;
}
