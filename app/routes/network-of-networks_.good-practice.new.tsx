/**
 * /network-of-networks/good-practice/new — a member of an open network proposes an entry for
 * the library. It stays visible to them and the moderators until a moderator publishes it.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { goodPracticeForm } from "#shared/validation/good-practice-forms";
import { authorize } from "~/lib/guards.server";
import { invalid, parseWith, readForm } from "~/lib/forms.server";
import { proposeGoodPractice, refusal, requireCommonsView } from "~/lib/findings.server";
import { EMPTY_GOOD_PRACTICE, GoodPracticeForm } from "~/components/findings/good-practice-form";
import { pageMeta } from "~/lib/meta";
import stylesheet from "~/components/findings/findings.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];
export const meta = pageMeta("commons:goodPractice.new.title");

function requireProposer(request: Request, context: LoaderFunctionArgs["context"]) {
  const auth = requireCommonsView(request, context);
  authorize(auth, { type: "commons.contribute" });
  return auth;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireProposer(request, context);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = requireProposer(request, context);
  const form = await readForm(request, context);
  const parsed = parseWith(goodPracticeForm, form);
  if (!parsed.ok) return invalid(parsed);
  const result = await proposeGoodPractice(context.services, auth.actor, parsed.data);
  if (!result.ok) return refusal("goodPractice", result.error, form);
  return redirect(`/network-of-networks/good-practice/${result.id}`);
}

export default function NewGoodPracticePage() {
  const { t } = useTranslation("commons");
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const failed = result && !result.ok ? result : null;
  return (
    <div className="page page--medium">
      <p className="muted">
        <Link to="/network-of-networks/good-practice">{t("goodPractice.list.title")}</Link>
      </p>
      <h1>{t("goodPractice.new.title")}</h1>
      <p>{t("goodPractice.new.intro")}</p>
      <GoodPracticeForm
        defaults={EMPTY_GOOD_PRACTICE}
        submitted={failed ? failed.values : null}
        errors={failed ? failed.errors : {}}
        submitLabel={t("goodPractice.new.submit")}
        busy={navigation.state === "submitting"}
      />
    </div>
  );
}
