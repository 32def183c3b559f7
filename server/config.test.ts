import { describe, expect, it } from "vitest";
import { ConfigError, hasProjectEnded, loadConfig } from "./config";

describe("configuration", () => {
  it("has working defaults: port 3000, ./data, SQLite, demo seed", () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.dataDir).toMatch(/data$/);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.publicUrl).toBe("http://localhost:3000");
    expect(config.seedDemo).toBe("auto");
    expect(config.autoVersionIdleMinutes).toBe(10);
  });

  it("reads the idle time before an automatic version and refuses nonsense", () => {
    expect(loadConfig({ AUTO_VERSION_IDLE_MINUTES: "30" }).autoVersionIdleMinutes).toBe(30);
    expect(() => loadConfig({ AUTO_VERSION_IDLE_MINUTES: "0" })).toThrow(/AUTO_VERSION_IDLE_MINUTES/);
  });

  it("names every bad variable in one error, without echoing passwords", () => {
    let error: unknown;
    try {
      loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://root:secret@db/x", SMTP_URL: "mail.example", SEED_DEMO: "maybe" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems.join("\n")).toMatch(/PORT/);
    expect(problems.join("\n")).toMatch(/DATABASE_URL/);
    expect(problems.join("\n")).toMatch(/SMTP_URL/);
    expect(problems.join("\n")).toMatch(/SEED_DEMO/);
    expect(problems.join("\n")).not.toContain("secret");
  });

  it("keeps library files on the disk unless LIBRARY_STORAGE=s3, and checks the bucket settings", () => {
    expect(loadConfig({}).libraryStorage).toEqual({ driver: "disk" });
    const s3 = loadConfig({ LIBRARY_STORAGE: "s3", S3_ENDPOINT: "http://127.0.0.1:9000", S3_BUCKET: "connactions-library", S3_ACCESS_KEY_ID: "key", S3_SECRET_ACCESS_KEY: "secret" });
    expect(s3.libraryStorage).toEqual({
      driver: "s3",
      endpoint: "http://127.0.0.1:9000",
      region: "us-east-1",
      bucket: "connactions-library",
      credentials: { accessKeyId: "key", secretAccessKey: "secret" },
      // Self-hosted services (an endpoint is set) address buckets by path unless told otherwise.
      forcePathStyle: true,
    });
    expect(loadConfig({ LIBRARY_STORAGE: "s3", S3_BUCKET: "on-aws", S3_REGION: "eu-central-1" }).libraryStorage).toMatchObject({ forcePathStyle: false, credentials: undefined, region: "eu-central-1" });
    let error: unknown;
    try {
      loadConfig({ LIBRARY_STORAGE: "s3", S3_ENDPOINT: "minio:9000", S3_BUCKET: "Bad_Bucket", S3_ACCESS_KEY_ID: "key", UPLOAD_MAX_BYTES: String(6 * 1024 ** 3) });
    } catch (e) {
      error = e;
    }
    const problems = (error as ConfigError).problems.join("\n");
    expect(problems).toMatch(/S3_ENDPOINT/);
    expect(problems).toMatch(/S3_BUCKET/);
    expect(problems).toMatch(/S3_SECRET_ACCESS_KEY/);
    expect(problems).toMatch(/UPLOAD_MAX_BYTES may be at most/);
    expect(() => loadConfig({ LIBRARY_STORAGE: "ftp" })).toThrow(/LIBRARY_STORAGE must be one of disk, s3/);
  });

  it("offers machine translation only when a provider is configured, and names a bad one with the other problems", () => {
    expect(loadConfig({}).translation).toBeNull();
    expect(loadConfig({ TRANSLATION_PROVIDER: "libretranslate", LIBRETRANSLATE_URL: "https://translate.example.org" }).translation).toMatchObject({ provider: "libretranslate", url: "https://translate.example.org" });
    expect(() => loadConfig({ TRANSLATION_PROVIDER: "google", PORT: "x" })).toThrow(/TRANSLATION_PROVIDER[\s\S]*PORT|PORT[\s\S]*TRANSLATION_PROVIDER/);
    expect(() => loadConfig({ TRANSLATION_PROVIDER: "deepl" })).toThrow(/DEEPL_AUTH_KEY/);
  });

  it("runs several instances only on a shared PostgreSQL database", () => {
    expect(loadConfig({ REDIS_URL: "redis://127.0.0.1:6379", DATABASE_URL: "postgres://u@127.0.0.1:5432/db" }).redisUrl).toBe("redis://127.0.0.1:6379");
    expect(loadConfig({}).redisUrl).toBeUndefined();
    expect(() => loadConfig({ REDIS_URL: "redis://127.0.0.1:6379" })).toThrow(/REDIS_URL.*DATABASE_URL/s);
    expect(() => loadConfig({ REDIS_URL: "http://x", DATABASE_URL: "postgres://u@h/db" })).toThrow(/REDIS_URL must be a redis:\/\//);
  });

  it("accepts a postgres DATABASE_URL and trims a trailing slash from PUBLIC_URL", () => {
    const config = loadConfig({ DATABASE_URL: "postgres://u@127.0.0.1:5432/db", PUBLIC_URL: "https://connactions.example/" });
    expect(config.databaseUrl).toBe("postgres://u@127.0.0.1:5432/db");
    expect(config.publicUrl).toBe("https://connactions.example");
  });

  it("reads the project's end date as YYYY-MM-DD, end of July 2026 by default, and refuses other dates", () => {
    expect(loadConfig({}).projectEndDate).toBe("2026-07-31");
    expect(loadConfig({ PROJECT_END_DATE: "" }).projectEndDate).toBe("2026-07-31");
    expect(loadConfig({ PROJECT_END_DATE: "2027-12-31" }).projectEndDate).toBe("2027-12-31");
    expect(loadConfig({ PROJECT_END_DATE: " 2028-02-29 " }).projectEndDate).toBe("2028-02-29");
    for (const bad of ["31.07.2026", "2026-7-31", "2026-02-30", "2027-02-29", "2026-13-01", "2026-07-31T00:00:00Z", "soon"]) {
      expect(() => loadConfig({ PROJECT_END_DATE: bad }), bad).toThrow(/PROJECT_END_DATE must be a day of the calendar as YYYY-MM-DD/);
    }
    // Reported together with the other problems.
    let error: unknown;
    try {
      loadConfig({ PROJECT_END_DATE: "july", PORT: "x" });
    } catch (e) {
      error = e;
    }
    expect((error as ConfigError).problems).toHaveLength(2);
    expect((error as ConfigError).problems.join("\n")).toContain('got "july"');
  });

  it("ends the project once its last day is over in Berlin and Rome, not at midnight UTC", () => {
    expect(hasProjectEnded("2026-07-31", new Date("2026-07-31T12:00:00Z"))).toBe(false);
    // 22:00 UTC on the 31st is already midnight of 1 August in Berlin (summer time, UTC+2).
    expect(hasProjectEnded("2026-07-31", new Date("2026-07-31T21:59:59Z"))).toBe(false);
    expect(hasProjectEnded("2026-07-31", new Date("2026-07-31T22:00:00Z"))).toBe(true);
    expect(hasProjectEnded("2026-07-31", new Date("2027-01-01T00:00:00Z"))).toBe(true);
    expect(hasProjectEnded("2026-07-31", new Date("2025-09-01T00:00:00Z"))).toBe(false);
  });
});
