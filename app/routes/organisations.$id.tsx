import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { organisationProfile } from "~/lib/organisations.server";
import { authorize, notFound, requireAuth } from "~/lib/guards.server";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta<{ organisation: { name: string } }>((_t, data) => data.organisation.name);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "organisation.view" });
  const profile = await organisationProfile(context.services, auth.actor, params.id ?? "");
  if (!profile) notFound();
  return profile;
}

export default function OrganisationPage() {
  const { t } = useTranslation();
  const { organisation: o, networks, canEdit } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <p className="muted">{t("organisation.kicker")}</p>
      <h1>{o.name}</h1>
      <div className="card">
        <dl className="facts">
          <dt>{t("organisation.type")}</dt>
          <dd>{t(`organisationTypes.${o.type}`)}</dd>
          <dt>{t("organisation.sector")}</dt>
          <dd>{t(`sectors.${o.sector}`)}</dd>
          <dt>{t("organisation.country")}</dt>
          <dd>{t(`countries.${o.country}`)}</dd>
          <dt>{t("organisation.location")}</dt>
          <dd>
            {o.city}, {o.region}
          </dd>
          {o.website ? (
            <>
              <dt>{t("organisation.website")}</dt>
              <dd>
                <a href={o.website} rel="noopener noreferrer">
                  {o.website}
                </a>
              </dd>
            </>
          ) : null}
        </dl>
        {o.description ? <p>{o.description}</p> : null}
        {canEdit ? <Link to={`/admin/organisations/${o.id}`}>{t("actions.edit")}</Link> : null}
      </div>
      <h2>{t("organisation.networks")}</h2>
      {networks.length === 0 ? (
        <p className="empty">{t("organisation.noNetworks")}</p>
      ) : (
        <ul>
          {networks.map((n) => (
            <li key={n.slug}>
              <Link to={`/networks/${n.slug}`}>{n.name}</Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
