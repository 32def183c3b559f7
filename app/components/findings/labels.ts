/** Labels of the keys findings and good-practice entries store, in the page's language. */
import type { TFunction } from "i18next";
import { isActionArea } from "#shared/taxonomy";
import { THEME_CLUSTERS } from "#shared/validation/limits";
import { FINDING_COUNTRIES } from "#shared/validation/limits";

export function actionAreaLabel(t: TFunction, key: string): string {
  return isActionArea(key) ? t(`network:actionAreas.${key}`) : key;
}

/** "German perspective", "Italian perspective", "German and Italian perspective". */
export function perspectiveLabel(t: TFunction, country: string): string {
  return (FINDING_COUNTRIES as readonly string[]).includes(country) ? t(`commons:findings.country.${country}`) : country;
}

/** Germany, Italy, or both countries (a good-practice entry's country). */
export function countryLabel(t: TFunction, country: string): string {
  return (FINDING_COUNTRIES as readonly string[]).includes(country) ? t(`commons:goodPractice.country.${country}`) : country;
}

export function clusterLabel(t: TFunction, key: string): string {
  return (THEME_CLUSTERS as readonly string[]).includes(key) ? t(`commons:goodPractice.clusters.${key}`) : key;
}
