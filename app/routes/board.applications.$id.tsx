/**
 * /board/applications/:id — one application before the board. A member scores each
 * criterion 1–5 with a comment (saved as a draft until submitted; submitted is final) or
 * declares a conflict of interest. Other members' reviews and the aggregate appear only
 * after their own review is in. The project team records the board's decision; a selection
 * founds the network at once.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MAX_SCORE, MIN_SCORE } from "#shared/board/rubric";
import { decisionForm, parseReviewForm } from "#shared/validation/board-forms";
import { MAX_REVIEW_COMMENT } from "#shared/validation/limits";
import { authorize, notFound, requireAuth } from "~/lib/guards.server";
import { formError, parseWith, readForm } from "~/lib/forms.server";
import { idParam } from "~/lib/findings.server";
import { boardRefusal, declareConflict, recordDecision, reviewPage, saveOwnReview } from "~/lib/partnerships.server";
import { CsrfInput } from "~/components/csrf-input";
import { FieldError, FormAlert, Notice } from "~/components/fields";
import { formatDate } from "~/lib/format";
import { pageMeta } from "~/lib/meta";
import stylesheet from "~/components/intake/intake.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];
export const meta = pageMeta<{ partnership: { name: string } }>((_t, d) => d.partnership.name);

function guard(request: Request, context: LoaderFunctionArgs["context"], params: { id?: string }) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "board.selection" });
  const id = idParam(params.id);
  if (!id) notFound();
  return { auth, id };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { auth, id } = guard(request, context, params);
  const page = await reviewPage(context.services, auth.actor, id);
  if (!page) notFound();
  return page;
}

type Failure = { ok: false; intent: string | null; errors: Record<string, string>; values: Record<string, string | string[]> };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { auth, id } = guard(request, context, params);
  const form = await readForm(request, context);
  const intent = form.get("intent");
  const { services } = context;
  switch (intent) {
    case "saveReview":
    case "submitReview": {
      const parsed = parseReviewForm(form);
      if (!parsed.ok) return data({ ok: false as const, intent, errors: parsed.errors, values: Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)])) } satisfies Failure, { status: 400 });
      const outcome = await saveOwnReview(services, auth.actor, id, { ...parsed.data, submit: intent === "submitReview" });
      return outcome.ok ? { ok: true as const, done: intent === "submitReview" ? "reviewSubmitted" : "reviewSaved" } : boardRefusal(outcome.error, form, intent);
    }
    case "conflict": {
      const outcome = await declareConflict(services, auth.actor, id);
      return outcome.ok ? { ok: true as const, done: "conflictDeclared" } : boardRefusal(outcome.error, form, intent);
    }
    case "decide": {
      authorize(auth, { type: "intake.manage" });
      const parsed = parseWith(decisionForm, form);
      if (!parsed.ok) return data({ ok: false as const, intent, errors: parsed.errors as Record<string, string>, values: parsed.values } satisfies Failure, { status: 400 });
      const outcome = await recordDecision(services, auth.actor, id, parsed.data);
      if (!outcome.ok) return boardRefusal(outcome.error, form, intent);
      throw redirect(`/board/applications/${id}?decided=${parsed.data.decision}`);
    }
    default:
      return formError("validation.unknownAction", form);
  }
}

export default function ReviewPage() {
  const { t, i18n } = useTranslation("board");
  const { partnership: p, criteria, mine, others, aggregate, rights } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const failed = result && !result.ok ? (result as Failure) : null;
  const typedScore = (criterionId: string) => {
    const typed = failed?.values[`score.${criterionId}`];
    if (typeof typed === "string") return typed;
    const stored = mine?.scores[criterionId];
    return stored === undefined ? "" : String(stored);
  };
  const fmt = (value: number | null | undefined) => (value === null || value === undefined ? "–" : value.toLocaleString(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
  const [params] = useSearchParams();
  const decided = params.get("decided");
  return (
    <div className="page page--medium intake-detail">
      <p className="muted">
        <Link to="/board/applications">{t("applications.title")}</Link>
      </p>
      <h1>{p.name}</h1>
      <p>
        <span className="intake-status">{t(`partnershipStatus.${p.status}`)}</span>
        {p.submittedAt ? ` ${t("application.submittedOn", { date: formatDate(p.submittedAt, i18n.language) })}` : null}
      </p>
      {result?.ok ? <Notice>{t(`done.${result.done}`)}</Notice> : null}
      {decided && p.status !== "submitted" ? <Notice>{t(`done.decided`)}</Notice> : null}
      {failed?.errors.form ? <FormAlert error={failed.errors.form} /> : null}
      <p>
        <Link to={`/partnerships/${p.id}`}>{t("review.readApplication")}</Link>
      </p>
      {p.decidedAt ? (
        <section aria-labelledby="decision" className="card">
          <h2 id="decision">{t("review.decisionTitle")}</h2>
          <p>{t(`partnershipStatus.${p.status}`)} · {formatDate(p.decidedAt, i18n.language)}</p>
          {p.decisionNote ? <p className="intake-detail__note">{p.decisionNote}</p> : null}
          {p.networkId ? <p>{t("review.networkFounded")}</p> : null}
        </section>
      ) : null}

      <h2>{t("review.yours")}</h2>
      {criteria.length === 0 ? (
        <p className="empty">{t("review.noRubric")}</p>
      ) : rights.score ? (
        <>
          <Form method="post" className="card">
            <CsrfInput />
            {criteria.map((c) => (
              <fieldset key={c.id} className="board-criterion">
                <legend>
                  {c.label} <span className="muted">({t("review.weight", { weight: c.weight })})</span>
                </legend>
                {c.description ? <p className="field__hint">{c.description}</p> : null}
                <div className="board-scale">
                  {Array.from({ length: MAX_SCORE - MIN_SCORE + 1 }, (_, i) => MIN_SCORE + i).map((n) => (
                    <label key={n} className="board-scale__option">
                      <input type="radio" name={`score.${c.id}`} value={n} defaultChecked={typedScore(c.id) === String(n)} /> {n}
                    </label>
                  ))}
                </div>
                <FieldError id={`score-${c.id}-error`} error={failed?.errors[`score.${c.id}`]} />
              </fieldset>
            ))}
            <div className="field">
              <label htmlFor="review-comment">{t("review.comment")}</label>
              <textarea id="review-comment" name="comment" rows={4} maxLength={MAX_REVIEW_COMMENT} defaultValue={typeof failed?.values.comment === "string" ? failed.values.comment : (mine?.comment ?? "")} />
            </div>
            <p className="field__hint">{t("review.scaleHint")}</p>
            <div className="actions">
              <button type="submit" name="intent" value="saveReview" className="button button--quiet" disabled={busy}>
                {t("review.saveDraft")}
              </button>
              <button type="submit" name="intent" value="submitReview" className="button" disabled={busy}>
                {t("review.submit")}
              </button>
            </div>
          </Form>
          <Form method="post" className="card">
            <CsrfInput />
            <input type="hidden" name="intent" value="conflict" />
            <p>{t("review.conflictExplained")}</p>
            <button type="submit" className="button button--quiet" disabled={busy}>
              {t("review.declareConflict")}
            </button>
          </Form>
        </>
      ) : mine ? (
        <div className="card">
          <p>{t(`reviewStatus.${mine.status}`)}</p>
          {mine.status !== "conflict" ? (
            <ul>
              {criteria.map((c) => (
                <li key={c.id}>
                  {c.label}: {mine.scores[c.id] ?? "–"}
                </li>
              ))}
            </ul>
          ) : null}
          {mine.comment ? <p className="intake-detail__note">{mine.comment}</p> : null}
        </div>
      ) : (
        <p className="muted">{t("review.notScoring")}</p>
      )}

      <h2>{t("review.othersTitle")}</h2>
      {others === null || aggregate === null ? (
        <p className="muted">{t("review.othersHidden")}</p>
      ) : (
        <>
          <p data-testid="aggregate-score">{t("review.aggregate", { score: fmt(aggregate.score), submitted: aggregate.submitted, conflicts: aggregate.conflicts })}</p>
          <ul>
            {criteria.map((c) => (
              <li key={c.id}>
                {c.label}: {fmt(aggregate.byCriterion[c.id])}
              </li>
            ))}
          </ul>
          {others.length === 0 ? (
            <p className="empty">{t("review.noOthers")}</p>
          ) : (
            <ul className="intake-log">
              {others.map((o, i) => (
                <li key={i}>
                  <strong>{o.name}</strong> · {t(`reviewStatus.${o.status}`)}
                  {o.status === "submitted" ? <div>{criteria.map((c) => `${c.label}: ${o.scores[c.id] ?? "–"}`).join(" · ")}</div> : null}
                  {o.comment ? <div>{o.comment}</div> : null}
                </li>
              ))}
            </ul>
          )}
        </>
      )}

      {rights.decide ? (
        <Form method="post" className="card">
          <CsrfInput />
          <input type="hidden" name="intent" value="decide" />
          <h2>{t("review.decideTitle")}</h2>
          <p>{t("review.decideExplained")}</p>
          <fieldset>
            <legend>{t("review.decision")}</legend>
            <label className="checkbox">
              <input type="radio" name="decision" value="selected" /> {t("partnershipStatus.selected")}
            </label>
            <label className="checkbox">
              <input type="radio" name="decision" value="not_selected" /> {t("partnershipStatus.not_selected")}
            </label>
            <FieldError id="decision-error" error={failed?.intent === "decide" ? failed.errors.decision : undefined} />
          </fieldset>
          <div className="field">
            <label htmlFor="decision-note">{t("review.decisionNote")}</label>
            <textarea id="decision-note" name="note" rows={3} maxLength={MAX_REVIEW_COMMENT} />
          </div>
          <button type="submit" className="button" disabled={busy}>
            {t("review.recordDecision")}
          </button>
        </Form>
      ) : null}
    </div>
  );
}
