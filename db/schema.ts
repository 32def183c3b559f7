/**
 * Row types of every table. Timestamps are ISO-8601 strings in UTC on both dialects:
 * SQLite stores them as text, PostgreSQL as timestamptz and our pg type parser turns
 * them back into ISO strings (see db/connection.ts), so domain code never branches.
 */
import type { Generated, Insertable, Selectable, Updateable } from "kysely";
import type { NetworkRole, PlatformRole, Country, OrganisationType, Sector } from "#shared/roles";
import type { Locale } from "#shared/i18n/config";

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
}

export interface CommentMentionsTable {
  comment_id: string;
  user_id: string;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: "mention" | "reply" | "version";
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
}

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
export type Comment = Selectable<CommentsTable>;
export type Notification = Selectable<NotificationsTable>;
