import http from "node:http";
import { startAppServer } from "./server";
import { loginCookieHeader } from "./login";
import { auditPage } from "./audit";
import { checkTargets, bestPracticeNotes } from "./report";
const bad = http.createServer((_q, r) => { r.setHeader("content-type", "text/html"); r.end(`<!doctype html><html><head><title>x</title></head><body><main><img src="/x.png"><form><input name=a></form><p style="color:#aaa;background:#fff">low contrast</p><button></button></main><script>console.error("boom")</script></body></html>`); }).listen(45999, "127.0.0.1");
const app = await startAppServer();
try {
  const cookie = await loginCookieHeader(app.origin);
  const editor = await auditPage(`${app.origin}/networks/mechatronik-bayern-emilia/work-programmes/demo-wp-mechatronics`, { cookie, expectPath: "/networks/mechatronik-bayern-emilia/work-programmes/demo-wp-mechatronics" });
  const badRun = await auditPage(`http://127.0.0.1:45999/`, { expectPath: "/" });
  const results = [
    { spec: { name: "editor", path: "/", loggedIn: true, minPerformance: 99, fullAccessibility: true }, runs: [editor] },
    { spec: { name: "bad", path: "/", loggedIn: false, minPerformance: 99, fullAccessibility: true }, runs: [badRun] },
  ];
  for (const c of checkTargets(results)) { console.log(c.line); for (const d of c.details) console.log(d); }
  console.log(bestPracticeNotes(results).join("\n"));
  try { await auditPage(`${app.origin}/dashboard`, { expectPath: "/dashboard" }); } catch (e) { console.log("expected failure:", String(e)); }
} finally { await app.stop(); bad.close(); }
