/**
 * The one policy module. Every loader, action, socket.io handler and collab upgrade asks
 * `can()`; nothing else decides permissions. Rules are one-liners on purpose: when a rule
 * needs a paragraph, the model is wrong.
 *
 * Privacy rule: someone who may not view a network must not learn it exists, so callers
 * turn a failed `network.view` into 404 (see `denialStatus`).
 */
import type { NetworkRole, PlatformRole } from "./roles";
import type { EventStatus } from "./events/event-vocabulary";

/**
 * Who a document belongs to: one network's private workspace, the commons (the network of
 * networks), or a bilateral partnership writing its joint application (`networkId`: the
 * network it became, whose members keep reading it as their founding document).
 */
export type DocumentOwner = WorkspaceOwner | { kind: "partnership"; partnershipId: string; networkId: string | null };

/** Where libraries and events live: a network's workspace or the commons. */
export type WorkspaceOwner = { kind: "network"; networkId: string } | { kind: "commons" };

/**
 * open: people change it; archived: kept as a record, read-only; frozen: handed on (a
 * recommendation submitted to the advisory board), read-only and answered as it stands.
 */
export const DOCUMENT_STATES = ["open", "archived", "frozen"] as const;
export type DocumentState = (typeof DOCUMENT_STATES)[number];

/** What the policy needs to know about a document: whose it is and what state it is in. */
export interface DocumentSubject {
  owner: DocumentOwner;
  state: DocumentState;
}

/** The workflow of a recommendation for the advisory board (draft → … → answered). */
export const RECOMMENDATION_STAGES = ["draft", "consultation", "endorsed", "submitted", "answered"] as const;
export type RecommendationStage = (typeof RECOMMENDATION_STAGES)[number];

/** What the policy needs to know about an event: whose it is, its status, who created it. */
export interface EventSubject {
  owner: WorkspaceOwner;
  status: EventStatus;
  createdBy: string | null;
}

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
  /** Partnerships whose joint application the person co-writes (absent: none). */
  partnerships?: ReadonlySet<string>;
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
  | { type: "networkOfNetworks.moderate" }
  /** co-edited documents of any type, in a network or in the commons */
  | { type: "document.read"; doc: DocumentSubject }
  | { type: "document.edit"; doc: DocumentSubject }
  | { type: "document.comment"; doc: DocumentSubject }
  | { type: "document.restore"; doc: DocumentSubject }
  /** rename, archive, name versions */
  | { type: "document.manage"; doc: DocumentSubject }
  /** post a finding on behalf of a network, start a recommendation, propose good practice */
  | { type: "commons.contribute"; networkId?: string }
  /** change a finding: its author, while still a member of the (open) network it speaks for */
  | { type: "finding.edit"; authorId: string | null; networkId: string }
  /** read a good-practice entry: published ones everyone in the commons, proposals their proposer and moderators */
  | { type: "goodPractice.view"; status: "proposed" | "published"; proposedBy: string | null }
  /** comment on a finding: its discussion is open or closed by a moderator */
  | { type: "finding.discuss"; closed: boolean }
  /** endorse (or withdraw an endorsement) on behalf of a network, while in consultation */
  | { type: "recommendation.endorse"; networkId: string; stage: RecommendationStage }
  /** a personal support, shown apart from the networks' endorsements */
  | { type: "recommendation.support"; stage: RecommendationStage }
  /** the advisory board's answer to a submitted recommendation */
  | { type: "recommendation.answer"; stage: RecommendationStage }
  /** a library (a network's or the commons'): list, preview, download, search */
  | { type: "library.read"; owner: WorkspaceOwner }
  /** add files and new versions, edit a file's metadata */
  | { type: "library.upload"; owner: WorkspaceOwner }
  /** folders, rename, move, delete to the trash and restore from it */
  | { type: "library.organise"; owner: WorkspaceOwner }
  /** empty the trash: the only way bytes are removed before the 30 days pass */
  | { type: "library.emptyTrash"; owner: WorkspaceOwner }
  /** share a file of the network's library into the commons library, or withdraw the share */
  | { type: "library.share"; networkId: string }
  /** see an event: drafts only its organisers */
  | { type: "event.view"; event: EventSubject }
  /** plan a new event in a network or in the commons */
  | { type: "event.create"; owner: WorkspaceOwner }
  /** change the event, its agenda, interpreting and costs; see registrations with their needs */
  | { type: "event.organise"; event: EventSubject }
  /** register oneself (capacity and deadline are the domain's checks) */
  | { type: "event.register"; event: EventSubject }
  /** a coordinator registers colleagues of their network */
  | { type: "event.registerColleagues"; event: EventSubject; networkId: string }
  /** The VET glossary is one termbase for the whole platform: everyone in it reads, network members propose, moderators accept. */
  | { type: "glossary.view" }
  | { type: "glossary.propose" }
  | { type: "glossary.accept" }
  /** Expressions of interest: the project team works the queue; the advisory board reads it. Nobody else sees a submission. */
  | { type: "intake.view" }
  | { type: "intake.manage" }
  /** The advisory board's overview across all networks (and its PDF): the board and the project team. */
  | { type: "board.overview" }
  /** The applications before the board and their ranking: the board and the project team. */
  | { type: "board.selection" }
  /** Score an application against the rubric: board members, each on their own. */
  | { type: "application.score" }
  /** A coordinator passes coordination to another member (networks carry on after the project ends). */
  | { type: "network.handOverCoordination"; networkId: string };

