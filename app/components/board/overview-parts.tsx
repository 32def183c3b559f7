/**
 * Small pieces the board overview and its drill-down share: participants by country in
 * words, the "archived" mark, the figures of one network as a list of facts.
 */
import { Fragment } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { CountryCounts, NetworkFigures } from "#server/domain/board/overview";
import type { ActivityStatus } from "#shared/collab/work-programme-doc";
import { COUNTRIES } from "#shared/roles";
import { formatBytes } from "#shared/library/format-bytes";
import { formatNumber } from "~/lib/format";

const COUNTRY_KEYS = [...COUNTRIES, "unknown"] as const;

/**
 * The activity statuses in the editor's order, read from the figures (the server fills every
 * status in that order): importing the list would bring the editor's Yjs code into the page.
 */
export const activityStatusesOf = (figures: NetworkFigures) => Object.keys(figures.activities) as ActivityStatus[];

/** "Germany: 3 · Italy: 2" (countries with nobody left out), or "none". Same words as the PDF. */
export function participantsText(t: TFunction, counts: CountryCounts, locale: string): string {
  const parts = COUNTRY_KEYS.filter((c) => counts[c] > 0).map((c) =>
    t("overview:countryCount", { country: c === "unknown" ? t("overview:countries.unknown") : t(`common:countries.${c}`), value: formatNumber(counts[c], locale) }),
  );
  return parts.length ? parts.join(" · ") : t("overview:none");
}

export function ArchivedBadge() {
  const { t } = useTranslation("overview");
  return <span className="badge board-overview__archived">{t("archived")}</span>;
}

/** Every figure of one network (or of all) as label–value pairs. */
export function FiguresList({ figures }: { figures: NetworkFigures }) {
  const { t, i18n } = useTranslation("overview");
  const n = (value: number) => formatNumber(value, i18n.language);
  const facts: Array<[string, string]> = [
    ...activityStatusesOf(figures).map((s): [string, string] => [t("activitiesWithStatus", { status: t(`workprogramme:activities.statuses.${s}`) }), n(figures.activities[s])]),
    [t("workProgramme.activitiesTotal"), n(figures.activitiesTotal)],
    [t("workProgramme.milestonesDue"), n(figures.milestones.due)],
    [t("workProgramme.milestonesOverdue"), n(figures.milestones.overdue)],
    [t("workProgramme.milestonesReached"), n(figures.milestones.reached)],
    [t("workProgramme.milestonesTotal"), n(figures.milestones.total)],
    [t("events.held"), n(figures.events.held)],
    [t("events.heldParticipants"), participantsText(t, figures.events.heldParticipants, i18n.language)],
    [t("events.upcoming"), n(figures.events.upcoming)],
    [t("events.upcomingParticipants"), participantsText(t, figures.events.upcomingParticipants, i18n.language)],
    [t("exchange.findings"), n(figures.findings)],
    [t("exchange.endorsed"), n(figures.recommendationsEndorsed)],
    [t("exchange.libraryFiles"), n(figures.library.files)],
    [t("exchange.librarySize"), formatBytes(figures.library.bytes, i18n.language)],
  ];
  return (
    <dl className="facts board-overview__facts">
      {facts.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** The plain link to the PDF (a resource route: fetched as a document, not as data). */
export function PdfDownload() {
  const { t } = useTranslation("overview");
  return (
    <p className="actions board-overview__download">
      <a className="button button--quiet" href="/board/overview.pdf" aria-describedby="board-overview-pdf-hint">
        {t("download.pdf")}
      </a>
      <span id="board-overview-pdf-hint" className="muted">
        {t("download.hint")}
      </span>
    </p>
  );
}
