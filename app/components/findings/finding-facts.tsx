/** The facts around a finding (network, author, date, perspective), its tags and its state, shared by the list and the page. */
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { fieldLabel, themeLabel } from "~/components/labels";
import { actionAreaLabel, perspectiveLabel } from "./labels";

export function FindingFacts({ networkName, authorName, country, children }: { networkName: string; authorName: string | null; country: string; children?: ReactNode }) {
  const { t } = useTranslation("commons");
  return (
    <p className="finding-facts muted">
      {t("findings.facts.network", { network: networkName })} · {authorName ? t("findings.facts.author", { name: authorName }) : t("findings.facts.formerAuthor")} · {children}
      {" · "}
      {perspectiveLabel(t, country)}
    </p>
  );
}

/** Labelled groups of tags: action areas, occupational fields, themes (the empty ones are left out). */
export function FindingTags({ actionAreas, occupationalFields, themes }: { actionAreas: string[]; occupationalFields: string[]; themes: string[] }) {
  const { t } = useTranslation("commons");
  const groups = [
    { key: "actionAreas", label: t("findings.facts.actionAreas"), items: actionAreas.map((k) => actionAreaLabel(t, k)) },
    { key: "fields", label: t("findings.facts.fields"), items: occupationalFields.map((k) => fieldLabel(t, k)) },
    { key: "themes", label: t("findings.facts.themes"), items: themes.map((k) => themeLabel(t, k)) },
  ].filter((g) => g.items.length > 0);
  if (groups.length === 0) return null;
  return (
    <dl className="finding-tags">
      {groups.map((g) => (
        <div key={g.key} className="finding-tags__group">
          <dt>{g.label}</dt>
          {g.items.map((item) => (
            <dd key={item} className="tag">
              {item}
            </dd>
          ))}
        </div>
      ))}
    </dl>
  );
}

export function FindingBadges({ pinned, closed }: { pinned: boolean; closed: boolean }) {
  const { t } = useTranslation("commons");
  if (!pinned && !closed) return null;
  return (
    <p className="finding-badges">
      {pinned ? <span className="badge finding-badge--pinned">{t("findings.badges.pinned")}</span> : null}{" "}
      {closed ? <span className="badge badge--archived">{t("findings.badges.closed")}</span> : null}
    </p>
  );
}
