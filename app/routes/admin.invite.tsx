import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { inviteAsAdmin, listNetworksForAdmin, listOpenInvitationsForAdmin } from "~/lib/admin.server";
import { revokeInvitation } from "~/lib/invitations.server";
import { adminInviteForm, revokeInvitationForm } from "#shared/validation/network-forms";
import { LOCALES, LOCALE_NATIVE_NAMES } from "#shared/i18n/config";
import { NETWORK_ROLES, PLATFORM_ROLES } from "#shared/roles";
import { authorize, requireAuth } from "~/lib/guards.server";
import { formError, formValues, invalid, parseWith, readForm } from "~/lib/forms.server";
import { CsrfInput } from "~/components/csrf-input";
import { RevokeInvitationButton } from "~/components/revoke-invitation-button";
import { FormAlert, Notice, SelectField, TextField } from "~/components/fields";
import { textValue } from "~/lib/form-values";
import { formatDate } from "~/lib/format";
import { pageMeta } from "~/lib/meta";
import { useResetOnSuccess } from "~/lib/use-reset-on-success";
import { TableScroll } from "~/components/table-scroll";

export const meta = pageMeta("admin:invite.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "platform.admin" });
  const [networks, invitations] = await Promise.all([listNetworksForAdmin(context.services), listOpenInvitationsForAdmin(context.services)]);
  // An archived network takes nobody new (docs/decisions/0011).
  return { networks: networks.filter((n) => !n.archived).map((n) => ({ id: n.id, name: n.name })), invitations, defaultLocale: context.locale };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "platform.admin" });
  const form = await readForm(request, context);
  if (form.get("intent") === "revokeInvitation") {
    const parsed = parseWith(revokeInvitationForm, form);
    if (!parsed.ok) return invalid(parsed);
    const email = await revokeInvitation(context.services, auth.user.id, null, parsed.data.invitationId, context.ip);
    // Already accepted, withdrawn or never there: say so instead of pretending it worked.
    if (email === undefined) return formError("admin:invite.open.notOpen", form, 409);
    return { ok: true as const, done: "revoked" as const, email };
  }
  const parsed = parseWith(adminInviteForm, form);
  if (!parsed.ok) return invalid(parsed);
  const input = parsed.data;
  if (input.platformRole) authorize(auth, { type: "invite.platformRole", role: input.platformRole });
  if (input.networkId) authorize(auth, { type: "network.invite", networkId: input.networkId, role: input.networkRole ?? "member" });
  const outcome = await inviteAsAdmin(context.services, { id: auth.user.id, name: auth.user.name }, input, context.ip);
  if (outcome.kind === "unknownNetwork") return invalid({ errors: { networkId: "validation.choice" }, values: formValues(form) });
  return { ok: true as const, done: outcome.kind, email: input.email };
}

export default function AdminInvitePage() {
  const { t, i18n } = useTranslation("admin");
  const { networks, invitations, defaultLocale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const inviteForm = useResetOnSuccess(result);
  const errors: Record<string, string> = result && !result.ok ? result.errors : {};
  const submitted = result && !result.ok ? result.values : null;
  return (
    <>
      <h1>{t("invite.title")}</h1>
      <p>{t("invite.intro")}</p>
      {result?.ok ? <Notice>{t(`invite.done.${result.done}`, { email: result.email })}</Notice> : null}
      {result?.ok && result.done !== "revoked" ? (
        <p>
          <Link to="/admin/outbox">{t("invite.seeOutbox")}</Link>
        </p>
      ) : null}
      <Form ref={inviteForm} method="post" className="card" noValidate>
        <CsrfInput />
        <FormAlert error={errors.form} />
        <TextField name="email" type="email" label={t("invite.fields.email")} defaultValue={textValue(submitted, "email", "")} error={errors.email} required />
        <SelectField
          name="locale"
          label={t("invite.fields.language")}
          hint={t("invite.fields.languageHint")}
          defaultValue={textValue(submitted, "locale", defaultLocale)}
          error={errors.locale}
          options={LOCALES.map((l) => ({ value: l, label: LOCALE_NATIVE_NAMES[l], lang: l }))}
        />
        <fieldset className="field">
          <legend>{t("invite.fields.access")}</legend>
          <p className="field__hint">{t("invite.fields.accessHint")}</p>
          <SelectField
            name="networkId"
            label={t("invite.fields.network")}
            defaultValue={textValue(submitted, "networkId", "")}
            error={errors.networkId}
            options={[{ value: "", label: t("invite.fields.noNetwork") }, ...networks.map((n) => ({ value: n.id, label: n.name }))]}
          />
          <SelectField
            name="networkRole"
            label={t("invite.fields.networkRole")}
            hint={t("invite.fields.networkRoleHint")}
            defaultValue={textValue(submitted, "networkRole", "member")}
            error={errors.networkRole}
            options={NETWORK_ROLES.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))}
          />
          <SelectField
            name="platformRole"
            label={t("invite.fields.platformRole")}
            defaultValue={textValue(submitted, "platformRole", "")}
            error={errors.platformRole}
            options={[{ value: "", label: t("invite.fields.noPlatformRole") }, ...PLATFORM_ROLES.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))]}
          />
        </fieldset>
        <div className="actions">
          <button type="submit" className="button">
            {t("invite.submit")}
          </button>
        </div>
      </Form>
      <section aria-labelledby="open-invitations-heading">
        <h2 id="open-invitations-heading">{t("invite.open.heading")}</h2>
        {invitations.length === 0 ? (
          <p className="empty">{t("invite.open.empty")}</p>
        ) : (
          <TableScroll labelledBy="open-invitations-heading">
            <table aria-labelledby="open-invitations-heading">
              <thead>
                <tr>
                  <th scope="col">{t("invite.open.columns.email")}</th>
                  <th scope="col">{t("invite.open.columns.access")}</th>
                  <th scope="col">{t("invite.open.columns.invitedBy")}</th>
                  <th scope="col">{t("invite.open.columns.expires")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("invite.open.columns.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {invitations.map((inv) => (
                  <tr key={inv.id}>
                    <td>{inv.email}</td>
                    <td>
                      {inv.network ? (
                        <span>
                          {inv.network.name} · {t(`common:roles.${inv.networkRole ?? "member"}`)}
                        </span>
                      ) : null}
                      {inv.network && inv.platformRole ? <br /> : null}
                      {inv.platformRole ? <span className="badge">{t(`common:roles.${inv.platformRole}`)}</span> : null}
                    </td>
                    <td>{inv.invitedBy ?? <span className="muted">{t("invite.open.unknownInviter")}</span>}</td>
                    <td>{formatDate(inv.expiresAt, i18n.language)}</td>
                    <td>
                      <RevokeInvitationButton invitationId={inv.id} email={inv.email} label={t("invite.open.revoke")} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}
