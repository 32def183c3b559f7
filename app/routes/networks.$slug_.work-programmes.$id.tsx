/**
 * /networks/:slug/work-programmes/:id — one work programme, co-edited in real time. The
 * page itself is rendered on the server (title, notes); the editor is client-only: it opens
 * a WebSocket to /collab/workprogramme.<id>, which checks access again on its own.
 */
import { lazy, Suspense } from "react";
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ArchivedNetworkNotice } from "~/components/archived-network-notice";
import { colourFor } from "#shared/collab/user-colour";
import { loadWorkProgrammeDocument, organisationsOfNetwork } from "~/lib/work-programme-document.server";
import { pageMeta } from "~/lib/meta";
import { ClientOnly } from "~/editor/client-only";
import { ExportLinks } from "~/components/export-links";
import { keepOpenEditor } from "~/lib/editor-revalidation";
import { glossaryHints } from "~/lib/glossary.server";
import glossaryStyles from "~/components/glossary/glossary-marks.css?url";

const WorkProgrammeEditor = lazy(() => import("~/editor/work-programme-editor.client"));

export const meta = pageMeta<{ workProgramme: { title: string } }>((_t, data) => data.workProgramme.title);

export const shouldRevalidate = keepOpenEditor;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: glossaryStyles }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { auth, network, workProgramme: row, document, rights } = await loadWorkProgrammeDocument(request, context, params);
  const archived = document.state === "archived";
  const organisations = await organisationsOfNetwork(context, network.id);
  return {
    network: { slug: network.slug, name: network.name, archivedAt: network.archived_at },
    workProgramme: { id: row.id, title: row.title, archived },
    docName: document.name,
    canEdit: rights.edit,
    user: { id: auth.user.id, name: auth.user.name, colour: colourFor(auth.user.id) },
    organisations: organisations.map((o) => ({ id: o.id, name: o.name, country: o.country })),
    locale: context.locale,
    glossary: await glossaryHints(context.services, context.locale),
  };
}

export default function WorkProgrammePage() {
  const { t } = useTranslation("workprogramme");
  const data = useLoaderData<typeof loader>();
  const { network, workProgramme } = data;
  const loading = (
    <p className="wp-loading" role="status">
      {t("page.loading")}
    </p>
  );
  return (
    <div className="page page--wide">
      <p className="muted">
        <Link to={`/networks/${network.slug}`}>{network.name}</Link> ·{" "}
        <Link to={`/networks/${network.slug}/work-programmes`}>{t("page.backToList")}</Link>
      </p>
      <h1>{workProgramme.title}</h1>
      <ExportLinks networkSlug={network.slug} workProgrammeId={workProgramme.id} />
      <p className="wp-history-link">
        <Link to={`/networks/${network.slug}/work-programmes/${workProgramme.id}/history`}>{t("history:links.history")}</Link> ·{" "}
        <Link to={`/networks/${network.slug}/work-programmes/${workProgramme.id}/languages`}>{t("languages:link")}</Link>
      </p>
      {network.archivedAt ? (
        <ArchivedNetworkNotice archivedAt={network.archivedAt} />
      ) : workProgramme.archived ? (
        <p className="alert alert--info">{t("page.archivedNote")}</p>
      ) : !data.canEdit ? (
        <p className="alert alert--info">{t("page.readOnlyNote")}</p>
      ) : null}
      <ClientOnly fallback={loading}>
        <Suspense fallback={loading}>
          <WorkProgrammeEditor
            docName={data.docName}
            canEdit={data.canEdit}
            archived={workProgramme.archived}
            user={data.user}
            organisations={data.organisations}
            locale={data.locale}
            glossary={data.glossary}
            commentsUrl={`/networks/${network.slug}/work-programmes/${workProgramme.id}/comments`}
          />
        </Suspense>
      </ClientOnly>
    </div>
  );
}
