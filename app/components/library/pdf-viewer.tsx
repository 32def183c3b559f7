/**
 * A PDF read in the page, one page at a time, drawn by pdf.js into a canvas. Chromium's own PDF
 * viewer cannot run inside our sandboxed file responses (CSP sandbox blocks plugins), and an
 * in-page viewer works the same on phones. pdf.js (about 400 KB) and its worker load only when
 * someone opens the viewer, so the file page's JavaScript stays within its budget.
 */
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PDFDocumentProxy, RenderTask } from "pdfjs-dist";

export function PdfViewer({ src, name, onClose }: { src: string; name: string; onClose: () => void }) {
  const { t } = useTranslation("library");
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [page, setPage] = useState(1);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => Promise<void>) | undefined;
    (async () => {
      const [pdfjs, worker] = await Promise.all([import("pdfjs-dist"), import("pdfjs-dist/build/pdf.worker.min.mjs?url")]);
      pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
      // No eval: our pages' CSP forbids it, and pdf.js draws fonts just as well without.
      const task = pdfjs.getDocument({ url: src, isEvalSupported: false, disableAutoFetch: true });
      destroy = () => task.destroy();
      const loaded = await task.promise;
      if (cancelled) return;
      setDoc(loaded);
      setState("ready");
    })().catch(() => {
      if (!cancelled) setState("failed");
    });
    return () => {
      cancelled = true;
      void destroy?.();
    };
  }, [src]);

  useEffect(() => {
    if (!doc || !canvasRef.current || !frameRef.current) return;
    let render: RenderTask | undefined;
    let cancelled = false;
    (async () => {
      const pdfPage = await doc.getPage(page);
      if (cancelled || !canvasRef.current || !frameRef.current) return;
      const natural = pdfPage.getViewport({ scale: 1 });
      const width = Math.max(200, frameRef.current.clientWidth);
      const ratio = window.devicePixelRatio || 1;
      const viewport = pdfPage.getViewport({ scale: (width / natural.width) * ratio });
      const canvas = canvasRef.current;
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
      const context = canvas.getContext("2d");
      if (!context) return;
      render = pdfPage.render({ canvasContext: context, viewport });
      await render.promise;
    })().catch(() => undefined);
    return () => {
      cancelled = true;
      render?.cancel();
    };
  }, [doc, page]);

  const pages = doc?.numPages ?? 0;
  return (
    <section className="card pdf-viewer" aria-label={t("preview.viewerOf", { name })}>
      <div className="pdf-viewer__bar">
        <button type="button" className="button button--small" onClick={() => setPage((p) => Math.max(1, p - 1))} disabled={state !== "ready" || page <= 1}>
          {t("preview.previous")}
        </button>
        <span role="status" className="pdf-viewer__position">
          {state === "loading" ? t("preview.loading") : state === "failed" ? t("preview.failed") : t("preview.page", { page, pages })}
        </span>
        <button type="button" className="button button--small" onClick={() => setPage((p) => Math.min(pages, p + 1))} disabled={state !== "ready" || page >= pages}>
          {t("preview.next")}
        </button>
        <button type="button" className="button button--small button--quiet" onClick={onClose}>
          {t("preview.close")}
        </button>
      </div>
      <div ref={frameRef} className="pdf-viewer__frame">
        <canvas ref={canvasRef} role="img" aria-label={state === "ready" ? t("preview.pageOf", { page, pages, name }) : t("preview.loading")} />
      </div>
    </section>
  );
}
