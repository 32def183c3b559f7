import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { acceptInvitation, inspectInvitation } from "~/lib/invitations.server";
import { acceptInvitationForm } from "#shared/validation/auth-forms";
import { MIN_PASSWORD_LENGTH } from "#shared/validation/limits";
import { LOCALES, LOCALE_NATIVE_NAMES } from "#shared/i18n/config";
import { invalid, parseWith, readForm } from "~/lib/forms.server";
import { sessionCookie, CLEAR_DEVICE_COPIES } from "~/lib/session-cookie.server";
import { CsrfInput } from "~/components/csrf-input";
import { SelectField, TextField } from "~/components/fields";
import { LinkStateMessage } from "~/components/link-state";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta("auth:invitation.title");

export async function loader({ params, context }: LoaderFunctionArgs) {
  return inspectInvitation(context.services, params.token ?? "");
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const parsed = parseWith(acceptInvitationForm, form);
  if (!parsed.ok) return invalid(parsed);
  const result = await acceptInvitation(context.services, params.token ?? "", {
    ...parsed.data,
    ip: context.ip,
    userAgent: context.userAgent,
  });
  if (result.state !== "valid" || !result.sessionToken) {
    return { ok: false as const, state: result.state, errors: {}, values: {} };
  }
  throw redirect(result.redirectTo ?? "/dashboard", { headers: { "Set-Cookie": sessionCookie(context, result.sessionToken), ...CLEAR_DEVICE_COPIES } });
}

export default function AcceptInvitationPage() {
  const { t } = useTranslation("auth");
  const invitation = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const state = result && "state" in result ? result.state : invitation.state;
  if (state !== "valid" || invitation.state !== "valid") return <LinkStateMessage kind="invitation" state={state} />;
  const errors: Record<string, string> = result && !result.ok ? result.errors : {};
  const values: Record<string, unknown> = result && !result.ok ? result.values : {};
  return (
    <div className="page page--narrow">
      <h1>{t("invitation.title")}</h1>
      <p>
        {invitation.networkName
          ? t("invitation.introNetwork", { network: invitation.networkName, role: t(`common:roles.${invitation.networkRole ?? "member"}`) })
          : invitation.partnershipName
            ? t("invitation.introPartnership", { partnership: invitation.partnershipName })
            : t("invitation.introPlatform")}
      </p>
      <p className="muted">{t("invitation.forEmail", { email: invitation.email })}</p>
      <Form method="post" className="card" noValidate>
        <CsrfInput />
        <TextField name="name" label={t("fields.name")} autoComplete="name" defaultValue={String(values.name ?? "")} error={errors.name} required />
        <TextField name="password" type="password" label={t("fields.newPassword")} hint={t("fields.passwordHint", { min: MIN_PASSWORD_LENGTH })} autoComplete="new-password" error={errors.password} required />
        <TextField name="passwordConfirm" type="password" label={t("fields.passwordConfirm")} autoComplete="new-password" error={errors.passwordConfirm} required />
        <SelectField
          name="locale"
          label={t("fields.language")}
          defaultValue={String(values.locale ?? invitation.locale)}
          error={errors.locale}
          options={LOCALES.map((l) => ({ value: l, label: LOCALE_NATIVE_NAMES[l], lang: l }))}
        />
        <div className="actions">
          <button type="submit" className="button">
            {t("invitation.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
