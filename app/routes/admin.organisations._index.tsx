import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listOrganisationsForAdmin } from "~/lib/admin.server";
import { COUNTRIES } from "#shared/roles";
import { authorize, requireAuth } from "~/lib/guards.server";
import { formatNumber } from "~/lib/format";
import { pageMeta } from "~/lib/meta";
import { TableScroll } from "~/components/table-scroll";

export const meta = pageMeta("admin:organisations.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "organisation.manage" });
  return { organisations: await listOrganisationsForAdmin(context.services) };
}

export default function AdminOrganisationsPage() {
  const { t, i18n } = useTranslation("admin");
  const { organisations } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("organisations.title")}</h1>
      <p>
        <Link to="/admin/organisations/new" className="button">
          {t("organisations.new")}
        </Link>
      </p>
      {organisations.length === 0 ? <p className="empty">{t("organisations.empty")}</p> : null}
      {organisations.length === 0
        ? null
        : COUNTRIES.map((country) => {
            const rows = organisations.filter((o) => o.country === country);
            const headingId = `organisations-${country}`;
            return (
              <section key={country} aria-labelledby={headingId}>
                <h2 id={headingId}>{t(`common:countries.${country}`)}</h2>
                {rows.length === 0 ? (
                  <p className="empty">{t("organisations.emptyCountry")}</p>
                ) : (
                  <TableScroll labelledBy={headingId}>
                    <table aria-labelledby={headingId}>
                      <thead>
                        <tr>
                          <th scope="col">{t("organisations.columns.name")}</th>
                          <th scope="col">{t("organisations.columns.type")}</th>
                          <th scope="col">{t("organisations.columns.sector")}</th>
                          <th scope="col">{t("organisations.columns.location")}</th>
                          <th scope="col">{t("organisations.columns.networks")}</th>
                          <th scope="col">{t("organisations.columns.people")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {rows.map((o) => (
                          <tr key={o.id}>
                            <td>
                              <Link to={`/admin/organisations/${o.id}`}>{o.name}</Link>
                            </td>
                            <td>{t(`common:organisationTypes.${o.type}`)}</td>
                            <td>{t(`common:sectors.${o.sector}`)}</td>
                            <td>
                              {o.city}, {o.region}
                            </td>
                            <td>{formatNumber(o.networkCount, i18n.language)}</td>
                            <td>{formatNumber(o.peopleCount, i18n.language)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableScroll>
                )}
              </section>
            );
          })}
    </>
  );
}
