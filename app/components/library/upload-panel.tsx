/**
 * Drag and drop or pick files; each goes up with its own progress bar and cancel button,
 * over tus (resumable): a dropped connection is retried, and when the browser comes back
 * online an interrupted upload continues from the last byte the server holds. The tus
 * client loads on first use only, so library pages carry no upload code until someone
 * uploads. A refusal (quota, size, rights) shows the server's translated message.
 */
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { useRevalidator } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Upload as TusUpload } from "tus-js-client";
import { useRootData } from "~/root";
import { formatBytes } from "#shared/library/format-bytes";

type Status = "uploading" | "waitingForNetwork" | "done" | "failed" | "cancelled";

interface Item {
  key: string;
  name: string;
  size: number;
  sent: number;
  status: Status;
  error?: string;
}

export interface UploadTarget {
  /** The library (tus metadata "library"): a network id or "commons". */
  library: string;
  folderId: string | null;
  /** Set to upload a new version of this file. */
  fileId?: string;
}

// Retries cover a flaky connection for about two minutes; after that, going online again resumes.
const RETRY_DELAYS = [0, 1000, 3000, 5000, 10000, 20000, 30000, 60000];
/**
 * Bytes per PATCH request. One request per file would be fastest, but a browser does not fail an
 * upload already under way when the network drops (it can hang until a timeout), proxies limit
 * request bodies (nginx: 1 MB by default), and a lost request then costs at most this much.
 */
const CHUNK_BYTES = 5 * 1024 * 1024;

