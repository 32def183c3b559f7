/** /interest/withdrawn — after a withdrawal: the submission and its personal data are gone. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta("intake:withdrawn.title");

export default function InterestWithdrawnPage() {
  const { t } = useTranslation("intake");
  return (
    <div className="page page--narrow">
      <h1>{t("withdrawn.title")}</h1>
      <p role="status">{t("withdrawn.body")}</p>
      <p>
        <Link to="/interest">{t("thanks.another")}</Link>
      </p>
    </div>
  );
}
