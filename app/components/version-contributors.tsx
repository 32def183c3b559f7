import type { TFunction } from "i18next";

/** "Changed by …" under an automatic version (named and restored ones say who made them elsewhere). */
export function VersionContributors({ t, locale, contributors }: { t: TFunction; locale: string; contributors: string[] }) {
  return (
    <p className="version-list__contributors">
      {contributors.length > 0 ? t("list.contributors", { names: new Intl.ListFormat(locale, { type: "conjunction" }).format(contributors) }) : t("list.noContributors")}
    </p>
  );
}
