/** The library's search field: a plain GET form, so it works before (and without) JavaScript. */
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MAX_QUERY_LENGTH } from "#shared/library/search-terms";

export function LibrarySearchBox({ basePath, query = "" }: { basePath: string; query?: string }) {
  const { t } = useTranslation("library");
  return (
    <Form method="get" action={`${basePath}/search`} role="search" className="library-search" aria-label={t("search.label")}>
      <label htmlFor="library-search-q">{t("search.field")}</label>
      <input id="library-search-q" name="q" type="search" defaultValue={query} maxLength={MAX_QUERY_LENGTH} aria-describedby="library-search-hint" />
      <button type="submit" className="button button--small">
        {t("search.submit")}
      </button>
      <p id="library-search-hint" className="muted field__hint">
        {t("search.hint")}
      </p>
    </Form>
  );
}
