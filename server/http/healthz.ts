import { sql } from "kysely";
import type { RequestHandler } from "express";
import type { Services } from "../services";

/** Liveness and database reachability, for load balancers and the README's smoke test. */
export function healthz(services: Services): RequestHandler {
  return async (_req, res) => {
    try {
      await sql`select 1`.execute(services.db);
      res.status(200).json({ status: "ok", database: services.dialect });
    } catch {
      res.status(503).json({ status: "error", database: services.dialect });
    }
  };
}
