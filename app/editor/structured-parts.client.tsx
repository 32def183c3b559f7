/**
 * The structured part of a work programme, co-edited live: activities (with responsible
 * organisations, months and status), milestones, and a month-by-month timeline. Every
 * change is written to the Y.Doc at once; everything shown is read back through the
 * shared sanitisers and re-rendered on any change, local or remote.
 */
import { useTranslation } from "react-i18next";
import type * as Y from "yjs";
import {
  ACTIVITIES_FIELD,
  ACTIVITY_STATUSES,
  MILESTONES_FIELD,
  readActivities,
  readMilestones,
  type Activity,
  type ActivityStatus,
  type Milestone,
} from "#shared/collab/work-programme-doc";
import { addActivity, addMilestone } from "#shared/collab/work-programme-doc";
import { removeItem, setItemField } from "#shared/collab/list-fields";
import { buildTimeline } from "./timeline";
import { DeleteItemButton, useFocusOnAdd, useList } from "./structured-items.client";
import { formatDay, formatMonth } from "#shared/calendar-format";
import { TableScroll } from "~/components/table-scroll";
import { DateField, MonthField } from "~/components/date-parts";

export interface NetworkOrganisation {
  id: string;
  name: string;
  country: string;
}

/** The responsible organisations after ticking or unticking one, in the network's order. */
function toggled(current: string[], id: string, on: boolean, organisations: NetworkOrganisation[]): string[] {
  const next = new Set(current.filter((x) => x !== id));
  if (on) next.add(id);
  const known = organisations.map((o) => o.id).filter((x) => next.has(x));
  // Organisations that left the network stay until someone removes them on purpose.
  return [...known, ...[...next].filter((x) => !known.includes(x))];
}

const statusClass = (status: ActivityStatus) => `wp-status-tag wp-status-tag--${status.replace("_", "-")}`;

export function StructuredParts({
  doc,
  editable,
  organisations,
  locale,
}: {
  doc: Y.Doc;
  editable: boolean;
  organisations: NetworkOrganisation[];
  locale: string;
}) {
  const activities = useList(doc, ACTIVITIES_FIELD, readActivities);
  const milestones = useList(doc, MILESTONES_FIELD, readMilestones);
  return (
    <>
      <Activities doc={doc} activities={activities} editable={editable} organisations={organisations} locale={locale} />
      <Timeline activities={activities} locale={locale} />
      <Milestones doc={doc} milestones={milestones} editable={editable} locale={locale} />
    </>
  );
}

