/**
 * /networks/:slug/work-programmes/:id/languages — the work programme's language versions,
 * how much of each is current, and adding one (for those who may edit the work programme).
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadWorkProgrammeDocument } from "~/lib/work-programme-document.server";
import { addVersionAction, languagesOverview } from "~/lib/language-versions.server";
import { readForm } from "~/lib/forms.server";
import { pageMeta } from "~/lib/meta";
import { LanguagesOverview } from "~/components/languages/languages-overview";
import stylesheet from "~/components/languages/languages.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];
export const meta = pageMeta<{ title: string }>((t, data) => `${t("languages:overview.title")} – ${data.title}`);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { auth, network, workProgramme, document, rights } = await loadWorkProgrammeDocument(request, context, params);
  const overview = await languagesOverview(context, auth, document.name);
  return {
    network: { slug: network.slug, name: network.name },
    title: workProgramme.title,
    base: `/networks/${network.slug}/work-programmes/${workProgramme.id}`,
    canEdit: rights.edit,
    ...overview,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { auth, network, workProgramme, document } = await loadWorkProgrammeDocument(request, context, params);
  const form = await readForm(request, context);
  const result = await addVersionAction(context, auth, document.name, form);
  if ("ok" in result && result.ok) return redirect(`/networks/${network.slug}/work-programmes/${workProgramme.id}/languages/${result.language}`);
  return result;
}

export default function WorkProgrammeLanguagesPage() {
  const { t } = useTranslation("languages");
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : undefined;
  return (
    <div className="page">
      <p className="muted">
        <Link to={`/networks/${data.network.slug}`}>{data.network.name}</Link> · <Link to={data.base}>{data.title}</Link>
      </p>
      <h1>{t("overview.title")}</h1>
      <p>{t("overview.intro")}</p>
      <LanguagesOverview base={data.base} sourceLanguage={data.sourceLanguage} versions={data.versions} addable={data.addable} canEdit={data.canEdit} error={failed?.error} values={failed?.values} />
    </div>
  );
}
