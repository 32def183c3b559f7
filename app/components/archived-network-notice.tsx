import { useTranslation } from "react-i18next";
import { formatDate } from "~/lib/format";

/** Says, on every page of an archived network, why nothing there can be changed any more. */
export function ArchivedNetworkNotice({ archivedAt }: { archivedAt: string | null }) {
  const { t, i18n } = useTranslation("network");
  if (!archivedAt) return null;
  return <p className="alert alert--info">{t("archived.notice", { date: formatDate(archivedAt, i18n.language) })}</p>;
}
