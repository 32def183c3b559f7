import type { Config } from "../config";
import { DEFAULT_COLLAB_LIMITS } from "../collab/limits";

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: "127.0.0.1",
    dataDir: "/nonexistent",
    databaseUrl: undefined,
    redisUrl: undefined,
    publicUrl: "http://127.0.0.1",
    smtpUrl: undefined,
    mailFrom: "ConnActions Test <test@connactions.test>",
    sessionIdleMinutes: 60,
    sessionAbsoluteHours: 24,
    invitationValidHours: 72,
    passwordResetValidMinutes: 60,
    seedDemo: "never",
    trustProxy: false,
    mode: "production",
    logLevel: "warn",
    collabMaxSocketsPerUser: 20,
    collabMaxSocketsPerDocument: 300,
    autoVersionIdleMinutes: 10,
    eventNeedsRetentionDays: 30,
    // Tests type faster than people; the spam tests set their own.
    intakeMinFillSeconds: 0,
    collabLimits: DEFAULT_COLLAB_LIMITS,
    uploadMaxBytes: 2 * 1024 ** 3,
    libraryQuotaBytes: 20 * 1024 ** 3,
    libraryStorage: { driver: "disk" },
    translation: null,
    projectEndDate: "2026-07-31",
    ...overrides,
  };
}
