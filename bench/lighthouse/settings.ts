/** What bench:lighthouse audits, as whom, with which browser, and what it must reach. */

// Set before anything reads it: bench/collab's build helper and scripts/build-freshness.mjs
// read BUILD_DIR when their module loads, and the default build/ is other people's.
export const BUILD_DIR = (process.env.BUILD_DIR ||= "build-lighthouse");

export const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3) || 3);

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
/** Flags for every Chromium we start: no sandbox (we run as root in a container), nothing that phones home mid-measurement. */
export const CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** The demo seed's coordinator of the Mechatronik network (db/seed/demo-data.ts, db/seed/demo-commons.ts). */
export const DEMO_LOGIN = { email: "koordination.mechatronik@connactions.demo", password: "Demo-ConnActions-2026" };

export interface PageSpec {
  /** Label in the table. */
  name: string;
  path: string;
  loggedIn: boolean;
  /** The page must reach at least this performance score (0–100); null: reported only. */
  minPerformance: number | null;
  /** Ours must be fully accessible; the reference only mirrors the login page's markup. */
  fullAccessibility: boolean;
  /** The reference page is served by this script, not by the app. */
  reference?: boolean;
}

export const PAGES: PageSpec[] = [
  { name: "login", path: "/login", loggedIn: false, minPerformance: 90, fullAccessibility: true },
  { name: "dashboard", path: "/dashboard", loggedIn: true, minPerformance: 90, fullAccessibility: true },
  { name: "network home", path: "/networks/mechatronik-bayern-emilia", loggedIn: true, minPerformance: 90, fullAccessibility: true },
  // The editor loads tiptap and Yjs by design: its performance is watched, not held to 90.
  { name: "editor", path: "/networks/mechatronik-bayern-emilia/work-programmes/demo-wp-mechatronics", loggedIn: true, minPerformance: null, fullAccessibility: true },
  { name: "reference", path: "/login", loggedIn: false, minPerformance: null, fullAccessibility: false, reference: true },
];

export const CATEGORIES = ["performance", "accessibility", "best-practices"] as const;
export type Category = (typeof CATEGORIES)[number];
