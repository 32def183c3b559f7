import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { organisationForEditing, updateOrganisationDetails } from "~/lib/admin.server";
import { organisationForm } from "#shared/validation/admin-forms";
import { authorize, notFound, requireAuth } from "~/lib/guards.server";
import { invalid, parseWith, readForm } from "~/lib/forms.server";
import { OrganisationForm } from "~/components/admin-organisation-form";
import { Notice } from "~/components/fields";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta<{ organisation: { name: string } }>((t, data) =>
  t("admin:organisations.editTitle", { name: data.organisation.name }),
);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "organisation.manage" });
  const organisation = await organisationForEditing(context.services, params.id);
  if (!organisation) notFound();
  const created = new URL(request.url).searchParams.get("done") === "created";
  return { organisation, created };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "organisation.manage" });
  const organisation = await organisationForEditing(context.services, params.id);
  if (!organisation) notFound();
  const form = await readForm(request, context);
  const parsed = parseWith(organisationForm, form);
  if (!parsed.ok) return invalid(parsed);
  const result = await updateOrganisationDetails(context.services, auth.user.id, organisation.id, parsed.data, context.ip);
  if (!result.ok) notFound();
  return { ok: true as const };
}

export default function AdminEditOrganisationPage() {
  const { t } = useTranslation("admin");
  const { organisation, created } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/admin/organisations">{t("organisations.back")}</Link>
      </p>
      <h1>{t("organisations.editTitle", { name: organisation.name })}</h1>
      {result?.ok ? <Notice>{t("organisations.done.saved")}</Notice> : created ? <Notice>{t("organisations.done.created")}</Notice> : null}
      <p>
        <Link to={`/organisations/${organisation.id}`}>{t("organisations.openProfile")}</Link>
      </p>
      <OrganisationForm
        key={organisation.id}
        stored={organisation}
        submitted={result && !result.ok ? result.values : null}
        errors={result && !result.ok ? result.errors : {}}
        submitLabel={t("common:actions.save")}
      />
    </>
  );
}
