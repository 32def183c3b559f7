/**
 * What a file looks like, without downloading it: a server-made thumbnail of an image (linking to
 * the full image) or of a PDF's first page (with an in-page reader), a DOCX converted to sanitised
 * HTML, plain text and Markdown as they are. Every preview comes from a sandboxed response; other
 * types say there is no preview and leave the download button above to do its job.
 */
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";

const PdfViewer = lazy(() => import("./pdf-viewer").then((m) => ({ default: m.PdfViewer })));

type Path = (mode: "view" | "thumbnail" | "preview") => string;

export function FilePreview({ kind, inlineSafe, path, name }: { kind: string; inlineSafe: boolean; path: Path; name: string }) {
  const { t } = useTranslation("library");
  const [reading, setReading] = useState(false);
  const [thumbnailFailed, setThumbnailFailed] = useState(false);

  if (kind === "image" || kind === "pdf") {
    const thumbnail = thumbnailFailed ? (
      <p className="muted">{t("preview.none")}</p>
    ) : (
      <img src={path("thumbnail")} alt={kind === "pdf" ? t("preview.firstPageOf", { name }) : t("file.previewOf", { name })} loading="lazy" onError={() => setThumbnailFailed(true)} />
    );
    return (
      <figure className="library-preview" data-preview={kind}>
        {kind === "image" && inlineSafe ? (
          <a href={path("view")} target="_blank" rel="noopener">
            {thumbnail}
          </a>
        ) : (
          thumbnail
        )}
        {kind === "pdf" && inlineSafe ? (
          reading ? (
            <Suspense fallback={<p role="status">{t("preview.loading")}</p>}>
              <PdfViewer src={path("view")} name={name} onClose={() => setReading(false)} />
            </Suspense>
          ) : (
            <figcaption>
              <button type="button" className="button button--small" onClick={() => setReading(true)}>
                {t("preview.read")}
              </button>
            </figcaption>
          )
        ) : null}
      </figure>
    );
  }
  if (kind === "docx") {
    return <iframe className="library-preview library-preview--document" src={path("preview")} title={t("file.previewOf", { name })} sandbox="" />;
  }
  if ((kind === "text" || kind === "markdown") && inlineSafe) {
    return <iframe className="library-preview library-preview--text" src={path("view")} title={t("file.previewOf", { name })} sandbox="" />;
  }
  return <p className="muted library-preview">{t("preview.noneForType")}</p>;
}
