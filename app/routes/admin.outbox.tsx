import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { outboxPage } from "~/lib/admin.server";
import { pageNumber } from "~/lib/paging.server";
import { authorize, requireAuth } from "~/lib/guards.server";
import { localeName, mailKindLabel } from "~/components/admin-labels";
import { Pager } from "~/components/pager";
import { formatDateTime } from "~/lib/format";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta("admin:outbox.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = requireAuth(request, context);
  authorize(auth, { type: "platform.admin" });
  return outboxPage(context.services, pageNumber(new URL(request.url).searchParams.get("page")));
}

export default function AdminOutboxPage() {
  const { t, i18n } = useTranslation("admin");
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("outbox.title")}</h1>
      <p>{t("outbox.intro")}</p>
      {data.mails.length === 0 ? (
        <p className="empty">{data.page > 1 ? t("common:paging.nothingHere") : t("outbox.empty")}</p>
      ) : (
        <ol className="plain-list">
          {data.mails.map((mail) => (
            <li key={mail.id}>
              <article className="card mail-card" data-testid="outbox-mail" aria-labelledby={`mail-${mail.id}`}>
                <h2 id={`mail-${mail.id}`}>{mail.subject ?? mailKindLabel(t, mail.kind)}</h2>
                <dl className="facts">
                  <dt>{t("outbox.fields.createdAt")}</dt>
                  <dd>{formatDateTime(mail.createdAt, i18n.language)}</dd>
                  <dt>{t("outbox.fields.to")}</dt>
                  <dd data-testid="outbox-recipient">{mail.to}</dd>
                  <dt>{t("outbox.fields.kind")}</dt>
                  <dd>{mailKindLabel(t, mail.kind)}</dd>
                  <dt>{t("outbox.fields.language")}</dt>
                  <dd>{localeName(t, mail.locale)}</dd>
                  <dt>{t("outbox.fields.status")}</dt>
                  <dd>
                    {mail.status === "sent" && mail.sentAt
                      ? t("outbox.status.sent", { date: formatDateTime(mail.sentAt, i18n.language) })
                      : mail.status === "failed"
                        ? t("outbox.status.failed", { error: mail.error ?? "" })
                        : t("outbox.status.notSent")}
                  </dd>
                </dl>
                <h3 className="visually-hidden">{t("outbox.fields.body")}</h3>
                {mail.sealed ? (
                  <p className="muted">{t("outbox.sealed")}</p>
                ) : (
                  <pre className="mail" lang={mail.locale}>
                    {mail.body}
                  </pre>
                )}
              </article>
            </li>
          ))}
        </ol>
      )}
      <Pager basePath="/admin/outbox" page={data.page} hasNewer={data.hasNewer} hasOlder={data.hasOlder} />
    </>
  );
}
