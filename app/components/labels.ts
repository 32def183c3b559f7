import type { TFunction } from "i18next";
import { isKnownField, isKnownTheme } from "#shared/taxonomy";

/** Taxonomy keys shown in the page's language; free text (open lists) shown as written. */
export function fieldLabel(t: TFunction, field: string): string {
  return isKnownField(field) ? t(`network:fields.${field}`) : field;
}

export function themeLabel(t: TFunction, theme: string): string {
  return isKnownTheme(theme) ? t(`network:themes.${theme}`) : theme;
}
