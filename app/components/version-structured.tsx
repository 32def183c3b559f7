/**
 * The activities and milestones of a stored version, as read-only tables (the same labels
 * as in the editor, from the workprogramme namespace).
 */
import { useTranslation } from "react-i18next";
import type { Activity, Milestone } from "#shared/collab/work-programme-doc";
import { formatDay, formatMonth } from "#shared/calendar-format";
import { TableScroll } from "~/components/table-scroll";

export function VersionActivities({
  activities,
  organisationNames,
  locale,
}: {
  activities: Activity[];
  organisationNames: Record<string, string>;
  locale: string;
}) {
  const { t } = useTranslation("workprogramme");
  const notSet = <span className="empty">{t("activities.notSet")}</span>;
  return (
    <section className="wp-section" aria-labelledby="version-activities-heading">
      <h2 id="version-activities-heading">{t("activities.heading")}</h2>
      {activities.length === 0 ? (
        <p className="empty">{t("activities.empty")}</p>
      ) : (
        <TableScroll labelledBy="version-activities-heading">
          <table className="wp-table version-activities" aria-labelledby="version-activities-heading">
            <thead>
              <tr>
                <th scope="col">{t("activities.title")}</th>
                <th scope="col">{t("activities.responsible")}</th>
                <th scope="col">{t("activities.start")}</th>
                <th scope="col">{t("activities.end")}</th>
                <th scope="col">{t("activities.status")}</th>
                <th scope="col">{t("activities.note")}</th>
              </tr>
            </thead>
            <tbody>
              {activities.map((a) => (
                <tr key={a.id}>
                  <th scope="row" className="wp-table__rowhead">
                    {a.title || <span className="empty">{t("activities.untitled")}</span>}
                  </th>
                  <td>
                    {a.responsible.length === 0 ? (
                      <span className="empty">{t("activities.noneResponsible")}</span>
                    ) : (
                      <ul className="plain-list">
                        {a.responsible.map((id) => (
                          <li key={id}>{organisationNames[id] ?? t("activities.unknownOrganisation")}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>{a.start ? formatMonth(a.start, locale) : notSet}</td>
                  <td>{a.end ? formatMonth(a.end, locale) : notSet}</td>
                  <td>{t(`activities.statuses.${a.status}`)}</td>
                  <td className="wp-table__note">{a.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

export function VersionMilestones({ milestones, locale }: { milestones: Milestone[]; locale: string }) {
  const { t } = useTranslation("workprogramme");
  return (
    <section className="wp-section" aria-labelledby="version-milestones-heading">
      <h2 id="version-milestones-heading">{t("milestones.heading")}</h2>
      {milestones.length === 0 ? (
        <p className="empty">{t("milestones.empty")}</p>
      ) : (
        <TableScroll labelledBy="version-milestones-heading">
          <table className="wp-table version-milestones" aria-labelledby="version-milestones-heading">
            <thead>
              <tr>
                <th scope="col">{t("milestones.title")}</th>
                <th scope="col">{t("milestones.due")}</th>
                <th scope="col">{t("milestones.reached")}</th>
              </tr>
            </thead>
            <tbody>
              {milestones.map((m) => (
                <tr key={m.id}>
                  <th scope="row" className="wp-table__rowhead">
                    {m.title || <span className="empty">{t("milestones.untitled")}</span>}
                  </th>
                  <td>{m.due ? formatDay(m.due, locale) : <span className="empty">{t("activities.notSet")}</span>}</td>
                  <td>{m.reached ? `✓ ${t("milestones.yes")}` : t("milestones.no")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
