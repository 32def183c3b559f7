/**
 * /network-of-networks/good-practice — the good-practice library: published entries for
 * everyone in the network of networks, plus the caller's own proposals; moderators see
 * everyone's proposals with a button to publish each.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { goodPracticeModeration } from "#shared/validation/good-practice-forms";
import { formError, parseWith, readForm } from "~/lib/forms.server";
import { goodPracticeLibrary, refusal, requireCommonsView, setGoodPracticePublished } from "~/lib/findings.server";
import { CsrfInput } from "~/components/csrf-input";
import { FormAlert, Notice } from "~/components/fields";
import { GoodPracticeCard } from "~/components/findings/good-practice-card";
import { pageMeta } from "~/lib/meta";
import stylesheet from "~/components/findings/findings.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];
export const meta = pageMeta("commons:goodPractice.list.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requireCommonsView(request, context);
  return goodPracticeLibrary(context.services, auth.actor);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = requireCommonsView(request, context);
  const form = await readForm(request, context);
  const parsed = parseWith(goodPracticeModeration, form);
  if (!parsed.ok) return formError("validation.unknownAction", form);
  const result = await setGoodPracticePublished(context.services, auth.actor, parsed.data.id, parsed.data.intent === "publish");
  if (!result.ok) return refusal("goodPractice", result.error, form);
  return { ok: true as const, done: parsed.data.intent === "publish" ? ("published" as const) : ("unpublished" as const) };
}

export default function GoodPracticeListPage() {
  const { t } = useTranslation("commons");
  const { published, proposals, canPropose, canModerate } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();

  return (
    <div className="page">
      <p className="muted">
        <Link to="/network-of-networks">{t("common:nav.networkOfNetworks")}</Link>
      </p>
      <h1>{t("goodPractice.list.title")}</h1>
      <p>{t("goodPractice.list.intro")}</p>
      {result?.ok ? <Notice>{t(`goodPractice.done.${result.done}`)}</Notice> : null}
      <FormAlert error={result && !result.ok ? result.errors.form : undefined} />
      <p className="actions">
        {canPropose ? (
          <Link to="/network-of-networks/good-practice/new" className="button">
            {t("goodPractice.list.propose")}
          </Link>
        ) : null}
        <Link to="/network-of-networks/findings">{t("findings.list.title")}</Link>
      </p>

      <h2>{t("goodPractice.list.published")}</h2>
      {published.length === 0 ? (
        <p className="empty">{t("goodPractice.list.empty")}</p>
      ) : (
        <ul className="gp-list" aria-label={t("goodPractice.list.published")}>
          {published.map((entry) => (
            <GoodPracticeCard key={entry.id} entry={entry} />
          ))}
        </ul>
      )}

      {proposals.length > 0 || canPropose || canModerate ? (
        <>
          <h2>{canModerate ? t("goodPractice.list.proposals") : t("goodPractice.list.myProposals")}</h2>
          <p className="muted">{canModerate ? t("goodPractice.list.proposalsModeratorHint") : t("goodPractice.list.proposalsHint")}</p>
          {proposals.length === 0 ? (
            <p className="empty">{t("goodPractice.list.noProposals")}</p>
          ) : (
            <ul className="gp-list" aria-label={canModerate ? t("goodPractice.list.proposals") : t("goodPractice.list.myProposals")}>
              {proposals.map((entry) => (
                <GoodPracticeCard key={entry.id} entry={entry}>
                  {canModerate ? (
                    <Form method="post" className="inline-form">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="publish" />
                      <input type="hidden" name="id" value={entry.id} />
                      <button type="submit" className="button button--small">
                        {t("goodPractice.moderation.publish")}
                        <span className="visually-hidden"> – {entry.title}</span>
                      </button>
                    </Form>
                  ) : null}
                </GoodPracticeCard>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </div>
  );
}
