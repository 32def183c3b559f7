import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import { useRootData } from "~/root";
import { clearDeviceCopies } from "~/lib/device-copies";
import { LanguageSwitcher } from "./language-switcher";
import { CsrfInput } from "./csrf-input";
import { NotificationsLink, UnreadBadge } from "./notifications-link";

/**
 * The header. On a wide screen everything is in one row. On a phone the brand and a "Menu"
 * button stay; the button opens the navigation, languages, notifications and account as a
 * list of full-width rows (44 px touch targets). Without JavaScript the button is a link to
 * #app-menu and CSS `:target` opens the menu, so it works before hydration too.
 */
export function AppHeader() {
  const { t, i18n } = useTranslation();
  const data = useRootData();
  const user = data?.user;
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLAnchorElement>(null);
  const location = useLocation();

  // A followed link or a submitted form closes the menu.
  useEffect(() => setOpen(false), [location.pathname, location.search]);

  const onToggle = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    setOpen((value) => !value);
  };
  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "Escape" || !open) return;
    setOpen(false);
    toggle.current?.focus();
  };

  return (
    <header className="app-header">
      <div className="app-header__bar">
        <Link to={user ? "/dashboard" : "/login"} className="app-header__brand">
          {t("appName")}
        </Link>
        <a ref={toggle} href="#app-menu" className="app-header__toggle" aria-controls="app-menu" aria-expanded={open} onClick={onToggle}>
          {t("nav.menu")}
          {user ? <UnreadBadge fallbackUnread={user.unread} /> : null}
        </a>
      </div>
      <div id="app-menu" className={`app-header__menu${open ? " app-header__menu--open" : ""}`} onKeyDown={onMenuKey}>
        {user ? (
          <nav aria-label={t("nav.main")} className="app-header__nav">
            <NavLink to="/dashboard">{t("nav.dashboard")}</NavLink>
            {user.canSeeNetworkOfNetworks ? <NavLink to="/network-of-networks">{t("nav.networkOfNetworks")}</NavLink> : null}
            <NavLink to="/events">{t("nav.events")}</NavLink>
            {/* The glossary is read by everyone who takes part in the network of networks (glossary.view). */}
            {user.canSeeNetworkOfNetworks ? <NavLink to="/glossary">{t("nav.glossary")}</NavLink> : null}
            {user.canSeeIntake ? <NavLink to="/intake">{t("nav.intake")}</NavLink> : null}
            {user.canSeeBoard ? <NavLink to="/board/applications">{t("nav.applications")}</NavLink> : null}
            {user.canSeeBoard ? <NavLink to="/board/overview">{t("nav.boardOverview")}</NavLink> : null}
            {user.isAdmin ? <NavLink to="/admin">{t("nav.admin")}</NavLink> : null}
          </nav>
        ) : null}
        <div className="app-header__tools">
          <LanguageSwitcher current={data?.locale ?? i18n.language} />
          {user ? (
            <>
              <NotificationsLink fallbackUnread={user.unread} />
              <Link to="/account" className="app-header__account">
                {user.name}
              </Link>
              {/* The server's Clear-Site-Data removes the device's copies too; this covers browsers without it. */}
              <Form method="post" action="/logout" onSubmit={() => void clearDeviceCopies()}>
                <CsrfInput />
                <button type="submit" className="button button--quiet">
                  {t("nav.logout")}
                </button>
              </Form>
            </>
          ) : null}
        </div>
      </div>
    </header>
  );
}
