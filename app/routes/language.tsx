/** The language switch: remembered in a cookie, and on the account when logged in. */
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { readForm } from "~/lib/forms.server";
import { safeRedirectPath } from "~/lib/guards.server";
import { isLocale } from "#shared/i18n/config";
import { setPreferredLocale } from "~/lib/people.server";
import { localeCookie } from "~/lib/language.server";

export function loader() {
  throw redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const lng = form.get("lng");
  const back = safeRedirectPath(form.get("redirectTo"), "/");
  if (!isLocale(lng)) throw redirect(back);
  if (context.auth) await setPreferredLocale(context.services, context.auth.user.id, lng);
  throw redirect(back, {
    headers: { "Set-Cookie": localeCookie(context, lng) },
  });
}
