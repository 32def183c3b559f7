/**
 * A confirmation carried in the address after a redirect (`?notice=versionRestored`), shown
 * above the page it lands on. Only known notices are shown; anything else in the parameter
 * is ignored, so the address cannot be used to put arbitrary text on a page.
 */
import { useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "./fields";

const NOTICES = {
  versionRestored: "history:restore.done",
} as const;

export type RouteNoticeKey = keyof typeof NOTICES;

export function withNotice(path: string, notice: RouteNoticeKey): string {
  return `${path}${path.includes("?") ? "&" : "?"}notice=${notice}`;
}

export function RouteNotice() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const key = params.get("notice");
  if (!key || !Object.hasOwn(NOTICES, key)) return null;
  return (
    <div className="page page--wide route-notice">
      <Notice>{t(NOTICES[key as RouteNoticeKey])}</Notice>
    </div>
  );
}
