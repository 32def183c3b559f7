import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { auditPage } from "~/lib/admin.server";
import { pageNumber } from "~/lib/paging.server";
import { authorize, requireAuth } from "~/lib/guards.server";
import { auditActionLabel, targetTypeLabel } from "~/components/admin-labels";
import { Pager } from "~/components/pager";
import { formatDateTime } from "~/lib/format";
import { pageMeta } from "~/lib/meta";
import { TableScroll } from "~/components/table-scroll";

export const meta = pageMeta("admin:audit.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "platform.admin" });
  return auditPage(context.services, pageNumber(new URL(request.url).searchParams.get("page")));
}

export default function AdminAuditPage() {
  const { t, i18n } = useTranslation("admin");
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <h1 id="audit-heading">{t("audit.title")}</h1>
      <p>{t("audit.intro")}</p>
      {data.entries.length === 0 ? (
        <p className="empty">{data.page > 1 ? t("common:paging.nothingHere") : t("audit.empty")}</p>
      ) : (
        <TableScroll labelledBy="audit-heading">
          <table aria-labelledby="audit-heading">
            <thead>
              <tr>
                <th scope="col">{t("audit.columns.at")}</th>
                <th scope="col">{t("audit.columns.actor")}</th>
                <th scope="col">{t("audit.columns.action")}</th>
                <th scope="col">{t("audit.columns.target")}</th>
                <th scope="col">{t("audit.columns.ip")}</th>
              </tr>
            </thead>
            <tbody>
              {data.entries.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.at, i18n.language)}</td>
                  <td>{e.actorName ?? <span className="muted">{e.actorId ? t("audit.deletedPerson") : t("audit.noActor")}</span>}</td>
                  <td>{auditActionLabel(t, e.action)}</td>
                  <td>
                    {e.targetType ? (
                      <>
                        {targetTypeLabel(t, e.targetType)}: {e.targetName ?? <span className="muted">{e.targetId}</span>}
                      </>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td>{e.ip ?? <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pager basePath="/admin/audit" page={data.page} hasNewer={data.hasNewer} hasOlder={data.hasOlder} />
    </>
  );
}
