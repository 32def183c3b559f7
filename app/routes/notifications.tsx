/**
 * /notifications — the caller's own notifications, newest first: what happened (mention,
 * reply, new named version), who did it, in which document, when, and whether it is still
 * unread (in words, not only by colour). Opening one marks it read and goes to its page;
 * "mark all as read" clears the count. New notifications arrive live over the page's socket.
 * Fifty to a page; older ones are a link away.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { NotificationView } from "#shared/notifications";
import { markNotificationsRead, notificationCentre, ownNotification } from "~/lib/notifications.server";
import { pageNumber } from "~/lib/paging.server";
import { authorize, notFound, requireAuth, safeRedirectPath } from "~/lib/guards.server";
import { formError, readForm } from "~/lib/forms.server";
import { CsrfInput } from "~/components/csrf-input";
import { Notice } from "~/components/fields";
import { Pager } from "~/components/pager";
import { notificationSummary, useLiveNotifications } from "~/lib/live-notifications";
import { formatDateTime } from "~/lib/format";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta("notifications:page.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requireAuth(request, context);
  // One's own notifications belong to one's account.
  authorize(auth, { type: "account.manage" });
  return notificationCentre(context.services, auth.user.id, pageNumber(new URL(request.url).searchParams.get("page")));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "account.manage" });
  const form = await readForm(request, context);
  const intent = form.get("intent");
  if (intent === "readAll") {
    await markNotificationsRead(context.services, auth.user.id, "all");
    return { ok: true as const, done: "allMarked" as const };
  }
  if (intent === "open") {
    const id = form.get("id");
    // Only one's own notifications can be opened; anybody else's id is simply unknown.
    const item = typeof id === "string" && id.length <= 64 ? await ownNotification(context.services, auth.user.id, id) : undefined;
    if (!item) notFound();
    await markNotificationsRead(context.services, auth.user.id, [item.id]);
    return redirect(safeRedirectPath(item.link, "/notifications"));
  }
  return formError("validation.unknownAction", form);
}

/** The loader's list with whatever arrived live since, without duplicates, newest first. */
function merged(loaded: NotificationView[], arrived: NotificationView[]): NotificationView[] {
  const known = new Set(loaded.map((n) => n.id));
  return [...arrived.filter((n) => !known.has(n.id)), ...loaded];
}

export default function NotificationsPage() {
  const { t, i18n } = useTranslation("notifications");
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const live = useLiveNotifications();
  // What arrives live is newer than everything, so it belongs on the first page only.
  const items = data.page === 1 ? merged(data.items, live?.arrived ?? []) : data.items;
  const unread = live ? live.unread : data.unread;
  const locale = i18n.language;

  return (
    <div className="page page--medium">
      <h1>{t("page.title")}</h1>
      <p>{t("page.intro")}</p>
      {result?.ok ? <Notice>{t(`page.${result.done}`)}</Notice> : null}

      {items.length === 0 ? (
        <p className="empty">{data.page > 1 ? t("common:paging.nothingHere") : t("page.empty")}</p>
      ) : (
        <>
          <div className="notifications-bar">
            <p className="notifications-bar__count">{unread > 0 ? t("page.unreadCount", { count: unread }) : t("page.allReadNow")}</p>
            {unread > 0 ? (
              <Form method="post" className="inline-form">
                <CsrfInput />
                <input type="hidden" name="intent" value="readAll" />
                <button type="submit" className="button button--quiet" disabled={navigation.state === "submitting"}>
                  {t("page.markAllRead")}
                </button>
              </Form>
            ) : null}
          </div>
          <p className="muted">{t("page.openHint")}</p>
          <ul className="notification-list" aria-label={t("page.listLabel")}>
            {items.map((n) => {
              const summary = notificationSummary(t, n);
              return (
                <li key={n.id} className={`card notification ${n.read ? "notification--read" : "notification--unread"}`} data-notification-id={n.id}>
                  <p className="notification__meta">
                    {n.read ? (
                      <span className="visually-hidden">{t("page.read")}</span>
                    ) : (
                      <span className="badge notification__state">{t("page.unread")}</span>
                    )}{" "}
                    <span className="notification__kind">{t(`kinds.${n.kind}`)}</span> ·{" "}
                    <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, locale)}</time>
                  </p>
                  <h2 className="notification__title">{summary}</h2>
                  {n.excerpt && n.kind !== "version" && n.kind !== "recommendation" ? <blockquote className="notification__excerpt">{n.excerpt}</blockquote> : null}
                  <Form method="post" className="inline-form">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="open" />
                    <input type="hidden" name="id" value={n.id} />
                    <button type="submit" className="button button--small">
                      {t("page.open")}
                      <span className="visually-hidden">: {summary}</span>
                    </button>
                  </Form>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <Pager basePath="/notifications" page={data.page} hasNewer={data.hasNewer} hasOlder={data.hasOlder} />
      <p>
        <Link to="/account#email-notifications-heading">{t("page.emailSettings")}</Link>
      </p>
    </div>
  );
}
