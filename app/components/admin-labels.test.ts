import { describe, expect, it } from "vitest";
import { MAIL_KINDS } from "~/lib/admin.server";
import { LOCALES } from "#shared/i18n/config";
import { createI18n } from "#shared/i18n/instance";
import { mailKindLabel } from "./admin-labels";

describe("outbox labels", () => {
  it.each(LOCALES)("names every kind of mail the platform writes in %s", (locale) => {
    const t = createI18n(locale).getFixedT(locale, "admin");
    for (const kind of MAIL_KINDS) {
      const label = mailKindLabel(t, kind);
      expect(label, kind).not.toBe(kind);
      expect(label, kind).not.toMatch(/^outbox\./);
    }
  });

  it("shows a kind it does not know (an older row) as stored", () => {
    expect(mailKindLabel(createI18n("en").getFixedT("en", "admin"), "retiredKind")).toBe("retiredKind");
  });
});
