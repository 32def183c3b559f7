import { Form, Link, NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useRootData } from "~/root";
import { LanguageSwitcher } from "./language-switcher";
import { CsrfInput } from "./csrf-input";
import { NotificationsLink } from "./notifications-link";

export function AppHeader() {
  const { t, i18n } = useTranslation();
  const data = useRootData();
  const user = data?.user;
  return (
    <header className="app-header">
      <Link to={user ? "/dashboard" : "/login"} className="app-header__brand">
        {t("appName")}
      </Link>
      {user ? (
        <nav aria-label={t("nav.main")} className="app-header__nav">
          <NavLink to="/dashboard">{t("nav.dashboard")}</NavLink>
          {user.canSeeNetworkOfNetworks ? <NavLink to="/network-of-networks">{t("nav.networkOfNetworks")}</NavLink> : null}
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
            <Form method="post" action="/logout">
              <CsrfInput />
              <button type="submit" className="button button--quiet">
                {t("nav.logout")}
              </button>
            </Form>
          </>
        ) : null}
      </div>
    </header>
  );
}
