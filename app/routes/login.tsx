import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { login } from "~/lib/auth.server";
import { loginForm } from "#shared/validation/auth-forms";
import { formError, invalid, parseWith, readForm } from "~/lib/forms.server";
import { safeRedirectPath } from "~/lib/guards.server";
import { sessionCookie, CLEAR_DEVICE_COPIES } from "~/lib/session-cookie.server";
import { CsrfInput } from "~/components/csrf-input";
import { FormAlert, Notice, TextField } from "~/components/fields";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta("auth:login.title");

const NOTICES = ["sessionEnded", "passwordReset", "loggedOut"] as const;

export function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  if (context.auth) throw redirect(safeRedirectPath(url.searchParams.get("redirectTo")));
  const reason = url.searchParams.get("reason");
  return { notice: NOTICES.find((n) => n === reason) ?? null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const parsed = parseWith(loginForm, form);
  if (!parsed.ok) return invalid(parsed);
  const result = await login(context.services, {
    email: parsed.data.email,
    password: parsed.data.password,
    ip: context.ip,
    userAgent: context.userAgent,
    previousToken: context.sessionToken,
  });
  if (!result.ok) {
    return formError(result.reason === "throttled" ? "auth:login.throttled" : "auth:login.invalid", form, result.reason === "throttled" ? 429 : 400);
  }
  throw redirect(safeRedirectPath(parsed.data.redirectTo), { headers: { "Set-Cookie": sessionCookie(context, result.token), ...CLEAR_DEVICE_COPIES } });
}

export default function LoginPage() {
  const { t } = useTranslation("auth");
  const { notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const errors = result && !result.ok ? result.errors : {};
  const values = result && !result.ok ? result.values : {};
  return (
    <div className="page page--narrow">
      <h1>{t("login.title")}</h1>
      <p className="muted">{t("login.intro")}</p>
      {notice ? <Notice>{t(`login.notice.${notice}`)}</Notice> : null}
      <FormAlert error={errors.form} />
      <Form method="post" className="card" noValidate>
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <TextField
          name="email"
          type="email"
          label={t("fields.email")}
          autoComplete="username"
          defaultValue={String(values.email ?? "")}
          error={errors.email}
          required
        />
        <TextField
          name="password"
          type="password"
          label={t("fields.password")}
          autoComplete="current-password"
          error={errors.password}
          required
        />
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t("login.submitting") : t("login.submit")}
          </button>
          <Link to="/forgot-password">{t("login.forgot")}</Link>
        </div>
      </Form>
      <p>
        {t("login.newGroup")} <Link to="/interest">{t("login.expressInterest")}</Link>
      </p>
    </div>
  );
}
