/**
 * /board/overview/:networkId — one network's figures in detail for the advisory board and the
 * project team, read-only: work programmes, activities with status and responsible
 * organisations, milestones with dates, events with participants per country, findings,
 * recommendations endorsed, library. Links into the network's own pages appear only for
 * readers who may view the network (the board may, the project team may not); findings and
 * recommendations are commons pages both may read. Unknown ids answer 404.
 *
 * `overview_` (not nested under board.overview.tsx): the drill-down is a page of its own.
 */
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { boardNetworkDetail, requireBoardOverview } from "~/lib/board-overview.server";
import { notFound } from "~/lib/guards.server";
import { TableScroll } from "~/components/table-scroll";
import { ArchivedBadge, FiguresList, participantsText } from "~/components/board/overview-parts";
import { formatBytes } from "#shared/library/format-bytes";
import { formatDay, formatMonth } from "#shared/calendar-format";
import { formatDate, formatDateTime, formatNumber } from "~/lib/format";
import { pageMeta } from "~/lib/meta";
import stylesheet from "~/components/board/overview.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];
export const meta = pageMeta<{ network: { name: string } }>((t, data) => `${data.network.name} · ${t("overview:title")}`);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = requireBoardOverview(request, context);
  const detail = await boardNetworkDetail(context.services, auth.actor, params.networkId ?? "");
  if (!detail) notFound();
  return detail;
}

function MaybeLink({ href, children }: { href: string | null; children: string }) {
  return href ? <Link to={href}>{children}</Link> : <>{children}</>;
}