const has = (actor: Actor, role: PlatformRole) => actor.platformRoles.has(role);
const roleIn = (actor: Actor, networkId: string) => actor.memberships.get(networkId);
const isCoordinator = (actor: Actor, networkId: string) => roleIn(actor, networkId) === "coordinator";
const isOpen = (actor: Actor, networkId: string) => !actor.archivedNetworks.has(networkId);
/** A member of at least one network that is not archived: who writes in the commons. */
const inSomeOpenNetwork = (actor: Actor) => [...actor.memberships.keys()].some((id) => isOpen(actor, id));
const seesCommons = (actor: Actor) =>
  actor.memberships.size > 0 || has(actor, "moderator") || has(actor, "observer") || has(actor, "admin") || has(actor, "project_team");
const moderates = (actor: Actor) => has(actor, "moderator") || has(actor, "admin");
const beforeSubmission = (stage: RecommendationStage) => stage === "draft" || stage === "consultation" || stage === "endorsed";

/** Organisers: coordinators of the owning network (commons: moderators), and whoever created the event while they may still create. */
function organisesEvent(actor: Actor, event: EventSubject): boolean {
  const createdIt = event.createdBy === actor.userId && can(actor, { type: "event.create", owner: event.owner });
  if (event.owner.kind === "commons") return moderates(actor) || createdIt;
  return (isCoordinator(actor, event.owner.networkId) && isOpen(actor, event.owner.networkId)) || createdIt;
}

const readsOwner = (actor: Actor, owner: WorkspaceOwner) => (owner.kind === "network" ? can(actor, { type: "network.view", networkId: owner.networkId }) : seesCommons(actor));

const inPartnership = (actor: Actor, partnershipId: string) => actor.partnerships?.has(partnershipId) === true;

/**
 * A joint application: its partners and the project team always; the advisory board once it
 * is submitted (frozen); the network it became, for good.
 */
function readsApplication(actor: Actor, owner: { partnershipId: string; networkId: string | null }, state: DocumentState): boolean {
  if (inPartnership(actor, owner.partnershipId) || has(actor, "project_team")) return true;
  if (state === "frozen" && has(actor, "observer")) return true;
  return owner.networkId !== null && can(actor, { type: "network.view", networkId: owner.networkId });
}

function readsDocument(actor: Actor, doc: DocumentSubject): boolean {
  if (doc.owner.kind === "partnership") return readsApplication(actor, doc.owner, doc.state);
  return doc.owner.kind === "network" ? can(actor, { type: "network.view", networkId: doc.owner.networkId }) : seesCommons(actor);
}

/** Changing the text: only open documents, by members of the owning network (commons: of any open network; an application: its partners). */
function editsDocument(actor: Actor, doc: DocumentSubject): boolean {
  if (doc.state !== "open") return false;
  if (doc.owner.kind === "partnership") return inPartnership(actor, doc.owner.partnershipId);
  return doc.owner.kind === "network" ? can(actor, { type: "network.contribute", networkId: doc.owner.networkId }) : inSomeOpenNetwork(actor);
}

