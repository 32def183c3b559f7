import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ArchivedNetworkNotice } from "~/components/archived-network-notice";
import { useTranslation } from "react-i18next";
import { changeMemberRole, handOverCoordination, networkBySlug, networkHome, projectEnd, removeMember } from "~/lib/networks.server";
import { invitePerson, revokeInvitation } from "~/lib/invitations.server";
import { changeRoleForm, handOverForm, inviteToNetworkForm, removeMemberForm, revokeInvitationForm } from "#shared/validation/network-forms";
import { can } from "#shared/policy";
import { LOCALES, LOCALE_NATIVE_NAMES } from "#shared/i18n/config";
import { COUNTRIES, NETWORK_ROLES } from "#shared/roles";
import { authorize, notFound, requireAuth } from "~/lib/guards.server";
import { formError, formValues, invalid, parseWith, readForm } from "~/lib/forms.server";
import { CsrfInput } from "~/components/csrf-input";
import { upcomingEvents } from "~/lib/calendar.server";
import { UpcomingEvents } from "~/components/events/upcoming-events";
import { RevokeInvitationButton } from "~/components/revoke-invitation-button";
import { MembershipControls } from "~/components/membership-controls";
import { FormAlert, Notice, SelectField, TextField } from "~/components/fields";
import { fieldLabel, themeLabel } from "~/components/labels";
import { formatDate } from "~/lib/format";
import { pageMeta } from "~/lib/meta";
import { useResetOnSuccess } from "~/lib/use-reset-on-success";
import { TableScroll } from "~/components/table-scroll";
import { HandOverForm } from "~/components/hand-over-form";

export const meta = pageMeta<{ network: { name: string } }>((_t, data) => data.network.name);

