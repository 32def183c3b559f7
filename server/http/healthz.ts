import { sql } from "kysely";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Services } from "../services";

/**
 * It runs before Express and the page middleware, so it sets its own headers: JSON needs no
 * scripts, styles or frames, hence the strictest policy there is. One writeHead and one end,
 * so headers and body leave in one write.
 */
const HEADERS = {
  "Content-Type": "application/json; charset=utf-8",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Cache-Control": "no-store",
};

/** GET or HEAD of /healthz, with or without a query string. */
export function isHealthCheck(req: IncomingMessage): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const url = req.url ?? "";
  return url === "/healthz" || url.startsWith("/healthz?");
}

/**
 * Liveness and database reachability, for load balancers and the README's smoke test. With
 * several instances it also tells whether Redis answers: without it the instance still serves
 * the people connected to it (200, "degraded"), so a balancer must not take every instance out
 * at once because Redis blinked; only a database it cannot reach makes an instance useless (503).
 */
export function healthz(services: Services): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (_req, res) => {
    const cluster = services.cluster.status();
    const redis = cluster === "solo" ? {} : { redis: cluster, instance: services.cluster.instanceId };
    let status: number;
    let body: string;
    try {
      await sql`select 1`.execute(services.db);
      status = 200;
      body = JSON.stringify({ status: cluster === "disconnected" ? "degraded" : "ok", database: services.dialect, ...redis });
    } catch {
      status = 503;
      body = JSON.stringify({ status: "error", database: services.dialect, ...redis });
    }
    res.writeHead(status, { ...HEADERS, "Content-Length": Buffer.byteLength(body) });
    res.end(body);
  };
}
