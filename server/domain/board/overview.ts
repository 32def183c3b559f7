/**
 * The advisory board's overview across all model networks, for the board (platform role
 * "observer") and the project team: per network the work programmes' activities by status
 * and milestones due or overdue, events held and upcoming with participants per country,
 * findings, recommendations endorsed and the library's size; totals; and a read-only
 * drill-down into one network. Routes authorise with `board.overview` before calling here;
 * links into a network's own pages are only offered to readers who may view that network
 * (the project team may not, docs: shared/policy.ts).
 *
 * Definitions the page and the PDF state in words:
 * - activities and milestones: of work programmes that are not archived;
 * - a milestone is overdue when it is not reached and its day has passed, due when it is not
 *   reached and falls within the next DUE_WITHIN_DAYS days (today included), days in
 *   Europe/Berlin (= Rome);
 * - an event was held when its organisers marked it held or it is over (published events
 *   that ended and were not marked yet); it is upcoming while published and not over;
 *   drafts and cancelled events do not count;
 * - participants: people holding a place (not the waiting list, not cancelled), except those
 *   marked absent, by the country of their organisation ("unknown" without one);
 * - library: files not in the trash (nor in a trashed folder) and the bytes of their current
 *   versions.
 */
import type { Services } from "#server/services";
import { can, RECOMMENDATION_STAGES, type Actor, type RecommendationStage } from "#shared/policy";
import { COUNTRIES } from "#shared/roles";
import { ACTIVITY_STATUSES, type ActivityStatus } from "#shared/collab/work-programme-doc";
import type { EventFormat, EventStatus } from "#shared/events/event-vocabulary";
import {
  activitiesOf,
  activityCounts,
  boardEvents,
  endorsedRecommendationCount,
  endorsementCounts,
  endorsementsOf,
  findBoardNetwork,
  findingCounts,
  findingsOf,
  libraryFileCounts,
  libraryFolders,
  listBoardNetworks,
  milestoneCounts,
  milestonesOf,
  organisationNames,
  participantsByCountry,
  recommendationStageCounts,
  workProgrammesOf,
} from "#db/queries/board-overview";
import { LibraryTree } from "../library/library-tree";
import { displayDay } from "../exports/file-name";

export const DUE_WITHIN_DAYS = 30;

export const PARTICIPANT_COUNTRIES = [...COUNTRIES, "unknown"] as const;
export type ParticipantCountry = (typeof PARTICIPANT_COUNTRIES)[number];
export type CountryCounts = Record<ParticipantCountry, number>;

export interface EventFigures {
  held: number;
  upcoming: number;
  /** Participants of held events, by country. */
  heldParticipants: CountryCounts;
  /** People registered for upcoming events, by country. */
  upcomingParticipants: CountryCounts;
}

export interface NetworkFigures {
  activities: Record<ActivityStatus, number>;
  activitiesTotal: number;
  milestones: { total: number; reached: number; due: number; overdue: number };
  events: EventFigures;
  findings: number;
  /** Recommendations the network endorsed (totals: endorsed by at least one network). */
  recommendationsEndorsed: number;
  library: { files: number; bytes: number };
}

export interface OverviewNetwork {
  id: string;
  slug: string;
  name: string;
  archivedAt: string | null;
  figures: NetworkFigures;
}

export interface BoardOverview {
  /** The moment the figures are from (ISO). */
  asOf: string;
  /** Today and the last day counted as "due", YYYY-MM-DD in Europe/Berlin. */
  today: string;
  horizon: string;
  dueWithinDays: number;
  networks: OverviewNetwork[];
  totals: NetworkFigures;
  /** The network of networks: its own events and the recommendations of the commons by stage. */
  commons: { events: EventFigures; recommendationsByStage: Record<RecommendationStage, number>; recommendations: number };
}

// ---------------------------------------------------------------- figures

const zeroCountries = (): CountryCounts => ({ DE: 0, IT: 0, unknown: 0 });
const zeroEvents = (): EventFigures => ({ held: 0, upcoming: 0, heldParticipants: zeroCountries(), upcomingParticipants: zeroCountries() });

function zeroFigures(): NetworkFigures {
  return {
    activities: Object.fromEntries(ACTIVITY_STATUSES.map((s) => [s, 0])) as Record<ActivityStatus, number>,
    activitiesTotal: 0,
    milestones: { total: 0, reached: 0, due: 0, overdue: 0 },
    events: zeroEvents(),
    findings: 0,
    recommendationsEndorsed: 0,
    library: { files: 0, bytes: 0 },
  };
}

