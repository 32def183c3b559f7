/**
 * /board/overview — every model network's figures for the advisory board (observers) and the
 * project team (`board.overview`): work programmes, events with participants per country,
 * findings, recommendations endorsed and library, with totals; each network's name leads to
 * its read-only drill-down; the same overview downloads as a PDF (board.overview[.pdf].tsx).
 */
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import type { ReactNode } from "react";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { NetworkFigures, OverviewNetwork } from "#server/domain/board/overview";
import { boardOverview, requireBoardOverview } from "~/lib/board-overview.server";
import { TableScroll } from "~/components/table-scroll";
import { ArchivedBadge, FiguresList, PdfDownload, activityStatusesOf, participantsText } from "~/components/board/overview-parts";
import { formatBytes } from "#shared/library/format-bytes";
import { formatDateTime, formatNumber } from "~/lib/format";
import { pageMeta } from "~/lib/meta";
import stylesheet from "~/components/board/overview.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];
export const meta = pageMeta("overview:title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireBoardOverview(request, context);
  return boardOverview(context.services);
}

function NetworkCell({ network }: { network: OverviewNetwork }) {
  return (
    <th scope="row">
      <Link to={`/board/overview/${encodeURIComponent(network.id)}`}>{network.name}</Link>
      {network.archivedAt ? (
        <>
          {" "}
          <ArchivedBadge />
        </>
      ) : null}
    </th>
  );
}

