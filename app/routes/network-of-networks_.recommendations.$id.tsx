/**
 * /network-of-networks/recommendations/:id — one recommendation for the advisory board: its
 * stage (a stepper), its authors' networks, the text co-edited live (client-only editor on
 * /collab/recommendation.<id>, which checks access again by itself), the evidence it cites,
 * endorsements by networks and personal supports, the moderators' steps and the board's
 * answer. Forms appear only to those who may use them; every action asks the domain, which
 * checks again and answers a wrong role or stage with a translated refusal (nothing changes).
 */
import { lazy, Suspense } from "react";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { colourFor } from "#shared/collab/user-colour";
import { answerForm, CITATION_ARRAY_FIELDS, citationsForm, endorseForm, thresholdForm, withdrawEndorsementForm } from "#shared/validation/recommendation-forms";
import {
  answerRecommendation,
  endorseRecommendation,
  loadRecommendationDocument,
  openConsultation,
  recommendationPage,
  refusal,
  setCitations,
  setSupport,
  setThreshold,
  submitRecommendation,
  withdrawEndorsement,
} from "~/lib/recommendations.server";
import { notFound } from "~/lib/guards.server";
import { formError, invalid, parseWith, readForm } from "~/lib/forms.server";
import { ClientOnly } from "~/editor/client-only";
import { FormAlert, Notice } from "~/components/fields";
import { StageStepper } from "~/components/recommendations/stage";
import { EvidenceSection } from "~/components/recommendations/evidence";
import { EndorsementsSection, SupportsSection } from "~/components/recommendations/endorsements";
import { ModerationSection } from "~/components/recommendations/moderation";
import { AnswerSection } from "~/components/recommendations/answer";
import { shownIntents, type ActionResult } from "~/components/recommendations/action-result";
import { formatDate } from "~/lib/format";
import { pageMeta } from "~/lib/meta";
import { DownloadLinks } from "~/components/export-links";
import { glossaryHints } from "~/lib/glossary.server";
import glossaryStyles from "~/components/glossary/glossary-marks.css?url";
import stylesheet from "~/components/recommendations/recommendations.css?url";
import { keepOpenEditor } from "~/lib/editor-revalidation";

const DocumentEditor = lazy(() => import("~/editor/document-editor.client"));

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "stylesheet", href: glossaryStyles },
];
export const meta = pageMeta<{ recommendation: { title: string } }>((_t, data) => data.recommendation.title);

export const shouldRevalidate = keepOpenEditor;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { auth, row } = await loadRecommendationDocument(request, context, params);
  const page = await recommendationPage(context.services, auth.actor, row.id);
  if (!page) notFound();
  return {
    ...page,
    glossary: await glossaryHints(context.services, context.locale),
    user: { id: auth.user.id, name: auth.user.name, colour: colourFor(auth.user.id) },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { auth, row } = await loadRecommendationDocument(request, context, params);
  const form = await readForm(request, context);
  const { services } = context;
  const actor = auth.actor;
  const intent = form.get("intent");
  const done = (what: string) => ({ ok: true as const, done: what });
  const answered = <T extends { ok: true } | { ok: false; error: Parameters<typeof refusal>[0] }>(result: T, what: string) =>
    result.ok ? done(what) : refusal((result as { ok: false; error: Parameters<typeof refusal>[0] }).error, form);

  switch (intent) {
    case "endorse": {
      const parsed = parseWith(endorseForm, form);
      if (!parsed.ok) return invalid(parsed);
      return answered(await endorseRecommendation(services, actor, row.id, { networkId: parsed.data.networkId, statement: parsed.data.statement || null }), "endorsed");
    }
    case "withdraw": {
      const parsed = parseWith(withdrawEndorsementForm, form);
      if (!parsed.ok) return invalid(parsed);
      return answered(await withdrawEndorsement(services, actor, row.id, parsed.data.networkId), "withdrawn");
    }
    case "support":
    case "unsupport":
      return answered(await setSupport(services, actor, row.id, intent === "support"), intent === "support" ? "supported" : "unsupported");
    case "openConsultation":
      return answered(await openConsultation(services, actor, row.id), "consultationOpened");
    case "submit":
      return answered(await submitRecommendation(services, context.documents, actor, row.id, { locale: context.locale }), "submitted");
    case "setThreshold": {
      const parsed = parseWith(thresholdForm, form);
      if (!parsed.ok) return invalid(parsed);
      return answered(await setThreshold(services, actor, row.id, parsed.data.threshold), "thresholdSet");
    }
    case "answer": {
      const parsed = parseWith(answerForm, form);
      if (!parsed.ok) return invalid(parsed);
      return answered(await answerRecommendation(services, actor, row.id, parsed.data), "answered");
    }
    case "cite": {
      const parsed = parseWith(citationsForm, form, CITATION_ARRAY_FIELDS);
      if (!parsed.ok) return invalid(parsed);
      return answered(await setCitations(services, actor, row.id, parsed.data), "cited");
    }
    default:
      return formError("validation.unknownAction", form);
  }
}

