/**
 * When someone restores an earlier version, the text in everyone's open editor changes at
 * once. This notice says who restored which version, with a link to it in the history, so
 * nobody is left wondering where their paragraph went. The restorer sees the route's own
 * notice instead. It listens in the document's room on the page socket, which the comment
 * sidebar beside it joins (and re-joins after every reconnect).
 */
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { RestoreNotice as Notice } from "#shared/realtime-events";
import { usePageSocket } from "~/lib/page-socket";
import { versionTitle } from "~/components/version-label";

export function RestoreNotice({ docName, myId }: { docName: string; myId: string }) {
  const { t, i18n } = useTranslation("history");
  const socket = usePageSocket();
  const [notice, setNotice] = useState<Notice | null>(null);

  useEffect(() => {
    if (!socket) return;
    const onRestored = (payload: Notice) => {
      if (payload.docName === docName && payload.restoredBy.id !== myId) setNotice(payload);
    };
    socket.on("document:restored", onRestored);
    return () => {
      socket.off("document:restored", onRestored);
    };
  }, [socket, docName, myId]);

  return (
    <div role="status" aria-live="polite" className="restore-notice-region">
      {notice ? (
        <div className="alert alert--info restore-notice">
          <p>
            {t("restore.byOther", { name: notice.restoredBy.name, version: versionTitle(t, notice.version, i18n.language) })}{" "}
            <a href={notice.versionPath}>{t("restore.seeVersion")}</a>
          </p>
          <button type="button" className="button button--quiet button--small" onClick={() => setNotice(null)}>
            {t("restore.dismiss")}
          </button>
        </div>
      ) : null}
    </div>
  );
}
