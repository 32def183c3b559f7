/**
 * /network-of-networks/findings/:id/edit — the author changes their finding (text, tags,
 * evidence); the network it speaks for stays. Anyone else in the commons gets 403, an
 * unknown finding 404.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FINDING_ARRAY_FIELDS, findingForm } from "#shared/validation/findings-forms";
import { notFound } from "~/lib/guards.server";
import { invalid, parseWith, readForm } from "~/lib/forms.server";
import { editFinding, evidenceChoices, findingToEdit, idParam, refusal, requireCommonsView } from "~/lib/findings.server";
import { FindingForm } from "~/components/findings/finding-form";
import { pageMeta } from "~/lib/meta";
import stylesheet from "~/components/findings/findings.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];
export const meta = pageMeta<{ finding: { title: string } }>((t, data) => `${t("commons:findings.edit.title")} · ${data.finding.title}`);

async function editable({ request, context, params }: LoaderFunctionArgs) {
  const auth = requireCommonsView(request, context);
  const id = idParam(params.id);
  const found = id ? await findingToEdit(context.services, auth.actor, id) : null;
  if (!found || (!found.ok && found.error === "notFound")) notFound();
  if (!found.ok) throw new Response("Forbidden", { status: 403 });
  return { auth, ...found };
}

export async function loader(args: LoaderFunctionArgs) {
  const { auth, finding, evidence } = await editable(args);
  const citedDocuments = evidence.flatMap((e) => (e.kind === "libraryDocument" ? [e.id] : []));
  const choices = await evidenceChoices(args.context.services, auth.actor, { exceptFindingId: finding.id, citedDocuments });
  return {
    finding: { id: finding.id, title: finding.title, networkName: finding.networkName },
    choices,
    defaults: {
      networkId: finding.networkId,
      title: finding.title,
      body: finding.body,
      actionAreas: finding.actionAreas,
      occupationalFields: finding.occupationalFields,
      themes: finding.themes,
      country: finding.country,
      goodPractices: evidence.flatMap((e) => (e.kind === "goodPractice" ? [e.id] : [])),
      findings: evidence.flatMap((e) => (e.kind === "finding" ? [e.id] : [])),
      libraryDocuments: citedDocuments,
      webLinks: evidence.flatMap((e) => (e.kind === "web" ? [{ url: e.url, label: e.label ?? "" }] : [])),
    },
  };
}

export async function action(args: ActionFunctionArgs) {
  const { auth, finding } = await editable(args);
  const { request, context } = args;
  const form = await readForm(request, context);
  // The network is not a field of this form; the finding keeps its own.
  form.set("networkId", finding.networkId);
  const parsed = parseWith(findingForm, form, FINDING_ARRAY_FIELDS);
  if (!parsed.ok) return invalid(parsed);
  const result = await editFinding(context.services, auth.actor, finding.id, parsed.data);
  if (!result.ok) return refusal("findings", result.error, form);
  return redirect(`/network-of-networks/findings/${finding.id}`);
}

export default function EditFindingPage() {
  const { t } = useTranslation("commons");
  const { finding, choices, defaults } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const failed = result && !result.ok ? result : null;
  // A cited entry that was unpublished since stays checked so saving does not silently drop it;
  // the domain then refuses it with a message, and the author decides.
  const gpChoices = [...choices.goodPractices];
  for (const id of defaults.goodPractices) if (!gpChoices.some((g) => g.id === id)) gpChoices.push({ id, title: t("findings.evidence.unavailableGoodPractice") });
  // Likewise a cited library document that left the library since: it stays checked, without a name.
  const docChoices = [...choices.libraryDocuments];
  for (const id of defaults.libraryDocuments) if (!docChoices.some((d) => d.id === id)) docChoices.push({ id, label: t("libraryDocuments.gone"), sharedBy: null });

  return (
    <div className="page page--medium">
      <p className="muted">
        <Link to={`/network-of-networks/findings/${finding.id}`}>{finding.title}</Link>
      </p>
      <h1>{t("findings.edit.title")}</h1>
      <FindingForm
        networks={null}
        networkName={finding.networkName}
        choices={{ ...choices, goodPractices: gpChoices, libraryDocuments: docChoices }}
        defaults={defaults}
        submitted={failed ? failed.values : null}
        errors={failed ? failed.errors : {}}
        submitLabel={t("findings.edit.submit")}
        busy={navigation.state === "submitting"}
      />
    </div>
  );
}
