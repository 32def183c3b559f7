/**
 * The budget check reads a build; here it reads a small fake one, so we know it follows
 * static and dynamic imports, counts each chunk once, and reports a page over its budget.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { isPageRoute, javascriptPerRoute } from "./route-javascript.mjs";
import { checkBudgets, PAGE_BUDGET } from "../js-budget.mjs";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "js-budget-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function chunk(name: string, code: string) {
  fs.writeFileSync(path.join(dir, name), code);
  return zlib.gzipSync(code).length;
}
/** Random text does not compress: its gzipped size is about its length. */
const incompressible = (bytes: number) => crypto.randomBytes(bytes).toString("base64");

const manifest = {
  entry: { module: "/assets/entry.js", imports: ["/assets/shared.js"] },
  routes: {
    root: { id: "root", path: "", module: "/assets/root.js", imports: ["/assets/shared.js"] },
    "routes/login": { id: "routes/login", parentId: "root", path: "login", module: "/assets/login.js", imports: [] },
    "routes/dashboard": { id: "routes/dashboard", parentId: "root", path: "dashboard", module: "/assets/dashboard.js", imports: [] },
  },
};
chunk("manifest-abc123.js", `window.__remixManifest=${JSON.stringify(manifest)};`);
const sizes = {
  entry: chunk("entry.js", 'import{a}from"./shared.js";a();'),
  shared: chunk("shared.js", "export const a=()=>1;"),
  root: chunk("root.js", 'import"./shared.js";'),
  login: chunk("login.js", `import("./lazy.js");export default 1;`),
  lazy: chunk("lazy.js", `import{b}from"./lazy-dep.js";export const c=b;`),
  lazyDep: chunk("lazy-dep.js", `export const b="${incompressible(PAGE_BUDGET)}";`),
  dashboard: chunk("dashboard.js", "export default 2;"),
  unrelated: chunk("unrelated.js", `export const u="${incompressible(5000)}";`),
};

describe("JavaScript per page of a build", () => {
  it("follows static and dynamic imports through the route's parents, each chunk once", () => {
    const login = javascriptPerRoute(dir).get("routes/login");
    expect([...(login?.chunks ?? [])].sort()).toEqual(["entry.js", "lazy-dep.js", "lazy.js", "login.js", "root.js", "shared.js"]);
    expect(login?.bytes).toBe(sizes.entry + sizes.shared + sizes.root + sizes.login + sizes.lazy + sizes.lazyDep);
    expect(login?.path).toBe("/login");
  });

  it("counts a chunk's precompressed .gz twin, the bytes the server sends, where the build wrote one", async () => {
    const twinDir = fs.mkdtempSync(path.join(os.tmpdir(), "js-budget-twin-"));
    try {
      for (const name of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, name), path.join(twinDir, name));
      fs.writeFileSync(path.join(twinDir, "lazy-dep.js.gz"), Buffer.alloc(100));
      const login = javascriptPerRoute(twinDir).get("routes/login");
      expect(login?.bytes).toBe(sizes.entry + sizes.shared + sizes.root + sizes.login + sizes.lazy + 100);
    } finally {
      fs.rmSync(twinDir, { recursive: true, force: true });
    }
  });

  it("does not count chunks other pages load", () => {
    const dashboard = javascriptPerRoute(dir).get("routes/dashboard");
    expect(dashboard?.bytes).toBe(sizes.entry + sizes.shared + sizes.root + sizes.dashboard);
  });

  it("reports a page over its budget and keeps one within it", () => {
    const rows = checkBudgets(dir);
    expect(rows.find((r) => r.id === "routes/login")).toMatchObject({ ok: false, limit: PAGE_BUDGET });
    expect(rows.find((r) => r.id === "routes/dashboard")).toMatchObject({ ok: true });
  });

  it("knows a page by its default export, also when the route re-exports a view written once for several routes", () => {
    // A regex that wanted `export default function` left every such page unmeasured (and unwalked).
    expect(isPageRoute("routes/login")).toBe(true);
    expect(isPageRoute("routes/networks.$slug_.events.$id")).toBe(true);
    expect(isPageRoute("routes/networks.$slug_.library._index")).toBe(true);
    expect(isPageRoute("routes/calendar.$token.events[.ics]")).toBe(false);
    expect(isPageRoute("routes/networks.$slug_.events.$id_.minutes_.comments")).toBe(false);
  });
});
