/**
 * /intake — the queue of expressions of interest, for the project team (who work it) and the
 * advisory board (who read it). Filters by status and country are plain GET fields.
 */
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { COUNTRIES } from "#shared/roles";
import { can } from "#shared/policy";
import { INTEREST_STATUSES } from "#shared/intake/vocabulary";
import { parseQueueFilters } from "#shared/validation/interest-forms";
import { intakeQueue, requireIntakeView } from "~/lib/intake.server";
import { SelectField } from "~/components/fields";
import { fieldLabel } from "~/components/labels";
import { TableScroll } from "~/components/table-scroll";
import { formatDate } from "~/lib/format";
import { pageMeta } from "~/lib/meta";
import stylesheet from "~/components/intake/intake.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];
export const meta = pageMeta("intake:queue.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requireIntakeView(request, context);
  const filters = parseQueueFilters(new URL(request.url).searchParams);
  const queue = await intakeQueue(context.services, filters);
  return { ...queue, filters, manages: can(auth.actor, { type: "intake.manage" }) };
}

export default function IntakeQueuePage() {
  const { t, i18n } = useTranslation("intake");
  const { submissions, counts, filters, manages } = useLoaderData<typeof loader>();
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <div className="page">
      <h1>{t("queue.title")}</h1>
      <p>{t("queue.intro")}</p>
      <p>
        <Link to="/interest">{t("queue.publicForm")}</Link>
        {manages ? (
          <>
            {" · "}
            <Link to="/intake/team">{t("admin:projectTeam.title")}</Link>
          </>
        ) : null}
        {" · "}
        <Link to="/board/applications">{t("board:applications.title")}</Link>
      </p>
      <h2>{t("queue.byStatus")}</h2>
      <ul className="intake-counts">
        {INTEREST_STATUSES.map((s) => (
          <li key={s}>
            <Link to={`/intake?status=${s}`}>
              {t(`status.${s}`)}: {counts[s]}
            </Link>
          </li>
        ))}
      </ul>
      <Form method="get" className="intake-queue__filters">
        <SelectField
          name="status"
          label={t("queue.status")}
          defaultValue={filters.status ?? ""}
          options={[{ value: "", label: t("queue.allStatuses") }, ...INTEREST_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
        />
        <SelectField
          name="country"
          label={t("queue.country")}
          defaultValue={filters.country ?? ""}
          options={[{ value: "", label: t("queue.allCountries") }, ...COUNTRIES.map((c) => ({ value: c, label: t(`common:countries.${c}`) }))]}
        />
        <div className="actions">
          <button type="submit" className="button button--quiet">
            {t("queue.filter")}
          </button>
        </div>
      </Form>
      {submissions.length === 0 ? (
        <p className="empty">{total === 0 ? t("queue.empty") : t("queue.noneMatch")}</p>
      ) : (
        <TableScroll label={t("queue.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("queue.group")}</th>
                <th scope="col">{t("queue.country")}</th>
                <th scope="col">{t("queue.field")}</th>
                <th scope="col">{t("queue.members")}</th>
                <th scope="col">{t("queue.status")}</th>
                <th scope="col">{t("queue.received")}</th>
              </tr>
            </thead>
            <tbody>
              {submissions.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link to={`/intake/${s.id}`}>{s.groupName}</Link>
                  </td>
                  <td>{s.country ? t(`common:countries.${s.country}`) : ""}</td>
                  <td>{s.occupationalField === "other" ? s.fieldDescription : fieldLabel(t, s.occupationalField)}</td>
                  <td>{s.members.length}</td>
                  <td>
                    <span className="intake-status">{t(`status.${s.status}`)}</span>
                  </td>
                  <td>{formatDate(s.createdAt, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
