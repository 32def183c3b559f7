/**
 * /interest/mine/:token — the private link of the confirmation mail: the group reads its
 * submission and its status, corrects it, or withdraws it (which deletes it). The token is
 * the key; an unknown or withdrawn one answers 404 with a page that says so.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { INTEREST_ARRAY_FIELDS, interestForm } from "#shared/validation/interest-forms";
import { invalid, parseWith, readForm } from "~/lib/forms.server";
import { amendInterest, interestByToken, intakeRefusal, withdrawInterest } from "~/lib/intake.server";
import { InterestForm } from "~/components/intake/interest-form";
import { CsrfInput } from "~/components/csrf-input";
import { FieldError, Notice } from "~/components/fields";
import { formatDate } from "~/lib/format";
import { pageMeta } from "~/lib/meta";
import stylesheet from "~/components/intake/intake.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];
export const meta = pageMeta("intake:mine.title");

export async function loader({ params, context }: LoaderFunctionArgs) {
  const submission = await interestByToken(context.services, params.token ?? "");
  if (!submission) return data({ submission: null }, { status: 404 });
  return { submission };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const form = await readForm(request, context);
  const intent = form.get("intent");
  if (intent === "withdraw") {
    if (form.get("confirm") !== "yes") return data({ ok: false as const, intent: "withdraw", errors: { confirm: "intake:errors.confirmWithdraw" }, values: {} }, { status: 400 });
    const outcome = await withdrawInterest(context.services, token);
    if (!outcome.ok) return intakeRefusal(outcome.error, form, "withdraw");
    throw redirect("/interest/withdrawn");
  }
  const parsed = parseWith(interestForm, form, INTEREST_ARRAY_FIELDS);
  if (!parsed.ok) return invalid(parsed);
  const outcome = await amendInterest(context.services, token, parsed.data);
  if (!outcome.ok) return intakeRefusal(outcome.error, form, "amend");
  throw redirect(`/interest/mine/${token}?saved=1`);
}

export default function MyInterestPage() {
  const { t, i18n } = useTranslation("intake");
  const { submission } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  if (!submission) {
    return (
      <div className="page page--narrow">
        <h1>{t("mine.missingTitle")}</h1>
        <p>{t("mine.missing")}</p>
        <p>
          <Link to="/interest">{t("thanks.another")}</Link>
        </p>
      </div>
    );
  }
  const failed = result && !result.ok ? result : null;
  const amendFailed = failed && ("intent" in failed ? failed.intent !== "withdraw" : true) ? failed : null;
  const withdrawFailed: { errors: Record<string, string | undefined> } | null = failed && "intent" in failed && failed.intent === "withdraw" ? failed : null;
  return (
    <div className="page page--medium">
      <h1>{t("mine.title")}</h1>
      {params.get("saved") ? <Notice>{t("mine.saved")}</Notice> : null}
      <p>
        {t("mine.status", { date: formatDate(submission.createdAt, i18n.language) })} <span className="intake-status">{t(`status.${submission.status}`)}</span>
      </p>
      <p className="muted">{t(`statusExplained.${submission.status}`)}</p>
      <h2>{t("mine.amend")}</h2>
      <InterestForm
        defaults={submission}
        submitted={amendFailed ? amendFailed.values : null}
        errors={amendFailed ? amendFailed.errors : {}}
        guard={null}
        intent="amend"
        submitLabel={t("mine.save")}
        busy={busy}
      />
      <h2>{t("mine.withdrawTitle")}</h2>
      <Form method="post" className="card">
        <CsrfInput />
        <input type="hidden" name="intent" value="withdraw" />
        <p>{t("mine.withdrawExplained")}</p>
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" name="confirm" value="yes" aria-describedby={withdrawFailed?.errors.confirm ? "confirm-error" : undefined} /> {t("mine.withdrawConfirm")}
          </label>
          <FieldError id="confirm-error" error={withdrawFailed?.errors.confirm ?? withdrawFailed?.errors.form} />
        </div>
        <button type="submit" className="button button--danger" disabled={busy}>
          {t("mine.withdraw")}
        </button>
      </Form>
    </div>
  );
}
