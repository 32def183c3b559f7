/** /interest/thanks — after sending: what happens next, and where the private link is. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta("intake:thanks.title");

export default function InterestThanksPage() {
  const { t } = useTranslation("intake");
  return (
    <div className="page page--narrow">
      <h1>{t("thanks.title")}</h1>
      <p role="status">{t("thanks.body")}</p>
      <p>{t("thanks.link")}</p>
      <p>
        <Link to="/interest">{t("thanks.another")}</Link>
      </p>
    </div>
  );
}
