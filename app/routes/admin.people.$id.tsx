import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { addPersonToNetwork, personForEditing, updatePersonAsAdmin, type SavePersonError } from "~/lib/admin.server";
import { changeMemberRole, removeMember } from "~/lib/networks.server";
import { PERSON_ARRAY_FIELDS, addMembershipForm, changeMembershipForm, personForm, removeMembershipForm } from "#shared/validation/admin-forms";
import { LOCALES, LOCALE_NATIVE_NAMES } from "#shared/i18n/config";
import { COUNTRIES, NETWORK_ROLES, PLATFORM_ROLES } from "#shared/roles";
import { authorize, notFound, requireAuth } from "~/lib/guards.server";
import { formError, formValues, invalid, parseWith, readForm } from "~/lib/forms.server";
import { CsrfInput } from "~/components/csrf-input";
import { MembershipControls } from "~/components/membership-controls";
import { CheckboxGroup, FormAlert, Notice, SelectField, TextField } from "~/components/fields";
import { checkedValues, textValue } from "~/lib/form-values";
import { formatDateTime } from "~/lib/format";
import { pageMeta } from "~/lib/meta";
import { TableScroll } from "~/components/table-scroll";

export const meta = pageMeta<{ person: { name: string } }>((t, data) => t("admin:people.editTitle", { name: data.person.name }));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "platform.admin" });
  const data = await personForEditing(context.services, params.id);
  if (!data) notFound();
  return { ...data, isMe: data.person.id === auth.user.id };
}

/** Where each refusal of updatePersonAsAdmin shows up in the form, and with what status. */
const PERSON_ERRORS: Record<Exclude<SavePersonError, "notFound">, { field: string; key: string; status: number }> = {
  emailTaken: { field: "email", key: "validation.emailTaken", status: 400 },
  unknownOrganisation: { field: "organisationId", key: "validation.choice", status: 400 },
  ownAdminRole: { field: "platformRoles", key: "admin:people.errors.ownAdminRole", status: 409 },
  disableSelf: { field: "disabled", key: "admin:people.errors.disableSelf", status: 409 },
};

const MEMBERSHIP_INTENTS = ["addMembership", "changeMembership", "removeMembership"];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "platform.admin" });
  const data = await personForEditing(context.services, params.id);
  if (!data) notFound();
  const userId = data.person.id;
  const form = await readForm(request, context);
  const intent = form.get("intent");

  if (intent === "profile") {
    const parsed = parseWith(personForm, form, PERSON_ARRAY_FIELDS);
    if (!parsed.ok) return invalid(parsed);
    const result = await updatePersonAsAdmin(context.services, auth.user.id, userId, parsed.data, context.ip);
    if (result.ok) return { ok: true as const, done: "saved" as const };
    if (result.error === "notFound") notFound();
    const refusal = PERSON_ERRORS[result.error];
    return invalid({ errors: { [refusal.field]: refusal.key }, values: formValues(form) }, refusal.status);
  }

  if (intent === "addMembership") {
    const parsed = parseWith(addMembershipForm, form);
    if (!parsed.ok) return invalid(parsed);
    authorize(auth, { type: "network.manageMembers", networkId: parsed.data.networkId });
    const result = await addPersonToNetwork(context.services, auth.user.id, userId, parsed.data.networkId, parsed.data.role, context.ip);
    if (result.ok) return { ok: true as const, done: "membershipAdded" as const };
    if (result.error === "notFound") notFound();
    return result.error === "alreadyMember"
      ? formError("admin:people.errors.alreadyMember", form, 409)
      : invalid({ errors: { networkId: "validation.choice" }, values: formValues(form) });
  }

  if (intent === "changeMembership") {
    const parsed = parseWith(changeMembershipForm, form);
    if (!parsed.ok) return invalid(parsed);
    authorize(auth, { type: "network.manageMembers", networkId: parsed.data.networkId });
    const result = await changeMemberRole(context.services, auth.user.id, parsed.data.networkId, userId, parsed.data.role, context.ip);
    return result.ok ? { ok: true as const, done: "roleChanged" as const } : formError(`network:errors.${result.error}`, form, 409);
  }

  if (intent === "removeMembership") {
    const parsed = parseWith(removeMembershipForm, form);
    if (!parsed.ok) return invalid(parsed);
    authorize(auth, { type: "network.manageMembers", networkId: parsed.data.networkId });
    const result = await removeMember(context.services, auth.user.id, parsed.data.networkId, userId, context.ip);
    return result.ok ? { ok: true as const, done: "membershipRemoved" as const } : formError(`network:errors.${result.error}`, form, 409);
  }

  return formError("validation.unknownAction", form);
}

