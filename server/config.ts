/**
 * Configuration from environment variables, checked once at start. Each bad value gets
 * its own message naming the variable, so an operator fixes everything in one go.
 * README's configuration table mirrors this file.
 */
import path from "node:path";
import { isPostgresUrl } from "#db/connection";
import { DEFAULT_COLLAB_LIMITS, type CollabLimits } from "./collab/limits";
import { MAX_DOCUMENT_DEPTH } from "#shared/collab/limits";
import { DISPLAY_TIME_ZONE } from "#shared/i18n/config";
import { readTranslationSettings, TranslationConfigError, type TranslationSettings } from "./translations/provider-from-env";

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Several instances share rooms, events, limits and scheduled work through this Redis. */
  redisUrl: string | undefined;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  invitationValidHours: number;
  passwordResetValidMinutes: number;
  seedDemo: "auto" | "never";
  trustProxy: boolean;
  mode: "production" | "development";
  logLevel: "debug" | "info" | "warn" | "error";
  collabMaxSocketsPerUser: number;
  collabMaxSocketsPerDocument: number;
  /** A changed document left alone this long gets an automatic version. */
  autoVersionIdleMinutes: number;
  /** Days after an event ends before participants' needs (diet, accessibility, travel, room) are deleted. */
  eventNeedsRetentionDays: number;
  /** The public expression-of-interest form refuses a submission sent sooner than this after the form was shown (a bot's speed). */
  intakeMinFillSeconds: number;
  /** What one co-editing connection, person and document may cost (server/collab/limits.ts). */
  collabLimits: CollabLimits;
  /** The largest file one upload may carry. */
  uploadMaxBytes: number;
  /** What one library (a network's, or the commons') may hold, every version and the trash included. */
  libraryQuotaBytes: number;
  /** Where the library keeps file contents: the disk under DATA_DIR, or an S3-compatible bucket that several instances share. */
  libraryStorage: LibraryStorageConfig;
  /** Machine translation (TRANSLATION_PROVIDER and its settings), or null: translation by hand only. */
  translation: TranslationSettings | null;
  /**
   * The last day of the ConnActions project (YYYY-MM-DD). After it the networks carry on by
   * themselves; pages say so. Nothing becomes read-only at this date.
   */
  projectEndDate: string;
}

export type LibraryStorageConfig = { driver: "disk" } | ({ driver: "s3" } & S3Settings);

