/** How a stored version is called on the history pages, in the page's language. */
import type { TFunction } from "i18next";
import { formatDateTime } from "~/lib/format";

interface Labelled {
  kind: "auto" | "named" | "restore";
  name: string | null;
  createdAt: string;
}

/** The version's name, or what kind of version it is ("Automatic version"). */
export function versionLabel(t: TFunction, version: Labelled): string {
  return version.kind === "named" && version.name ? version.name : t(`history:kinds.${version.kind}`);
}

/** Label and time together, unique enough to tell versions apart ("Automatic version, 21 Nov 2026, 10:03"). */
export function versionTitle(t: TFunction, version: Labelled, locale: string): string {
  return t("history:list.itemTitle", { label: versionLabel(t, version), date: formatDateTime(version.createdAt, locale) });
}