export default function BoardOverviewPage() {
  const { t, i18n } = useTranslation("overview");
  const data = useLoaderData<typeof loader>();
  const n = (value: number) => formatNumber(value, i18n.language);
  const statuses = activityStatusesOf(data.totals);
  const rows = data.networks;
  const totalsRow = (render: (figures: NetworkFigures) => ReactNode) => (
    <tfoot>
      <tr>
        <th scope="row">{t("allNetworks")}</th>
        {render(data.totals)}
      </tr>
    </tfoot>
  );

  const workProgrammeCells = (f: NetworkFigures) => (
    <>
      {statuses.map((s) => (
        <td key={s} className="numeric">
          {n(f.activities[s])}
        </td>
      ))}
      <td className="numeric">{n(f.milestones.due)}</td>
      <td className="numeric">{n(f.milestones.overdue)}</td>
    </>
  );
  const eventCells = (f: NetworkFigures) => (
    <>
      <td className="numeric">{n(f.events.held)}</td>
      <td>{participantsText(t, f.events.heldParticipants, i18n.language)}</td>
      <td className="numeric">{n(f.events.upcoming)}</td>
      <td>{participantsText(t, f.events.upcomingParticipants, i18n.language)}</td>
    </>
  );
  const exchangeCells = (f: NetworkFigures) => (
    <>
      <td className="numeric">{n(f.findings)}</td>
      <td className="numeric">{n(f.recommendationsEndorsed)}</td>
      <td className="numeric">{n(f.library.files)}</td>
      <td className="numeric">{formatBytes(f.library.bytes, i18n.language)}</td>
    </>
  );

  return (
    <div className="page page--wide board-overview">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <p className="muted">{t("asOf", { date: formatDateTime(data.asOf, i18n.language) })}</p>
      <PdfDownload />

      {rows.length === 0 ? (
        <p className="empty">{t("empty")}</p>
      ) : (
        <>
          <section aria-labelledby="board-wp">
            <h2 id="board-wp">{t("workProgramme.heading")}</h2>
            <TableScroll labelledBy="board-wp">
              <table className="board-overview__table">
                <thead>
                  <tr>
                    <th scope="col">{t("network")}</th>
                    {statuses.map((s) => (
                      <th key={s} scope="col" className="numeric">
                        {t(`workprogramme:activities.statuses.${s}`)}
                      </th>
                    ))}
                    <th scope="col" className="numeric">
                      {t("workProgramme.milestonesDue")}
                    </th>
                    <th scope="col" className="numeric">
                      {t("workProgramme.milestonesOverdue")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((network) => (
                    <tr key={network.id}>
                      <NetworkCell network={network} />
                      {workProgrammeCells(network.figures)}
                    </tr>
                  ))}
                </tbody>
                {totalsRow(workProgrammeCells)}
              </table>
            </TableScroll>
          </section>

          <section aria-labelledby="board-events">
            <h2 id="board-events">{t("events.heading")}</h2>
            <TableScroll labelledBy="board-events">
              <table className="board-overview__table">
                <thead>
                  <tr>
                    <th scope="col">{t("network")}</th>
                    <th scope="col" className="numeric">
                      {t("events.held")}
                    </th>
                    <th scope="col">{t("events.heldParticipants")}</th>
                    <th scope="col" className="numeric">
                      {t("events.upcoming")}
                    </th>
                    <th scope="col">{t("events.upcomingParticipants")}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((network) => (
                    <tr key={network.id}>
                      <NetworkCell network={network} />
                      {eventCells(network.figures)}
                    </tr>
                  ))}
                </tbody>
                {totalsRow(eventCells)}
              </table>
            </TableScroll>
          </section>

          <section aria-labelledby="board-exchange">
            <h2 id="board-exchange">{t("exchange.heading")}</h2>
            <TableScroll labelledBy="board-exchange">
              <table className="board-overview__table">
                <thead>
                  <tr>
                    <th scope="col">{t("network")}</th>
                    <th scope="col" className="numeric">
                      {t("exchange.findings")}
                    </th>
                    <th scope="col" className="numeric">
                      {t("exchange.endorsed")}
                    </th>
                    <th scope="col" className="numeric">
                      {t("exchange.libraryFiles")}
                    </th>
                    <th scope="col" className="numeric">
                      {t("exchange.librarySize")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((network) => (
                    <tr key={network.id}>
                      <NetworkCell network={network} />
                      {exchangeCells(network.figures)}
                    </tr>
                  ))}
                </tbody>
                {totalsRow(exchangeCells)}
              </table>
            </TableScroll>
          </section>
        </>
      )}

      <section aria-labelledby="board-commons">
        <h2 id="board-commons">{t("commons.heading")}</h2>
        <p>{t("commons.intro")}</p>
        <h3 id="board-stages">{t("commons.stagesHeading")}</h3>
        <div className="board-overview__narrow">
          <TableScroll labelledBy="board-stages">
            <table className="board-overview__table">
              <thead>
                <tr>
                  <th scope="col">{t("commons.stage")}</th>
                  <th scope="col" className="numeric">
                    {t("commons.count")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(data.commons.recommendationsByStage).map(([stage, count]) => (
                  <tr key={stage}>
                    <th scope="row">{t(`recommendations:stages.${stage}`)}</th>
                    <td className="numeric">{n(count)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t("commons.recommendations")}</th>
                  <td className="numeric">{n(data.commons.recommendations)}</td>
                </tr>
              </tfoot>
            </table>
          </TableScroll>
        </div>
        <h3>{t("commons.eventsHeading")}</h3>
        <dl className="facts">
          <dt>{t("events.held")}</dt>
          <dd>{n(data.commons.events.held)}</dd>
          <dt>{t("events.heldParticipants")}</dt>
          <dd>{participantsText(t, data.commons.events.heldParticipants, i18n.language)}</dd>
          <dt>{t("events.upcoming")}</dt>
          <dd>{n(data.commons.events.upcoming)}</dd>
          <dt>{t("events.upcomingParticipants")}</dt>
          <dd>{participantsText(t, data.commons.events.upcomingParticipants, i18n.language)}</dd>
        </dl>
      </section>

      {rows.length > 0 ? (
        <section aria-labelledby="board-totals">
          <h2 id="board-totals">{t("allNetworks")}</h2>
          <FiguresList figures={data.totals} />
        </section>
      ) : null}

      <section aria-labelledby="board-definitions">
        <h2 id="board-definitions">{t("definitions.heading")}</h2>
        <ul>
          <li>{t("definitions.workProgrammes")}</li>
          <li>{t("definitions.milestones", { days: data.dueWithinDays })}</li>
          <li>{t("definitions.events")}</li>
          <li>{t("definitions.participants")}</li>
          <li>{t("definitions.endorsed")}</li>
          <li>{t("definitions.library")}</li>
        </ul>
      </section>
    </div>
  );
}