export interface S3Settings {
  /** Empty for AWS itself; the address of any other S3-compatible service (MinIO, Ceph, Garage, a cloud's object storage). */
  endpoint: string | undefined;
  region: string;
  bucket: string;
  /** Unset: the AWS SDK's usual sources (environment, profile, instance role). */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  /** Addresses objects as <endpoint>/<bucket>/<key>, which most self-hosted services need. */
  forcePathStyle: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}; got "${raw}".`);
      return fallback;
    }
    return value;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    if (!(allowed as readonly string[]).includes(raw)) {
      problems.push(`${name} must be one of ${allowed.join(", ")}; got "${raw}".`);
      return fallback;
    }
    return raw as T;
  };

  const port = int("PORT", 3000, 0, 65535);
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !isPostgresUrl(databaseUrl)) {
    problems.push(`DATABASE_URL must be a postgres:// or postgresql:// URL (leave it unset for embedded SQLite); got "${redact(databaseUrl)}".`);
  }
  const redisUrl = env.REDIS_URL || undefined;
  if (redisUrl && !/^rediss?:\/\/[^/]/.test(redisUrl)) problems.push(`REDIS_URL must be a redis:// or rediss:// URL; got "${redact(redisUrl)}".`);
  else if (redisUrl && !databaseUrl) {
    problems.push("REDIS_URL runs several instances, which need one shared database: set DATABASE_URL to PostgreSQL too (the embedded SQLite file belongs to one process).");
  }
  const publicUrl = env.PUBLIC_URL || `http://localhost:${port}`;
  if (!isHttpUrl(publicUrl)) problems.push(`PUBLIC_URL must be an http:// or https:// URL; got "${publicUrl}".`);
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) problems.push(`SMTP_URL must start with smtp:// or smtps://; got "${redact(smtpUrl)}".`);
  const mailFrom = env.MAIL_FROM || "ConnActions <no-reply@connactions.local>";
  if (!mailFrom.includes("@")) problems.push(`MAIL_FROM must contain an e-mail address; got "${mailFrom}".`);

  const GiB = 1024 ** 3;
  const config: Config = {
    port,
    host: env.HOST || "0.0.0.0",
    dataDir: path.resolve(env.DATA_DIR || "./data"),
    databaseUrl,
    redisUrl,
    publicUrl: publicUrl.replace(/\/+$/, ""),
    smtpUrl,
    mailFrom,
    sessionIdleMinutes: int("SESSION_IDLE_MINUTES", 8 * 60, 5, 60 * 24 * 30),
    sessionAbsoluteHours: int("SESSION_ABSOLUTE_HOURS", 14 * 24, 1, 24 * 365),
    invitationValidHours: int("INVITATION_VALID_HOURS", 7 * 24, 1, 24 * 90),
    passwordResetValidMinutes: int("PASSWORD_RESET_VALID_MINUTES", 60, 5, 60 * 24),
    seedDemo: oneOf("SEED_DEMO", ["auto", "never"] as const, "auto"),
    trustProxy: oneOf("TRUST_PROXY", ["true", "false"] as const, "false") === "true",
    mode: env.NODE_ENV === "development" ? "development" : "production",
    logLevel: oneOf("LOG_LEVEL", ["debug", "info", "warn", "error"] as const, "info"),
    collabMaxSocketsPerUser: int("COLLAB_MAX_SOCKETS_PER_USER", 20, 1, 10_000),
    collabMaxSocketsPerDocument: int("COLLAB_MAX_SOCKETS_PER_DOCUMENT", 300, 1, 100_000),
    autoVersionIdleMinutes: int("AUTO_VERSION_IDLE_MINUTES", 10, 1, 24 * 60),
    eventNeedsRetentionDays: int("EVENT_NEEDS_RETENTION_DAYS", 30, 0, 3650),
    intakeMinFillSeconds: int("INTAKE_MIN_FILL_SECONDS", 5, 0, 3600),
    collabLimits: {
      ...DEFAULT_COLLAB_LIMITS,
      messagesPerSecondPerConnection: int("COLLAB_MESSAGES_PER_SECOND_PER_CONNECTION", DEFAULT_COLLAB_LIMITS.messagesPerSecondPerConnection, 1, 1_000_000),
      messagesPerSecondPerPerson: int("COLLAB_MESSAGES_PER_SECOND_PER_PERSON", DEFAULT_COLLAB_LIMITS.messagesPerSecondPerPerson, 1, 1_000_000),
      bytesPerSecondPerConnection: int("COLLAB_BYTES_PER_SECOND_PER_CONNECTION", DEFAULT_COLLAB_LIMITS.bytesPerSecondPerConnection, 1024, 2 ** 31),
      bytesPerSecondPerPerson: int("COLLAB_BYTES_PER_SECOND_PER_PERSON", DEFAULT_COLLAB_LIMITS.bytesPerSecondPerPerson, 1024, 2 ** 31),
      maxPendingUpdates: int("COLLAB_MAX_PENDING_UPDATES", DEFAULT_COLLAB_LIMITS.maxPendingUpdates, 0, 100_000),
      maxPendingBytes: int("COLLAB_MAX_PENDING_BYTES", DEFAULT_COLLAB_LIMITS.maxPendingBytes, 0, 2 ** 30),
      maxDocumentBytes: int("COLLAB_MAX_DOCUMENT_BYTES", DEFAULT_COLLAB_LIMITS.maxDocumentBytes, 64 * 1024, 2 ** 31),
      // At most the depth every walk over content is built for (derivation, exports, restore).
      maxDepth: int("COLLAB_MAX_DEPTH", DEFAULT_COLLAB_LIMITS.maxDepth, 8, MAX_DOCUMENT_DEPTH),
      compactAfterRows: int("COLLAB_COMPACT_AFTER_ROWS", DEFAULT_COLLAB_LIMITS.compactAfterRows, 10, 10_000_000),
      compactAfterBytes: int("COLLAB_COMPACT_AFTER_BYTES", DEFAULT_COLLAB_LIMITS.compactAfterBytes, 1024, 2 ** 31),
    },
    uploadMaxBytes: int("UPLOAD_MAX_BYTES", 2 * GiB, 1, 1024 * GiB),
    libraryQuotaBytes: int("LIBRARY_QUOTA_BYTES", 20 * GiB, 1, 1024 ** 5),
    libraryStorage: libraryStorageConfig(env, problems),
    translation: translationConfig(env, problems),
    projectEndDate: calendarDate("PROJECT_END_DATE", env, problems, DEFAULT_PROJECT_END_DATE),
  };
  if (config.libraryStorage.driver === "s3" && config.uploadMaxBytes > S3_COPY_LIMIT) {
    problems.push(`UPLOAD_MAX_BYTES may be at most ${S3_COPY_LIMIT} (5 GiB, the largest object S3 stores in one request) with LIBRARY_STORAGE=s3; got "${env.UPLOAD_MAX_BYTES}".`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

const S3_COPY_LIMIT = 5 * 1024 ** 3;

/** The project's funded period ends in July 2026 (see the domain notes). */
export const DEFAULT_PROJECT_END_DATE = "2026-07-31";

/** A day of the calendar as YYYY-MM-DD; impossible days (2026-02-30) are refused too. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function calendarDate(name: string, env: Env, problems: string[], fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = raw.trim();
  if (!isCalendarDate(value)) {
    problems.push(`${name} must be a day of the calendar as YYYY-MM-DD, e.g. ${fallback}; got "${raw}".`);
    return fallback;
  }
  return value;
}

/**
 * Whether the project has ended: the end date is the project's last day, so it ends once that
 * day is over where the project runs (Europe/Berlin = Europe/Rome), not at midnight UTC.
 */
export function hasProjectEnded(projectEndDate: string, now: Date = new Date()): boolean {
  return todayWhereTheProjectRuns(now) > projectEndDate;
}

/** Today's date as YYYY-MM-DD in the project's time zone. */
export function todayWhereTheProjectRuns(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat("en", { timeZone: DISPLAY_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** TRANSLATION_PROVIDER and its settings; their problems are reported with all the others. */
function translationConfig(env: Env, problems: string[]): TranslationSettings | null {
  try {
    return readTranslationSettings(env);
  } catch (error) {
    if (!(error instanceof TranslationConfigError)) throw error;
    problems.push(...error.problems);
    return null;
  }
}

function libraryStorageConfig(env: Env, problems: string[]): LibraryStorageConfig {
  const driver = env.LIBRARY_STORAGE || "disk";
  if (driver === "disk") return { driver };
  if (driver !== "s3") {
    problems.push(`LIBRARY_STORAGE must be one of disk, s3; got "${driver}".`);
    return { driver: "disk" };
  }
  const endpoint = env.S3_ENDPOINT || undefined;
  if (endpoint && !isHttpUrl(endpoint)) problems.push(`S3_ENDPOINT must be an http:// or https:// URL; got "${redact(endpoint)}".`);
  const bucket = env.S3_BUCKET || "";
  // S3's bucket naming rules: 3–63 characters, lowercase letters, digits, dots and hyphens.
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) problems.push(`S3_BUCKET must name a bucket (3 to 63 lowercase letters, digits, dots or hyphens) with LIBRARY_STORAGE=s3; got "${bucket}".`);
  const accessKeyId = env.S3_ACCESS_KEY_ID || "";
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY || "";
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) problems.push("S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither to use the AWS SDK's usual sources.");
  const pathStyle = env.S3_FORCE_PATH_STYLE || (endpoint ? "true" : "false");
  if (pathStyle !== "true" && pathStyle !== "false") problems.push(`S3_FORCE_PATH_STYLE must be one of true, false; got "${pathStyle}".`);
  return {
    driver: "s3",
    endpoint,
    region: env.S3_REGION || "us-east-1",
    bucket,
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    forcePathStyle: pathStyle === "true",
  };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** Never echo passwords from connection URLs into logs. */
function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}
