import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endSession } from "~/lib/auth.server";
import { readForm } from "~/lib/forms.server";
import { clearedSessionCookie, CLEAR_DEVICE_COPIES } from "~/lib/session-cookie.server";

export function loader() {
  throw redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  await readForm(request, context);
  if (context.auth) await endSession(context.services, context.auth, context.ip);
  throw redirect("/login?reason=loggedOut", { headers: { "Set-Cookie": clearedSessionCookie(context), ...CLEAR_DEVICE_COPIES } });
}
