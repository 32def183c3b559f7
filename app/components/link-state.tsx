import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** What a spent one-time link (invitation or password reset) says, instead of a form. */
export function LinkStateMessage({ kind, state }: { kind: "invitation" | "reset"; state: string }) {
  const { t } = useTranslation("auth");
  return (
    <div className="page page--narrow">
      <h1>{t(`linkState.${kind}.${state}.title`)}</h1>
      <div role="alert" className="alert alert--error">
        {t(`linkState.${kind}.${state}.body`)}
      </div>
      <p>
        <Link to={kind === "reset" ? "/forgot-password" : "/login"}>
          {kind === "reset" ? t("linkState.requestNew") : t("backToLogin")}
        </Link>
      </p>
    </div>
  );
}
