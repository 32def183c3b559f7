/** A good-practice entry: its facts, summary and link; proposals say so in words. Used in the list and on the entry's page. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { GoodPracticeView } from "#server/domain/commons/good-practices-presenter";
import { fieldLabel } from "~/components/labels";
import { clusterLabel, countryLabel } from "./labels";

export function GoodPracticeBadges({ entry }: { entry: GoodPracticeView }) {
  const { t } = useTranslation("commons");
  if (entry.status === "published" && !entry.demo) return null;
  return (
    <p className="finding-badges">
      {entry.status === "proposed" ? <span className="badge badge--archived">{t("goodPractice.badges.proposed")}</span> : null}{" "}
      {entry.demo ? <span className="badge">{t("goodPractice.badges.demo")}</span> : null}
    </p>
  );
}

export function GoodPracticeFacts({ entry }: { entry: GoodPracticeView }) {
  const { t } = useTranslation("commons");
  return (
    <dl className="facts gp-facts">
      <dt>{t("goodPractice.facts.country")}</dt>
      <dd>{countryLabel(t, entry.country)}</dd>
      {entry.occupationalField ? (
        <>
          <dt>{t("goodPractice.facts.field")}</dt>
          <dd>{fieldLabel(t, entry.occupationalField)}</dd>
        </>
      ) : null}
      {entry.themeCluster ? (
        <>
          <dt>{t("goodPractice.facts.cluster")}</dt>
          <dd>{clusterLabel(t, entry.themeCluster)}</dd>
        </>
      ) : null}
      {entry.partners ? (
        <>
          <dt>{t("goodPractice.facts.partners")}</dt>
          <dd>{entry.partners}</dd>
        </>
      ) : null}
      {entry.status === "proposed" && entry.proposerName ? (
        <>
          <dt>{t("goodPractice.facts.proposedBy")}</dt>
          <dd>{entry.proposerName}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** An external link, marked as such and never given our referrer. */
export function GoodPracticeLink({ link }: { link: string | null }) {
  const { t } = useTranslation("commons");
  if (!link) return null;
  return (
    <p>
      <a href={link} rel="nofollow noopener noreferrer">
        {t("goodPractice.facts.link")}
        <span className="visually-hidden"> ({link})</span>
      </a>
    </p>
  );
}

export function GoodPracticeCard({ entry, children }: { entry: GoodPracticeView; children?: React.ReactNode }) {
  return (
    <li className="card gp-card" data-good-practice-id={entry.id}>
      <h3 className="gp-card__title">
        <Link to={`/network-of-networks/good-practice/${entry.id}`}>{entry.title}</Link>
      </h3>
      <GoodPracticeBadges entry={entry} />
      <GoodPracticeFacts entry={entry} />
      <p className="gp-card__summary">{entry.summary.length > 400 ? `${entry.summary.slice(0, 399)}…` : entry.summary}</p>
      {children}
    </li>
  );
}
