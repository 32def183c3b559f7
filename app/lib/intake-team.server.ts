/**
 * /intake/team: the project team's own page. Only the project team sees it (everyone else
 * 403, the anonymous to the login). Three forms: invite a successor, withdraw an open
 * invitation, leave the team.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import { email, locale } from "#shared/validation/fields";
import { inviteSuccessor, leaveProjectTeam, projectTeamPage, withdrawTeamInvitation, type TeamRefusal } from "#server/domain/intake/team";
import { authorize, requireAuth } from "./guards.server";
import { formValues, invalid, parseWith, readForm } from "./forms.server";

const inviteForm = z.object({ email, locale });
const withdrawForm = z.object({ invitationId: z.string().min(1).max(100) });

const STATUS: Record<TeamRefusal, number> = { forbidden: 403, alreadyMember: 409, accountDisabled: 409, lastMember: 409, notMember: 409, notOpen: 409 };

function requireTeam(request: Request, context: LoaderFunctionArgs["context"]) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "intake.manage" });
  return auth;
}

function refusal(error: TeamRefusal, form: FormData, intent: string) {
  if (error === "forbidden") throw new Response("Forbidden", { status: 403 });
  return data({ ok: false as const, intent, errors: { form: `admin:projectTeam.errors.${error}` }, values: formValues(form) }, { status: STATUS[error] });
}

export async function projectTeamLoader({ request, context }: LoaderFunctionArgs) {
  const auth = requireTeam(request, context);
  return { ...(await projectTeamPage(context.services, auth.actor)), defaultLocale: context.locale };
}

export async function projectTeamAction({ request, context }: ActionFunctionArgs) {
  const auth = requireTeam(request, context);
  const form = await readForm(request, context);
  const intent = form.get("intent");
  if (intent === "invite") {
    authorize(auth, { type: "invite.platformRole", role: "project_team" });
    const parsed = parseWith(inviteForm, form);
    if (!parsed.ok) return data({ ok: false as const, intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
    const result = await inviteSuccessor(context.services, auth.actor, { id: auth.user.id, name: auth.user.name }, parsed.data, context.ip);
    if (!result.ok) return refusal(result.error, form, intent);
    return { ok: true as const, intent, done: result.outcome.kind, email: parsed.data.email };
  }
  if (intent === "revokeInvitation") {
    const parsed = parseWith(withdrawForm, form);
    if (!parsed.ok) return invalid(parsed);
    const result = await withdrawTeamInvitation(context.services, auth.actor, parsed.data.invitationId, context.ip);
    if (!result.ok) return refusal(result.error, form, intent);
    return { ok: true as const, intent, done: "revoked" as const, email: result.email };
  }
  if (intent === "leave") {
    const result = await leaveProjectTeam(context.services, auth.actor, context.ip);
    if (!result.ok) return refusal(result.error, form, intent);
    // No longer in the team, the page is closed to them: back to their overview.
    return redirect("/dashboard");
  }
  throw new Response("Bad Request", { status: 400 });
}
