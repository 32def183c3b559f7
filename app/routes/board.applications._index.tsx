/**
 * /board/applications — the joint applications before the advisory board. Each member sees
 * their own progress; the ranking of an application shows once they have submitted their
 * review of it (or declared a conflict), never before. The project team sees the ranking.
 */
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { can } from "#shared/policy";
import { authorize, requireAuth } from "~/lib/guards.server";
import { boardApplications } from "~/lib/partnerships.server";
import { TableScroll } from "~/components/table-scroll";
import { formatDate } from "~/lib/format";
import { pageMeta } from "~/lib/meta";
import stylesheet from "~/components/intake/intake.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];
export const meta = pageMeta("board:applications.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "board.selection" });
  return { applications: await boardApplications(context.services, auth.actor), scores: can(auth.actor, { type: "application.score" }), manages: can(auth.actor, { type: "intake.manage" }) };
}

const score = (value: number | null | undefined, locale: string) => (value === null || value === undefined ? "–" : value.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

export default function BoardApplicationsPage() {
  const { t, i18n } = useTranslation("board");
  const { applications, scores, manages } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("applications.title")}</h1>
      <p>{t("applications.intro")}</p>
      {manages ? (
        <p>
          <Link to="/board/rubric">{t("rubric.title")}</Link>
        </p>
      ) : null}
      {applications.length === 0 ? (
        <p className="empty">{t("applications.empty")}</p>
      ) : (
        <TableScroll label={t("applications.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("applications.name")}</th>
                <th scope="col">{t("applications.status")}</th>
                <th scope="col">{t("applications.submitted")}</th>
                {scores ? <th scope="col">{t("applications.yourReview")}</th> : null}
                <th scope="col">{t("applications.score")}</th>
                <th scope="col">{t("applications.reviews")}</th>
              </tr>
            </thead>
            <tbody>
              {applications.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`/board/applications/${a.id}`}>{a.name}</Link>
                  </td>
                  <td>{t(`partnershipStatus.${a.status}`)}</td>
                  <td>{a.submittedAt ? formatDate(a.submittedAt, i18n.language) : "–"}</td>
                  {scores ? <td>{t(`reviewStatus.${a.ownStatus ?? "none"}`)}</td> : null}
                  <td>{a.aggregate ? score(a.aggregate.score, i18n.language) : t("applications.hiddenUntilYours")}</td>
                  <td>{a.aggregate ? t("applications.reviewCounts", { submitted: a.aggregate.submitted, conflicts: a.aggregate.conflicts }) : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
