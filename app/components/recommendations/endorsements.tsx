/**
 * Endorsements by networks (count against the threshold, each with its statement) and,
 * apart from them, personal supports. Coordinators see a form per network they coordinate:
 * endorse with an optional statement, or withdraw; members support or withdraw their support.
 */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RecommendationPageData } from "~/lib/recommendations.server";
import { CsrfInput } from "~/components/csrf-input";
import { FormAlert, TextArea } from "~/components/fields";
import { formatDate } from "~/lib/format";
import { stateFor, textValue, type ActionResult } from "./action-result";

export function EndorsementsSection({ data, result }: { data: RecommendationPageData; result: ActionResult }) {
  const { t, i18n } = useTranslation("recommendations");
  const { recommendation, endorsements, myNetworks } = data;
  const actionable = myNetworks.filter((n) => n.canAct);
  return (
    <section aria-labelledby="rec-endorsements-heading" className="rec-section">
      <h2 id="rec-endorsements-heading">{t("endorsements.heading")}</h2>
      <p>
        <strong>{t("endorsements.count", { count: endorsements.length, threshold: recommendation.threshold })}</strong>{" "}
        <span className="muted">{t("endorsements.explain")}</span>
      </p>
      {endorsements.length === 0 ? (
        <p className="empty">{recommendation.stage === "draft" ? t("endorsements.emptyDraft") : t("endorsements.empty")}</p>
      ) : (
        <ul className="rec-endorsements">
          {endorsements.map((e) => (
            <li key={e.networkId} className="card rec-endorsement">
              <h3 className="rec-endorsement__network">{e.networkSlug ? <a href={`/networks/${e.networkSlug}`}>{e.networkName}</a> : e.networkName}</h3>
              <p className="muted">
                {t("endorsements.by", { name: e.endorsedByName ?? t("someone"), date: formatDate(e.createdAt, i18n.language) })}
              </p>
              {e.statement ? <blockquote className="rec-endorsement__statement">{e.statement}</blockquote> : null}
            </li>
          ))}
        </ul>
      )}
      {actionable.map((network) => {
        const state = stateFor(result, network.endorsed ? "withdraw" : "endorse", { networkId: network.id });
        return network.endorsed ? (
          <Form key={network.id} method="post" className="card rec-form">
            <CsrfInput />
            <input type="hidden" name="intent" value="withdraw" />
            <input type="hidden" name="networkId" value={network.id} />
            <FormAlert error={state.errors.form} />
            <p>{t("endorsements.endorsedAs", { network: network.name })}</p>
            <button type="submit" className="button button--quiet">
              {t("endorsements.withdraw", { network: network.name })}
            </button>
          </Form>
        ) : (
          <Form key={network.id} method="post" className="card rec-form" noValidate>
            <CsrfInput />
            <input type="hidden" name="intent" value="endorse" />
            <input type="hidden" name="networkId" value={network.id} />
            <h3>{t("endorsements.formHeading", { network: network.name })}</h3>
            <FormAlert error={state.errors.form ?? state.errors.networkId} />
            <TextArea
              name="statement"
              label={t("endorsements.statementLabel")}
              hint={t("endorsements.statementHint")}
              defaultValue={textValue(state, "statement")}
              error={state.errors.statement}
            />
            <button type="submit" className="button">
              {t("endorsements.endorse", { network: network.name })}
            </button>
          </Form>
        );
      })}
      {myNetworks.length > 0 && actionable.length === 0 && (recommendation.stage === "draft") ? (
        <p className="muted">{t("endorsements.notYet")}</p>
      ) : null}
    </section>
  );
}

export function SupportsSection({ data, result }: { data: RecommendationPageData; result: ActionResult }) {
  const { t } = useTranslation("recommendations");
  const { supports, rights } = data;
  const state = stateFor(result, rights.supported ? "unsupport" : "support");
  return (
    <section aria-labelledby="rec-supports-heading" className="rec-section">
      <h2 id="rec-supports-heading">{t("supports.heading")}</h2>
      <p className="muted">{t("supports.explain")}</p>
      {supports.length === 0 ? (
        <p className="empty">{t("supports.empty")}</p>
      ) : (
        <p>
          {t("supports.count", { count: supports.length })}: {supports.map((s) => s.name).join(", ")}
        </p>
      )}
      {rights.support ? (
        <Form method="post" className="inline-form">
          <CsrfInput />
          <input type="hidden" name="intent" value={rights.supported ? "unsupport" : "support"} />
          <FormAlert error={state.errors.form} />
          <button type="submit" className={rights.supported ? "button button--quiet" : "button"}>
            {rights.supported ? t("supports.withdraw") : t("supports.add")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
