import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { endOtherSessions } from "~/lib/auth.server";
import { sessionsOverview, updateOwnProfile } from "~/lib/people.server";
import { emailChoices, saveEmailChoices } from "~/lib/notifications.server";
import { NOTIFICATION_KINDS, type NotificationKind } from "#shared/notifications";
import { accountForm } from "#shared/validation/auth-forms";
import { LOCALES, LOCALE_NATIVE_NAMES } from "#shared/i18n/config";
import { authorize, requireAuth } from "~/lib/guards.server";
import { invalid, parseWith, readForm } from "~/lib/forms.server";
import { CsrfInput } from "~/components/csrf-input";
import { CheckboxGroup, Notice, SelectField, TextField } from "~/components/fields";
import { formatDateTime } from "~/lib/format";
import { pageMeta } from "~/lib/meta";
import { calendarSettings, calendarSettingsAction } from "~/lib/calendar.server";
import { CalendarSettings } from "~/components/events/calendar-settings";

export const meta = pageMeta("account.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "account.manage" });
  return {
    name: auth.user.name,
    email: auth.user.email,
    locale: auth.user.locale,
    sessions: await sessionsOverview(context.services, auth.user.id, auth.session.id),
    emailChoices: await emailChoices(context.services, auth.user.id),
    calendar: await calendarSettings(context.services, auth.user.id),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "account.manage" });
  const form = await readForm(request, context);
  const calendar = await calendarSettingsAction(context.services, auth.user.id, form);
  if (calendar) return { ...calendar, count: 0 };
  if (form.get("intent") === "logoutOthers") {
    const count = await endOtherSessions(context.services, auth, context.ip);
    return { ok: true as const, done: "logoutOthers" as const, count, feedUrl: null };
  }
  if (form.get("intent") === "emailChoices") {
    // Checked boxes arrive as values of "email"; anything not a known kind is ignored.
    const checked = new Set(form.getAll("email"));
    const choices = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, checked.has(kind)])) as Record<NotificationKind, boolean>;
    await saveEmailChoices(context.services, auth.user.id, choices);
    return { ok: true as const, done: "emailChoices" as const, count: 0, feedUrl: null };
  }
  const parsed = parseWith(accountForm, form);
  if (!parsed.ok) return invalid(parsed);
  await updateOwnProfile(context.services, auth.user.id, parsed.data);
  return { ok: true as const, done: "profile" as const, count: 0, feedUrl: null };
}

export default function AccountPage() {
  const { t, i18n } = useTranslation();
  const { t: tn } = useTranslation("notifications");
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result && !result.ok ? result.errors : {};
  const values: Record<string, unknown> = result && !result.ok ? result.values : {};
  const others = data.sessions.filter((s) => !s.current).length;
  return (
    <div className="page">
      <h1>{t("account.title")}</h1>
      {result?.ok && (result.done === "logoutOthers" || result.done === "emailChoices" || result.done === "profile") ? (
        <Notice>
          {result.done === "logoutOthers"
            ? t("account.loggedOutOthers", { count: result.count })
            : result.done === "emailChoices"
              ? tn("email.saved")
              : t("account.saved")}
        </Notice>
      ) : null}
      <div className="columns">
        <section aria-labelledby="profile-heading">
          <h2 id="profile-heading">{t("account.profile")}</h2>
          <Form method="post" className="card" noValidate>
            <CsrfInput />
            <p>
              <span className="muted">{t("account.email")}</span> {data.email}
            </p>
            <TextField name="name" label={t("account.name")} defaultValue={String(values.name ?? data.name)} error={errors.name} autoComplete="name" required />
            <SelectField
              name="locale"
              label={t("account.language")}
              defaultValue={String(values.locale ?? data.locale)}
              error={errors.locale}
              options={LOCALES.map((l) => ({ value: l, label: LOCALE_NATIVE_NAMES[l], lang: l }))}
            />
            <button type="submit" className="button">
              {t("actions.save")}
            </button>
          </Form>
        </section>
        <section aria-labelledby="sessions-heading">
          <h2 id="sessions-heading">{t("account.sessions")}</h2>
          <div className="card">
            <ul>
              {data.sessions.map((s) => (
                <li key={`${s.createdAt}-${s.userAgent}`}>
                  {formatDateTime(s.lastSeenAt, i18n.language)} · {s.userAgent || t("account.unknownDevice")}
                  {s.current ? <strong> ({t("account.thisSession")})</strong> : null}
                </li>
              ))}
            </ul>
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="intent" value="logoutOthers" />
              <button type="submit" className="button button--quiet" disabled={others === 0}>
                {t("account.logoutOthers")}
              </button>
            </Form>
          </div>
        </section>
        <section aria-labelledby="email-notifications-heading">
          <h2 id="email-notifications-heading">{tn("email.heading")}</h2>
          <Form method="post" className="card">
            <CsrfInput />
            <input type="hidden" name="intent" value="emailChoices" />
            <p>{tn("email.intro")}</p>
            <CheckboxGroup
              name="email"
              legend={tn("email.legend")}
              options={NOTIFICATION_KINDS.map((kind) => ({ value: kind, label: tn(`email.${kind}`) }))}
              defaultValues={NOTIFICATION_KINDS.filter((kind) => data.emailChoices[kind])}
            />
            <button type="submit" className="button">
              {tn("email.submit")}
            </button>
          </Form>
        </section>
        <CalendarSettings
          feed={data.calendar.feed}
          reminderHours={data.calendar.reminderHours}
          newFeedUrl={result?.ok ? result.feedUrl : null}
          done={result?.ok ? result.done : null}
        />
      </div>
    </div>
  );
}
