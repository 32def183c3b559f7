import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Newer/older links for paged lists (outbox, audit log, notifications); nothing when one page suffices. */
export function Pager({ basePath, page, hasNewer, hasOlder }: { basePath: string; page: number; hasNewer: boolean; hasOlder: boolean }) {
  const { t } = useTranslation("common");
  if (!hasNewer && !hasOlder) return null;
  return (
    <nav aria-label={t("paging.label")} className="actions">
      {hasNewer ? <Link to={page - 1 <= 1 ? basePath : `${basePath}?page=${page - 1}`}>{t("paging.newer")}</Link> : null}
      <span className="muted">{t("paging.page", { page })}</span>
      {hasOlder ? <Link to={`${basePath}?page=${page + 1}`}>{t("paging.older")}</Link> : null}
    </nav>
  );
}
