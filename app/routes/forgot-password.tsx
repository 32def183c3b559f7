import type { ActionFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requestPasswordReset } from "~/lib/auth.server";
import { forgotPasswordForm } from "#shared/validation/auth-forms";
import { formError, invalid, parseWith, readForm } from "~/lib/forms.server";
import { CsrfInput } from "~/components/csrf-input";
import { FormAlert, Notice, TextField } from "~/components/fields";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta("auth:forgot.title");

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const parsed = parseWith(forgotPasswordForm, form);
  if (!parsed.ok) return invalid(parsed);
  const outcome = await requestPasswordReset(context.services, parsed.data.email, context.ip);
  if (outcome === "throttled") return formError("auth:forgot.throttled", form, 429);
  // Same answer whether or not the address has an account.
  return { ok: true as const };
}

export default function ForgotPasswordPage() {
  const { t } = useTranslation("auth");
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = result && !result.ok ? result.errors : {};
  const values = result && !result.ok ? result.values : {};
  return (
    <div className="page page--narrow">
      <h1>{t("forgot.title")}</h1>
      {result?.ok ? (
        <Notice>{t("forgot.sent")}</Notice>
      ) : (
        <>
          <p className="muted">{t("forgot.intro")}</p>
          <FormAlert error={errors.form} />
          <Form method="post" className="card" noValidate>
            <CsrfInput />
            <TextField name="email" type="email" label={t("fields.email")} autoComplete="email" defaultValue={String(values.email ?? "")} error={errors.email} required />
            <div className="actions">
              <button type="submit" className="button" disabled={busy}>
                {t("forgot.submit")}
              </button>
            </div>
          </Form>
        </>
      )}
      <p>
        <Link to="/login">{t("backToLogin")}</Link>
      </p>
    </div>
  );
}