export function UploadPanel({ target, maxBytes, multiple = true, withNote = false }: { target: UploadTarget; maxBytes: number; multiple?: boolean; withNote?: boolean }) {
  const { t, i18n } = useTranslation("library");
  const csrf = useRootData()?.csrfToken ?? "";
  const revalidator = useRevalidator();
  const inputId = useId();
  const noteId = useId();
  const [items, setItems] = useState<Item[]>([]);
  const [dragging, setDragging] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const uploads = useRef(new Map<string, TusUpload>());
  // A file finished while the browser was offline (its last bytes were already on their way):
  // the list is reloaded when the network is back, since reloading now would fail and replace the page with an error.
  const reloadWhenOnline = useRef(false);
  const noteRef = useRef<HTMLInputElement>(null);

  const update = useCallback((key: string, patch: Partial<Item>) => setItems((all) => all.map((i) => (i.key === key ? { ...i, ...patch } : i))), []);

  // Back online: every upload that gave up on the network continues where the server stopped.
  useEffect(() => {
    const resume = () => {
      if (reloadWhenOnline.current) {
        reloadWhenOnline.current = false;
        revalidator.revalidate();
      }
      setItems((all) => {
        for (const item of all) if (item.status === "waitingForNetwork") uploads.current.get(item.key)?.start();
        return all.map((i) => (i.status === "waitingForNetwork" ? { ...i, status: "uploading" } : i));
      });
    };
    // Gone offline: a request under way may hang until a timeout rather than fail, so stop it now;
    // the server keeps what arrived, and "online" continues from there.
    const pause = () => {
      setItems((all) => {
        for (const item of all) if (item.status === "uploading") void uploads.current.get(item.key)?.abort(false);
        return all.map((i) => (i.status === "uploading" ? { ...i, status: "waitingForNetwork" } : i));
      });
    };
    window.addEventListener("online", resume);
    window.addEventListener("offline", pause);
    return () => {
      window.removeEventListener("online", resume);
      window.removeEventListener("offline", pause);
    };
    // revalidator is stable enough here; re-adding the listener on every render is not wanted
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const start = useCallback(
    async (files: File[]) => {
      const { Upload } = await import("tus-js-client");
      const note = noteRef.current?.value ?? "";
      for (const file of files) {
        const key = `${file.name}-${file.size}-${file.lastModified}-${Math.random().toString(36).slice(2)}`;
        if (file.size > maxBytes) {
          setItems((all) => [...all, { key, name: file.name, size: file.size, sent: 0, status: "failed", error: t("upload.errors.tooLarge", { max: formatBytes(maxBytes, i18n.language) }) }]);
          continue;
        }
        setItems((all) => [...all, { key, name: file.name, size: file.size, sent: 0, status: "uploading" }]);
        const upload = new Upload(file, {
          endpoint: "/uploads",
          retryDelays: RETRY_DELAYS,
          chunkSize: CHUNK_BYTES,
          removeFingerprintOnSuccess: true,
          headers: { "X-CSRF-Token": csrf },
          metadata: { filename: file.name, library: target.library, folderId: target.folderId ?? "", fileId: target.fileId ?? "", note },
          onProgress: (sent) => update(key, { sent, status: "uploading" }),
          // Refusals (4xx: quota, size, rights) are final; only network trouble and server hiccups are retried.
          onShouldRetry: (error) => {
            // Offline, retrying is pointless: wait for the browser's "online" instead (see above).
            if (!navigator.onLine) return false;
            const status = error.originalResponse?.getStatus() ?? 0;
            return status === 0 || status >= 500 || status === 409 || status === 423;
          },
          onSuccess: () => {
            update(key, { sent: file.size, status: "done" });
            setAnnouncement(t("upload.doneOne", { name: file.name }));
            if (navigator.onLine) revalidator.revalidate();
            else reloadWhenOnline.current = true;
          },
          onError: (error) => {
            const response = "originalResponse" in error ? error.originalResponse : null;
            const offline = !response || response.getStatus() === 0 || !navigator.onLine;
            update(key, offline ? { status: "waitingForNetwork" } : { status: "failed", error: response.getBody() || t("upload.errors.failed") });
          },
        });
        uploads.current.set(key, upload);
        // Continue an upload of the same file that an earlier visit left unfinished.
        const previous = await upload.findPreviousUploads();
        if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
        upload.start();
      }
    },
    [csrf, maxBytes, target.library, target.folderId, target.fileId, t, i18n.language, update, revalidator],
  );

  const cancel = (key: string) => {
    const upload = uploads.current.get(key);
    update(key, { status: "cancelled" });
    // Terminating tells the server to drop the bytes it holds.
    upload?.abort(true).catch(() => undefined);
  };

  const pick = (list: FileList | null) => {
    const files = list ? Array.from(list) : [];
    if (files.length) void start(multiple ? files : files.slice(0, 1));
  };

  return (
    <section className="upload-panel" aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`} className="upload-panel__heading">
        {target.fileId ? t("upload.newVersionHeading") : t("upload.heading")}
      </h2>
      {withNote ? (
        <p className="field">
          <label htmlFor={noteId}>{t("upload.note")}</label>
          <input id={noteId} ref={noteRef} type="text" maxLength={500} />
        </p>
      ) : null}
      <div
        className={`dropzone${dragging ? " dropzone--active" : ""}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          pick(event.dataTransfer.files);
        }}
        data-testid="dropzone"
      >
        <p>{multiple ? t("upload.dropHere") : t("upload.dropOneHere")}</p>
        <label htmlFor={inputId} className="dropzone__label">
          {multiple ? t("upload.choose") : t("upload.chooseOne")}
        </label>
        <input
          id={inputId}
          type="file"
          multiple={multiple}
          onChange={(event) => {
            pick(event.currentTarget.files);
            event.currentTarget.value = "";
          }}
        />
        <p className="muted">{t("upload.limit", { max: formatBytes(maxBytes, i18n.language) })}</p>
        <noscript>
          <p>{t("upload.needsJavaScript")}</p>
        </noscript>
      </div>
      {items.length > 0 ? (
        <ul className="upload-list" aria-label={t("upload.listLabel")}>
          {items.map((item) => (
            <li key={item.key} className={`upload-list__item upload-list__item--${item.status}`}>
              <span className="upload-list__name">{item.name}</span>
              <progress max={Math.max(item.size, 1)} value={item.size === 0 && item.status === "done" ? 1 : item.sent} aria-label={t("upload.progressOf", { name: item.name })} />
              <span className="upload-list__state">
                {t(`upload.status.${item.status}`, {
                  percent: item.size ? Math.floor((item.sent / item.size) * 100) : 100,
                  sent: formatBytes(item.sent, i18n.language),
                  size: formatBytes(item.size, i18n.language),
                })}
              </span>
              {item.error ? (
                <span className="field__error" role="alert">
                  {item.error}
                </span>
              ) : null}
              {item.status === "uploading" || item.status === "waitingForNetwork" ? (
                <button type="button" className="button button--small button--quiet" onClick={() => cancel(item.key)}>
                  {t("upload.cancel")}
                  <span className="visually-hidden"> – {item.name}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}
