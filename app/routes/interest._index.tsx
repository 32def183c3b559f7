/**
 * /interest — the public expression-of-interest form (no account needed). Spam is kept out
 * by a honeypot, a signed fill-time stamp and rate limits (server/domain/intake/form-guard.ts);
 * every refusal keeps what was typed. Sent forms land on /interest/thanks (so a reload does
 * not send twice).
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { INTEREST_ARRAY_FIELDS, interestForm } from "#shared/validation/interest-forms";
import { HONEYPOT_FIELD, STAMP_FIELD } from "#shared/validation/limits";
import { invalid, parseWith, readForm } from "~/lib/forms.server";
import { formStamp, intakeRefusal, submitInterest } from "~/lib/intake.server";
import { emptyInterest, InterestForm } from "~/components/intake/interest-form";
import { pageMeta } from "~/lib/meta";
import stylesheet from "~/components/intake/intake.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];
export const meta = pageMeta("intake:public.title");

export async function loader({ context }: LoaderFunctionArgs) {
  return { stamp: await formStamp(context.services), locale: context.locale };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const parsed = parseWith(interestForm, form, INTEREST_ARRAY_FIELDS);
  if (!parsed.ok) return invalid(parsed);
  const outcome = await submitInterest(context.services, parsed.data, { ip: context.ip, stamp: form.get(STAMP_FIELD), honeypot: form.get(HONEYPOT_FIELD) });
  if (!outcome.ok) return intakeRefusal(outcome.error, form);
  throw redirect("/interest/thanks");
}

export default function InterestPage() {
  const { t } = useTranslation("intake");
  const { stamp, locale } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const failed = result && !result.ok ? result : null;
  return (
    <div className="page page--medium">
      <h1>{t("public.title")}</h1>
      <p>{t("public.intro")}</p>
      <p>{t("public.next")}</p>
      <InterestForm
        defaults={emptyInterest(locale)}
        submitted={failed ? failed.values : null}
        errors={failed ? failed.errors : {}}
        guard={{ stamp, honeypot: HONEYPOT_FIELD, stampField: STAMP_FIELD }}
        submitLabel={t("public.submit")}
        busy={busy}
      />
    </div>
  );
}
