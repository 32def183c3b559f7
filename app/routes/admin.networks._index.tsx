import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listNetworksForAdmin } from "~/lib/admin.server";
import { authorize, requireAuth } from "~/lib/guards.server";
import { fieldLabel } from "~/components/labels";
import { formatNumber } from "~/lib/format";
import { pageMeta } from "~/lib/meta";
import { TableScroll } from "~/components/table-scroll";

export const meta = pageMeta("admin:networks.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "network.manage" });
  return { networks: await listNetworksForAdmin(context.services) };
}

export default function AdminNetworksPage() {
  const { t, i18n } = useTranslation("admin");
  const { networks } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 id="networks-heading">{t("networks.title")}</h1>
      <p>
        <Link to="/admin/networks/new" className="button">
          {t("networks.new")}
        </Link>
      </p>
      {networks.length === 0 ? (
        <p className="empty">{t("networks.empty")}</p>
      ) : (
        <TableScroll labelledBy="networks-heading">
          <table aria-labelledby="networks-heading">
            <thead>
              <tr>
                <th scope="col">{t("networks.columns.name")}</th>
                <th scope="col">{t("networks.columns.field")}</th>
                <th scope="col">{t("networks.columns.organisations")}</th>
                <th scope="col">{t("networks.columns.members")}</th>
                <th scope="col">{t("networks.columns.page")}</th>
              </tr>
            </thead>
            <tbody>
              {networks.map((n) => (
                <tr key={n.id}>
                  <td>
                    <Link to={`/admin/networks/${n.id}`}>{n.name}</Link>
                    {n.archived ? (
                      <>
                        {" "}
                        <span className="badge">{t("networks.archived")}</span>
                      </>
                    ) : null}
                  </td>
                  <td>{fieldLabel(t, n.occupationalField)}</td>
                  <td>{formatNumber(n.organisationCount, i18n.language)}</td>
                  <td>{formatNumber(n.memberCount, i18n.language)}</td>
                  <td>
                    <Link to={`/networks/${n.slug}`}>
                      /networks/{n.slug}
                      <span className="visually-hidden"> – {n.name}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
