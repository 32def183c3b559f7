/**
 * The authorise step of every loader and action. Denials follow the policy's privacy rule:
 * anything of a network the caller cannot see is a 404, identical to a missing network.
 */
import { redirect, type AppLoadContext } from "@remix-run/node";
import { can, denialStatus, type Action } from "#shared/policy";
import type { Authenticated } from "#server/domain/auth/sessions";

export function requireAuth(request: Request, context: AppLoadContext): Authenticated {
  if (context.auth) return context.auth;
  const url = new URL(request.url);
  const redirectTo = `${url.pathname}${url.search}`;
  throw redirect(`/login?redirectTo=${encodeURIComponent(redirectTo)}`);
}

export function notFound(): never {
  throw new Response("Not Found", { status: 404 });
}

export function authorize(auth: Authenticated, action: Action): void {
  if (can(auth.actor, action)) return;
  const status = denialStatus(auth.actor, action);
  throw new Response(status === 404 ? "Not Found" : "Forbidden", { status });
}

/** Only relative paths on our own site: `//evil.example` and `https://…` fall back. */
export function safeRedirectPath(value: FormDataEntryValue | string | null | undefined, fallback = "/dashboard"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
