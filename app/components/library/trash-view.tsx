/**
 * The trash of a library: what was deleted, by whom, when it goes for good (30 days after),
 * restore for those who organise the library, and "empty the trash" for coordinators (in
 * the commons: moderators), the only way to remove bytes before the 30 days are over.
 */
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { libraryTrashAction, libraryTrashLoader } from "~/lib/library.server";
import { ArchivedNetworkNotice } from "~/components/archived-network-notice";
import { CsrfInput } from "~/components/csrf-input";
import { FormAlert, Notice } from "~/components/fields";
import { TableScroll } from "~/components/table-scroll";
import { formatDate, formatDateTime } from "~/lib/format";
import { formatBytes } from "#shared/library/format-bytes";
import { LibraryBreadcrumbs } from "./library-breadcrumbs";

type LoaderData = Awaited<ReturnType<typeof libraryTrashLoader>>;
type ActionData = Awaited<ReturnType<typeof libraryTrashAction>>;

export function LibraryTrashView() {
  const { t, i18n } = useTranslation("library");
  const { place, items, can } = useLoaderData<LoaderData>();
  const result = useActionData<ActionData>() as { ok: true; done: string } | { ok: false; errors: Record<string, string> } | undefined;
  return (
    <div className="page library">
      <LibraryBreadcrumbs place={place} trail={[]} current={t("trash.title")} />
      <h1>{t("trash.title")}</h1>
      {place.network ? <ArchivedNetworkNotice archivedAt={place.network.archivedAt} /> : null}
      <p>{t("trash.intro")}</p>
      {result?.ok ? <Notice>{t(`done.${result.done}`)}</Notice> : null}
      <FormAlert error={result && !result.ok ? result.errors.form : undefined} />
      {items.length === 0 ? (
        <p className="empty">{t("trash.empty")}</p>
      ) : (
        <TableScroll labelledBy="trash-contents">
          <table className="library-table">
            <caption id="trash-contents">{t("trash.contents")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("columns.name")}</th>
                <th scope="col">{t("columns.size")}</th>
                <th scope="col">{t("trash.deleted")}</th>
                <th scope="col">{t("trash.purgeAt")}</th>
                {can.restore ? <th scope="col">{t("columns.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={`${item.kind}-${item.id}`}>
                  <th scope="row">
                    {item.kind === "folder" ? <span aria-hidden="true">📁 </span> : null}
                    {item.name}
                    {item.kind === "folder" ? <span className="visually-hidden"> ({t("kinds.folder")})</span> : null}
                  </th>
                  <td>{item.size === null ? "–" : formatBytes(item.size, i18n.language)}</td>
                  <td>
                    {formatDateTime(item.deletedAt, i18n.language)}
                    {item.deletedByName ? <span className="muted"> · {item.deletedByName}</span> : null}
                  </td>
                  <td>{formatDate(item.purgeAt, i18n.language)}</td>
                  {can.restore ? (
                    <td>
                      <Form method="post" className="inline-form">
                        <CsrfInput />
                        <input type="hidden" name="intent" value="restore" />
                        <input type="hidden" name="kind" value={item.kind} />
                        <input type="hidden" name="id" value={item.id} />
                        <button type="submit" className="button button--small">
                          {t("trash.restore")}
                          <span className="visually-hidden"> – {item.name}</span>
                        </button>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {can.empty && items.length > 0 ? (
        <Form
          method="post"
          onSubmit={(event) => {
            if (!window.confirm(t("trash.confirmEmpty"))) event.preventDefault();
          }}
        >
          <CsrfInput />
          <input type="hidden" name="intent" value="empty" />
          <button type="submit" className="button button--danger">
            {t("trash.emptyButton")}
          </button>
        </Form>
      ) : null}
      <p>
        <Link to={place.basePath}>{t("trash.back")}</Link>
      </p>
    </div>
  );
}
