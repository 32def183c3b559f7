/**
 * One file of a library: a preview where the type is safe to show, download, its metadata
 * (title, description, language, tags, keywords), every version with restore, and a new
 * version by upload. Shared by the networks' libraries and the commons library.
 */
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { libraryFileAction, libraryFileLoader } from "~/lib/library.server";
import { ArchivedNetworkNotice } from "~/components/archived-network-notice";
import { CsrfInput } from "~/components/csrf-input";
import { FormAlert, Notice } from "~/components/fields";
import { TableScroll } from "~/components/table-scroll";
import { formatDateTime } from "~/lib/format";
import { formatBytes } from "#shared/library/format-bytes";
import { DOCUMENT_LANGUAGES } from "#shared/library/library-ref";
import { LibraryBreadcrumbs } from "./library-breadcrumbs";
import { SharedFromNotice, SharePanel } from "./share-panel";
import { FilePreview } from "./file-preview";
import { UploadPanel } from "./upload-panel";
import { tagLabel } from "./tag-label";
import { FileKindLabel } from "./file-kind-label";

type LoaderData = Awaited<ReturnType<typeof libraryFileLoader>>;
type ActionData = Awaited<ReturnType<typeof libraryFileAction>>;

export function LibraryFileView() {
  const { t, i18n } = useTranslation("library");
  const data = useLoaderData<LoaderData>();
  const result = useActionData<ActionData>() as { ok: true; done: string; number?: number } | { ok: false; errors: Record<string, string>; values: Record<string, string | string[]> } | undefined;
  const { place, file, breadcrumbs, versions, can } = data;
  const errors = result && !result.ok ? result.errors : {};
  const values = result && !result.ok ? result.values : null;
  const versionPath = (versionId: string, mode: "download" | "view" | "thumbnail" | "preview") => `${place.basePath}/files/${file.id}/versions/${versionId}/${mode}`;
  const current = file.currentVersionId;
  const typedTags = values ? ([] as string[]).concat(values.tags ?? []) : file.tags;

  return (
    <div className="page library">
      <LibraryBreadcrumbs place={place} trail={breadcrumbs} current={file.name} />
      <h1 className="library-file__name">{file.name}</h1>
      {place.network ? <ArchivedNetworkNotice archivedAt={place.network.archivedAt} /> : null}
      {file.title ? <p className="library-file__title">{file.title}</p> : null}
      {file.sharedFrom ? <SharedFromNotice sharedFrom={file.sharedFrom} canWithdraw={can.withdraw} /> : null}
      {result?.ok ? <Notice>{t(`done.${result.done}`, { number: result.number })}</Notice> : null}
      <FormAlert error={errors.form} />

      <section className="card" aria-labelledby="file-facts">
        <h2 id="file-facts">{t("file.facts")}</h2>
        <dl className="facts">
          <dt>{t("columns.type")}</dt>
          <dd>
            <FileKindLabel kind={file.kind} /> <span className="muted">({file.mime})</span>
          </dd>
          <dt>{t("columns.size")}</dt>
          <dd>{formatBytes(file.size, i18n.language)}</dd>
          <dt>{t("columns.language")}</dt>
          <dd>{t(`languages.${file.language}`)}</dd>
          <dt>{t("file.version")}</dt>
          <dd>{t("file.versionNumber", { number: file.versionNumber })}</dd>
          <dt>{t("columns.changed")}</dt>
          <dd>
            {formatDateTime(file.updatedAt, i18n.language)}
            {file.updatedByName ? ` · ${file.updatedByName}` : null}
          </dd>
          <dt>
            <label htmlFor="file-address">{t("file.address")}</label>
          </dt>
          <dd>
            <input id="file-address" className="library-file__address" type="text" readOnly value={data.address} aria-describedby="file-address-hint" />
            <span id="file-address-hint" className="muted field__hint">
              {t("file.addressHint")}
            </span>
          </dd>
          <dt>{t("search.status.label")}</dt>
          <dd data-search-status={data.search}>{t(`search.status.${data.search}`)}</dd>
        </dl>
        {file.description ? <p className="library-file__description">{file.description}</p> : null}
        {current ? (
          <p className="library-file__download">
            <a className="button" href={versionPath(current, "download")} download>
              {t("file.download")}
            </a>{" "}
            {file.inlineSafe ? (
              <a href={versionPath(current, "view")} target="_blank" rel="noopener">
                {t("file.open")}
              </a>
            ) : null}
          </p>
        ) : null}
      </section>

      {current ? <FilePreview kind={file.kind} inlineSafe={file.inlineSafe} path={(mode) => versionPath(current, mode)} name={file.name} /> : null}

      {can.editDetails ? (
        <section className="card" aria-labelledby="file-metadata">
          <h2 id="file-metadata">{t("file.metadata")}</h2>
          <Form method="post" className="stack">
            <CsrfInput />
            <input type="hidden" name="intent" value="metadata" />
            <p className="field">
              <label htmlFor="meta-title">{t("file.titleLabel")}</label>
              <input id="meta-title" name="title" type="text" maxLength={200} defaultValue={typeof values?.title === "string" ? values.title : file.title} />
            </p>
            <p className="field">
              <label htmlFor="meta-description">{t("file.descriptionLabel")}</label>
              <textarea id="meta-description" name="description" rows={4} maxLength={4000} defaultValue={typeof values?.description === "string" ? values.description : file.description} />
            </p>
            <p className="field">
              <label htmlFor="meta-language">{t("file.languageLabel")}</label>
              <select id="meta-language" name="language" defaultValue={typeof values?.language === "string" ? values.language : file.language}>
                {DOCUMENT_LANGUAGES.map((language) => (
                  <option key={language} value={language}>
                    {t(`languages.${language}`)}
                  </option>
                ))}
              </select>
            </p>
            <fieldset className="field library-tags">
              <legend>{t("file.tagsLabel")}</legend>
              {data.tags.map((tag) => (
                <label key={tag} className="checkbox">
                  <input type="checkbox" name="tags" value={tag} defaultChecked={typedTags.includes(tag)} /> {tagLabel(t, tag)}
                </label>
              ))}
            </fieldset>
            <p className="field">
              <label htmlFor="meta-keywords">{t("file.keywordsLabel")}</label>
              <input id="meta-keywords" name="keywords" type="text" maxLength={500} defaultValue={typeof values?.keywords === "string" ? values.keywords : file.keywords} aria-describedby="meta-keywords-hint" />
              <span id="meta-keywords-hint" className="field__hint">
                {t("file.keywordsHint")}
              </span>
            </p>
            <button type="submit" className="button">
              {t("file.saveMetadata")}
            </button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="file-versions">
        <h2 id="file-versions">{t("versions.heading")}</h2>
        <TableScroll labelledBy="file-versions">
          <table className="library-table">
            <thead>
              <tr>
                <th scope="col">{t("versions.number")}</th>
                <th scope="col">{t("versions.when")}</th>
                <th scope="col">{t("versions.who")}</th>
                <th scope="col">{t("columns.size")}</th>
                <th scope="col">{t("versions.note")}</th>
                <th scope="col">{t("columns.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.id} className={v.current ? "library-table__current" : undefined}>
                  <th scope="row">
                    {t("file.versionNumber", { number: v.number })}
                    {v.current ? <span className="badge"> {t("versions.current")}</span> : null}
                  </th>
                  <td>{formatDateTime(v.createdAt, i18n.language)}</td>
                  <td>{v.createdByName ?? t("versions.someone")}</td>
                  <td>{formatBytes(v.size, i18n.language)}</td>
                  <td>
                    {v.note}
                    {v.restoredFromNumber !== null ? <span className="muted"> {t("versions.restoredFrom", { number: v.restoredFromNumber })}</span> : null}
                  </td>
                  <td>
                    <a href={versionPath(v.id, "download")} download>
                      {t("versions.download")}
                      <span className="visually-hidden"> – {t("file.versionNumber", { number: v.number })}</span>
                    </a>
                    {can.upload && !v.current ? (
                      <Form method="post" className="inline-form">
                        <CsrfInput />
                        <input type="hidden" name="intent" value="restoreVersion" />
                        <input type="hidden" name="versionId" value={v.id} />
                        <button type="submit" className="button button--small">
                          {t("versions.restore")}
                          <span className="visually-hidden"> – {t("file.versionNumber", { number: v.number })}</span>
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      {place.kind === "network" ? <SharePanel share={data.share} versions={versions} canShare={can.share} /> : null}

      {can.upload ? <UploadPanel target={{ library: place.uploadTarget, folderId: file.folderId, fileId: file.id }} maxBytes={data.uploadMaxBytes} multiple={false} withNote /> : null}

      {can.organise ? (
        <section className="card" aria-labelledby="file-manage">
          <h2 id="file-manage">{t("file.manage")}</h2>
          <Form method="post" className="inline-form">
            <CsrfInput />
            <input type="hidden" name="intent" value="rename" />
            <input type="hidden" name="kind" value="file" />
            <input type="hidden" name="id" value={file.id} />
            <label htmlFor="file-rename">{t("actions.renameLabel", { name: file.name })}</label>
            <input id="file-rename" name="name" type="text" required maxLength={255} defaultValue={typeof values?.name === "string" ? values.name : file.name} />
            <button type="submit" className="button button--small">
              {t("actions.rename")}
            </button>
          </Form>
          {errors.name ? <p className="field__error">{t(`common:${errors.name}`)}</p> : null}
          <Form method="post" className="inline-form">
            <CsrfInput />
            <input type="hidden" name="intent" value="trash" />
            <button type="submit" className="button button--small button--quiet">
              {t("actions.trash")}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
