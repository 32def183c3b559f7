/**
 * A network file's place in the network of networks: share a chosen version into the commons
 * library (where findings and recommendations can cite it), share another version instead, or
 * withdraw the share. People who may not share see only whether and what is shared.
 */
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { formatDateTime } from "~/lib/format";
import { COMMONS_LIBRARY } from "#shared/library/library-ref";

interface Props {
  share: { commonsFileId: string; versionNumber: number; sharedAt: string; sharedByName: string | null } | null;
  versions: Array<{ id: string; number: number; current: boolean }>;
  canShare: boolean;
}

export function SharePanel({ share, versions, canShare }: Props) {
  const { t, i18n } = useTranslation("library");
  if (!share && !canShare) return null;
  const current = versions.find((v) => v.current) ?? versions[0];
  return (
    <section className="card" aria-labelledby="file-share">
      <h2 id="file-share">{t("share.title")}</h2>
      {share ? (
        <p data-share-status="shared">
          {t("share.sharedAs", { number: share.versionNumber, date: formatDateTime(share.sharedAt, i18n.language) })}
          {share.sharedByName ? ` · ${share.sharedByName}` : null}{" "}
          <Link to={`${COMMONS_LIBRARY.basePath}/files/${share.commonsFileId}`}>{t("share.open")}</Link>
        </p>
      ) : (
        <p data-share-status="private">{t("share.intro")}</p>
      )}
      {canShare && current ? (
        <div className="stack">
          <Form method="post" className="inline-form">
            <CsrfInput />
            <input type="hidden" name="intent" value="share" />
            {versions.length > 1 ? (
              <>
                <label htmlFor="share-version">{t("share.version")}</label>
                <select id="share-version" name="versionId" defaultValue={current.id}>
                  {versions.map((v) => (
                    <option key={v.id} value={v.id}>
                      {t("file.versionNumber", { number: v.number })}
                      {v.current ? ` (${t("versions.current")})` : ""}
                    </option>
                  ))}
                </select>
              </>
            ) : (
              <input type="hidden" name="versionId" value={current.id} />
            )}
            <button type="submit" className="button button--small">
              {share ? t("share.again") : t("share.submit")}
            </button>
          </Form>
          {share ? <WithdrawShareForm /> : null}
        </div>
      ) : null}
    </section>
  );
}

/** On a commons file that a network shared: whose it is, and (for that network) the way to take it back. */
export function SharedFromNotice({ sharedFrom, canWithdraw }: { sharedFrom: { networkName: string; versionNumber: number }; canWithdraw: boolean }) {
  const { t } = useTranslation("library");
  return (
    <div className="alert alert--info library-shared-from" data-share-status="mirror">
      <p>{t("share.from", { network: sharedFrom.networkName, number: sharedFrom.versionNumber })}</p>
      {canWithdraw ? <WithdrawShareForm /> : null}
    </div>
  );
}

/** Takes the file out of the network of networks (the same action from the network's page and the commons page). */
function WithdrawShareForm() {
  const { t } = useTranslation("library");
  return (
    <Form method="post" className="inline-form">
      <CsrfInput />
      <input type="hidden" name="intent" value="withdrawShare" />
      <button type="submit" className="button button--small button--quiet">
        {t("share.withdraw")}
      </button>
    </Form>
  );
}
