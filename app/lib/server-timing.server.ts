/**
 * The Server-Timing header of pages and their data: where the server spent a request's time,
 * per route, visible in the browser's developer tools and to bench:pages.
 *   auth     resolving the session cookie to a person
 *   loaders  matching the route and running its loaders (and an action)
 *   render   React rendering up to the first byte (pages only)
 *   total    from the first middleware to the first byte
 * The route is the deepest matched route's id, e.g. "routes/networks.$slug".
 */
import type { RequestTiming } from "#server/load-context";

const ms = (value: number) => Math.max(0, value).toFixed(1);

export function serverTiming(timing: RequestTiming, phases: { loadersEndAt: number; renderEndAt?: number }, routeId: string | undefined): string {
  const end = phases.renderEndAt ?? phases.loadersEndAt;
  const parts = [`auth;dur=${ms(timing.authMs)}`, `loaders;dur=${ms(phases.loadersEndAt - timing.contextReadyAt)}`];
  if (phases.renderEndAt !== undefined) parts.push(`render;dur=${ms(phases.renderEndAt - phases.loadersEndAt)}`);
  parts.push(`total;dur=${ms(end - timing.start)}`);
  // A route id holds only path characters; quotes and backslashes would end the quoted string.
  if (routeId) parts.push(`route;desc="${routeId.replace(/["\\]/g, "")}"`);
  return parts.join(", ");
}
