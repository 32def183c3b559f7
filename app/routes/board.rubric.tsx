/**
 * /board/rubric — the criteria the advisory board scores applications against, with their
 * weights: set by the project team, read by the board. A criterion someone has scored
 * cannot be removed (the reviews given stay as they were given).
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { can } from "#shared/policy";
import { rubricForms } from "#shared/validation/board-forms";
import { MAX_WEIGHT } from "#shared/validation/limits";
import { authorize, requireAuth } from "~/lib/guards.server";
import { formError, parseWith, readForm } from "~/lib/forms.server";
import { boardRefusal, removeCriterion, rubricCriteria, saveCriterion } from "~/lib/partnerships.server";
import { CsrfInput } from "~/components/csrf-input";
import { FieldError, FormAlert, Notice } from "~/components/fields";
import { pageMeta } from "~/lib/meta";
import stylesheet from "~/components/intake/intake.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];
export const meta = pageMeta("board:rubric.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "board.selection" });
  return { criteria: await rubricCriteria(context.services), manages: can(auth.actor, { type: "intake.manage" }) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "intake.manage" });
  const form = await readForm(request, context);
  const intent = form.get("intent");
  if (intent === "saveCriterion") {
    const parsed = parseWith(rubricForms.saveCriterion, form);
    if (!parsed.ok) return data({ ok: false as const, intent, target: String(form.get("id") ?? ""), errors: parsed.errors as Record<string, string>, values: parsed.values }, { status: 400 });
    const outcome = await saveCriterion(context.services, auth.actor, parsed.data);
    return outcome.ok ? { ok: true as const, done: "criterionSaved" } : boardRefusal(outcome.error, form, intent);
  }
  if (intent === "removeCriterion") {
    const parsed = parseWith(rubricForms.removeCriterion, form);
    if (!parsed.ok) return formError("validation.choice", form);
    const outcome = await removeCriterion(context.services, auth.actor, parsed.data.id);
    return outcome.ok ? { ok: true as const, done: "criterionRemoved" } : boardRefusal(outcome.error, form, intent);
  }
  return formError("validation.unknownAction", form);
}

type Criterion = { id: string; label: string; description: string; weight: number };

function CriterionForm({ criterion, failed, busy }: { criterion: Criterion | null; failed: { errors: Record<string, string>; values: Record<string, unknown> } | null; busy: boolean }) {
  const { t } = useTranslation("board");
  const key = criterion?.id ?? "new";
  const value = (name: string, stored: string) => (failed && typeof failed.values[name] === "string" ? (failed.values[name] as string) : stored);
  return (
    <Form method="post" className="card">
      <CsrfInput />
      <input type="hidden" name="intent" value="saveCriterion" />
      <input type="hidden" name="id" value={criterion?.id ?? ""} />
      {criterion ? null : <h2>{t("rubric.add")}</h2>}
      <div className="field">
        <label htmlFor={`label-${key}`}>{t("rubric.label")}</label>
        <input id={`label-${key}`} name="label" required maxLength={200} defaultValue={value("label", criterion?.label ?? "")} aria-invalid={failed?.errors.label ? true : undefined} aria-describedby={failed?.errors.label ? `label-${key}-error` : undefined} />
        <FieldError id={`label-${key}-error`} error={failed?.errors.label} />
      </div>
      <div className="field">
        <label htmlFor={`description-${key}`}>{t("rubric.description")}</label>
        <textarea id={`description-${key}`} name="description" rows={2} maxLength={1000} defaultValue={value("description", criterion?.description ?? "")} />
      </div>
      <div className="field">
        <label htmlFor={`weight-${key}`}>{t("rubric.weight", { max: MAX_WEIGHT })}</label>
        <input id={`weight-${key}`} name="weight" inputMode="numeric" defaultValue={value("weight", String(criterion?.weight ?? 1))} aria-invalid={failed?.errors.weight ? true : undefined} aria-describedby={failed?.errors.weight ? `weight-${key}-error` : undefined} />
        <FieldError id={`weight-${key}-error`} error={failed?.errors.weight} />
      </div>
      <button type="submit" className="button" disabled={busy}>
        {criterion ? t("rubric.save") : t("rubric.addButton")}
      </button>
    </Form>
  );
}

export default function RubricPage() {
  const { t } = useTranslation("board");
  const { criteria, manages } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const failed = result && !result.ok ? (result as { ok: false; intent: unknown; target?: string; errors: Record<string, string>; values: Record<string, unknown> }) : null;
  const failedFor = (id: string) => (failed && failed.intent === "saveCriterion" && (failed.target ?? "") === id ? failed : null);
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  return (
    <div className="page page--medium">
      <p className="muted">
        <Link to="/board/applications">{t("applications.title")}</Link>
      </p>
      <h1>{t("rubric.title")}</h1>
      <p>{t("rubric.intro")}</p>
      {result?.ok ? <Notice>{t(`done.${result.done}`)}</Notice> : null}
      {failed && failed.intent !== "saveCriterion" ? <FormAlert error={failed.errors.form} /> : null}
      {criteria.length === 0 ? (
        <p className="empty">{t("rubric.empty")}</p>
      ) : (
        <ol>
          {criteria.map((c) => (
            <li key={c.id}>
              <h2>
                {c.label} <span className="muted">({t("rubric.share", { weight: c.weight, percent: Math.round((100 * c.weight) / Math.max(total, 1)) })})</span>
              </h2>
              {c.description ? <p>{c.description}</p> : null}
              {manages ? (
                <>
                  <details>
                    <summary>{t("rubric.edit", { label: c.label })}</summary>
                    <CriterionForm criterion={c} failed={failedFor(c.id)} busy={busy} />
                  </details>
                  <Form method="post">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="removeCriterion" />
                    <input type="hidden" name="id" value={c.id} />
                    <button type="submit" className="button button--quiet" disabled={busy}>
                      {t("rubric.remove", { label: c.label })}
                    </button>
                  </Form>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {manages ? <CriterionForm criterion={null} failed={failedFor("")} busy={busy} /> : null}
    </div>
  );
}
