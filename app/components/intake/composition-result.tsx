/** The composition check's result: each rule of the call, met or missing, with the counts that decide it. */
import { useTranslation } from "react-i18next";
import type { CompositionCheck } from "#shared/intake/composition";

export function CompositionResult({ check, names, id = "composition-result" }: { check: CompositionCheck; names: string[]; id?: string }) {
  const { t } = useTranslation("intake");
  return (
    <section aria-labelledby={id} className="card" data-testid="composition-result" data-met={check.met ? "yes" : "no"}>
      <h3 id={id}>{check.met ? t("detail.compositionMet") : t("detail.compositionMissing")}</h3>
      <p>{t("detail.compositionOf", { names: names.join(", ") })}</p>
      <ul className="intake-check">
        {check.rules.map((r) => (
          <li key={r.rule} className={r.met ? "intake-check__met" : "intake-check__missing"}>
            {t(`rules.${r.rule}`, r.counts)} <span className="visually-hidden">({r.met ? t("detail.met") : t("detail.missing")})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