export default function BoardNetworkPage() {
  const { t, i18n } = useTranslation("overview");
  const data = useLoaderData<typeof loader>();
  const locale = i18n.language;
  const n = (value: number) => formatNumber(value, locale);
  const month = (value: string) => (value ? formatMonth(value, locale) : "");
  const period = (start: string, end: string) => {
    if (!start && !end) return t("detail.activities.noPeriod");
    if (start && end && start !== end) return `${month(start)} – ${month(end)}`;
    return month(start || end);
  };

  return (
    <div className="page page--wide board-overview">
      <p>
        <Link to="/board/overview">{t("detail.back")}</Link>
      </p>
      <h1>
        {data.network.name}
        {data.network.archivedAt ? (
          <>
            {" "}
            <ArchivedBadge />
          </>
        ) : null}
      </h1>
      {data.network.archivedAt ? <p className="alert alert--info">{t("detail.archivedOn", { date: formatDate(data.network.archivedAt, locale) })}</p> : null}
      <p>{t("detail.readOnly")}</p>
      <p className="muted">{t("asOf", { date: formatDateTime(data.asOf, locale) })}</p>
      {data.network.href ? (
        <p>
          <Link to={data.network.href}>{t("detail.networkPage")}</Link>
        </p>
      ) : null}

      <section aria-labelledby="board-summary">
        <h2 id="board-summary">{t("detail.summary")}</h2>
        <FiguresList figures={data.figures} />
      </section>

      <section aria-labelledby="board-programmes">
        <h2 id="board-programmes">{t("detail.workProgrammes.heading")}</h2>
        {data.workProgrammes.length === 0 ? (
          <p className="empty">{t("detail.workProgrammes.empty")}</p>
        ) : (
          <ul className="board-overview__list">
            {data.workProgrammes.map((wp) => (
              <li key={wp.id}>
                <MaybeLink href={wp.href}>{wp.title}</MaybeLink>
                {wp.archived ? (
                  <>
                    {" "}
                    <ArchivedBadge />
                  </>
                ) : null}
                <br />
                <span className="muted">{t("detail.workProgrammes.counts", { activities: n(wp.activities), milestones: n(wp.milestones) })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="board-activities">
        <h2 id="board-activities">{t("detail.activities.heading")}</h2>
        {data.activities.length === 0 ? (
          <p className="empty">{t("detail.activities.empty")}</p>
        ) : (
          <TableScroll labelledBy="board-activities">
            <table className="board-overview__table">
              <thead>
                <tr>
                  <th scope="col">{t("detail.activities.title")}</th>
                  <th scope="col">{t("detail.activities.workProgramme")}</th>
                  <th scope="col">{t("detail.activities.responsible")}</th>
                  <th scope="col">{t("detail.activities.period")}</th>
                  <th scope="col">{t("detail.activities.status")}</th>
                </tr>
              </thead>
              <tbody>
                {data.activities.map((a) => (
                  <tr key={`${a.workProgrammeTitle}-${a.id}`}>
                    <th scope="row">{a.title.trim() || <em>{t("detail.activities.untitled")}</em>}</th>
                    <td>{a.workProgrammeTitle}</td>
                    <td>
                      {a.responsible.length
                        ? a.responsible.map((name) => name ?? t("workprogramme:activities.unknownOrganisation")).join(", ")
                        : t("workprogramme:activities.noneResponsible")}
                    </td>
                    <td>{period(a.start, a.end)}</td>
                    <td>{t(`workprogramme:activities.statuses.${a.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section aria-labelledby="board-milestones">
        <h2 id="board-milestones">{t("detail.milestones.heading")}</h2>
        {data.milestones.length === 0 ? (
          <p className="empty">{t("detail.milestones.empty")}</p>
        ) : (
          <TableScroll labelledBy="board-milestones">
            <table className="board-overview__table">
              <thead>
                <tr>
                  <th scope="col">{t("detail.milestones.title")}</th>
                  <th scope="col">{t("detail.milestones.workProgramme")}</th>
                  <th scope="col">{t("detail.milestones.due")}</th>
                  <th scope="col">{t("detail.milestones.state")}</th>
                </tr>
              </thead>
              <tbody>
                {data.milestones.map((m) => (
                  <tr key={`${m.workProgrammeTitle}-${m.id}`}>
                    <th scope="row">{m.title.trim() || <em>{t("detail.milestones.untitled")}</em>}</th>
                    <td>{m.workProgrammeTitle}</td>
                    <td>{m.due ? formatDay(m.due, locale) : t("detail.milestones.noDate")}</td>
                    <td className={`board-overview__state--${m.state}`}>{t(`detail.milestones.states.${m.state}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section aria-labelledby="board-events">
        <h2 id="board-events">{t("detail.events.heading")}</h2>
        {data.events.length === 0 ? (
          <p className="empty">{t("detail.events.empty")}</p>
        ) : (
          <TableScroll labelledBy="board-events">
            <table className="board-overview__table">
              <thead>
                <tr>
                  <th scope="col">{t("detail.events.title")}</th>
                  <th scope="col">{t("detail.events.format")}</th>
                  <th scope="col">{t("detail.events.date")}</th>
                  <th scope="col">{t("detail.events.phase")}</th>
                  <th scope="col">{t("detail.events.participants")}</th>
                </tr>
              </thead>
              <tbody>
                {data.events.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">
                      <MaybeLink href={e.href}>{e.title}</MaybeLink>
                    </th>
                    <td>{t(`events:formats.${e.format}`)}</td>
                    <td>{formatDate(e.startsAt, locale)}</td>
                    <td>{t(`detail.events.phases.${e.phase}`)}</td>
                    <td>{participantsText(t, e.participants, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section aria-labelledby="board-findings">
        <h2 id="board-findings">{t("detail.findings.heading")}</h2>
        {data.findings.length === 0 ? (
          <p className="empty">{t("detail.findings.empty")}</p>
        ) : (
          <ul className="board-overview__list">
            {data.findings.map((f) => (
              <li key={f.id}>
                <MaybeLink href={f.href}>{f.title}</MaybeLink> <span className="muted">({t("detail.findings.postedOn", { date: formatDate(f.createdAt, locale) })})</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="board-endorsements">
        <h2 id="board-endorsements">{t("detail.endorsements.heading")}</h2>
        {data.endorsements.length === 0 ? (
          <p className="empty">{t("detail.endorsements.empty")}</p>
        ) : (
          <ul className="board-overview__list">
            {data.endorsements.map((r) => (
              <li key={r.id}>
                <MaybeLink href={r.href}>{r.title}</MaybeLink>{" "}
                <span className="muted">
                  ({t(`recommendations:stages.${r.stage}`)}; {t("detail.endorsements.endorsedOn", { date: formatDate(r.endorsedAt, locale) })})
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="board-library">
        <h2 id="board-library">{t("detail.library.heading")}</h2>
        <dl className="facts">
          <dt>{t("exchange.libraryFiles")}</dt>
          <dd>{n(data.library.files)}</dd>
          <dt>{t("exchange.librarySize")}</dt>
          <dd>{formatBytes(data.library.bytes, locale)}</dd>
        </dl>
        {data.library.href ? (
          <p>
            <Link to={data.library.href}>{t("detail.library.open")}</Link>
          </p>
        ) : null}
      </section>
    </div>
  );
}
