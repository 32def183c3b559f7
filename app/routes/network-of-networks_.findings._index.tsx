/**
 * /network-of-networks/findings — what the networks have learned, for everyone in the network
 * of networks: filters (action area, field, theme, network, country) and sorting in the
 * address, pinned findings first, and "post a finding" for members of an open network.
 * The trailing underscore keeps this page out of the space's home page's layout.
 */
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { parseFindingFilters } from "#shared/validation/findings-forms";
import { findingList, pageNumber, requireCommonsView } from "~/lib/findings.server";
import { FindingCard } from "~/components/findings/finding-card";
import { FindingFilters, FindingPager } from "~/components/findings/finding-filters";
import { pageMeta } from "~/lib/meta";
import stylesheet from "~/components/findings/findings.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];
export const meta = pageMeta("commons:findings.list.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requireCommonsView(request, context);
  const url = new URL(request.url);
  const filters = parseFindingFilters(url.searchParams);
  const list = await findingList(context.services, auth.actor, filters, pageNumber(url.searchParams.get("page")));
  return { ...list, filters };
}

export default function FindingListPage() {
  const { t } = useTranslation("commons");
  const data = useLoaderData<typeof loader>();
  const filtered = Object.entries(data.filters).some(([key, value]) => key !== "sort" && value !== null);

  return (
    <div className="page">
      <p className="muted">
        <Link to="/network-of-networks">{t("common:nav.networkOfNetworks")}</Link>
      </p>
      <h1>{t("findings.list.title")}</h1>
      <p>{t("findings.list.intro")}</p>
      <p className="actions">
        {data.postableNetworks.length > 0 ? (
          <Link to="/network-of-networks/findings/new" className="button">
            {t("findings.list.post")}
          </Link>
        ) : null}
        <Link to="/network-of-networks/good-practice">{t("goodPractice.list.title")}</Link>
      </p>

      {data.anyFinding ? <FindingFilters filters={data.filters} networks={data.networks} /> : null}

      {data.findings.length === 0 ? (
        <p className="empty">
          {!data.anyFinding ? t("findings.list.empty") : filtered ? t("findings.list.noMatch") : t("common:paging.nothingHere")}{" "}
          {!data.anyFinding && data.postableNetworks.length > 0 ? t("findings.list.emptyMember") : null}
        </p>
      ) : (
        <ul className="finding-list" aria-label={t("findings.list.listLabel")}>
          {data.findings.map((f) => (
            <FindingCard key={f.id} finding={f} />
          ))}
        </ul>
      )}
      <FindingPager filters={data.filters} page={data.page} hasNewer={data.hasNewer} hasOlder={data.hasOlder} />
    </div>
  );
}
