/**
 * Row types of every table. Timestamps are ISO-8601 strings in UTC on both dialects:
 * SQLite stores them as text, PostgreSQL as timestamptz and our pg type parser turns
 * them back into ISO strings (see db/connection.ts), so domain code never branches.
 */
import type { Generated, Insertable, Selectable, Updateable } from "kysely";
import type { NetworkRole, PlatformRole, Country, OrganisationType, Sector } from "#shared/roles";
import type { Locale } from "#shared/i18n/config";
import type { NotificationKind } from "#shared/notifications";
import type { RecommendationStage } from "#shared/policy";
import type { ExperienceScale, InterestLogKind, InterestStatus } from "#shared/intake/vocabulary";
import type { CostKind, EventFormat, EventLanguage, EventStatus, EventTimeZone, RegistrationStatus } from "#shared/events/event-vocabulary";

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  locale: Locale;
  organisation_id: string | null;
  created_at: string;
  updated_at: string;
  disabled_at: string | null;
  /** Hours before an event to mail a reminder; null: none. Defaults to 24. */
  event_reminder_hours: Generated<number | null>;
}

export interface PlatformRolesTable {
  user_id: string;
  role: PlatformRole;
  created_at: string;
}

export interface OrganisationsTable {
  id: string;
  name: string;
  country: Country;
  city: string;
  region: string;
  type: OrganisationType;
  sector: Sector;
  website: string | null;
  description: string;
  created_at: string;
  updated_at: string;
}