export default function AdminPersonPage() {
  const { t, i18n } = useTranslation("admin");
  const { person, memberships, joinableNetworks, organisations, isMe } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  const failedIntent = failed ? String(failed.values.intent ?? "") : "";
  // Each form shows only its own errors and typed values.
  const profileFailure = failed && !MEMBERSHIP_INTENTS.includes(failedIntent) ? failed : null;
  const membershipFailure = failed && MEMBERSHIP_INTENTS.includes(failedIntent) ? failed : null;
  const errors: Record<string, string> = profileFailure?.errors ?? {};
  const submitted = profileFailure?.values ?? null;
  const membershipErrors: Record<string, string> = membershipFailure?.errors ?? {};
  const organisationOptions = COUNTRIES.flatMap((country) =>
    organisations
      .filter((o) => o.country === country)
      .map((o) => ({ value: o.id, label: `${o.name} (${t(`common:countries.${country}`)})` })),
  );

  return (
    <>
      <p>
        <Link to="/admin/people">{t("people.back")}</Link>
      </p>
      <h1>{t("people.editTitle", { name: person.name })}</h1>
      {result?.ok ? <Notice>{t(`people.done.${result.done}`)}</Notice> : null}
      <p className="muted">
        {t("people.createdAt", { date: formatDateTime(person.createdAt, i18n.language) })}
        {person.disabledAt ? (
          <>
            {" · "}
            <strong>{t("people.disabledSince", { date: formatDateTime(person.disabledAt, i18n.language) })}</strong>
          </>
        ) : null}
      </p>

      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t("people.profile")}</h2>
        <Form method="post" className="card" noValidate key={person.id}>
          <CsrfInput />
          <input type="hidden" name="intent" value="profile" />
          <FormAlert error={errors.form} />
          <TextField name="name" label={t("people.fields.name")} defaultValue={textValue(submitted, "name", person.name)} error={errors.name} required />
          <TextField
            name="email"
            type="email"
            label={t("people.fields.email")}
            defaultValue={textValue(submitted, "email", person.email)}
            error={errors.email}
            required
          />
          <SelectField
            name="locale"
            label={t("people.fields.language")}
            defaultValue={textValue(submitted, "locale", person.locale)}
            error={errors.locale}
            options={LOCALES.map((l) => ({ value: l, label: LOCALE_NATIVE_NAMES[l], lang: l }))}
          />
          <SelectField
            name="organisationId"
            label={t("people.fields.organisation")}
            defaultValue={textValue(submitted, "organisationId", person.organisationId)}
            error={errors.organisationId}
            options={[{ value: "", label: t("people.noOrganisation") }, ...organisationOptions]}
          />
          <CheckboxGroup
            name="platformRoles"
            legend={t("people.fields.platformRoles")}
            options={PLATFORM_ROLES.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))}
            defaultValues={checkedValues(submitted, "platformRoles", person.platformRoles)}
            error={errors.platformRoles}
          />
          <SelectField
            name="disabled"
            label={t("people.fields.disabled")}
            hint={isMe ? t("people.fields.selfHint") : t("people.fields.disabledHint")}
            defaultValue={textValue(submitted, "disabled", person.disabled ? "yes" : "no")}
            error={errors.disabled}
            options={[
              { value: "no", label: t("people.fields.disabledNo") },
              { value: "yes", label: t("people.fields.disabledYes") },
            ]}
          />
          <div className="actions">
            <button type="submit" className="button">
              {t("common:actions.save")}
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="memberships-heading">
        <h2 id="memberships-heading">{t("people.memberships")}</h2>
        <FormAlert error={membershipErrors.form} />
        {memberships.length === 0 ? (
          <p className="empty">{t("people.noMemberships")}</p>
        ) : (
          <TableScroll labelledBy="memberships-heading">
            <table aria-labelledby="memberships-heading">
              <thead>
                <tr>
                  <th scope="col">{t("people.columns.network")}</th>
                  <th scope="col">{t("people.columns.role")}</th>
                  <th scope="col">{t("people.columns.manage")}</th>
                </tr>
              </thead>
              <tbody>
                {memberships.map((m) => (
                  <tr key={m.networkId}>
                    <td>
                      <Link to={`/networks/${m.networkSlug}`}>{m.networkName}</Link>
                    </td>
                    <td>{t(`common:roles.${m.role}`)}</td>
                    <td>
                      {m.networkArchived ? (
                        <span className="badge badge--archived">{t("networks.archived")}</span>
                      ) : (
                        <MembershipControls
                          fields={{ networkId: m.networkId }}
                          intents={{ change: "changeMembership", remove: "removeMembership" }}
                          role={m.role}
                          idSuffix={m.networkId}
                          subject={m.networkName}
                          labels={{
                            role: t("people.roleIn", { network: m.networkName }),
                            change: t("people.changeRole"),
                            remove: t("people.removeFromNetwork"),
                            confirmRemove: t("people.confirmRemove", { name: person.name, network: m.networkName }),
                          }}
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}

        <h3>{t("people.addToNetwork")}</h3>
        {joinableNetworks.length === 0 ? (
          <p className="empty">{t("people.noJoinableNetworks")}</p>
        ) : (
          <Form method="post" className="card" noValidate>
            <CsrfInput />
            <input type="hidden" name="intent" value="addMembership" />
            <SelectField
              name="networkId"
              label={t("people.fields.network")}
              defaultValue={textValue(membershipFailure?.values ?? null, "networkId", "")}
              error={membershipErrors.networkId}
              options={[{ value: "", label: t("form.choose") }, ...joinableNetworks.map((n) => ({ value: n.id, label: n.name }))]}
            />
            <SelectField
              name="role"
              label={t("people.fields.networkRole")}
              defaultValue={textValue(membershipFailure?.values ?? null, "role", "member")}
              error={membershipErrors.role}
              options={NETWORK_ROLES.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))}
            />
            <div className="actions">
              <button type="submit" className="button">
                {t("people.add")}
              </button>
            </div>
          </Form>
        )}
      </section>
    </>
  );
}
