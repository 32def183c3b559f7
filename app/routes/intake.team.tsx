/**
 * /intake/team — the project team's own page: who is in it, inviting a successor
 * organisation's accounts with the project team's role, and leaving the team (never as its
 * last member, so the intake always has someone). Only the project team sees it.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LOCALES, LOCALE_NATIVE_NAMES } from "#shared/i18n/config";
import { projectTeamAction, projectTeamLoader } from "~/lib/intake-team.server";
import { CsrfInput } from "~/components/csrf-input";
import { FormAlert, Notice, SelectField, TextField } from "~/components/fields";
import { RevokeInvitationButton } from "~/components/revoke-invitation-button";
import { TableScroll } from "~/components/table-scroll";
import { textValue } from "~/lib/form-values";
import { formatDate } from "~/lib/format";
import { pageMeta } from "~/lib/meta";
import { useResetOnSuccess } from "~/lib/use-reset-on-success";
import stylesheet from "~/components/intake/intake.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];
export const meta = pageMeta("admin:projectTeam.title");

export const loader = (args: LoaderFunctionArgs) => projectTeamLoader(args);
export const action = (args: ActionFunctionArgs) => projectTeamAction(args);

interface TeamActionResult {
  ok: boolean;
  intent?: unknown;
  done?: "invited" | "added" | "revoked";
  email?: string;
  errors?: Record<string, string>;
  values?: Record<string, string | string[]>;
}

export default function ProjectTeamPage() {
  const { t, i18n } = useTranslation("admin");
  const { members, invitations, mayLeave, defaultLocale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as TeamActionResult | undefined;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const inviteForm = useResetOnSuccess(result?.intent === "invite" ? result : undefined);
  const failed = (intent: string) => (result && !result.ok && result.intent === intent ? result : null);
  const inviteErrors = failed("invite")?.errors ?? {};
  const inviteValues = failed("invite")?.values ?? null;

  return (
    <div className="page page--medium">
      <p>
        <Link to="/intake">{t("projectTeam.back")}</Link>
      </p>
      <h1>{t("projectTeam.title")}</h1>
      <p>{t("projectTeam.intro")}</p>
      {result?.ok && result.done && result.email ? <Notice>{t(`projectTeam.done.${result.done}`, { email: result.email })}</Notice> : null}

      <section aria-labelledby="team-members-heading">
        <h2 id="team-members-heading">{t("projectTeam.members.heading")}</h2>
        <TableScroll labelledBy="team-members-heading">
          <table aria-labelledby="team-members-heading">
            <thead>
              <tr>
                <th scope="col">{t("projectTeam.members.name")}</th>
                <th scope="col">{t("projectTeam.members.email")}</th>
                <th scope="col">{t("projectTeam.members.organisation")}</th>
                <th scope="col">{t("projectTeam.members.since")}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.id}>
                  <td>
                    {m.name}
                    {m.isYou ? ` ${t("projectTeam.members.you")}` : null}
                    {m.disabled ? (
                      <>
                        {" "}
                        <span className="badge">{t("projectTeam.members.disabled")}</span>
                      </>
                    ) : null}
                  </td>
                  <td>{m.email}</td>
                  <td>{m.organisation ?? "—"}</td>
                  <td>{formatDate(m.since, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="team-invite-heading">
        <h2 id="team-invite-heading">{t("projectTeam.invite.heading")}</h2>
        <p>{t("projectTeam.invite.hint")}</p>
        <Form ref={inviteForm} method="post" className="card" noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="invite" />
          <FormAlert error={inviteErrors.form} />
          <TextField name="email" type="email" label={t("projectTeam.invite.email")} defaultValue={textValue(inviteValues, "email", "")} error={inviteErrors.email} autoComplete="off" required />
          <SelectField
            name="locale"
            label={t("projectTeam.invite.language")}
            hint={t("projectTeam.invite.languageHint")}
            defaultValue={textValue(inviteValues, "locale", defaultLocale)}
            error={inviteErrors.locale}
            options={LOCALES.map((l) => ({ value: l, label: LOCALE_NATIVE_NAMES[l], lang: l }))}
          />
          <div className="actions">
            <button type="submit" className="button" disabled={busy}>
              {t("projectTeam.invite.submit")}
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="team-open-heading">
        <h2 id="team-open-heading">{t("projectTeam.open.heading")}</h2>
        <FormAlert error={failed("revokeInvitation")?.errors?.form} />
        {invitations.length === 0 ? (
          <p className="empty">{t("projectTeam.open.empty")}</p>
        ) : (
          <TableScroll labelledBy="team-open-heading">
            <table aria-labelledby="team-open-heading">
              <thead>
                <tr>
                  <th scope="col">{t("projectTeam.open.email")}</th>
                  <th scope="col">{t("projectTeam.open.invitedBy")}</th>
                  <th scope="col">{t("projectTeam.open.expires")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("projectTeam.open.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {invitations.map((inv) => (
                  <tr key={inv.id}>
                    <td>{inv.email}</td>
                    <td>{inv.invitedBy ?? "—"}</td>
                    <td>{formatDate(inv.expiresAt, i18n.language)}</td>
                    <td>
                      <RevokeInvitationButton invitationId={inv.id} email={inv.email} label={t("projectTeam.open.revoke")} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section aria-labelledby="team-leave-heading">
        <h2 id="team-leave-heading">{t("projectTeam.leave.heading")}</h2>
        <p>{t("projectTeam.leave.hint")}</p>
        <FormAlert error={failed("leave")?.errors?.form} />
        {mayLeave ? (
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="leave" />
            <button type="submit" className="button button--danger" disabled={busy}>
              {t("projectTeam.leave.submit")}
            </button>
          </Form>
        ) : (
          <p className="alert alert--info">{t("projectTeam.leave.onlyMember")}</p>
        )}
      </section>
    </div>
  );
}
