/**
 * The list's filters and sorting: a GET form, so a filtered list is an address one can share
 * and it works without JavaScript. Every control is a labelled select; the form sits in a
 * native <details> (keyboard-operable, no script).
 */
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ACTION_AREAS, OCCUPATIONAL_FIELDS, THEMES } from "#shared/taxonomy";
import { type FindingFilters as Filters } from "#shared/validation/findings-forms";
import { FINDING_COUNTRIES, FINDING_SORTS } from "#shared/validation/limits";
import { SelectField } from "~/components/fields";
import { fieldLabel, themeLabel } from "~/components/labels";
import { actionAreaLabel, perspectiveLabel } from "./labels";

export function FindingFilters({ filters, networks }: { filters: Filters; networks: Array<{ id: string; name: string }> }) {
  const { t } = useTranslation("commons");
  const any = { value: "", label: t("findings.filters.any") };
  const active = Object.entries(filters).some(([key, value]) => value !== null && !(key === "sort" && value === "newest"));
  return (
    // Folded away unless a filter is in use, so on a phone the findings come first.
    <details className="card finding-filters" open={active ? true : undefined}>
      <summary className="finding-filters__heading">{t("findings.filters.heading")}</summary>
      <Form method="get" aria-label={t("findings.filters.heading")}>
        <div className="finding-filters__fields">
          <SelectField
            name="actionArea"
            label={t("findings.filters.actionArea")}
            options={[any, ...ACTION_AREAS.map((k) => ({ value: k, label: actionAreaLabel(t, k) }))]}
            defaultValue={filters.actionArea ?? ""}
          />
          <SelectField name="field" label={t("findings.filters.field")} options={[any, ...OCCUPATIONAL_FIELDS.map((k) => ({ value: k, label: fieldLabel(t, k) }))]} defaultValue={filters.field ?? ""} />
          <SelectField name="theme" label={t("findings.filters.theme")} options={[any, ...THEMES.map((k) => ({ value: k, label: themeLabel(t, k) }))]} defaultValue={filters.theme ?? ""} />
          <SelectField name="network" label={t("findings.filters.network")} options={[any, ...networks.map((n) => ({ value: n.id, label: n.name }))]} defaultValue={filters.network ?? ""} />
          <SelectField name="country" label={t("findings.filters.country")} options={[any, ...FINDING_COUNTRIES.map((c) => ({ value: c, label: perspectiveLabel(t, c) }))]} defaultValue={filters.country ?? ""} />
          <SelectField name="sort" label={t("findings.filters.sort")} options={FINDING_SORTS.map((s) => ({ value: s, label: t(`findings.filters.sorts.${s}`) }))} defaultValue={filters.sort} />
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t("findings.filters.apply")}
          </button>
          <Link to="/network-of-networks/findings">{t("findings.filters.reset")}</Link>
        </div>
      </Form>
    </details>
  );
}

/** Older/newer pages that keep the filters in the address. */
export function FindingPager({ filters, page, hasNewer, hasOlder }: { filters: Filters; page: number; hasNewer: boolean; hasOlder: boolean }) {
  const { t } = useTranslation("common");
  if (!hasNewer && !hasOlder) return null;
  const to = (p: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) if (value && !(key === "sort" && value === "newest")) params.set(key, value);
    if (p > 1) params.set("page", String(p));
    const query = params.toString();
    return `/network-of-networks/findings${query ? `?${query}` : ""}`;
  };
  return (
    <nav aria-label={t("paging.label")} className="actions">
      {hasNewer ? <Link to={to(page - 1)}>{t("paging.newer")}</Link> : null}
      <span className="muted">{t("paging.page", { page })}</span>
      {hasOlder ? <Link to={to(page + 1)}>{t("paging.older")}</Link> : null}
    </nav>
  );
}
