/**
 * "Notifications" in the header, with the unread count as a badge. The badge is for the
 * eye; screen readers get the count in words ("Notifications, 3 unread") from hidden text,
 * so the link's name is complete without relying on the badge's shape or colour.
 */
import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLiveNotifications } from "~/lib/live-notifications";
import { formatNumber } from "~/lib/format";

export function NotificationsLink({ fallbackUnread }: { fallbackUnread: number }) {
  const { t } = useTranslation("notifications");
  const live = useLiveNotifications();
  const unread = live ? live.unread : fallbackUnread;
  return (
    <NavLink to="/notifications" className="app-header__notifications" data-unread={unread}>
      {t("nav.link")}
      <UnreadBadge fallbackUnread={fallbackUnread} />
    </NavLink>
  );
}

/** The unread count: a badge for the eye, words for screen readers; nothing when all is read. */
export function UnreadBadge({ fallbackUnread }: { fallbackUnread: number }) {
  const { t, i18n } = useTranslation("notifications");
  const live = useLiveNotifications();
  const unread = live ? live.unread : fallbackUnread;
  if (unread === 0) return null;
  return (
    <>
      <span className="visually-hidden">{`, ${t("nav.unread", { count: unread })}`}</span>
      <span className="notification-badge" aria-hidden="true">
        {unread > 99 ? "99+" : formatNumber(unread, i18n.language)}
      </span>
    </>
  );
}
