import type { Request } from "express";

/** With TRUST_PROXY=true express reads X-Forwarded-For; otherwise the socket address. */
export function clientIp(req: Request): string {
  return (req.ip ?? req.socket.remoteAddress ?? "unknown").replace(/^::ffff:/, "");
}
