import { describe, expect, it } from "vitest";
import { LOCALES } from "./config";
import { fixedT, i18nFor } from "./instance";

describe("server translation instances", () => {
  it("are built once per language and keep their language", () => {
    for (const locale of LOCALES) {
      expect(i18nFor(locale)).toBe(i18nFor(locale));
      expect(i18nFor(locale).language).toBe(locale);
    }
    expect(new Set(LOCALES.map((locale) => i18nFor(locale))).size).toBe(LOCALES.length);
  });

  it("translate into their own language, whichever was used last", () => {
    const german = fixedT("de")("common:nav.dashboard");
    const italian = fixedT("it")("common:nav.dashboard");
    expect(german).not.toBe(italian);
    expect(fixedT("de")("common:nav.dashboard")).toBe(german);
  });
});
