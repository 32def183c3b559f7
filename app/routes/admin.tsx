import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { authorize, requireAuth } from "~/lib/guards.server";

/**
 * The frame of every /admin page: the section navigation. Each child route still checks
 * the admin role itself, because Remix runs a child's action without this loader.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "platform.admin" });
  return null;
}

const SECTIONS = [
  { to: "/admin", key: "overview", end: true },
  { to: "/admin/networks", key: "networks", end: false },
  { to: "/admin/organisations", key: "organisations", end: false },
  { to: "/admin/people", key: "people", end: false },
  { to: "/admin/invite", key: "invite", end: false },
  { to: "/admin/outbox", key: "outbox", end: false },
  { to: "/admin/documents", key: "documents", end: false },
  { to: "/admin/audit", key: "audit", end: false },
] as const;

export default function AdminLayout() {
  const { t } = useTranslation("admin");
  return (
    <div className="page">
      <nav aria-label={t("nav.label")} className="subnav">
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.key}>
              <NavLink to={s.to} end={s.end}>
                {t(`nav.${s.key}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
