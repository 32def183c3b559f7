/**
 * /network-of-networks/findings/new — a member posts a finding on behalf of one of their
 * (open) networks. Observers, moderators and admins without a membership read findings but
 * do not post them (403). A refused form keeps what was typed.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FINDING_ARRAY_FIELDS, findingForm } from "#shared/validation/findings-forms";
import { authorize } from "~/lib/guards.server";
import { invalid, parseWith, readForm } from "~/lib/forms.server";
import { evidenceChoices, postableNetworks, postFinding, refusal, requireCommonsView } from "~/lib/findings.server";
import { EMPTY_FINDING, FindingForm } from "~/components/findings/finding-form";
import { pageMeta } from "~/lib/meta";
import stylesheet from "~/components/findings/findings.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];
export const meta = pageMeta("commons:findings.new.title");

function requirePoster(request: Request, context: LoaderFunctionArgs["context"]) {
  const auth = requireCommonsView(request, context);
  authorize(auth, { type: "commons.contribute" });
  return auth;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requirePoster(request, context);
  const [networks, choices] = await Promise.all([postableNetworks(context.services, auth.actor), evidenceChoices(context.services, auth.actor)]);
  return { networks, choices };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = requirePoster(request, context);
  const form = await readForm(request, context);
  const parsed = parseWith(findingForm, form, FINDING_ARRAY_FIELDS);
  if (!parsed.ok) return invalid(parsed);
  const result = await postFinding(context.services, auth.actor, parsed.data);
  if (!result.ok) return refusal("findings", result.error, form);
  return redirect(`/network-of-networks/findings/${result.id}`);
}

export default function NewFindingPage() {
  const { t } = useTranslation("commons");
  const { networks, choices } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const failed = result && !result.ok ? result : null;

  return (
    <div className="page page--medium">
      <p className="muted">
        <Link to="/network-of-networks/findings">{t("findings.list.title")}</Link>
      </p>
      <h1>{t("findings.new.title")}</h1>
      <p>{t("findings.new.intro")}</p>
      <FindingForm
        networks={networks}
        choices={choices}
        defaults={EMPTY_FINDING}
        submitted={failed ? failed.values : null}
        errors={failed ? failed.errors : {}}
        submitLabel={t("findings.new.submit")}
        busy={navigation.state === "submitting"}
      />
    </div>
  );
}
