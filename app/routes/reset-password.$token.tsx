import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { inspectResetToken, resetPassword } from "~/lib/auth.server";
import { resetPasswordForm } from "#shared/validation/auth-forms";
import { MIN_PASSWORD_LENGTH } from "#shared/validation/limits";
import { invalid, parseWith, readForm } from "~/lib/forms.server";
import { CsrfInput } from "~/components/csrf-input";
import { TextField } from "~/components/fields";
import { LinkStateMessage } from "~/components/link-state";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta("auth:reset.title");

export async function loader({ params, context }: LoaderFunctionArgs) {
  return { state: await inspectResetToken(context.services, params.token ?? "") };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const parsed = parseWith(resetPasswordForm, form);
  if (!parsed.ok) return invalid(parsed);
  const result = await resetPassword(context.services, params.token ?? "", parsed.data.password, context.ip);
  if (result.state !== "valid") return { ok: false as const, state: result.state, errors: {}, values: {} };
  throw redirect("/login?reason=passwordReset");
}

export default function ResetPasswordPage() {
  const { t } = useTranslation("auth");
  const { state } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const linkState = result && "state" in result ? result.state : state;
  if (linkState !== "valid") return <LinkStateMessage kind="reset" state={linkState} />;
  const errors: Record<string, string> = result && !result.ok ? result.errors : {};
  return (
    <div className="page page--narrow">
      <h1>{t("reset.title")}</h1>
      <Form method="post" className="card" noValidate>
        <CsrfInput />
        <TextField name="password" type="password" label={t("fields.newPassword")} hint={t("fields.passwordHint", { min: MIN_PASSWORD_LENGTH })} autoComplete="new-password" error={errors.password} required />
        <TextField name="passwordConfirm" type="password" label={t("fields.passwordConfirm")} autoComplete="new-password" error={errors.passwordConfirm} required />
        <div className="actions">
          <button type="submit" className="button">
            {t("reset.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
