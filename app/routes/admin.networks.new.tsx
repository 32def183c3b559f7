import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { createNetwork, organisationChoices } from "~/lib/admin.server";
import { NETWORK_ARRAY_FIELDS, networkForm } from "#shared/validation/admin-forms";
import { authorize, requireAuth } from "~/lib/guards.server";
import { formValues, invalid, parseWith, readForm } from "~/lib/forms.server";
import { NetworkForm } from "~/components/admin-network-form";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta("admin:networks.createTitle");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "network.manage" });
  return { organisations: await organisationChoices(context.services) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "network.manage" });
  const form = await readForm(request, context);
  const parsed = parseWith(networkForm(), form, NETWORK_ARRAY_FIELDS);
  if (!parsed.ok) return invalid(parsed);
  const result = await createNetwork(context.services, auth.user.id, parsed.data, context.ip);
  if (!result.ok) {
    const errors: Record<string, string> = result.error === "slugTaken" ? { slug: "validation.slugTaken" } : { organisationIds: "validation.choice" };
    return invalid({ errors, values: formValues(form) });
  }
  throw redirect(`/admin/networks/${result.id}?done=created`);
}

export default function AdminNewNetworkPage() {
  const { t } = useTranslation("admin");
  const { organisations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to="/admin/networks">{t("networks.back")}</Link>
      </p>
      <h1>{t("networks.createTitle")}</h1>
      <NetworkForm
        stored={null}
        submitted={result && !result.ok ? result.values : null}
        errors={result && !result.ok ? result.errors : {}}
        organisations={organisations}
        submitLabel={t("networks.create")}
      />
    </>
  );
}
