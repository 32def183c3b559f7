/**
 * One row of the side-by-side view: the source section and its translation, the status with
 * who checked it and when, the source's change for an outdated section, and the buttons.
 */
import type { ReactNode } from "react";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Locale } from "#shared/i18n/config";
import { CsrfInput } from "~/components/csrf-input";
import { formatDateTime } from "~/lib/format";
import type { SectionRowView } from "~/lib/language-versions.server";

export interface RowContext {
  sourceLanguage: Locale;
  language: Locale;
  canEdit: boolean;
  canTranslate: boolean;
  /** What the last action said about this row. */
  message: { text: string; error: boolean } | null;
}

export function SectionRow({ row, number, context }: { row: SectionRowView; number: number; context: RowContext }) {
  const { t, i18n } = useTranslation("languages");
  const navigation = useNavigation();
  const busy = (intent: string) => navigation.state !== "idle" && navigation.formData?.get("intent") === intent && navigation.formData?.get("sectionId") === row.id;
  const which = <span className="visually-hidden"> – {t("version.sectionNumber", { number })}</span>;
  const canReview = context.canEdit && row.id && row.sourceText && row.targetText?.trim() && (row.status === "machine" || row.status === "unchecked" || row.status === "outdated");
  const canTranslate = context.canTranslate && row.id && row.sourceText?.trim() && row.status !== "reviewed";
  return (
    <li id={`section-${row.key}`} className={`lv-row lv-row--${row.status}`} tabIndex={-1} aria-labelledby={`section-${row.key}-label`}>
      <p id={`section-${row.key}-label`} className="visually-hidden">
        {t("version.sectionNumber", { number })}
      </p>
      <div className="lv-row__texts">
        <div className="lv-row__cell">
          <p className="lv-row__label">{t("version.sourceColumn", { language: t(`names.${context.sourceLanguage}`) })}</p>
          {row.sourceText !== null ? (
            <p className="lv-row__text" lang={context.sourceLanguage}>
              {row.sourceText}
            </p>
          ) : (
            <p className="lv-row__text muted">{t("version.notInSource")}</p>
          )}
        </div>
        <div className="lv-row__cell">
          <p className="lv-row__label">{t(`names.${context.language}`)}</p>
          {row.targetText?.trim() ? (
            <p className="lv-row__text" lang={context.language}>
              {row.targetText}
            </p>
          ) : (
            <p className="lv-row__text muted">{t("version.missing")}</p>
          )}
        </div>
      </div>
      <p className="lv-row__status">
        <span className={`lv-badge lv-badge--${row.status}`}>{t(`status.${row.status}`)}</span>
        {row.record ? <span className="muted"> {t(`record.${row.record.state}`, { name: row.record.byName, date: formatDateTime(row.record.at, i18n.language) })}</span> : null}
      </p>
      {row.diff ? (
        <div className="lv-diff">
          <p className="lv-diff__label">{t("version.diff")}</p>
          <p className="lv-diff__text" lang={context.sourceLanguage}>
            {row.diff.map((part, i) =>
              part.change === "added" ? (
                <ins key={i}>
                  <span className="visually-hidden">{t("version.added")} </span>
                  {part.text}
                </ins>
              ) : part.change === "removed" ? (
                <del key={i}>
                  <span className="visually-hidden">{t("version.removed")} </span>
                  {part.text}
                </del>
              ) : (
                <span key={i}>{part.text}</span>
              ),
            )}
          </p>
        </div>
      ) : null}
      {context.message ? (
        <p role={context.message.error ? "alert" : "status"} className={`alert ${context.message.error ? "alert--error" : "alert--info"} lv-row__message`}>
          {context.message.text}
        </p>
      ) : null}
      <div className="actions lv-row__actions">
        {canTranslate ? <RowButton intent="translate" sectionId={row.id!} busy={busy("translate")} label={busy("translate") ? t("actions.translating") : t("actions.translate")} which={which} /> : null}
        {canReview ? <RowButton intent="review" sectionId={row.id!} busy={busy("review")} label={t("actions.review")} which={which} seenSource={row.sourceText!} /> : null}
        {context.canEdit && row.undoable ? <RowButton intent="undo" sectionId={row.id!} busy={busy("undo")} label={t("actions.undo")} which={which} quiet /> : null}
        {row.nextOutdated && row.nextOutdated !== row.id ? <a href={`#section-${row.nextOutdated}`}>{t("version.nextOutdated")}</a> : null}
      </div>
    </li>
  );
}

/** One of a row's buttons: a form posting the intent for this section (and, for a review, the source text seen). */
function RowButton({ intent, sectionId, busy, label, which, seenSource, quiet }: { intent: string; sectionId: string; busy: boolean; label: string; which: ReactNode; seenSource?: string; quiet?: boolean }) {
  return (
    <Form method="post" className="inline-form" preventScrollReset>
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="sectionId" value={sectionId} />
      {seenSource !== undefined ? <input type="hidden" name="seenSource" value={seenSource} /> : null}
      <button type="submit" className={`button button--small${quiet ? " button--quiet" : ""}`} disabled={busy}>
        {label}
        {which}
      </button>
    </Form>
  );
}
