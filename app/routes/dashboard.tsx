import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { commonsActionCount, dashboardFor } from "~/lib/commons-home.server";
import { authorize, requireAuth } from "~/lib/guards.server";
import { fieldLabel } from "~/components/labels";
import { formatDate, formatNumber } from "~/lib/format";
import { projectEnd } from "~/lib/networks.server";
import { pageMeta } from "~/lib/meta";
import { upcomingEvents } from "~/lib/calendar.server";
import { UpcomingEvents } from "~/components/events/upcoming-events";

export const meta = pageMeta("dashboard.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "dashboard.view" });
  const [dashboard, nofnActions, events] = await Promise.all([
    dashboardFor(context.services, auth.actor),
    commonsActionCount(context.services, auth.actor),
    upcomingEvents(context.services, auth.actor, 5),
  ]);
  return { ...dashboard, nofnActions, events, name: auth.user.name, projectEnd: projectEnd(context.services) };
}

export default function DashboardPage() {
  const { t, i18n } = useTranslation();
  const data = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("dashboard.greeting", { name: data.name })}</h1>
      {data.projectEnd.ended ? (
        <p className="alert alert--info">{t("dashboard.projectEnded", { date: formatDate(data.projectEnd.date, i18n.language) })}</p>
      ) : (
        <p className="muted">{t("dashboard.projectRunsUntil", { date: formatDate(data.projectEnd.date, i18n.language) })}</p>
      )}
      {data.platformRoles.length ? (
        <p className="muted">
          {t("dashboard.yourRoles")}{" "}
          {data.platformRoles.map((r) => (
            <span key={r} className="badge">
              {t(`roles.${r}`)}
            </span>
          ))}
        </p>
      ) : null}

      <h2>{t("dashboard.myNetworks")}</h2>
      {data.networks.length === 0 ? (
        <p className="empty">{t("dashboard.noNetworks")}</p>
      ) : (
        <ul className="grid" aria-label={t("dashboard.myNetworks")}>
          {data.networks.map((n) => (
            <li key={n.id} className="card">
              <h3>
                <Link to={`/networks/${n.slug}`}>{n.name}</Link>
              </h3>
              <p className="muted">{fieldLabel(t, n.occupationalField)}</p>
              <p>
                {t("dashboard.memberCount", { count: n.memberCount, formatted: formatNumber(n.memberCount, i18n.language) })}
                {n.myRole ? (
                  <>
                    {" · "}
                    <span className="badge">{t(`roles.${n.myRole}`)}</span>
                  </>
                ) : null}
                {n.archived ? (
                  <>
                    {" · "}
                    <span className="badge badge--archived">{t("dashboard.archived")}</span>
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}

      <UpcomingEvents events={data.events} allPath="/events" showOwner />

      {data.canSeeNetworkOfNetworks ? (
        <>
          <h2>{t("nav.networkOfNetworks")}</h2>
          <div className="card">
            <p>{t("dashboard.nofnIntro")}</p>
            <Link to="/network-of-networks">{t("dashboard.openNofn")}</Link>
            {data.nofnActions > 0 ? (
              <p>
                <strong>{t("dashboard.nofnActions", { count: data.nofnActions })}</strong>
              </p>
            ) : null}
          </div>
        </>
      ) : null}

      <h2>{t("dashboard.nextSteps")}</h2>
      <ul>
        {data.networks.some((n) => n.myRole === "coordinator") ? <li>{t("dashboard.tipInvite")}</li> : null}
        {data.isAdmin ? (
          <li>
            <Link to="/admin">{t("dashboard.tipAdmin")}</Link>
          </li>
        ) : null}
        {data.canModerate ? <li>{t("dashboard.tipModerate")}</li> : null}
        <li>
          <Link to="/account">{t("dashboard.tipAccount")}</Link>
        </li>
      </ul>
    </div>
  );
}
