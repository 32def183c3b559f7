import { describe, expect, it } from "vitest";
import { detectLocale, pickFromAcceptLanguage } from "./locale";

describe("language detection", () => {
  it("follows the browser's ranked preferences among de, it, en", () => {
    expect(pickFromAcceptLanguage("it-IT,it;q=0.9,en;q=0.8")).toBe("it");
    expect(pickFromAcceptLanguage("fr-FR,fr;q=0.9,en;q=0.5,de;q=0.7")).toBe("de");
    expect(pickFromAcceptLanguage("en;q=0.2, it;q=0.8")).toBe("it");
    expect(pickFromAcceptLanguage("fr,es")).toBeNull();
    expect(pickFromAcceptLanguage("de;q=0, en")).toBe("en");
  });

  it("prefers the account, then the cookie, then the browser, then German", () => {
    expect(detectLocale({ userLocale: "it", cookieLocale: "en", acceptLanguage: "de" })).toBe("it");
    expect(detectLocale({ cookieLocale: "en", acceptLanguage: "it" })).toBe("en");
    expect(detectLocale({ cookieLocale: "xx", acceptLanguage: "it" })).toBe("it");
    expect(detectLocale({})).toBe("de");
  });
});
