/**
 * /network-of-networks/good-practice/:id — one entry of the library: published entries for
 * everyone in the network of networks, proposals for their proposer and the moderators
 * (everyone else gets the same 404 as for an unknown entry). Moderators publish, unpublish
 * and edit; the page lists the findings and recommendations that cite the entry.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { goodPracticeModeration } from "#shared/validation/good-practice-forms";
import { notFound } from "~/lib/guards.server";
import { formError, parseWith, readForm } from "~/lib/forms.server";
import { goodPracticePage, idParam, refusal, requireCommonsView, setGoodPracticePublished } from "~/lib/findings.server";
import { CsrfInput } from "~/components/csrf-input";
import { FormAlert, Notice } from "~/components/fields";
import { GoodPracticeBadges, GoodPracticeFacts, GoodPracticeLink } from "~/components/findings/good-practice-card";
import { CitedBy } from "~/components/findings/cited-by";
import { pageMeta } from "~/lib/meta";
import stylesheet from "~/components/findings/findings.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];
export const meta = pageMeta<{ entry: { title: string } }>((t, data) => `${data.entry.title} · ${t("commons:goodPractice.list.title")}`);

async function visible({ request, context, params }: LoaderFunctionArgs) {
  const auth = requireCommonsView(request, context);
  const id = idParam(params.id);
  const page = id ? await goodPracticePage(context.services, auth.actor, id) : null;
  if (!page) notFound();
  return { auth, page };
}

export async function loader(args: LoaderFunctionArgs) {
  return (await visible(args)).page;
}

export async function action(args: ActionFunctionArgs) {
  const { auth, page } = await visible(args);
  const form = await readForm(args.request, args.context);
  form.set("id", page.entry.id);
  const parsed = parseWith(goodPracticeModeration, form);
  if (!parsed.ok) return formError("validation.unknownAction", form);
  const result = await setGoodPracticePublished(args.context.services, auth.actor, page.entry.id, parsed.data.intent === "publish");
  if (!result.ok) return refusal("goodPractice", result.error, form);
  return { ok: true as const, done: parsed.data.intent === "publish" ? ("published" as const) : ("unpublished" as const) };
}

export default function GoodPracticePage() {
  const { t } = useTranslation("commons");
  const { entry, canModerate, citedByFindings, citedByRecommendations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();

  return (
    <div className="page page--medium">
      <p className="muted">
        <Link to="/network-of-networks/good-practice">{t("goodPractice.list.title")}</Link>
      </p>
      <h1>{entry.title}</h1>
      <GoodPracticeBadges entry={entry} />
      {result?.ok ? <Notice>{t(`goodPractice.done.${result.done}`)}</Notice> : null}
      <FormAlert error={result && !result.ok ? result.errors.form : undefined} />
      {entry.status === "proposed" ? <p className="muted">{t("goodPractice.page.proposedHint")}</p> : null}
      <GoodPracticeFacts entry={entry} />
      <p className="card gp-card__summary">{entry.summary}</p>
      <GoodPracticeLink link={entry.link} />

      {canModerate ? (
        <section className="card finding-moderation" aria-labelledby="gp-moderation-heading">
          <h2 id="gp-moderation-heading">{t("goodPractice.moderation.heading")}</h2>
          <div className="actions">
            <Form method="post" className="inline-form">
              <CsrfInput />
              <input type="hidden" name="intent" value={entry.status === "published" ? "unpublish" : "publish"} />
              <button type="submit" className={entry.status === "published" ? "button button--quiet" : "button"}>
                {entry.status === "published" ? t("goodPractice.moderation.unpublish") : t("goodPractice.moderation.publish")}
              </button>
            </Form>
            <Link to={`/network-of-networks/good-practice/${entry.id}/edit`}>{t("goodPractice.moderation.edit")}</Link>
          </div>
        </section>
      ) : null}

      <h2>{t("goodPractice.page.citedByFindings")}</h2>
      {citedByFindings.length === 0 ? (
        <p className="empty">{t("goodPractice.page.noFindings")}</p>
      ) : (
        <ul className="plain-list">
          {citedByFindings.map((f) => (
            <li key={f.id}>
              <Link to={`/network-of-networks/findings/${f.id}`}>{f.title}</Link>
            </li>
          ))}
        </ul>
      )}
      <h2>{t("goodPractice.page.citedByRecommendations")}</h2>
      <CitedBy recommendations={citedByRecommendations} />
    </div>
  );
}