function Activities({
  doc,
  activities,
  editable,
  organisations,
  locale,
}: {
  doc: Y.Doc;
  activities: Activity[];
  editable: boolean;
  organisations: NetworkOrganisation[];
  locale: string;
}) {
  const { t } = useTranslation("workprogramme");
  const focusLater = useFocusOnAdd();
  const orgName = (id: string) => organisations.find((o) => o.id === id)?.name ?? t("activities.unknownOrganisation");
  const set = (id: string, key: keyof Activity, value: unknown) => setItemField(doc, ACTIVITIES_FIELD, id, key, value);
  const titleOf = (a: Activity, index: number) => a.title.trim() || t("activities.numbered", { n: index + 1 });

  return (
    <section className="wp-section" aria-labelledby="wp-activities-heading">
      <h2 id="wp-activities-heading">{t("activities.heading")}</h2>
      {activities.length === 0 ? <p className="empty">{t("activities.empty")}</p> : null}
      {activities.length > 0 ? (
        <TableScroll labelledBy="wp-activities-heading">
          <table className="wp-table wp-activities" aria-labelledby="wp-activities-heading">
            <thead>
              <tr>
                <th scope="col">{t("activities.title")}</th>
                <th scope="col">{t("activities.responsible")}</th>
                <th scope="col">{t("activities.start")}</th>
                <th scope="col">{t("activities.end")}</th>
                <th scope="col">{t("activities.status")}</th>
                <th scope="col">{t("activities.note")}</th>
                {editable ? <th scope="col">{t("activities.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {activities.map((a, index) => {
                const title = titleOf(a, index);
                const label = (field: string) => t("activities.fieldOf", { field, title });
                const endBeforeStart = Boolean(a.start && a.end && a.end < a.start);
                if (!editable) {
                  return (
                    <tr key={a.id} data-activity-id={a.id}>
                      <th scope="row" className="wp-table__rowhead">
                        {a.title || <span className="empty">{t("activities.untitled")}</span>}
                      </th>
                      <td>
                        {a.responsible.length === 0 ? (
                          <span className="empty">{t("activities.noneResponsible")}</span>
                        ) : (
                          <ul className="plain-list">
                            {a.responsible.map((id) => (
                              <li key={id}>{orgName(id)}</li>
                            ))}
                          </ul>
                        )}
                      </td>
                      <td>{a.start ? formatMonth(a.start, locale) : <span className="empty">{t("activities.notSet")}</span>}</td>
                      <td>{a.end ? formatMonth(a.end, locale) : <span className="empty">{t("activities.notSet")}</span>}</td>
                      <td>
                        <span className={statusClass(a.status)}>{t(`activities.statuses.${a.status}`)}</span>
                      </td>
                      <td className="wp-table__note">{a.note}</td>
                    </tr>
                  );
                }
                const ids = { title: `act-${a.id}-title`, end: `act-${a.id}-end`, endError: `act-${a.id}-end-error` };
                return (
                  <tr key={a.id} data-activity-id={a.id}>
                    <td>
                      <input
                        id={ids.title}
                        className="wp-input"
                        type="text"
                        maxLength={300}
                        value={a.title}
                        aria-label={t("activities.numbered", { n: index + 1 })}
                        onChange={(e) => set(a.id, "title", e.target.value)}
                      />
                    </td>
                    <td>
                      <fieldset className="wp-orgs">
                        <legend className="visually-hidden">{label(t("activities.responsible"))}</legend>
                        {organisations.map((o) => (
                          <label key={o.id} className="wp-orgs__option">
                            <input
                              type="checkbox"
                              checked={a.responsible.includes(o.id)}
                              onChange={(e) => set(a.id, "responsible", toggled(a.responsible, o.id, e.target.checked, organisations))}
                            />{" "}
                            {o.name} <span className="muted">({o.country})</span>
                          </label>
                        ))}
                        {a.responsible
                          .filter((id) => !organisations.some((o) => o.id === id))
                          .map((id) => (
                            <label key={id} className="wp-orgs__option">
                              <input type="checkbox" checked onChange={() => set(a.id, "responsible", a.responsible.filter((r) => r !== id))} />{" "}
                              {t("activities.unknownOrganisation")}
                            </label>
                          ))}
                      </fieldset>
                    </td>
                    <td>
                      <MonthField value={a.start} label={label(t("activities.start"))} onChange={(value) => set(a.id, "start", value)} />
                    </td>
                    <td>
                      <MonthField
                        value={a.end}
                        label={label(t("activities.end"))}
                        invalid={endBeforeStart}
                        describedBy={endBeforeStart ? ids.endError : undefined}
                        onChange={(value) => set(a.id, "end", value)}
                      />
                      {endBeforeStart ? (
                        <p id={ids.endError} className="field__error">
                          {t("activities.endBeforeStart")}
                        </p>
                      ) : null}
                    </td>
                    <td>
                      <select
                        className="wp-input"
                        value={a.status}
                        aria-label={label(t("activities.status"))}
                        onChange={(e) => set(a.id, "status", e.target.value)}
                      >
                        {ACTIVITY_STATUSES.map((s) => (
                          <option key={s} value={s}>
                            {t(`activities.statuses.${s}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <textarea
                        className="wp-input wp-input--note"
                        rows={2}
                        maxLength={2000}
                        value={a.note}
                        aria-label={label(t("activities.note"))}
                        onChange={(e) => set(a.id, "note", e.target.value)}
                      />
                    </td>
                    <td>
                      <DeleteItemButton label={t("activities.delete")} confirm={t("activities.confirmDelete", { title })} subject={title} onDelete={() => removeItem(doc, ACTIVITIES_FIELD, a.id)} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {editable ? (
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            const id = addActivity(doc);
            focusLater(`act-${id}-title`);
          }}
        >
          {t("activities.add")}
        </button>
      ) : null}
    </section>
  );
}

function Timeline({ activities, locale }: { activities: Activity[]; locale: string }) {
  const { t } = useTranslation("workprogramme");
  const timeline = buildTimeline(activities);
  const columns = timeline.months.length;
  // Column templates and bar spans are data, so they are set through the CSSOM (allowed by
  // the page's style-src 'self'), never as style attributes.
  const template = (el: HTMLElement | null) => {
    if (el) el.style.gridTemplateColumns = `minmax(9rem, 14rem) repeat(${columns}, minmax(3.5rem, 1fr))`;
  };
  return (
    <section className="wp-section" aria-labelledby="wp-timeline-heading">
      <h2 id="wp-timeline-heading">{t("timeline.heading")}</h2>
      {columns === 0 ? (
        <p className="empty">{t("timeline.empty")}</p>
      ) : (
        <div className="timeline-scroll" role="region" aria-labelledby="wp-timeline-heading" tabIndex={0}>
          <div className="timeline">
            <div className="timeline__row timeline__row--months" ref={template} aria-hidden="true">
              <span className="timeline__label">{t("timeline.activity")}</span>
              {timeline.months.map((m) => (
                <span key={m} className={m.endsWith("-01") ? "timeline__month timeline__month--year" : "timeline__month"}>
                  {formatMonth(m, locale, "short")}
                </span>
              ))}
            </div>
            <ol className="timeline__rows">
              {timeline.rows.map((row, i) => {
                const title = row.activity.title.trim() || t("activities.numbered", { n: activities.indexOf(row.activity) + 1 });
                const period =
                  row.first === row.last
                    ? formatMonth(row.first, locale)
                    : t("timeline.period", { start: formatMonth(row.first, locale), end: formatMonth(row.last, locale) });
                return (
                  <li key={`${row.activity.id}-${i}`} className="timeline__row" ref={template}>
                    <span className="timeline__label">{title}</span>
                    <span
                      className={`timeline__bar timeline__bar--${row.activity.status.replace("_", "-")}`}
                      ref={(el) => {
                        if (el) el.style.gridColumn = `${row.from + 2} / ${row.to + 3}`;
                      }}
                    >
                      <span className="visually-hidden">{period}: </span>
                      {t(`activities.statuses.${row.activity.status}`)}
                    </span>
                  </li>
                );
              })}
            </ol>
          </div>
        </div>
      )}
      {timeline.undated > 0 && columns > 0 ? <p className="muted">{t("timeline.undated", { count: timeline.undated })}</p> : null}
    </section>
  );
}

function Milestones({ doc, milestones, editable, locale }: { doc: Y.Doc; milestones: Milestone[]; editable: boolean; locale: string }) {
  const { t } = useTranslation("workprogramme");
  const focusLater = useFocusOnAdd();
  const set = (id: string, key: keyof Milestone, value: unknown) => setItemField(doc, MILESTONES_FIELD, id, key, value);

  return (
    <section className="wp-section" aria-labelledby="wp-milestones-heading">
      <h2 id="wp-milestones-heading">{t("milestones.heading")}</h2>
      {milestones.length === 0 ? (
        <p className="empty">{t("milestones.empty")}</p>
      ) : (
        <TableScroll labelledBy="wp-milestones-heading">
          <table className="wp-table wp-milestones" aria-labelledby="wp-milestones-heading">
            <thead>
              <tr>
                <th scope="col">{t("milestones.title")}</th>
                <th scope="col">{t("milestones.due")}</th>
                <th scope="col">{t("milestones.reached")}</th>
                {editable ? <th scope="col">{t("milestones.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {milestones.map((m, index) => {
                const title = m.title.trim() || t("milestones.numbered", { n: index + 1 });
                const label = (field: string) => t("milestones.fieldOf", { field, title });
                if (!editable) {
                  return (
                    <tr key={m.id} data-milestone-id={m.id}>
                      <th scope="row" className="wp-table__rowhead">
                        {m.title || <span className="empty">{t("milestones.untitled")}</span>}
                      </th>
                      <td>{m.due ? formatDay(m.due, locale) : <span className="empty">{t("activities.notSet")}</span>}</td>
                      <td>{m.reached ? `✓ ${t("milestones.yes")}` : t("milestones.no")}</td>
                    </tr>
                  );
                }
                return (
                  <tr key={m.id} data-milestone-id={m.id}>
                    <td>
                      <input
                        id={`ms-${m.id}-title`}
                        className="wp-input"
                        type="text"
                        maxLength={300}
                        value={m.title}
                        aria-label={t("milestones.numbered", { n: index + 1 })}
                        onChange={(e) => set(m.id, "title", e.target.value)}
                      />
                    </td>
                    <td>
                      <DateField value={m.due} label={label(t("milestones.due"))} onChange={(value) => set(m.id, "due", value)} />
                    </td>
                    <td>
                      <label className="wp-check">
                        <input type="checkbox" checked={m.reached} onChange={(e) => set(m.id, "reached", e.target.checked)} />{" "}
                        {t("milestones.reached")}
                        <span className="visually-hidden"> – {title}</span>
                      </label>
                    </td>
                    <td>
                      <DeleteItemButton label={t("milestones.delete")} confirm={t("milestones.confirmDelete", { title })} subject={title} onDelete={() => removeItem(doc, MILESTONES_FIELD, m.id)} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      {editable ? (
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            const id = addMilestone(doc);
            focusLater(`ms-${id}-title`);
          }}
        >
          {t("milestones.add")}
        </button>
      ) : null}
    </section>
  );
}