/** What the sanitiser makes of an unknown status (shared/collab/work-programme-doc.ts). */
const activityStatus = (value: string): ActivityStatus => ((ACTIVITY_STATUSES as readonly string[]).includes(value) ? (value as ActivityStatus) : "planned");
const participantCountry = (value: string | null): ParticipantCountry => ((COUNTRIES as readonly string[]).includes(value ?? "") ? (value as ParticipantCountry) : "unknown");

/** Today and today + DUE_WITHIN_DAYS as calendar days in Europe/Berlin. */
export function dueWindow(now: Date): { today: string; horizon: string } {
  const today = displayDay(now.toISOString());
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  const horizon = new Date(Date.UTC(y, m - 1, d + DUE_WITHIN_DAYS)).toISOString().slice(0, 10);
  return { today, horizon };
}

export type EventPhase = "held" | "upcoming";

export function eventPhase(event: { status: EventStatus; ends_at: string }, now: Date): EventPhase {
  return event.status === "held" || Date.parse(event.ends_at) < now.getTime() ? "held" : "upcoming";
}

function addCountries(into: CountryCounts, from: CountryCounts) {
  for (const c of PARTICIPANT_COUNTRIES) into[c] += from[c];
}

function addEvents(into: EventFigures, from: EventFigures) {
  into.held += from.held;
  into.upcoming += from.upcoming;
  addCountries(into.heldParticipants, from.heldParticipants);
  addCountries(into.upcomingParticipants, from.upcomingParticipants);
}

type EventRows = Awaited<ReturnType<typeof boardEvents>>;
type ParticipantRows = Awaited<ReturnType<typeof participantsByCountry>>;

/** Participants per event id, by country. */
function participantsPerEvent(rows: ParticipantRows): Map<string, CountryCounts> {
  const byEvent = new Map<string, CountryCounts>();
  for (const row of rows) {
    const counts = byEvent.get(row.eventId) ?? zeroCountries();
    counts[participantCountry(row.country)] += row.count;
    byEvent.set(row.eventId, counts);
  }
  return byEvent;
}

/** Event figures per owner (network id; "" for the commons). */
function eventFigures(events: EventRows, participants: ParticipantRows, now: Date): Map<string, EventFigures> {
  const perEvent = participantsPerEvent(participants);
  const byOwner = new Map<string, EventFigures>();
  for (const event of events) {
    const key = event.network_id ?? "";
    const figures = byOwner.get(key) ?? zeroEvents();
    const counts = perEvent.get(event.id) ?? zeroCountries();
    if (eventPhase(event, now) === "held") {
      figures.held += 1;
      addCountries(figures.heldParticipants, counts);
    } else {
      figures.upcoming += 1;
      addCountries(figures.upcomingParticipants, counts);
    }
    byOwner.set(key, figures);
  }
  return byOwner;
}

/** Files and bytes per network library, leaving out files inside trashed folders. */
function libraryFigures(files: Awaited<ReturnType<typeof libraryFileCounts>>, folders: Awaited<ReturnType<typeof libraryFolders>>): Map<string, { files: number; bytes: number }> {
  const foldersByNetwork = new Map<string, typeof folders>();
  for (const folder of folders) {
    const list = foldersByNetwork.get(folder.network_id ?? "") ?? [];
    list.push(folder);
    foldersByNetwork.set(folder.network_id ?? "", list);
  }
  const trees = new Map<string, LibraryTree>();
  const treeOf = (networkId: string) => {
    let tree = trees.get(networkId);
    if (!tree) {
      tree = new LibraryTree((foldersByNetwork.get(networkId) ?? []).map((f) => ({ id: f.id, parentId: f.parent_id, name: f.name, trashed: f.deleted_at !== null })));
      trees.set(networkId, tree);
    }
    return tree;
  };
  const out = new Map<string, { files: number; bytes: number }>();
  for (const row of files) {
    if (!treeOf(row.networkId).isLive(row.folderId)) continue;
    const figures = out.get(row.networkId) ?? { files: 0, bytes: 0 };
    figures.files += row.files;
    figures.bytes += row.bytes;
    out.set(row.networkId, figures);
  }
  return out;
}