export function can(actor: Actor | null, action: Action): boolean {
  if (!actor) return false;
  switch (action.type) {
    case "platform.admin":
    case "organisation.manage":
    case "network.manage":
      return has(actor, "admin");
    case "invite.platformRole":
      // The project team hands its functions to a successor organisation's accounts itself.
      return has(actor, "admin") || (action.role === "project_team" && has(actor, "project_team"));
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
      return seesCommons(actor);
    case "networkOfNetworks.moderate":
      return moderates(actor);
    case "document.read":
      return readsDocument(actor, action.doc);
    case "document.comment":
      // Everyone who reads may comment, in every state: observers give feedback this way, and
      // an archived or submitted text still gets remarks on the version that stands.
      return readsDocument(actor, action.doc);
    case "document.edit":
    case "document.restore":
      return editsDocument(actor, action.doc);
    case "document.manage":
      if (action.doc.owner.kind === "partnership") return has(actor, "project_team");
      return action.doc.owner.kind === "network"
        ? can(actor, { type: "workProgramme.manage", networkId: action.doc.owner.networkId })
        : moderates(actor);
    case "commons.contribute":
      return action.networkId === undefined
        ? inSomeOpenNetwork(actor)
        : roleIn(actor, action.networkId) !== undefined && isOpen(actor, action.networkId);
    case "finding.edit":
      return action.authorId === actor.userId && roleIn(actor, action.networkId) !== undefined && isOpen(actor, action.networkId);
    case "goodPractice.view":
      return seesCommons(actor) && (action.status === "published" || moderates(actor) || (action.proposedBy !== null && action.proposedBy === actor.userId));
    case "finding.discuss":
      return seesCommons(actor) && !action.closed;
    case "recommendation.endorse":
      return isCoordinator(actor, action.networkId) && isOpen(actor, action.networkId) && (action.stage === "consultation" || action.stage === "endorsed");
    case "recommendation.support":
      return inSomeOpenNetwork(actor) && beforeSubmission(action.stage);
    case "recommendation.answer":
      return has(actor, "observer") && action.stage === "submitted";
    case "library.read":
      return action.owner.kind === "network" ? can(actor, { type: "network.view", networkId: action.owner.networkId }) : seesCommons(actor);
    case "library.upload":
      return action.owner.kind === "network" ? can(actor, { type: "network.contribute", networkId: action.owner.networkId }) : inSomeOpenNetwork(actor);
    case "library.organise":
      // The commons library is written by every network and curated by its moderators.
      return action.owner.kind === "network" ? can(actor, { type: "network.contribute", networkId: action.owner.networkId }) : moderates(actor);
    case "library.emptyTrash":
      return action.owner.kind === "network" ? isCoordinator(actor, action.owner.networkId) && isOpen(actor, action.owner.networkId) : moderates(actor);
    case "library.share":
      // Whoever writes in the network's library speaks for it there; moderators curate the
      // commons through library.organise (they may take a shared file out of the commons).
      return can(actor, { type: "network.contribute", networkId: action.networkId });
    case "event.view":
      return readsOwner(actor, action.event.owner) && (action.event.status !== "draft" || organisesEvent(actor, action.event));
    case "event.create":
      return action.owner.kind === "network" ? can(actor, { type: "network.contribute", networkId: action.owner.networkId }) : inSomeOpenNetwork(actor) || moderates(actor);
    case "event.organise":
      return readsOwner(actor, action.event.owner) && organisesEvent(actor, action.event);
    case "event.register":
      // Network events are for the network's members; cross-network events for everyone in the commons (the board too).
      if (action.event.status !== "published") return false;
      return action.event.owner.kind === "network" ? can(actor, { type: "network.contribute", networkId: action.event.owner.networkId }) : seesCommons(actor);
    case "event.registerColleagues":
      return (
        action.event.status === "published" &&
        isCoordinator(actor, action.networkId) &&
        isOpen(actor, action.networkId) &&
        (action.event.owner.kind === "commons" || action.event.owner.networkId === action.networkId)
      );
    case "glossary.view":
      return seesCommons(actor);
    case "glossary.propose":
      return inSomeOpenNetwork(actor) || moderates(actor);
    case "glossary.accept":
      return moderates(actor);
    case "intake.view":
      return has(actor, "project_team") || has(actor, "observer");
    case "intake.manage":
      return has(actor, "project_team");
    case "board.overview":
    case "board.selection":
      return has(actor, "observer") || has(actor, "project_team");
    case "application.score":
      return has(actor, "observer");
    case "network.handOverCoordination":
      return isCoordinator(actor, action.networkId) && isOpen(actor, action.networkId);
  }
}

/**
 * The HTTP status (and socket refusal) for a denied action. Anything scoped to a network
 * the actor cannot see answers 404 so the network's existence does not leak.
 */
export function denialStatus(actor: Actor | null, action: Action): 401 | 403 | 404 {
  if (!actor) return 401;
  if ("networkId" in action && action.networkId !== undefined && !can(actor, { type: "network.view", networkId: action.networkId })) return 404;
  if ("doc" in action && !readsDocument(actor, action.doc)) return 404;
  if ("owner" in action && !readsOwner(actor, action.owner)) return 404;
  if ("event" in action && !can(actor, { type: "event.view", event: action.event })) return 404;
  return 403;
}

export function networkRoleOf(actor: Actor | null, networkId: string): NetworkRole | undefined {
  return actor ? roleIn(actor, networkId) : undefined;
}
