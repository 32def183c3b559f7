import { Fragment } from "react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listPeopleForAdmin } from "~/lib/admin.server";
import { authorize, requireAuth } from "~/lib/guards.server";
import { pageMeta } from "~/lib/meta";
import { TableScroll } from "~/components/table-scroll";

export const meta = pageMeta("admin:people.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "platform.admin" });
  return { people: await listPeopleForAdmin(context.services) };
}

export default function AdminPeoplePage() {
  const { t } = useTranslation("admin");
  const { people } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 id="people-heading">{t("people.title")}</h1>
      <p>
        {t("people.intro")} <Link to="/admin/invite">{t("people.inviteLink")}</Link>
      </p>
      {people.length === 0 ? (
        <p className="empty">{t("people.empty")}</p>
      ) : (
        <TableScroll labelledBy="people-heading">
          <table aria-labelledby="people-heading">
            <thead>
              <tr>
                <th scope="col">{t("people.columns.name")}</th>
                <th scope="col">{t("people.columns.organisation")}</th>
                <th scope="col">{t("people.columns.platformRoles")}</th>
                <th scope="col">{t("people.columns.memberships")}</th>
                <th scope="col">{t("people.columns.status")}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/admin/people/${p.id}`}>{p.name}</Link>
                    <br />
                    <span className="muted">{p.email}</span>
                  </td>
                  <td>{p.organisationName ?? <span className="muted">{t("people.noOrganisation")}</span>}</td>
                  <td>
                    {p.platformRoles.length === 0 ? (
                      <span className="muted">{t("people.noPlatformRoles")}</span>
                    ) : (
                      p.platformRoles.map((r) => (
                        <Fragment key={r}>
                          <span className="badge">{t(`common:roles.${r}`)}</span>{" "}
                        </Fragment>
                      ))
                    )}
                  </td>
                  <td>
                    {p.memberships.length === 0 ? (
                      <span className="muted">{t("people.noMemberships")}</span>
                    ) : (
                      <ul className="plain-list">
                        {p.memberships.map((m) => (
                          <li key={m.networkId}>
                            {m.networkName} ({t(`common:roles.${m.role}`)})
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>{p.disabled ? <strong>{t("people.status.disabled")}</strong> : t("people.status.active")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
