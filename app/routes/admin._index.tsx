import { Fragment } from "react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { adminOverview } from "~/lib/admin.server";
import { authorize, requireAuth } from "~/lib/guards.server";
import { formatNumber } from "~/lib/format";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta("admin:title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "platform.admin" });
  return adminOverview(context.services);
}

export default function AdminOverviewPage() {
  const { t, i18n } = useTranslation("admin");
  const c = useLoaderData<typeof loader>();
  // "Label: number" pairs rather than sentences, so no plural forms are needed.
  const cards = [
    { to: "/admin/networks", key: "networks", facts: [["total", c.networks]], action: "manageNetworks" },
    { to: "/admin/organisations", key: "organisations", facts: [["total", c.organisations]], action: "manageOrganisations" },
    { to: "/admin/people", key: "people", facts: [["total", c.people], ["disabled", c.disabledPeople]], action: "managePeople" },
    { to: "/admin/invite", key: "invite", facts: [["openInvitations", c.openInvitations]], action: "invite" },
    { to: "/admin/outbox", key: "outbox", facts: [["total", c.mails], ["unsent", c.unsentMails]], action: "readOutbox" },
    { to: "/admin/audit", key: "audit", facts: [["entries", c.auditEntries]], action: "readAudit" },
  ] as const;
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("overview.intro")}</p>
      <ul className="grid admin-cards">
        {cards.map((card) => (
          <li key={card.key} className="card">
            <h2>{t(`nav.${card.key}`)}</h2>
            <dl className="facts">
              {card.facts.map(([label, value]) => (
                <Fragment key={label}>
                  <dt>{t(`overview.${label}`)}</dt>
                  <dd>{formatNumber(value, i18n.language)}</dd>
                </Fragment>
              ))}
            </dl>
            <p>
              <Link to={card.to}>{t(`overview.${card.action}`)}</Link>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
