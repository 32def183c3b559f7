/** A library tag (a key of the call's taxonomy) in the page's language. */
import type { TFunction } from "i18next";
import { isActionArea, isKnownField, isKnownTheme } from "#shared/taxonomy";
import { fieldLabel, themeLabel } from "~/components/labels";
import { actionAreaLabel } from "~/components/findings/labels";

export function tagLabel(t: TFunction, tag: string): string {
  if (isActionArea(tag)) return actionAreaLabel(t, tag);
  if (isKnownField(tag)) return fieldLabel(t, tag);
  if (isKnownTheme(tag)) return themeLabel(t, tag);
  return tag;
}
