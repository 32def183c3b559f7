import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { networkForEditing, organisationChoices, setNetworkArchived, updateNetworkDetails } from "~/lib/admin.server";
import { NETWORK_ARRAY_FIELDS, networkForm } from "#shared/validation/admin-forms";
import { authorize, notFound, requireAuth } from "~/lib/guards.server";
import { formValues, invalid, parseWith, readForm } from "~/lib/forms.server";
import { NetworkForm } from "~/components/admin-network-form";
import { Notice } from "~/components/fields";
import { CsrfInput } from "~/components/csrf-input";
import { formatDate } from "~/lib/format";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta<{ network: { name: string } }>((t, data) => t("admin:networks.editTitle", { name: data.network.name }));

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "network.manage" });
  const network = await networkForEditing(context.services, params.id);
  if (!network) notFound();
  const created = new URL(request.url).searchParams.get("done") === "created";
  return { network, organisations: await organisationChoices(context.services), created };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "network.manage" });
  const network = await networkForEditing(context.services, params.id);
  if (!network) notFound();
  const form = await readForm(request, context);
  const intent = form.get("intent");
  if (intent === "archive" || intent === "reactivate") {
    const result = await setNetworkArchived(context.services, auth.user.id, network.id, intent === "archive", context.ip);
    if (result === "notFound") notFound();
    return { ok: true as const, done: intent === "archive" ? ("archived" as const) : ("reactivated" as const) };
  }
  // The network's own free-text field and themes stay valid choices (see networkForm).
  const parsed = parseWith(networkForm(network), form, NETWORK_ARRAY_FIELDS);
  if (!parsed.ok) return invalid(parsed);
  const result = await updateNetworkDetails(context.services, auth.user.id, network.id, parsed.data, context.ip);
  if (!result.ok) {
    if (result.error === "notFound") notFound();
    const errors: Record<string, string> = result.error === "slugTaken" ? { slug: "validation.slugTaken" } : { organisationIds: "validation.choice" };
    return invalid({ errors, values: formValues(form) });
  }
  return { ok: true as const, done: "saved" as const };
}

export default function AdminEditNetworkPage() {
  const { t } = useTranslation("admin");
  const { network, organisations, created } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/admin/networks">{t("networks.back")}</Link>
      </p>
      <h1>{t("networks.editTitle", { name: network.name })}</h1>
      {result?.ok ? <Notice>{t(`networks.done.${result.done}`)}</Notice> : created ? <Notice>{t("networks.done.created")}</Notice> : null}
      <p>
        <Link to={`/networks/${network.slug}`}>{t("networks.openPublicPage")}</Link>
        <span className="muted"> · {t("networks.membersHint")}</span>
      </p>
      <NetworkForm
        key={network.id}
        stored={network}
        submitted={result && !result.ok ? result.values : null}
        errors={result && !result.ok ? result.errors : {}}
        organisations={organisations}
        submitLabel={t("common:actions.save")}
      />
      <ArchiveSection name={network.name} archivedAt={network.archivedAt} />
    </>
  );
}

/** Archive or reactivate; archiving asks first, because it closes the network to its members. */
function ArchiveSection({ name, archivedAt }: { name: string; archivedAt: string | null }) {
  const { t, i18n } = useTranslation("admin");
  return (
    <section className="admin-archive" aria-labelledby="network-archive-heading">
      <h2 id="network-archive-heading">{t("networks.archive.heading")}</h2>
      <p>{archivedAt ? t("networks.archive.archivedSince", { date: formatDate(archivedAt, i18n.language) }) : t("networks.archive.explain")}</p>
      <Form
        method="post"
        onSubmit={(event) => {
          if (!archivedAt && !window.confirm(t("networks.archive.confirm", { name }))) event.preventDefault();
        }}
      >
        <CsrfInput />
        <input type="hidden" name="intent" value={archivedAt ? "reactivate" : "archive"} />
        <button type="submit" className={archivedAt ? "button" : "button button--danger"}>
          {archivedAt ? t("networks.archive.reactivate") : t("networks.archive.archive")}
        </button>
      </Form>
    </section>
  );
}
