/** Languages and namespaces. German first: the project is run from Germany. */
export const LOCALES = ["de", "it", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "de";
export const NAMESPACES = ["common", "auth", "network", "admin", "mail", "workprogramme", "export", "history", "notifications", "comments", "commons", "recommendations", "library", "events", "glossary", "languages", "intake", "overview", "board"] as const;
export type Namespace = (typeof NAMESPACES)[number];
/** What pages need: everything but the mails, which only the server writes. */
export const CLIENT_NAMESPACES = NAMESPACES.filter((ns) => ns !== "mail");

/** Europe/Berlin and Europe/Rome share one offset all year; we store UTC and show this. */
export const DISPLAY_TIME_ZONE = "Europe/Berlin";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Native names so a user who cannot read the current language still finds theirs. */
export const LOCALE_NATIVE_NAMES: Record<Locale, string> = {
  de: "Deutsch",
  it: "Italiano",
  en: "English",
};
