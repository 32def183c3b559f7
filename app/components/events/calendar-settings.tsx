/**
 * The account page's calendar section: the private subscription address (shown once when
 * made, renewable and revocable) and when to be reminded of events by e-mail.
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "../csrf-input";
import { Notice, SelectField } from "../fields";
import { formatDateTime } from "~/lib/format";

const OPTIONS = ["off", "2", "24", "48", "168"] as const;

export function CalendarSettings({ feed, reminderHours, newFeedUrl, done }: { feed: { since: string } | null; reminderHours: number | null; newFeedUrl: string | null; done: string | null }) {
  const { t, i18n } = useTranslation("events");
  const current = reminderHours === null ? "off" : String(reminderHours);
  return (
    <section aria-labelledby="calendar-heading" id="calendar">
      <h2 id="calendar-heading">{t("feed.title")}</h2>
      <div className="card">
        <p>{t("feed.intro")}</p>
        {newFeedUrl ? (
          <div role="status" className="alert alert--info">
            <p>{t("feed.created")}</p>
            <input className="feed-url" type="text" readOnly value={newFeedUrl} aria-label={t("feed.title")} onFocus={(e) => e.currentTarget.select()} />
          </div>
        ) : null}
        {done === "feedRevoke" ? <Notice>{t("feed.revoked")}</Notice> : null}
        {!newFeedUrl ? <p>{feed ? t("feed.active", { since: formatDateTime(feed.since, i18n.language) }) : t("feed.none")}</p> : null}
        <div className="actions">
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="feedRenew" />
            <button type="submit" className="button">
              {feed ? t("feed.renew") : t("feed.create")}
            </button>
          </Form>
          {feed ? (
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="intent" value="feedRevoke" />
              <button type="submit" className="button button--quiet">
                {t("feed.revoke")}
              </button>
            </Form>
          ) : null}
        </div>
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="reminders" />
          {done === "reminders" ? <Notice>{t("feed.remindersSaved")}</Notice> : null}
          <SelectField name="reminderHours" label={t("feed.reminders")} hint={t("feed.remindersHint")} defaultValue={current} options={OPTIONS.map((o) => ({ value: o, label: t(`feed.reminderOptions.${o}`) }))} />
          <button type="submit" className="button">
            {t("feed.saveReminders")}
          </button>
        </Form>
      </div>
    </section>
  );
}