async function loadNetwork(request: Request, context: LoaderFunctionArgs["context"], slug: string | undefined) {
  const auth = requireAuth(request, context);
  const network = await networkBySlug(context.services, slug);
  if (!network) notFound();
  authorize(auth, { type: "network.view", networkId: network.id });
  return { auth, network };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { auth, network } = await loadNetwork(request, context, params.slug);
  const [home, events] = await Promise.all([networkHome(context.services, auth.actor, network), upcomingEvents(context.services, auth.actor, 3, { kind: "network", networkId: network.id })]);
  const canHandOver = can(auth.actor, { type: "network.handOverCoordination", networkId: network.id });
  // Only members can receive coordination; the coordinators already have it.
  const handOverCandidates = canHandOver
    ? home.members.filter((m) => !m.isMe && m.role === "member").map((m) => ({ userId: m.userId, name: m.name, organisationName: m.organisationName }))
    : [];
  return { ...home, events, defaultLocale: context.locale, canHandOver, handOverCandidates, projectEnd: projectEnd(context.services) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { auth, network } = await loadNetwork(request, context, params.slug);
  const form = await readForm(request, context);
  const intent = form.get("intent");
  const networkId = network.id;

  if (intent === "invite") {
    const parsed = parseWith(inviteToNetworkForm, form);
    if (!parsed.ok) return invalid(parsed);
    authorize(auth, { type: "network.invite", networkId, role: parsed.data.role });
    const outcome = await invitePerson(
      context.services,
      { id: auth.user.id, name: auth.user.name },
      { email: parsed.data.email, locale: parsed.data.locale, networkId, networkRole: parsed.data.role, platformRole: null },
      context.ip,
    );
    return { ok: true as const, done: outcome.kind === "added" ? "added" : "invited", email: parsed.data.email };
  }

  if (intent === "handOver") {
    authorize(auth, { type: "network.handOverCoordination", networkId });
    const parsed = parseWith(handOverForm, form);
    if (!parsed.ok) return invalid(parsed);
    const result = await handOverCoordination(context.services, auth.actor, { networkId, ...parsed.data }, context.ip);
    if (result.ok) return { ok: true as const, done: parsed.data.stayCoordinator ? "coordinationShared" : "handedOver", email: "", name: result.recipient.name };
    // The policy said yes a moment ago; a refusal now means the role changed in between.
    if (result.error === "forbidden") throw new Response("Forbidden", { status: 403 });
    if (result.error === "notCoordinator" || result.error === "archived") return formError(`network:handOver.errors.${result.error}`, form, 409);
    return invalid({ errors: { recipientId: `network:handOver.errors.${result.error}` }, values: formValues(form) });
  }

  authorize(auth, { type: "network.manageMembers", networkId });
  if (intent === "changeRole") {
    const parsed = parseWith(changeRoleForm, form);
    if (!parsed.ok) return invalid(parsed);
    const result = await changeMemberRole(context.services, auth.user.id, networkId, parsed.data.userId, parsed.data.role, context.ip);
    return result.ok ? { ok: true as const, done: "roleChanged", email: "" } : formError(`network:errors.${result.error}`, form, 409);
  }
  if (intent === "removeMember") {
    const parsed = parseWith(removeMemberForm, form);
    if (!parsed.ok) return invalid(parsed);
    const result = await removeMember(context.services, auth.user.id, networkId, parsed.data.userId, context.ip);
    return result.ok ? { ok: true as const, done: "removed", email: "" } : formError(`network:errors.${result.error}`, form, 409);
  }
  if (intent === "revokeInvitation") {
    const parsed = parseWith(revokeInvitationForm, form);
    if (!parsed.ok) return invalid(parsed);
    await revokeInvitation(context.services, auth.user.id, networkId, parsed.data.invitationId, context.ip);
    return { ok: true as const, done: "revoked", email: "" };
  }
  return formError("validation.unknownAction", form);
}

export default function NetworkHomePage() {
  const { t, i18n } = useTranslation("network");
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const inviteForm = useResetOnSuccess(result);
  const errors: Record<string, string> = result && !result.ok ? result.errors : {};
  const values: Record<string, unknown> = result && !result.ok ? result.values : {};
  const handOverSent = values.intent === "handOver";
  const { network } = data;

  return (
    <div className="page">
      <p className="muted">{t("home.kicker")}</p>
      <h1>{network.name}</h1>
      <ArchivedNetworkNotice archivedAt={network.archivedAt} />
      {data.projectEnd.ended && !network.archivedAt ? (
        <p className="alert alert--info">{t("projectEnd.notice", { date: formatDate(data.projectEnd.date, i18n.language) })}</p>
      ) : null}
      {result?.ok ? <Notice>{t(`home.done.${result.done}`, { email: result.email, name: "name" in result ? result.name : "" })}</Notice> : null}
      <FormAlert error={errors.form} />
      <div className="card">
        <dl className="facts">
          <dt>{t("home.field")}</dt>
          <dd>{fieldLabel(t, network.occupationalField)}</dd>
          <dt>{t("home.themes")}</dt>
          <dd>
            {network.themes.length === 0 ? <span className="empty">{t("home.noThemes")}</span> : null}
            {network.themes.map((theme) => (
              <span key={theme} className="tag">
                {themeLabel(t, theme)}
              </span>
            ))}
          </dd>
        </dl>
        {network.description ? <p>{network.description}</p> : <p className="empty">{t("home.noDescription")}</p>}
      </div>
      <section className="card network-wp-link" aria-labelledby="wp-link-heading">
        <h2 id="wp-link-heading">{t("workprogramme:networkLink.heading")}</h2>
        <p>{t("workprogramme:networkLink.body")}</p>
        <p>
          <Link to={`/networks/${network.slug}/work-programmes`}>{t("workprogramme:networkLink.link")}</Link>
        </p>
      </section>
      <UpcomingEvents events={data.events} allPath={`/networks/${network.slug}/events`} showOwner={false} />
      <section className="card network-wp-link" aria-labelledby="library-link-heading">
        <h2 id="library-link-heading">{t("library:networkLink.heading")}</h2>
        <p>{t("library:networkLink.body")}</p>
        <p>
          <Link to={`/networks/${network.slug}/library`}>{t("library:networkLink.link")}</Link>
        </p>
      </section>

      <h2>{t("home.organisations")}</h2>
      <div className="columns">
        {COUNTRIES.map((country) => {
          const orgs = data.organisations.filter((o) => o.country === country);
          return (
            <section key={country} aria-labelledby={`orgs-${country}`}>
              <h3 id={`orgs-${country}`}>{t(`common:countries.${country}`)}</h3>
              {orgs.length === 0 ? (
                <p className="empty">{t("home.noOrganisations")}</p>
              ) : (
                <ul>
                  {orgs.map((o) => (
                    <li key={o.id}>
                      <Link to={`/organisations/${o.id}`}>{o.name}</Link>
                      <br />
                      <span className="muted">
                        {t(`common:organisationTypes.${o.type}`)} · {t(`common:sectors.${o.sector}`)} · {o.city}, {o.region}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>

      <h2 id="people-heading">{t("home.people")}</h2>
      {data.members.length === 0 ? (
        <p className="empty">{t("home.noPeople")}</p>
      ) : (
        <TableScroll labelledBy="people-heading">
          <table aria-labelledby="people-heading">
            <thead>
              <tr>
                <th scope="col">{t("home.personName")}</th>
                <th scope="col">{t("home.personOrganisation")}</th>
                <th scope="col">{t("home.personRole")}</th>
                {data.canManageMembers ? <th scope="col">{t("home.manage")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.members.map((m) => (
                <tr key={m.userId}>
                  <td>
                    {m.name}
                    {m.email ? (
                      <>
                        <br />
                        <span className="muted">{m.email}</span>
                      </>
                    ) : null}
                  </td>
                  <td>{m.organisationId ? <Link to={`/organisations/${m.organisationId}`}>{m.organisationName}</Link> : "—"}</td>
                  <td>{t(`common:roles.${m.role}`)}</td>
                  {data.canManageMembers ? (
                    <td>
                      <MembershipControls
                        fields={{ userId: m.userId }}
                        intents={{ change: "changeRole", remove: "removeMember" }}
                        role={m.role}
                        idSuffix={m.userId}
                        subject={m.name}
                        labels={{
                          role: t("home.roleFor", { name: m.name }),
                          change: t("home.changeRole"),
                          remove: t("home.remove"),
                          confirmRemove: t("home.confirmRemove", { name: m.name }),
                        }}
                      />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      {data.canManageMembers ? (
        <section aria-labelledby="invite-heading">
          <h2 id="invite-heading">{t("home.invite")}</h2>
          <Form ref={inviteForm} method="post" className="card" noValidate>
            <CsrfInput />
            <input type="hidden" name="intent" value="invite" />
            <TextField name="email" type="email" label={t("home.inviteEmail")} defaultValue={String(values.email ?? "")} error={errors.email} required />
            <SelectField
              name="role"
              label={t("home.inviteRole")}
              defaultValue={String(values.role ?? "member")}
              error={errors.role}
              options={NETWORK_ROLES.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))}
            />
            <SelectField
              name="locale"
              label={t("home.inviteLanguage")}
              hint={t("home.inviteLanguageHint")}
              defaultValue={String(values.locale ?? data.defaultLocale)}
              error={errors.locale}
              options={LOCALES.map((l) => ({ value: l, label: LOCALE_NATIVE_NAMES[l], lang: l }))}
            />
            <button type="submit" className="button">
              {t("home.sendInvitation")}
            </button>
          </Form>
          <h3>{t("home.openInvitations")}</h3>
          {data.invitations.length === 0 ? (
            <p className="empty">{t("home.noOpenInvitations")}</p>
          ) : (
            <ul>
              {data.invitations.map((inv) => (
                <li key={inv.id}>
                  {inv.email} · {t(`common:roles.${inv.role ?? "member"}`)} · {t("home.expires", { date: formatDate(inv.expiresAt, i18n.language) })}{" "}
                  <RevokeInvitationButton invitationId={inv.id} email={inv.email} label={t("home.revoke")} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {data.canHandOver ? <HandOverForm candidates={data.handOverCandidates} errors={handOverSent ? errors : {}} values={handOverSent ? values : {}} /> : null}
    </div>
  );
}