export default function RecommendationPage() {
  const { t, i18n } = useTranslation("recommendations");
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult;
  const { recommendation, rights, authorsNetworks } = data;
  const frozen = recommendation.stage === "submitted" || recommendation.stage === "answered";
  const loading = (
    <p className="wp-loading" role="status">
      {t("page.loading")}
    </p>
  );
  // A refusal for a form the page does not show (or an unknown intent) is still said, at the top.
  const shown = shownIntents(data);
  const intent = result && !result.ok ? result.values.intent : undefined;
  const stray = result && !result.ok && (typeof intent !== "string" || !shown.has(intent)) ? (result.errors.form ?? Object.values(result.errors)[0]) : undefined;
  return (
    <div className="page page--wide rec-page">
      <p className="muted">
        <Link to="/network-of-networks">{t("common:nav.networkOfNetworks")}</Link> · <Link to="/network-of-networks/recommendations">{t("list.title")}</Link>
      </p>
      <h1>{recommendation.title}</h1>
      <StageStepper stage={recommendation.stage} />
      {result?.ok ? <Notice>{t(`done.${result.done}`)}</Notice> : null}
      {stray ? <FormAlert error={stray} /> : null}

      <p className="rec-authors">
        <strong>{t("page.authors")}</strong>{" "}
        {authorsNetworks.length === 0
          ? t("page.noAuthors")
          : authorsNetworks.map((n, i) => (
              <span key={n.id}>
                {i > 0 ? ", " : null}
                {n.slug ? <a href={`/networks/${n.slug}`}>{n.name}</a> : n.name}
              </span>
            ))}
      </p>

      {frozen ? (
        <p className="alert alert--info rec-frozen">
          {t("page.frozenNote", { date: recommendation.submittedAt ? formatDate(recommendation.submittedAt, i18n.language) : "" })}{" "}
          {recommendation.submittedVersionId ? <Link to={`${recommendation.path}/history/${recommendation.submittedVersionId}`}>{t("page.submittedVersion")}</Link> : null}
        </p>
      ) : !rights.edit ? (
        <p className="alert alert--info">{t("page.readOnlyNote")}</p>
      ) : null}

      <DownloadLinks exportPath={`${recommendation.path}/export`}>
        <Link to={`${recommendation.path}/history`}>{t("history:links.history")}</Link>
        <Link to={`${recommendation.path}/languages`}>{t("languages:link")}</Link>
      </DownloadLinks>

      <ClientOnly fallback={loading}>
        <Suspense fallback={loading}>
          <DocumentEditor
            docName={recommendation.docName}
            canEdit={rights.edit}
            archived={frozen}
            user={data.user}
            commentsUrl={`${recommendation.path}/comments`}
            glossary={data.glossary}
            labels={{ text: t("editor.label"), accessRevoked: t("editor.accessRevoked"), documentTooLarge: t("editor.documentTooLarge") }}
          />
        </Suspense>
      </ClientOnly>

      <EvidenceSection data={data} result={result} />
      <EndorsementsSection data={data} result={result} />
      <SupportsSection data={data} result={result} />
      {rights.moderate ? <ModerationSection data={data} result={result} /> : null}
      <AnswerSection data={data} result={result} />

      <p>
        <Link to="/network-of-networks/recommendations">{t("page.backToList")}</Link>
      </p>
    </div>
  );
}
