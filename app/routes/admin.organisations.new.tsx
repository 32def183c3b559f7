import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { createOrganisation } from "~/lib/admin.server";
import { organisationForm } from "#shared/validation/admin-forms";
import { authorize, requireAuth } from "~/lib/guards.server";
import { invalid, parseWith, readForm } from "~/lib/forms.server";
import { OrganisationForm } from "~/components/admin-organisation-form";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta("admin:organisations.createTitle");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "organisation.manage" });
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "organisation.manage" });
  const form = await readForm(request, context);
  const parsed = parseWith(organisationForm, form);
  if (!parsed.ok) return invalid(parsed);
  const id = await createOrganisation(context.services, auth.user.id, parsed.data, context.ip);
  throw redirect(`/admin/organisations/${id}?done=created`);
}

export default function AdminNewOrganisationPage() {
  const { t } = useTranslation("admin");
  const result = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/admin/organisations">{t("organisations.back")}</Link>
      </p>
      <h1>{t("organisations.createTitle")}</h1>
      <OrganisationForm
        stored={null}
        submitted={result && !result.ok ? result.values : null}
        errors={result && !result.ok ? result.errors : {}}
        submitLabel={t("organisations.create")}
      />
    </>
  );
}
