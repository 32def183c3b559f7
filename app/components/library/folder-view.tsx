/**
 * One folder of a library (the top level included): its sub-folders and files, sorted and
 * filtered, with upload, new folder, rename, move and delete for those who may. Shared by
 * the networks' libraries and the commons library; the route says which.
 */
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { libraryFolderAction, libraryFolderLoader } from "~/lib/library.server";
import { ArchivedNetworkNotice } from "~/components/archived-network-notice";
import { CsrfInput } from "~/components/csrf-input";
import { FormAlert, Notice } from "~/components/fields";
import { TableScroll } from "~/components/table-scroll";
import { formatDateTime } from "~/lib/format";
import { formatBytes } from "#shared/library/format-bytes";
import { DOCUMENT_LANGUAGES } from "#shared/library/library-ref";
import { LibraryBreadcrumbs } from "./library-breadcrumbs";
import { ItemActions } from "./item-actions";
import { UploadPanel } from "./upload-panel";
import { tagLabel } from "./tag-label";
import { FileKindLabel } from "./file-kind-label";
import { LibrarySearchBox } from "./library-search-box";

type LoaderData = Awaited<ReturnType<typeof libraryFolderLoader>>;
type ActionData = Awaited<ReturnType<typeof libraryFolderAction>>;

export function LibraryFolderView() {
  const { t, i18n } = useTranslation("library");
  const data = useLoaderData<LoaderData>();
  const result = useActionData<ActionData>() as { ok: true; done: string; undo?: { kind: string; id: string } } | { ok: false; errors: Record<string, string> } | undefined;
  const [params] = useSearchParams();
  const { place, folder, breadcrumbs, folders, files, usage, can, query } = data;
  const folderQuery = folder ? `?folder=${encodeURIComponent(folder.id)}` : "";
  const fileHref = (id: string) => `${place.basePath}/files/${id}`;
  const empty = folders.length === 0 && files.length === 0;
  const filtered = Boolean(query.language || query.tag);
  const errors = result && !result.ok ? result.errors : {};
  const usedShare = usage.quota > 0 ? Math.min(1, usage.bytes / usage.quota) : 0;

  return (
    <div className="page library">
      <LibraryBreadcrumbs place={place} trail={breadcrumbs} />
      <h1>{folder ? folder.name : place.network ? t("titleOf", { name: place.network.name }) : t("commonsTitle")}</h1>
      {place.network ? <ArchivedNetworkNotice archivedAt={place.network.archivedAt} /> : null}
      {!folder ? <p>{place.network ? t("intro") : t("commonsIntro")}</p> : null}
      <LibrarySearchBox basePath={place.basePath} />

      {result?.ok ? (
        <Notice>
          {t(`done.${result.done}`)}{" "}
          {result.undo && can.organise ? (
            <Form method="post" className="inline-form">
              <CsrfInput />
              <input type="hidden" name="intent" value="restore" />
              <input type="hidden" name="kind" value={result.undo.kind} />
              <input type="hidden" name="id" value={result.undo.id} />
              <button type="submit" className="button button--small">
                {t("undo")}
              </button>
            </Form>
          ) : null}
        </Notice>
      ) : null}
      {!result && params.get("withdrawn") === "1" ? <Notice>{t("done.withdrawn")}</Notice> : null}
      <FormAlert error={errors.form} />

      <div className="library-usage">
        <label htmlFor="library-usage">{t("usage.label")}</label>
        <meter id="library-usage" min={0} max={1} low={0.8} high={0.95} optimum={0} value={usedShare}>
          {Math.round(usedShare * 100)} %
        </meter>
        <span className="muted">
          {t("usage.text", { used: formatBytes(usage.bytes, i18n.language), quota: formatBytes(usage.quota, i18n.language) })}
        </span>
      </div>

      {can.upload ? <UploadPanel target={{ library: place.uploadTarget, folderId: folder?.id ?? null }} maxBytes={data.uploadMaxBytes} /> : null}

      {can.organise ? (
        <details className="card library-new-folder">
          <summary>{t("newFolder.summary")}</summary>
          <Form method="post" className="inline-form">
            <CsrfInput />
            <input type="hidden" name="intent" value="createFolder" />
            <input type="hidden" name="parentId" value={folder?.id ?? ""} />
            <label htmlFor="new-folder-name">{t("newFolder.name")}</label>
            <input id="new-folder-name" name="name" type="text" required maxLength={255} aria-invalid={errors.name ? true : undefined} aria-describedby={errors.name ? "new-folder-error" : undefined} />
            <button type="submit" className="button button--small">
              {t("newFolder.submit")}
            </button>
          </Form>
          {errors.name ? (
            <p id="new-folder-error" className="field__error">
              {t(`common:${errors.name}`)}
            </p>
          ) : null}
        </details>
      ) : null}

      <Form method="get" className="library-filters" aria-label={t("filters.label")}>
        {folder ? <input type="hidden" name="folder" value={folder.id} /> : null}
        <p className="field">
          <label htmlFor="filter-language">{t("filters.language")}</label>
          <select id="filter-language" name="language" defaultValue={query.language}>
            <option value="">{t("filters.any")}</option>
            {DOCUMENT_LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {t(`languages.${language}`)}
              </option>
            ))}
          </select>
        </p>
        <p className="field">
          <label htmlFor="filter-tag">{t("filters.tag")}</label>
          <select id="filter-tag" name="tag" defaultValue={query.tag}>
            <option value="">{t("filters.any")}</option>
            {data.tags.map((tag) => (
              <option key={tag} value={tag}>
                {tagLabel(t, tag)}
              </option>
            ))}
          </select>
        </p>
        <p className="field">
          <label htmlFor="filter-sort">{t("filters.sort")}</label>
          <select id="filter-sort" name="sort" defaultValue={query.sort}>
            {(["name", "updated", "size", "type"] as const).map((sort) => (
              <option key={sort} value={sort}>
                {t(`filters.sorts.${sort}`)}
              </option>
            ))}
          </select>
        </p>
        <p className="field">
          <label htmlFor="filter-dir">{t("filters.direction")}</label>
          <select id="filter-dir" name="dir" defaultValue={query.descending ? "desc" : "asc"}>
            <option value="asc">{t("filters.ascending")}</option>
            <option value="desc">{t("filters.descending")}</option>
          </select>
        </p>
        <button type="submit" className="button button--small">
          {t("filters.apply")}
        </button>
        {filtered || params.get("sort") ? <Link to={`${place.basePath}${folderQuery}`}>{t("filters.reset")}</Link> : null}
      </Form>

      {empty ? (
        <p className="empty">{filtered ? t("empty.filtered") : can.upload ? t("empty.writer") : t("empty.reader")}</p>
      ) : (
        <TableScroll labelledBy="library-contents">
          <table className="library-table">
            <caption id="library-contents">{folder ? t("contentsOf", { name: folder.name }) : t("contents")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("columns.name")}</th>
                <th scope="col">{t("columns.type")}</th>
                <th scope="col">{t("columns.size")}</th>
                <th scope="col">{t("columns.language")}</th>
                <th scope="col">{t("columns.changed")}</th>
                {can.organise ? <th scope="col">{t("columns.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {folders.map((f) => (
                <tr key={f.id}>
                  <th scope="row">
                    <Link to={`${place.basePath}?folder=${encodeURIComponent(f.id)}`} className="library-table__folder">
                      <span aria-hidden="true">📁 </span>
                      {f.name}
                    </Link>
                  </th>
                  <td>{t("kinds.folder")}</td>
                  <td>–</td>
                  <td>–</td>
                  <td>
                    {formatDateTime(f.updatedAt, i18n.language)}
                    {f.updatedByName ? <span className="muted"> · {f.updatedByName}</span> : null}
                  </td>
                  {can.organise ? (
                    <td>
                      <ItemActions kind="folder" id={f.id} name={f.name} moveTargets={data.moveTargets} currentFolderId={folder?.id ?? null} />
                    </td>
                  ) : null}
                </tr>
              ))}
              {files.map((file) => (
                <tr key={file.id}>
                  <th scope="row">
                    {(file.kind === "image" || file.kind === "pdf") && file.currentVersionId ? (
                      // Decorative: the name beside it says what it is.
                      <img className="library-table__thumbnail" src={`${fileHref(file.id)}/versions/${file.currentVersionId}/thumbnail`} alt="" loading="lazy" width={40} height={40} />
                    ) : null}
                    <Link to={fileHref(file.id)}>{file.name}</Link>
                    {file.title ? <span className="library-table__title">{file.title}</span> : null}
                    {file.sharedFrom ? <span className="library-table__title">{t("share.byNetwork", { network: file.sharedFrom.networkName })}</span> : null}
                    {file.tags.length ? (
                      <span className="library-table__tags">
                        {file.tags.map((tag) => (
                          <span key={tag} className="tag">
                            {tagLabel(t, tag)}
                          </span>
                        ))}
                      </span>
                    ) : null}
                  </th>
                  <td>
                    <FileKindLabel kind={file.kind} />
                  </td>
                  <td>{formatBytes(file.size, i18n.language)}</td>
                  <td>{t(`languages.${file.language}`)}</td>
                  <td>
                    {formatDateTime(file.updatedAt, i18n.language)}
                    {file.updatedByName ? <span className="muted"> · {file.updatedByName}</span> : null}
                  </td>
                  {can.organise ? (
                    <td>
                      <ItemActions kind="file" id={file.id} name={file.name} moveTargets={data.moveTargets} currentFolderId={folder?.id ?? null} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      <p className="library-links">
        <Link to={`${place.basePath}/trash`}>{t("trash.link")}</Link>
      </p>
    </div>
  );
}