function figuresFor(
  networkId: string,
  sources: {
    activities: Awaited<ReturnType<typeof activityCounts>>;
    milestones: Awaited<ReturnType<typeof milestoneCounts>>;
    events: Map<string, EventFigures>;
    findings: ReadonlyMap<string, number>;
    endorsements: ReadonlyMap<string, number>;
    library: Map<string, { files: number; bytes: number }>;
  },
): NetworkFigures {
  const figures = zeroFigures();
  for (const row of sources.activities) {
    if (row.networkId !== networkId) continue;
    figures.activities[activityStatus(row.status)] += row.count;
    figures.activitiesTotal += row.count;
  }
  const milestones = sources.milestones.find((m) => m.networkId === networkId);
  if (milestones) figures.milestones = { total: milestones.total, reached: milestones.reached, due: milestones.due, overdue: milestones.overdue };
  const events = sources.events.get(networkId);
  if (events) figures.events = events;
  figures.findings = sources.findings.get(networkId) ?? 0;
  figures.recommendationsEndorsed = sources.endorsements.get(networkId) ?? 0;
  figures.library = sources.library.get(networkId) ?? { files: 0, bytes: 0 };
  return figures;
}

// ---------------------------------------------------------------- the overview

/** Every network with its figures, the totals and the commons' figures: a fixed number of queries however many networks there are. */
export async function boardOverview(services: Services, now: Date = new Date()): Promise<BoardOverview> {
  const { db } = services;
  const window = dueWindow(now);
  const [networks, activities, milestones, events, participants, findings, endorsements, endorsedTotal, stages, files, folders] = await Promise.all([
    listBoardNetworks(db),
    activityCounts(db),
    milestoneCounts(db, window),
    boardEvents(db, null),
    participantsByCountry(db, null),
    findingCounts(db),
    endorsementCounts(db),
    endorsedRecommendationCount(db),
    recommendationStageCounts(db),
    libraryFileCounts(db),
    libraryFolders(db),
  ]);
  const sources = {
    activities,
    milestones,
    events: eventFigures(events, participants, now),
    findings: new Map(findings.map((f) => [f.networkId, f.count])),
    endorsements: new Map(endorsements.map((e) => [e.networkId, e.count])),
    library: libraryFigures(files, folders),
  };
  const rows: OverviewNetwork[] = networks.map((n) => ({ id: n.id, slug: n.slug, name: n.name, archivedAt: n.archived_at, figures: figuresFor(n.id, sources) }));

  const totals = zeroFigures();
  for (const { figures } of rows) {
    for (const s of ACTIVITY_STATUSES) totals.activities[s] += figures.activities[s];
    totals.activitiesTotal += figures.activitiesTotal;
    totals.milestones.total += figures.milestones.total;
    totals.milestones.reached += figures.milestones.reached;
    totals.milestones.due += figures.milestones.due;
    totals.milestones.overdue += figures.milestones.overdue;
    addEvents(totals.events, figures.events);
    totals.findings += figures.findings;
    totals.library.files += figures.library.files;
    totals.library.bytes += figures.library.bytes;
  }
  totals.recommendationsEndorsed = endorsedTotal;

  const recommendationsByStage = Object.fromEntries(RECOMMENDATION_STAGES.map((s) => [s, 0])) as Record<RecommendationStage, number>;
  for (const row of stages) if ((RECOMMENDATION_STAGES as readonly string[]).includes(row.stage)) recommendationsByStage[row.stage] += row.count;

  return {
    asOf: now.toISOString(),
    ...window,
    dueWithinDays: DUE_WITHIN_DAYS,
    networks: rows,
    totals,
    commons: {
      events: sources.events.get("") ?? zeroEvents(),
      recommendationsByStage,
      recommendations: RECOMMENDATION_STAGES.reduce((sum, s) => sum + recommendationsByStage[s], 0),
    },
  };
}

// ---------------------------------------------------------------- one network, in detail

export type MilestoneState = "reached" | "overdue" | "due" | "open";

export function milestoneState(milestone: { reached: boolean; due: string }, window: { today: string; horizon: string }): MilestoneState {
  if (milestone.reached) return "reached";
  if (!milestone.due) return "open";
  if (milestone.due < window.today) return "overdue";
  return milestone.due <= window.horizon ? "due" : "open";
}

export interface BoardNetworkDetail {
  asOf: string;
  today: string;
  horizon: string;
  dueWithinDays: number;
  network: {
    id: string;
    slug: string;
    name: string;
    archivedAt: string | null;
    /** The network's own pages, when the reader may view the network (observers yes, the project team no). */
    href: string | null;
  };
  figures: NetworkFigures;
  workProgrammes: Array<{ id: string; title: string; archived: boolean; activities: number; milestones: number; href: string | null }>;
  /** Responsible organisations by name; null for one no longer known. */
  activities: Array<{ id: string; title: string; workProgrammeTitle: string; responsible: Array<string | null>; start: string; end: string; status: ActivityStatus }>;
  milestones: Array<{ id: string; title: string; workProgrammeTitle: string; due: string; state: MilestoneState }>;
  events: Array<{ id: string; title: string; format: EventFormat; status: EventStatus; phase: EventPhase; startsAt: string; endsAt: string; city: string; participants: CountryCounts; href: string | null }>;
  findings: Array<{ id: string; title: string; createdAt: string; href: string | null }>;
  endorsements: Array<{ id: string; title: string; stage: RecommendationStage; endorsedAt: string; href: string | null }>;
  library: { files: number; bytes: number; href: string | null };
}

