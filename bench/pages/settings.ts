/** What bench:pages measures, with which load, and what it must reach. */

// Set before anything reads it: bench/collab's build helper and scripts/build-freshness.mjs
// read BUILD_DIR when their module loads, and the default build/ is other people's.
export const BUILD_DIR = (process.env.BUILD_DIR ||= "build-bench");

export const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3) || 3);
/** Seconds per wrk run; the issue measured with `wrk -t1 -c16 -d10s`. */
export const SECONDS = Math.max(1, Number(process.env.BENCH_SECONDS ?? 10) || 10);
export const CONNECTIONS = Math.max(1, Number(process.env.BENCH_CONNECTIONS ?? 16) || 16);

/** The demo seed's coordinator of the Mechatronik network (db/seed/demo-data.ts). */
export const DEMO_EMAIL = "koordination.mechatronik@connactions.demo";
export const NETWORK_HOME = "/networks/mechatronik-bayern-emilia";

export interface Target {
  name: string;
  /** "hello" is the node:http reference; every other target is served by our build. */
  server: "hello" | "ours";
  path: string;
  loggedIn: boolean;
  /** The status every answer must have; a run with other answers is reported as broken. */
  status: number;
  /** Text the answer must contain, so a redirect or an error page never passes for the page. */
  mustContain?: string;
  /** Required share of hello's req/s (e.g. 1/25); null: reported only. */
  minShareOfHello: number | null;
}

const ALL_TARGETS: Target[] = [
  { name: "hello (node:http)", server: "hello", path: "/", loggedIn: false, status: 200, mustContain: "hello", minShareOfHello: null },
  { name: "/healthz", server: "ours", path: "/healthz", loggedIn: false, status: 200, minShareOfHello: 1 / 3 },
  { name: "/favicon.ico (missing)", server: "ours", path: "/favicon.ico", loggedIn: false, status: 404, minShareOfHello: null },
  { name: "static asset", server: "ours", path: "/favicon.svg", loggedIn: false, status: 200, mustContain: "<svg", minShareOfHello: null },
  { name: "login (anonymous)", server: "ours", path: "/login", loggedIn: false, status: 200, mustContain: 'type="password"', minShareOfHello: null },
  { name: "dashboard", server: "ours", path: "/dashboard", loggedIn: true, status: 200, mustContain: "Mechatronik", minShareOfHello: null },
  { name: "network home", server: "ours", path: NETWORK_HOME, loggedIn: true, status: 200, mustContain: "Mechatronik", minShareOfHello: 1 / 25 },
  { name: "network home .data", server: "ours", path: `${NETWORK_HOME}.data`, loggedIn: true, status: 200, mustContain: "Mechatronik", minShareOfHello: null },
];

/** BENCH_ONLY=home,login (diagnosis, e.g. with BENCH_CPU_PROF=1): only targets whose name contains one of these; hello always runs. */
const only = (process.env.BENCH_ONLY ?? "").split(",").map((s) => s.trim()).filter(Boolean);
export const TARGETS = ALL_TARGETS.filter((t) => t.server === "hello" || only.length === 0 || only.some((o) => t.name.includes(o)));
