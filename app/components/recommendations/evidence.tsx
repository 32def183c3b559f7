/**
 * The evidence a recommendation cites, listed under its text: findings (with the network
 * that posted them), good-practice entries and documents of the commons library, each linking
 * to its page. An entry the reader may not see, or one that no longer exists, is listed
 * without title or text. Whoever may change the text changes the list with checkboxes (only
 * published good practice and documents in the commons library are offered).
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RecommendationPageData } from "~/lib/recommendations.server";
import { CsrfInput } from "~/components/csrf-input";
import { FormAlert } from "~/components/fields";
import { stateFor, type ActionResult } from "./action-result";

export function EvidenceSection({ data, result }: { data: RecommendationPageData; result: ActionResult }) {
  const { t } = useTranslation("recommendations");
  const { citations, citable } = data;
  const kindLabel = (kind: (typeof citations)[number]["kind"]) => (kind === "libraryDocument" ? t("commons:libraryDocuments.kindTag") : t(`evidence.kinds.${kind}`));
  const unavailable = (c: (typeof citations)[number]) => (c.kind === "libraryDocument" && c.status === "missing" ? t("commons:libraryDocuments.gone") : t(`evidence.${c.status}`));
  const state = stateFor(result, "cite");
  return (
    <section aria-labelledby="rec-evidence-heading" className="rec-section">
      <h2 id="rec-evidence-heading">{t("evidence.heading")}</h2>
      {citations.length === 0 ? (
        <p className="empty">{t("evidence.empty")}</p>
      ) : (
        <ul className="rec-evidence">
          {citations.map((c) => (
            <li key={`${c.kind}:${c.id}`} className="rec-evidence__item">
              <span className="tag">{kindLabel(c.kind)}</span>{" "}
              {c.status === "visible" && c.href ? (
                <>
                  <a href={c.href}>{c.title}</a>
                  {c.networkName ? <span className="muted"> – {c.networkName}</span> : null}
                  {c.sharedBy ? <span className="muted"> – {t("commons:libraryDocuments.sharedBy", { network: c.sharedBy })}</span> : null}
                </>
              ) : (
                <span className="muted">{unavailable(c)}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {citable ? (
        <details className="rec-evidence__edit" open={state.errors.form ? true : undefined}>
          <summary>{t("evidence.change")}</summary>
          <Form method="post" className="card">
            <CsrfInput />
            <input type="hidden" name="intent" value="cite" />
            <FormAlert error={state.errors.form ?? state.errors.findings ?? state.errors.goodPractices ?? state.errors.libraryDocuments} />
            <fieldset className="field">
              <legend>{t("evidence.findingsLegend")}</legend>
              {citable.findings.length === 0 ? <p className="muted">{t("evidence.noFindings")}</p> : null}
              {citable.findings.map((f) => (
                <label key={f.id} className="checkbox">
                  <input type="checkbox" name="findings" value={f.id} defaultChecked={f.selected} /> {f.title} <span className="muted">– {f.networkName}</span>
                </label>
              ))}
            </fieldset>
            <fieldset className="field">
              <legend>{t("evidence.goodPracticesLegend")}</legend>
              {citable.goodPractices.length === 0 ? <p className="muted">{t("evidence.noGoodPractices")}</p> : null}
              {citable.goodPractices.map((p) => (
                <label key={p.id} className="checkbox">
                  <input type="checkbox" name="goodPractices" value={p.id} defaultChecked={p.selected} /> {p.title}
                </label>
              ))}
            </fieldset>
            <fieldset className="field" aria-describedby={citable.libraryDocumentsCappedAt ? "rec-library-documents-hint" : undefined}>
              <legend>{t("commons:libraryDocuments.legend")}</legend>
              {citable.libraryDocumentsCappedAt ? (
                <p id="rec-library-documents-hint" className="field__hint">
                  {t("commons:libraryDocuments.capped", { limit: citable.libraryDocumentsCappedAt })}
                </p>
              ) : null}
              {citable.libraryDocuments.length === 0 ? <p className="muted">{t("commons:libraryDocuments.none")}</p> : null}
              {citable.libraryDocuments.map((d) => (
                <label key={d.id} className="checkbox">
                  <input type="checkbox" name="libraryDocuments" value={d.id} defaultChecked={d.selected} /> {d.title}
                  {d.sharedBy ? <span className="muted"> – {t("commons:libraryDocuments.sharedBy", { network: d.sharedBy })}</span> : null}
                </label>
              ))}
            </fieldset>
            <button type="submit" className="button">
              {t("evidence.submit")}
            </button>
          </Form>
        </details>
      ) : null}
    </section>
  );
}
