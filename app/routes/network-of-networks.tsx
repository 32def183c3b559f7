import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { networkOfNetworksHome } from "#server/domain/networks/network-of-networks";
import { authorize, requireAuth } from "~/lib/guards.server";
import { fieldLabel } from "~/components/labels";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta("nav.networkOfNetworks");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "networkOfNetworks.view" });
  return networkOfNetworksHome(context.services, auth.actor);
}

export default function NetworkOfNetworksPage() {
  const { t } = useTranslation("network");
  const data = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("common:nav.networkOfNetworks")}</h1>
      <p>{t("nofn.intro")}</p>
      {data.canModerate ? <p className="badge">{t("nofn.youModerate")}</p> : null}
      <h2>{t("nofn.participating")}</h2>
      {data.networks.length === 0 ? (
        <p className="empty">{t("nofn.noNetworks")}</p>
      ) : (
        <ul className="grid">
          {data.networks.map((n) => (
            <li key={n.id} className="card">
              <h3>{n.slug ? <Link to={`/networks/${n.slug}`}>{n.name}</Link> : n.name}</h3>
              <p className="muted">{fieldLabel(t, n.occupationalField)}</p>
            </li>
          ))}
        </ul>
      )}
      <h2>{t("nofn.comingTitle")}</h2>
      <p className="empty">{t("nofn.comingBody")}</p>
    </div>
  );
}
