import { sql } from "kysely";
import type { RequestHandler } from "express";
import type { Services } from "../services";

/**
 * Liveness and database reachability, for load balancers and the README's smoke test. With
 * several instances it also tells whether Redis answers: without it the instance still serves
 * the people connected to it (200, "degraded"), so a balancer must not take every instance out
 * at once because Redis blinked; only a database it cannot reach makes an instance useless (503).
 */
/**
 * It runs before the page middleware, so it sets its own headers: JSON needs no scripts,
 * styles or frames, hence the strictest policy there is. Written with one writeHead and
 * one end, so headers and body leave in one write, without Express's ETag hashing.
 */
const HEADERS = {
  "Content-Type": "application/json; charset=utf-8",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Cache-Control": "no-store",
};

export function healthz(services: Services): RequestHandler {
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
