/**
 * /network-of-networks/recommendations — the recommendations for the advisory board: each
 * with its stage and how many networks have endorsed it of how many are needed. Everyone in
 * the network of networks reads the list; members of an open network start a new one (its
 * authors' networks are computed from who writes it, never picked).
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { createRecommendationForm } from "#shared/validation/recommendation-forms";
import { createRecommendation, recommendationList, refusal, requireCommons } from "~/lib/recommendations.server";
import { formError, invalid, parseWith, readForm } from "~/lib/forms.server";
import { CsrfInput } from "~/components/csrf-input";
import { FormAlert, TextField } from "~/components/fields";
import { EndorsementCount, StageBadge } from "~/components/recommendations/stage";
import { formatDate } from "~/lib/format";
import { pageMeta } from "~/lib/meta";
import stylesheet from "~/components/recommendations/recommendations.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];
export const meta = pageMeta("recommendations:list.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requireCommons(request, context);
  return recommendationList(context.services, auth.actor);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = requireCommons(request, context);
  const form = await readForm(request, context);
  if (form.get("intent") !== "create") return formError("validation.unknownAction", form);
  const parsed = parseWith(createRecommendationForm, form);
  if (!parsed.ok) return invalid(parsed);
  const result = await createRecommendation(context.services, auth.actor, parsed.data);
  if (!result.ok) return refusal(result.error, form);
  return redirect(`/network-of-networks/recommendations/${result.id}`);
}

export default function RecommendationListPage() {
  const { t, i18n } = useTranslation("recommendations");
  const { items, canCreate } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors: Record<string, string> = result && !result.ok ? result.errors : {};
  const values: Record<string, unknown> = result && !result.ok ? result.values : {};

  return (
    <div className="page rec-page">
      <p className="muted">
        <Link to="/network-of-networks">{t("common:nav.networkOfNetworks")}</Link>
      </p>
      <h1>{t("list.title")}</h1>
      <p>{t("list.intro")}</p>
      {/* Without the form (the person may not start one), a refusal is said here. */}
      {!canCreate ? <FormAlert error={errors.form} /> : null}

      {items.length === 0 ? (
        <p className="empty">
          {t("list.empty")} {canCreate ? t("list.emptyContributor") : null}
        </p>
      ) : (
        <ul className="rec-list" aria-label={t("list.title")}>
          {items.map((r) => (
            <li key={r.id} className="card rec-list__item">
              <h2 className="rec-list__title">
                <Link to={r.path}>{r.title}</Link>
              </h2>
              <p className="rec-list__meta">
                <StageBadge stage={r.stage} />{" "}
                <EndorsementCount count={r.endorsements} threshold={r.threshold} stage={r.stage} />
                {r.supports > 0 ? <> · {t("list.supports", { count: r.supports })}</> : null}
              </p>
              <p className="muted">{t("list.updated", { date: formatDate(r.updatedAt, i18n.language) })}</p>
            </li>
          ))}
        </ul>
      )}

      {canCreate ? (
        <section aria-labelledby="create-heading">
          <h2 id="create-heading">{t("list.createHeading")}</h2>
          <Form method="post" className="card" noValidate>
            <CsrfInput />
            <input type="hidden" name="intent" value="create" />
            <FormAlert error={errors.form} />
            <p className="muted">{t("list.createHint")}</p>
            <TextField name="title" label={t("list.titleLabel")} defaultValue={typeof values.title === "string" ? values.title : ""} error={errors.title} required />
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              {t("list.createSubmit")}
            </button>
          </Form>
        </section>
      ) : null}

      <p>
        <Link to="/network-of-networks">{t("list.back")}</Link>
      </p>
    </div>
  );
}
