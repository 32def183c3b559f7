/**
 * Five projects, one runner:
 *   unit      *.test.ts next to the code, no database
 *   sqlite    *.integration.test.ts against a real SQLite file per test file
 *   postgres  the same files against a real PostgreSQL database per test file
 *   cluster   *.cluster.test.ts: several real server processes on one PostgreSQL database,
 *             a Redis server of the test's own and (for the fault test) nginx
 *   e2e       e2e/*.e2e.test.ts: real Chromium against the real server (run with
 *             --no-file-parallelism by scripts/test.mjs: two cores, Chromium is heavy)
 * scripts/test.mjs decides which can run here and says loudly what it skipped.
 * The Remix Vite plugin is deliberately absent: tests use the production build.
 */
import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

const integration = ["{app,server,db,shared}/**/*.integration.test.ts"];
const cluster = ["server/**/*.cluster.test.ts"];

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    onConsoleLog: () => !process.env.QUIET_TEST_LOGS,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["{app,server,db,shared,scripts}/**/*.test.ts"],
          exclude: [...integration, ...cluster, "**/node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "sqlite",
          include: integration,
          env: { TEST_DATABASE: "sqlite" },
          globalSetup: ["server/testing/ensure-build.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "postgres",
          include: integration,
          env: { TEST_DATABASE: "postgres" },
          globalSetup: ["server/testing/ensure-build.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "cluster",
          include: cluster,
          env: { TEST_DATABASE: "postgres" },
          globalSetup: ["server/testing/ensure-build.ts"],
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["e2e/**/*.e2e.test.ts"],
          globalSetup: ["server/testing/ensure-build.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
