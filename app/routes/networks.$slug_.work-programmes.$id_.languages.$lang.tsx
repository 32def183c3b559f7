/**
 * /networks/:slug/work-programmes/:id/languages/:lang — a language version of the work
 * programme beside its source, section by section, with machine translation (when a
 * provider is configured), review and undo, and the version's own live editor.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { colourFor } from "#shared/collab/user-colour";
import { loadWorkProgrammeDocument } from "~/lib/work-programme-document.server";
import { languagesOverview, sectionAction, versionPage } from "~/lib/language-versions.server";
import { readForm } from "~/lib/forms.server";
import { pageMeta } from "~/lib/meta";
import { keepOpenEditor } from "~/lib/editor-revalidation";
import { VersionView } from "~/components/languages/version-view";
import stylesheet from "~/components/languages/languages.css?url";
import glossaryStyles from "~/components/glossary/glossary-marks.css?url";
import { glossaryHints } from "~/lib/glossary.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "stylesheet", href: glossaryStyles },
];
export const meta = pageMeta<{ title: string; language: string }>((t, data) => t("languages:version.title", { title: data.title, language: t(`languages:names.${data.language}`) }));
export const shouldRevalidate = keepOpenEditor;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { auth, network, workProgramme, document, rights } = await loadWorkProgrammeDocument(request, context, params);
  const page = await versionPage(context, auth, document.name, params.lang);
  const { versions } = await languagesOverview(context, auth, document.name);
  return {
    ...page,
    network: { slug: network.slug, name: network.name },
    title: workProgramme.title,
    base: `/networks/${network.slug}/work-programmes/${workProgramme.id}`,
    otherVersions: versions.map((v) => v.language).filter((l) => l !== page.language),
    canEdit: rights.edit,
    archived: document.state === "archived",
    comparedAt: new Date().toISOString(),
    glossary: await glossaryHints(context.services, context.locale),
    user: { id: auth.user.id, name: auth.user.name, colour: colourFor(auth.user.id) },
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { auth, document } = await loadWorkProgrammeDocument(request, context, params);
  const page = await versionPage(context, auth, document.name, params.lang);
  const form = await readForm(request, context);
  return sectionAction(context, auth, page.name, form);
}

export default function WorkProgrammeLanguageVersionPage() {
  const { t } = useTranslation("languages");
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="page page--wide">
      <p className="muted">
        <Link to={`/networks/${data.network.slug}`}>{data.network.name}</Link> · <Link to={data.base}>{data.title}</Link>
      </p>
      <h1>{t("version.title", { title: data.title, language: t(`names.${data.language}`) })}</h1>
      <VersionView data={data} result={result} />
    </div>
  );
}
