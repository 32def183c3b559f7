/**
 * Search results of one library: each file with where it lives and, when the words were found
 * inside it, the passage around them (the words marked). Works the same in every library.
 */
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { librarySearchLoader } from "~/lib/library.server";
import { ArchivedNetworkNotice } from "~/components/archived-network-notice";
import { formatDateTime } from "~/lib/format";
import { formatBytes } from "#shared/library/format-bytes";
import { LibraryBreadcrumbs } from "./library-breadcrumbs";
import { LibrarySearchBox } from "./library-search-box";
import { FileKindLabel } from "./file-kind-label";

type LoaderData = Awaited<ReturnType<typeof librarySearchLoader>>;

export function LibrarySearchView() {
  const { t, i18n } = useTranslation("library");
  const { place, query, terms, hits, capped } = useLoaderData<LoaderData>();
  return (
    <div className="page library">
      <LibraryBreadcrumbs place={place} trail={[]} current={t("search.title")} />
      <h1>{t("search.title")}</h1>
      {place.network ? <ArchivedNetworkNotice archivedAt={place.network.archivedAt} /> : null}
      <LibrarySearchBox basePath={place.basePath} query={query} />
      {terms.length === 0 ? (
        <p className="empty">{t("search.start")}</p>
      ) : hits.length === 0 ? (
        <div className="empty">
          <p role="status">{t("search.none", { query })}</p>
          <p>{t("search.noneHelp")}</p>
        </div>
      ) : (
        <>
          <p role="status">{capped ? t("search.countCapped", { count: hits.length }) : t("search.count", { count: hits.length })}</p>
          <ol className="library-results">
            {hits.map((hit) => (
              <li key={hit.file.id} className="card library-result">
                <h2 className="library-result__name">
                  <Link to={`${place.basePath}/files/${hit.file.id}`}>{hit.file.title || hit.file.name}</Link>
                </h2>
                <p className="muted library-result__facts">
                  {hit.file.title ? <span className="library-result__file-name">{hit.file.name} · </span> : null}
                  <FileKindLabel kind={hit.file.kind} /> · {formatBytes(hit.file.size, i18n.language)} · {formatDateTime(hit.file.updatedAt, i18n.language)}
                </p>
                <p className="muted library-result__place">
                  {t("search.in")}{" "}
                  {hit.folderPath.length === 0 ? (
                    <Link to={place.basePath}>{t("title")}</Link>
                  ) : (
                    hit.folderPath.map((folder, index) => (
                      <span key={folder.id}>
                        {index > 0 ? " / " : null}
                        <Link to={`${place.basePath}?folder=${encodeURIComponent(folder.id)}`}>{folder.name}</Link>
                      </span>
                    ))
                  )}
                </p>
                {hit.passage ? (
                  <blockquote className="library-result__passage" aria-label={t("search.passage")}>
                    {hit.passage.map((piece, index) => (piece.match ? <mark key={index}>{piece.text}</mark> : <span key={index}>{piece.text}</span>))}
                  </blockquote>
                ) : (
                  <p className="muted">{t("search.matchedDetails")}</p>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
