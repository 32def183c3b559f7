/**
 * /network-of-networks/good-practice/:id/edit — moderators edit an entry (proposed or
 * published). Everyone else in the commons gets 403 (404 for entries they may not see).
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { goodPracticeForm } from "#shared/validation/good-practice-forms";
import { authorize, notFound } from "~/lib/guards.server";
import { invalid, parseWith, readForm } from "~/lib/forms.server";
import { editGoodPractice, goodPracticePage, idParam, refusal, requireCommonsView } from "~/lib/findings.server";
import { GoodPracticeForm } from "~/components/findings/good-practice-form";
import { pageMeta } from "~/lib/meta";
import stylesheet from "~/components/findings/findings.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];
export const meta = pageMeta<{ entry: { title: string } }>((t, data) => `${t("commons:goodPractice.edit.title")} · ${data.entry.title}`);

async function editable({ request, context, params }: LoaderFunctionArgs) {
  const auth = requireCommonsView(request, context);
  const id = idParam(params.id);
  const page = id ? await goodPracticePage(context.services, auth.actor, id) : null;
  if (!page) notFound();
  authorize(auth, { type: "networkOfNetworks.moderate" });
  return { auth, entry: page.entry };
}

export async function loader(args: LoaderFunctionArgs) {
  return { entry: (await editable(args)).entry };
}

export async function action(args: ActionFunctionArgs) {
  const { auth, entry } = await editable(args);
  const form = await readForm(args.request, args.context);
  const parsed = parseWith(goodPracticeForm, form);
  if (!parsed.ok) return invalid(parsed);
  const result = await editGoodPractice(args.context.services, auth.actor, entry.id, parsed.data);
  if (!result.ok) return refusal("goodPractice", result.error, form);
  return redirect(`/network-of-networks/good-practice/${entry.id}`);
}

export default function EditGoodPracticePage() {
  const { t } = useTranslation("commons");
  const { entry } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const failed = result && !result.ok ? result : null;
  return (
    <div className="page page--medium">
      <p className="muted">
        <Link to={`/network-of-networks/good-practice/${entry.id}`}>{entry.title}</Link>
      </p>
      <h1>{t("goodPractice.edit.title")}</h1>
      <GoodPracticeForm defaults={entry} submitted={failed ? failed.values : null} errors={failed ? failed.errors : {}} submitLabel={t("goodPractice.edit.submit")} busy={navigation.state === "submitting"} />
    </div>
  );
}