function responsibleIds(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

/** One network's figures and the lists behind them, read-only; null when no such network exists. */
export async function boardNetworkDetail(services: Services, actor: Actor, networkId: string, now: Date = new Date()): Promise<BoardNetworkDetail | null> {
  const { db } = services;
  const network = await findBoardNetwork(db, networkId);
  if (!network) return null;
  const window = dueWindow(now);
  const [activityCountRows, milestoneCountRows, programmes, activityRows, milestoneRows, events, participants, findings, endorsements, files, folders] = await Promise.all([
    activityCounts(db, network.id),
    milestoneCounts(db, window, network.id),
    workProgrammesOf(db, network.id),
    activitiesOf(db, network.id),
    milestonesOf(db, network.id),
    boardEvents(db, network.id),
    participantsByCountry(db, network.id),
    findingsOf(db, network.id),
    endorsementsOf(db, network.id),
    libraryFileCounts(db, network.id),
    libraryFolders(db, network.id),
  ]);
  const names = new Map((await organisationNames(db, [...new Set(activityRows.flatMap((a) => responsibleIds(a.responsible)))])).map((o) => [o.id, o.name]));

  const viewable = can(actor, { type: "network.view", networkId: network.id });
  const commons = can(actor, { type: "networkOfNetworks.view" });
  const base = `/networks/${encodeURIComponent(network.slug)}`;
  const library = libraryFigures(files, folders).get(network.id) ?? { files: 0, bytes: 0 };
  const figures = figuresFor(network.id, {
    activities: activityCountRows,
    milestones: milestoneCountRows,
    events: eventFigures(events, participants, now),
    findings: new Map([[network.id, findings.length]]),
    endorsements: new Map([[network.id, endorsements.length]]),
    library: new Map([[network.id, library]]),
  });
  const perEvent = participantsPerEvent(participants);

  return {
    asOf: now.toISOString(),
    ...window,
    dueWithinDays: DUE_WITHIN_DAYS,
    network: { id: network.id, slug: network.slug, name: network.name, archivedAt: network.archived_at, href: viewable ? base : null },
    figures,
    workProgrammes: programmes.map((p) => ({
      id: p.id,
      title: p.title,
      archived: p.archived_at !== null,
      activities: p.activities,
      milestones: p.milestones,
      href: viewable ? `${base}/work-programmes/${encodeURIComponent(p.id)}` : null,
    })),
    activities: activityRows.map((a) => ({
      id: a.id,
      title: a.title,
      workProgrammeTitle: a.work_programme_title,
      responsible: responsibleIds(a.responsible).map((id) => names.get(id) ?? null),
      start: a.start_month,
      end: a.end_month,
      status: activityStatus(a.status),
    })),
    milestones: milestoneRows.map((m) => ({
      id: m.id,
      title: m.title,
      workProgrammeTitle: m.work_programme_title,
      due: m.due_date,
      state: milestoneState({ reached: m.reached === 1, due: m.due_date }, window),
    })),
    // What comes next (soonest first), then what was held (latest first).
    events: [...events.filter((e) => eventPhase(e, now) === "upcoming"), ...events.filter((e) => eventPhase(e, now) === "held").reverse()].map((e) => ({
      id: e.id,
      title: e.title,
      format: e.format,
      status: e.status,
      phase: eventPhase(e, now),
      startsAt: e.starts_at,
      endsAt: e.ends_at,
      city: e.city,
      participants: perEvent.get(e.id) ?? zeroCountries(),
      href: viewable ? `${base}/events/${encodeURIComponent(e.id)}` : null,
    })),
    findings: findings.map((f) => ({ id: f.id, title: f.title, createdAt: f.created_at, href: commons ? `/network-of-networks/findings/${encodeURIComponent(f.id)}` : null })),
    endorsements: endorsements.map((e) => ({
      id: e.id,
      title: e.title,
      stage: e.stage,
      endorsedAt: e.endorsed_at,
      href: commons ? `/network-of-networks/recommendations/${encodeURIComponent(e.id)}` : null,
    })),
    library: { ...library, href: viewable ? `${base}/library` : null },
  };
}
