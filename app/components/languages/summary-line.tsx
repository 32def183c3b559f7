/** "7 of 10 sections current" and what the rest are, for one language version. */
import { useTranslation } from "react-i18next";
import type { TranslationSummary } from "#shared/collab/section-status";

const PARTS = ["outdated", "machine", "reviewed", "unchecked", "untranslated", "removed"] as const;

export function SummaryLine({ summary }: { summary: TranslationSummary }) {
  const { t } = useTranslation("languages");
  const parts = PARTS.filter((part) => summary[part] > 0).map((part) => t(`summary.${part}`, { count: summary[part] }));
  return (
    <p className="lv-summary">
      <strong>{t("summary.current", { current: summary.current, total: summary.total })}</strong>
      {parts.length ? <span className="muted"> · {parts.join(" · ")}</span> : null}
    </p>
  );
}
