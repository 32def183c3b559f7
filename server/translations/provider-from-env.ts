/**
 * Which machine translation the platform uses, from environment variables read once at start.
 * No provider is a valid choice (the feature is then off); a provider named but not usable is
 * an error at start, naming every variable at fault, rather than a failure on first use.
 *
 *   TRANSLATION_PROVIDER     "deepl" | "libretranslate"; unset or empty: no machine translation
 *   DEEPL_AUTH_KEY           required for deepl; keys ending in ":fx" use the Free API host
 *   DEEPL_API_URL            optional, overrides the host derived from the key
 *   LIBRETRANSLATE_URL       required for libretranslate: the instance's base address
 *   LIBRETRANSLATE_API_KEY   optional, for instances that require keys
 *   TRANSLATION_TIMEOUT_MS   optional bound for one translate() call, default 15000
 */
import { DeepLProvider, deeplApiUrlForKey } from "./deepl-provider";
import { DEFAULT_TIMEOUT_MS } from "./http";
import { LibreTranslateProvider } from "./libretranslate-provider";
import type { TranslationProvider } from "./provider";

/** process.env, or any object like it (tests). */
export type Env = Readonly<Record<string, string | undefined>>;

const PROVIDERS = ["deepl", "libretranslate"] as const;
type ProviderName = (typeof PROVIDERS)[number];
const MAX_TIMEOUT_MS = 120_000;

export type TranslationSettings =
  | { provider: "deepl"; authKey: string; apiUrl: string; timeoutMs: number }
  | { provider: "libretranslate"; url: string; apiKey: string | undefined; timeoutMs: number };

/** For the start-up log: what is used and where, never a key. */
export interface TranslationProviderDescription {
  provider: ProviderName | "none";
  host: string | null;
  timeoutMs: number | null;
}

export class TranslationConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid machine-translation configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "TranslationConfigError";
  }
}

/** The checked settings, or null when no provider is chosen. Throws TranslationConfigError listing every problem. */
export function readTranslationSettings(env: Env): TranslationSettings | null {
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw === undefined || raw === "" ? undefined : raw;
  };
  const chosen = value("TRANSLATION_PROVIDER")?.toLowerCase();
  if (chosen === undefined) return null;

  const problems: string[] = [];
  const timeoutMs = readTimeout(value("TRANSLATION_TIMEOUT_MS"), problems);
  const url = (name: string, required: boolean): string | undefined => {
    const raw = value(name);
    if (raw === undefined) {
      if (required) problems.push(`${name} is required when TRANSLATION_PROVIDER is "${chosen}".`);
      return undefined;
    }
    if (!isHttpUrl(raw)) problems.push(`${name} must be an http(s) address; got "${raw}".`);
    return raw;
  };

  let settings: TranslationSettings | null = null;
  if (chosen === "deepl") {
    const authKey = value("DEEPL_AUTH_KEY");
    if (authKey === undefined) problems.push(`DEEPL_AUTH_KEY is required when TRANSLATION_PROVIDER is "deepl".`);
    const apiUrl = url("DEEPL_API_URL", false);
    if (authKey !== undefined) settings = { provider: "deepl", authKey, apiUrl: apiUrl ?? deeplApiUrlForKey(authKey), timeoutMs };
  } else if (chosen === "libretranslate") {
    const instance = url("LIBRETRANSLATE_URL", true);
    if (instance !== undefined) {
      settings = { provider: "libretranslate", url: instance, apiKey: value("LIBRETRANSLATE_API_KEY"), timeoutMs };
    }
  } else {
    problems.push(`TRANSLATION_PROVIDER must be one of ${PROVIDERS.join(", ")} (or empty for none); got "${chosen}".`);
  }
  if (problems.length > 0 || settings === null) throw new TranslationConfigError(problems);
  return settings;
}

export function translationProviderFromSettings(settings: TranslationSettings): TranslationProvider {
  return settings.provider === "deepl"
    ? new DeepLProvider({ authKey: settings.authKey, apiUrl: settings.apiUrl, timeoutMs: settings.timeoutMs })
    : new LibreTranslateProvider({ url: settings.url, apiKey: settings.apiKey, timeoutMs: settings.timeoutMs });
}

/** The configured provider, or null when machine translation is off. Throws TranslationConfigError on misconfiguration. */
export function translationProviderFromEnv(env: Env): TranslationProvider | null {
  const settings = readTranslationSettings(env);
  return settings ? translationProviderFromSettings(settings) : null;
}

/** Provider name and host, for logs. Throws like translationProviderFromEnv. */
export function describeTranslationProvider(env: Env): TranslationProviderDescription {
  const settings = readTranslationSettings(env);
  if (!settings) return { provider: "none", host: null, timeoutMs: null };
  const address = settings.provider === "deepl" ? settings.apiUrl : settings.url;
  return { provider: settings.provider, host: new URL(address).host, timeoutMs: settings.timeoutMs };
}

function readTimeout(raw: string | undefined, problems: string[]): number {
  if (raw === undefined) return DEFAULT_TIMEOUT_MS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > MAX_TIMEOUT_MS) {
    problems.push(`TRANSLATION_TIMEOUT_MS must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}; got "${raw}".`);
    return DEFAULT_TIMEOUT_MS;
  }
  return value;
}

function isHttpUrl(raw: string): boolean {
  try {
    const parsed = new URL(raw);
    return parsed.protocol === "http:" || parsed.protocol === "https:";
  } catch {
    return false;
  }
}
