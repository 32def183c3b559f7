/**
 * Rename, move and delete one file or folder, folded into a disclosure so a long list stays
 * readable on a phone. Plain forms: they work before the page's JavaScript has loaded.
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";

export interface MoveTarget {
  id: string;
  label: string[];
}

export function ItemActions({ kind, id, name, moveTargets, currentFolderId }: { kind: "file" | "folder"; id: string; name: string; moveTargets: MoveTarget[]; currentFolderId: string | null }) {
  const { t } = useTranslation("library");
  // A folder cannot move into itself or below itself; the server refuses it too.
  const targets = moveTargets.filter((target) => target.id !== currentFolderId && !(kind === "folder" && target.id === id));
  return (
    <details className="item-actions">
      <summary>
        {t("actions.summary")}
        <span className="visually-hidden"> – {name}</span>
      </summary>
      <div className="item-actions__body">
        <Form method="post" className="inline-form">
          <CsrfInput />
          <input type="hidden" name="intent" value="rename" />
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="id" value={id} />
          <label htmlFor={`rename-${id}`} className="visually-hidden">
            {t("actions.renameLabel", { name })}
          </label>
          <input id={`rename-${id}`} name="name" type="text" required maxLength={255} defaultValue={name} />
          <button type="submit" className="button button--small">
            {t("actions.rename")}
          </button>
        </Form>
        <Form method="post" className="inline-form">
          <CsrfInput />
          <input type="hidden" name="intent" value="move" />
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="id" value={id} />
          <label htmlFor={`move-${id}`}>{t("actions.moveTo")}</label>
          <select id={`move-${id}`} name="targetFolderId" defaultValue="">
            {currentFolderId !== null ? <option value="">{t("actions.topLevel")}</option> : null}
            {currentFolderId === null && targets.length === 0 ? <option value="">{t("actions.noFolders")}</option> : null}
            {targets.map((target) => (
              <option key={target.id} value={target.id}>
                {target.label.join(" / ")}
              </option>
            ))}
          </select>
          <button type="submit" className="button button--small">
            {t("actions.move")}
          </button>
        </Form>
        <Form method="post" className="inline-form">
          <CsrfInput />
          <input type="hidden" name="intent" value="trash" />
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="id" value={id} />
          <button type="submit" className="button button--small button--quiet">
            {t("actions.trash")}
            <span className="visually-hidden"> – {name}</span>
          </button>
        </Form>
      </div>
    </details>
  );
}