export interface NetworksTable {
  id: string;
  slug: string;
  name: string;
  description: string;
  occupational_field: string;
  /** JSON array of theme keys or free text. */
  themes: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface NetworkOrganisationsTable {
  network_id: string;
  organisation_id: string;
  created_at: string;
}

export interface MembershipsTable {
  network_id: string;
  user_id: string;
  role: NetworkRole;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** sha256 of the cookie token: a leaked table does not yield usable cookies. */
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string;
  ip: string;
}

export interface InvitationsTable {
  id: string;
  token_hash: string;
  email: string;
  network_id: string | null;
  network_role: NetworkRole | null;
  platform_role: PlatformRole | null;
  /** An invitation into a partnership: to co-write its joint application. */
  partnership_id: string | null;
  locale: Locale;
  invited_by: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_user_id: string | null;
  revoked_at: string | null;
}

export interface PasswordResetsTable {
  id: string;
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface OutboxTable {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  kind: string;
  locale: Locale;
  created_at: string;
  sent_at: string | null;
  error: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  /** JSON object with action-specific details; never secrets. */
  details: string;
}

/** Attempts that count towards a limit: failed logins, password-reset requests. */
export interface ThrottleEventsTable {
  id: string;
  /** "<what>:<account|ip>:<value>", e.g. "login:account:<email>" or "reset:ip:<address>" */
  key: string;
  at: string;
}

export interface WorkProgrammesTable {
  id: string;
  network_id: string;
  title: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface CollabDocumentsTable {
  name: string;
  /** Compacted Yjs state (encodeStateAsUpdate); updates after it are in collab_updates. */
  state: Uint8Array;
  /** Plain text of the document, derived, for search, previews and exports. */
  text: string;
  /** ProseMirror JSON of the text and the structured parts, derived. */
  json: string;
  compacted_at: string;
  derived_at: string | null;
  /** Why the last derivation failed (null when it succeeded), shown to admins. */
  derive_error: string | null;
  derive_failed_at: string | null;
}

/** Which person a Yjs client id belongs to in a document: the first who used it. */
export interface CollabClientIdsTable {
  name: string;
  /** A Yjs client id (an unsigned integer below 2^53; PostgreSQL returns bigint as a string). */
  client_id: number | string;
  user_id: string;
  claimed_at: string;
}

export interface CollabUpdatesTable {
  id: Generated<number>;
  name: string;
  data: Uint8Array;
  created_at: string;
}

export interface WpActivitiesTable {
  work_programme_id: string;
  id: string;
  network_id: string;
  position: number;
  title: string;
  /** JSON array of organisation ids */
  responsible: string;
  start_month: string;
  end_month: string;
  status: string;
  note: string;
  updated_at: string;
}

export interface WpMilestonesTable {
  work_programme_id: string;
  id: string;
  network_id: string;
  position: number;
  title: string;
  due_date: string;
  /** 0 or 1 (portable boolean) */
  reached: number;
  updated_at: string;
}

export interface DocumentVersionsTable {
  id: string;
  doc_name: string;
  /** The owning network; null for documents of the commons (the network of networks). */
  network_id: string | null;
  kind: "auto" | "named" | "restore";
  name: string | null;
  created_by: string | null;
  created_at: string;
  /** The whole document at that moment (encodeStateAsUpdate). */
  state: Uint8Array;
  text: string;
  /** JSON array of user ids who changed the document since the previous version. */
  contributors: string;
  restored_from: string | null;
}

export interface CommentThreadsTable {
  id: string;
  doc_name: string;
  /** The owning network; null for documents of the commons (the network of networks). */
  network_id: string | null;
  anchor_start: string;
  anchor_end: string;
  quote: string;
  status: "open" | "resolved";
  created_by: string | null;
  created_at: string;
  updated_at: string;
  resolved_by: string | null;
  resolved_at: string | null;
}

export interface CommentsTable {
  id: string;
  thread_id: string;
  author_id: string | null;
  body: string;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
  /** Hidden by a moderator (findings' discussions): kept, readers see a placeholder with the reason. */
  hidden_at: string | null;
  hidden_by: string | null;
  hidden_reason: string | null;
}

export interface CommentMentionsTable {
  comment_id: string;
  user_id: string;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: NotificationKind;
  network_id: string | null;
  doc_name: string | null;
  thread_id: string | null;
  comment_id: string | null;
  version_id: string | null;
  actor_id: string | null;
  title: string;
  excerpt: string;
  link: string;
  created_at: string;
  read_at: string | null;
}

export interface NotificationPreferencesTable {
  user_id: string;
  kind: string;
  /** 0 or 1 */
  email: number;
}

/** An entry of the good-practice library of the network of networks. */
export interface GoodPracticesTable {
  id: string;
  title: string;
  summary: string;
  /** A key of OCCUPATIONAL_FIELDS, or "" */
  occupational_field: string;
  country: "DE" | "IT" | "both";
  partners: string;
  /** A theme-cluster key (shared/validation/good-practice-forms.ts), or "" */
  theme_cluster: string;
  link: string | null;
  status: "proposed" | "published";
  proposed_by: string | null;
  published_by: string | null;
  published_at: string | null;
  /** 1 for entries of the demo seed */
  demo: number;
  created_at: string;
  updated_at: string;
}

/** A finding posted in the commons on behalf of a network; discussed as doc `finding.<id>`. */
export interface FindingsTable {
  id: string;
  network_id: string;
  author_id: string | null;
  title: string;
  /** Simple rich text: paragraphs separated by blank lines, "- " bullet lines. */
  body: string;
  /** JSON arrays of taxonomy keys. */
  action_areas: string;
  occupational_fields: string;
  themes: string;
  country: "DE" | "IT" | "both";
  pinned_at: string | null;
  pinned_by: string | null;
  discussion_closed_at: string | null;
  discussion_closed_by: string | null;
  discussion_close_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface FindingEvidenceTable {
  finding_id: string;
  position: number;
  kind: "goodPractice" | "finding" | "web" | "libraryDocument";
  target_id: string | null;
  url: string | null;
  /** The link text of a web link. */
  label: string | null;
}

/** A recommendation for the advisory board; its text is the collab document `recommendation.<id>`. */
export interface RecommendationsTable {
  id: string;
  title: string;
  stage: RecommendationStage;
  /** How many networks must endorse before it counts as endorsed (1..5). */
  endorsement_threshold: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  consultation_at: string | null;
  endorsed_at: string | null;
  submitted_at: string | null;
  submitted_by: string | null;
  /** The named version frozen at submission. */
  submitted_version_id: string | null;
  answered_at: string | null;
}

export interface RecommendationCitationsTable {
  recommendation_id: string;
  position: number;
  kind: "finding" | "goodPractice" | "libraryDocument";
  target_id: string;
}

/** One per network and recommendation (primary key), given by a coordinator on the network's behalf. */
export interface RecommendationEndorsementsTable {
  recommendation_id: string;
  network_id: string;
  endorsed_by: string | null;
  statement: string | null;
  created_at: string;
}

/** A person's own support, shown apart from the networks' endorsements. */
export interface RecommendationSupportsTable {
  recommendation_id: string;
  user_id: string;
  created_at: string;
}

/** The advisory board's answer to a submitted recommendation (at most one). */
export interface RecommendationAnswersTable {
  recommendation_id: string;
  verdict: "accepted" | "partlyAccepted" | "noted" | "declined";
  body: string;
  answered_by: string | null;
  answered_at: string;
}

/** A stored blob of the library, by the SHA-256 of its bytes; its type is sniffed from the bytes. */
export interface LibraryBlobsTable {
  sha256: string;
  size: number;
  mime: string;
  kind: string;
  /** 1 when the bytes may be shown inline (raster images, PDF, plain text), from a sandboxed response. */
  inline_safe: number;
  created_at: string;
}

/** A folder of a network's library, or of the commons library (network_id null). */
export interface LibraryFoldersTable {
  id: string;
  network_id: string | null;
  parent_id: string | null;
  name: string;
  created_by: string | null;
  created_at: string;
  updated_by: string | null;
  updated_at: string;
  deleted_at: string | null;
  deleted_by: string | null;
}

export interface LibraryFilesTable {
  id: string;
  network_id: string | null;
  folder_id: string | null;
  name: string;
  title: string;
  description: string;
  language: string;
  /** JSON array of taxonomy keys (action areas, occupational fields, themes). */
  tags: string;
  keywords: string;
  current_version_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_by: string | null;
  updated_at: string;
  deleted_at: string | null;
  deleted_by: string | null;
  /** Set on a commons file that a network shared: the network's file, the network, and its version number shared now. */
  shared_from_file_id: string | null;
  shared_from_network_id: string | null;
  shared_version_number: number | null;
}

export interface LibraryFileVersionsTable {
  id: string;
  file_id: string;
  number: number;
  blob_sha256: string;
  size: number;
  original_name: string;
  note: string;
  restored_from: string | null;
  created_by: string | null;
  created_at: string;
}

/** An upload under way (tus); no file exists for it until it is complete. */
export interface LibraryUploadsTable {
  id: string;
  user_id: string;
  network_id: string | null;
  folder_id: string | null;
  file_id: string | null;
  name: string;
  note: string;
  size: number;
  created_at: string;
  result_file_id: string | null;
  finished_at: string | null;
}

export type BlobTextStatus = "pending" | "working" | "done" | "empty" | "unsupported" | "failed";

/** The text inside a blob, for search, and its extraction job (see migration 20261206_2000). */
export interface LibraryBlobTextsTable {
  id: Generated<number>;
  blob_sha256: string;
  status: BlobTextStatus;
  text: string | null;
  note: string;
  truncated: number;
  attempts: number;
  queued_at: string;
  claimed_at: string | null;
  finished_at: string | null;
}

/** An event of a network, or of the commons (network_id null): times in UTC, shown in time_zone. */
export interface EventsTable {
  id: string;
  network_id: string | null;
  title: string;
  description: string;
  format: EventFormat;
  status: EventStatus;
  time_zone: EventTimeZone;
  starts_at: string;
  ends_at: string;
  venue: string;
  address: string;
  city: string;
  country: string;
  online_url: string | null;
  /** JSON array of EventLanguage */
  working_languages: string;
  capacity: number | null;
  registration_deadline: string | null;
  /** iCalendar SEQUENCE, raised on every change of time, place or status. */
  sequence: number;
  needs_purged_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_by: string | null;
  updated_at: string;
}

export interface EventOrganisationsTable {
  event_id: string;
  organisation_id: string;
}

/** A session of an event's agenda, spoken in one language. */
export interface EventSessionsTable {
  id: string;
  event_id: string;
  title: string;
  starts_at: string;
  ends_at: string;
  room: string;
  language: EventLanguage;
  /** External guests, one per line. */
  guest_speakers: string;
  created_at: string;
  updated_at: string;
}

export interface EventSessionSpeakersTable {
  session_id: string;
  user_id: string;
}

/** One person's registration; the waiting list is the `waiting` rows by queued_at, id. */
export interface EventRegistrationsTable {
  id: string;
  event_id: string;
  user_id: string;
  status: RegistrationStatus;
  queued_at: string;
  preferred_language: EventLanguage;
  /** JSON array of EventLanguage */
  understands: string;
  accessibility_needs: string;
  dietary_needs: string;
  arrival: string | null;
  departure: string | null;
  needs_room: number | null;
  attended: number | null;
  registered_by: string | null;
  reminded_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface EventInterpretingBookingsTable {
  session_id: string;
  from_language: EventLanguage;
  to_language: EventLanguage;
  booked_by: string | null;
  booked_at: string;
}

export interface EventCostsTable {
  id: string;
  event_id: string;
  kind: CostKind;
  description: string;
  planned_cents: number;
  actual_cents: number | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A person's private calendar feed; only the token's SHA-256 is stored. */
export interface CalendarFeedsTable {
  user_id: string;
  token_hash: string;
  created_at: string;
}

/** An action item of an event's minutes that became an activity of a work programme. */
export interface MinutesActionActivitiesTable {
  event_id: string;
  action_id: string;
  work_programme_id: string;
  activity_id: string;
  created_by: string | null;
  created_at: string;
}

export interface DocumentLanguagesTable {
  doc_name: string;
  source_language: string;
  updated_at: string;
}

export interface LanguageVersionsTable {
  doc_name: string;
  language: string;
  created_by: string | null;
  created_at: string;
}

export interface GlossaryTermsTable {
  id: string;
  term_de: string;
  term_it: string;
  term_en: string;
  definition_de: string;
  definition_it: string;
  definition_en: string;
  note_de: string;
  note_it: string;
  note_en: string;
  status: "proposed" | "accepted";
  proposed_by: string | null;
  accepted_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PlatformSettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface InterestExpressionsTable {
  id: string;
  token_hash: string;
  status: InterestStatus;
  locale: Locale;
  group_name: string;
  contact_name: string;
  contact_email: string;
  contact_phone: string;
  occupational_field: string;
  field_description: string;
  /** JSON array of theme keys */
  themes: string;
  /** JSON array of action-area keys */
  action_areas: string;
  scale: ExperienceScale;
  apprentices: number | null;
  companies: number | null;
  joint_projects: string;
  motivation: string;
  project_idea: string;
  expected_value: string;
  offered_value: string;
  past_cooperation: string;
  funded_projects: string;
  /** 0 | 1: the group agrees to be introduced to possible partners */
  introductions_consent: number;
  consented_at: string;
  created_at: string;
  updated_at: string;
  status_changed_at: string;
}

export interface InterestMembersTable {
  id: string;
  expression_id: string;
  position: number;
  name: string;
  type: OrganisationType;
  sector: Sector;
  city: string;
  region: string;
  country: Country;
}

export interface InterestLogTable {
  id: string;
  expression_id: string;
  kind: InterestLogKind;
  author_id: string | null;
  body: string;
  status_from: InterestStatus | null;
  status_to: InterestStatus | null;
  created_at: string;
}

export interface InterestIntroductionsTable {
  expression_a: string;
  expression_b: string;
  created_by: string | null;
  created_at: string;
}

export type PartnershipStatus = "forming" | "submitted" | "selected" | "not_selected";

export interface PartnershipsTable {
  id: string;
  name: string;
  status: PartnershipStatus;
  network_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  decided_at: string | null;
  decided_by: string | null;
  decision_note: string;
}

export interface PartnershipGroupsTable {
  partnership_id: string;
  expression_id: string;
}

export interface PartnershipOrganisationsTable {
  partnership_id: string;
  organisation_id: string;
}

export interface PartnershipMembersTable {
  partnership_id: string;
  user_id: string;
  created_at: string;
}

export interface RubricCriteriaTable {
  id: string;
  label: string;
  description: string;
  weight: number;
  position: number;
  created_at: string;
}

export type BoardReviewStatus = "draft" | "submitted" | "conflict";

export interface BoardReviewsTable {
  partnership_id: string;
  user_id: string;
  status: BoardReviewStatus;
  comment: string;
  updated_at: string;
  submitted_at: string | null;
}

export interface BoardScoresTable {
  partnership_id: string;
  user_id: string;
  criterion_id: string;
  score: number;
}

/** An information event of the commons sent to a group on the "staying in touch" list: once per pair. */
export interface InterestEventInvitationsTable {
  event_id: string;
  expression_id: string;
  invited_by: string | null;
  invited_at: string;
}

export interface Database {
  users: UsersTable;
  platform_roles: PlatformRolesTable;
  organisations: OrganisationsTable;
  networks: NetworksTable;
  network_organisations: NetworkOrganisationsTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  invitations: InvitationsTable;
  password_resets: PasswordResetsTable;
  outbox: OutboxTable;
  audit_log: AuditLogTable;
  throttle_events: ThrottleEventsTable;
  work_programmes: WorkProgrammesTable;
  collab_documents: CollabDocumentsTable;
  collab_updates: CollabUpdatesTable;
  collab_client_ids: CollabClientIdsTable;
  wp_activities: WpActivitiesTable;
  wp_milestones: WpMilestonesTable;
  document_versions: DocumentVersionsTable;
  comment_threads: CommentThreadsTable;
  comments: CommentsTable;
  comment_mentions: CommentMentionsTable;
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  good_practices: GoodPracticesTable;
  findings: FindingsTable;
  finding_evidence: FindingEvidenceTable;
  recommendations: RecommendationsTable;
  recommendation_citations: RecommendationCitationsTable;
  recommendation_endorsements: RecommendationEndorsementsTable;
  recommendation_supports: RecommendationSupportsTable;
  recommendation_answers: RecommendationAnswersTable;
  library_blobs: LibraryBlobsTable;
  library_folders: LibraryFoldersTable;
  library_files: LibraryFilesTable;
  library_file_versions: LibraryFileVersionsTable;
  library_uploads: LibraryUploadsTable;
  library_blob_texts: LibraryBlobTextsTable;
  events: EventsTable;
  event_organisations: EventOrganisationsTable;
  event_sessions: EventSessionsTable;
  event_session_speakers: EventSessionSpeakersTable;
  event_registrations: EventRegistrationsTable;
  event_interpreting_bookings: EventInterpretingBookingsTable;
  event_costs: EventCostsTable;
  calendar_feeds: CalendarFeedsTable;
  minutes_action_activities: MinutesActionActivitiesTable;
  document_languages: DocumentLanguagesTable;
  language_versions: LanguageVersionsTable;
  glossary_terms: GlossaryTermsTable;
  platform_settings: PlatformSettingsTable;
  interest_expressions: InterestExpressionsTable;
  interest_members: InterestMembersTable;
  interest_log: InterestLogTable;
  interest_introductions: InterestIntroductionsTable;
  partnerships: PartnershipsTable;
  partnership_groups: PartnershipGroupsTable;
  partnership_organisations: PartnershipOrganisationsTable;
  partnership_members: PartnershipMembersTable;
  rubric_criteria: RubricCriteriaTable;
  board_reviews: BoardReviewsTable;
  board_scores: BoardScoresTable;
  interest_event_invitations: InterestEventInvitationsTable;
}

export type Partnership = Selectable<PartnershipsTable>;
export type RubricCriterion = Selectable<RubricCriteriaTable>;

export type InterestExpression = Selectable<InterestExpressionsTable>;
export type InterestMember = Selectable<InterestMembersTable>;
export type InterestLogEntry = Selectable<InterestLogTable>;

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Organisation = Selectable<OrganisationsTable>;
export type NewOrganisation = Insertable<OrganisationsTable>;
export type Network = Selectable<NetworksTable>;
export type NewNetwork = Insertable<NetworksTable>;
export type Membership = Selectable<MembershipsTable>;
export type Session = Selectable<SessionsTable>;
export type Invitation = Selectable<InvitationsTable>;
export type PasswordReset = Selectable<PasswordResetsTable>;
export type OutboxMail = Selectable<OutboxTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type WorkProgramme = Selectable<WorkProgrammesTable>;
export type CollabDocument = Selectable<CollabDocumentsTable>;
export type DocumentVersion = Selectable<DocumentVersionsTable>;
export type CommentThread = Selectable<CommentThreadsTable>;
/** Moderation columns are set by moderators only; new comments leave them out. */
type CommentModeration = "hidden_at" | "hidden_by" | "hidden_reason";
export type Comment = Omit<Selectable<CommentsTable>, CommentModeration> & Partial<Pick<Selectable<CommentsTable>, CommentModeration>>;
export type Notification = Selectable<NotificationsTable>;
export type GoodPractice = Selectable<GoodPracticesTable>;
export type Finding = Selectable<FindingsTable>;
export type FindingEvidence = Selectable<FindingEvidenceTable>;
export type Recommendation = Selectable<RecommendationsTable>;
export type RecommendationAnswer = Selectable<RecommendationAnswersTable>;
export type LibraryFolder = Selectable<LibraryFoldersTable>;
export type LibraryFile = Selectable<LibraryFilesTable>;
export type LibraryFileVersion = Selectable<LibraryFileVersionsTable>;
export type LibraryUpload = Selectable<LibraryUploadsTable>;
export type EventRow = Selectable<EventsTable>;
export type EventSession = Selectable<EventSessionsTable>;
export type EventRegistration = Selectable<EventRegistrationsTable>;
export type EventCost = Selectable<EventCostsTable>;
export type MinutesActionActivity = Selectable<MinutesActionActivitiesTable>;
