/**
 * /admin/documents — "Documents with problems": co-edited documents whose derived text
 * and JSON (search, previews, exports, automatic versions) could not be brought up to
 * date, with the error and when it last happened. An entry disappears by itself once a
 * later derivation of the document succeeds. Admins only, like every /admin page.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { documentProblems } from "~/lib/admin.server";
import { authorize, requireAuth } from "~/lib/guards.server";
import { formatDateTime } from "~/lib/format";
import { pageMeta } from "~/lib/meta";
import { TableScroll } from "~/components/table-scroll";

export const meta = pageMeta("admin:documents.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "platform.admin" });
  return { problems: await documentProblems(context.services) };
}

export default function AdminDocumentProblemsPage() {
  const { t, i18n } = useTranslation("admin");
  const { problems } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 id="documents-heading">{t("documents.title")}</h1>
      <p>{t("documents.intro")}</p>
      {problems.length === 0 ? (
        <p className="empty">{t("documents.empty")}</p>
      ) : (
        <TableScroll labelledBy="documents-heading">
          <table aria-labelledby="documents-heading">
            <thead>
              <tr>
                <th scope="col">{t("documents.columns.document")}</th>
                <th scope="col">{t("documents.columns.error")}</th>
                <th scope="col">{t("documents.columns.at")}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((p) => (
                <tr key={p.name} data-testid="document-problem" data-doc-name={p.name}>
                  <td>
                    {p.title && p.path ? <Link to={p.path}>{p.title}</Link> : p.title ?? <span className="muted">{t("documents.unknownDocument")}</span>}
                    <br />
                    <code className="muted">{p.name}</code>
                  </td>
                  {/* The error is the program's own wording (not translated), shown as it was logged. */}
                  <td>
                    <code lang="en">{p.error}</code>
                  </td>
                  <td>{p.failedAt ? formatDateTime(p.failedAt, i18n.language) : <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
