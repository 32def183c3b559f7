/**
 * Importing a glossary file (CSV or TBX) on the glossary page: all or nothing, so a refused
 * file lists the problems with their lines, and the person fixes the file and sends it again.
 * Moderators' imports apply at once; members' imports arrive as proposals.
 */
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";

export interface ImportProblem {
  code: string;
  line?: number;
  entry?: number;
  field?: string;
}

export function GlossaryImport({ moderator, problems }: { moderator: boolean; problems: ImportProblem[] | undefined }) {
  const { t } = useTranslation("glossary");
  const navigation = useNavigation();
  const sending = navigation.state === "submitting" && navigation.formData?.get("intent") === "import";
  return (
    <>
      <h2 id="import">{t("import.heading")}</h2>
      <p className="muted">{moderator ? t("import.moderatorHint") : t("import.hint")}</p>
      {problems?.length ? (
        <div className="alert alert--error" role="alert">
          <p>{t("import.problemsIntro")}</p>
          <ul>
            {problems.map((problem, i) => (
              <li key={i}>
                {problem.line ? `${t("import.line", { line: problem.line })}: ` : ""}
                {t(`import.problems.${problem.code}`, { defaultValue: t("import.problems.malformed-xml") })}
                {problem.field ? ` (${problem.field})` : ""}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form method="post" encType="multipart/form-data" aria-labelledby="import" className="glossary-import">
        <CsrfInput />
        <input type="hidden" name="intent" value="import" />
        <div className="field">
          <label htmlFor="glossary-file">{t("import.file")}</label>
          <p id="glossary-file-hint" className="field__hint muted">
            {t("import.fileHint")}
          </p>
          <input id="glossary-file" name="file" type="file" accept=".csv,.tbx,.xml,text/csv,application/x-tbx+xml" required aria-describedby="glossary-file-hint" />
        </div>
        <button type="submit" className="button" disabled={sending}>
          {sending ? t("import.sending") : t("import.submit")}
        </button>
      </Form>
    </>
  );
}
