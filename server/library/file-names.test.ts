import { describe, expect, it } from "vitest";
import { MAX_DISPLAY_NAME, cleanDisplayName, contentDisposition, extensionOf } from "./file-names";

const clean = (raw: string) => cleanDisplayName(raw, "Unbenannt");

describe("cleaning display names", () => {
  it("never lets a name act as a path", () => {
    expect(clean("../../etc/passwd")).toBe("..\u2215..\u2215etc\u2215passwd");
    expect(clean("a/b\\c.pdf")).toBe("a\u2215b\u29F5c.pdf");
    for (const name of [clean("../../etc/passwd"), clean("a/b\\c.pdf")]) {
      expect(name).not.toMatch(/[/\\]/);
    }
  });

  it("turns '.', '..', empty and blank names into the fallback", () => {
    for (const raw of ["..", ".", "", "   ", " . . ", "\u202E", "\u0000\n"]) expect(clean(raw)).toBe("Unbenannt");
  });

  it("drops bidi controls, so a name cannot disguise its extension", () => {
    expect(clean("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    expect(clean("\u2066a\u2067b\u2068c\u2069\u200E\u200F\u061C\u202A\u202B\u202C\u202D.txt")).toBe("abc.txt");
  });

  it("drops C0 and C1 control characters", () => {
    expect(clean("a\u0000b\u0007c\n.txt")).toBe("abc.txt");
    expect(clean("tab\there\r\u007F\u0085\u009F.md")).toBe("tabhere.md");
  });

  it("trims whitespace and trailing dots", () => {
    expect(clean("  Bericht.pdf. . ")).toBe("Bericht.pdf");
    expect(clean(".env")).toBe(".env");
  });

  it("shortens a long name to 255 characters, keeping its extension", () => {
    const name = clean(`${"x".repeat(500)}.pdf`);
    expect([...name]).toHaveLength(MAX_DISPLAY_NAME);
    expect(name.endsWith("x.pdf")).toBe(true);

    // An "extension" longer than 16 characters is just text and is cut like the rest.
    const long = clean(`${"y".repeat(300)}.${"z".repeat(40)}`);
    expect(long).toBe("y".repeat(MAX_DISPLAY_NAME));

    // Counted in code points: an emoji is never cut in half.
    const emoji = clean(`${"🎉".repeat(300)}.txt`);
    expect([...emoji]).toHaveLength(MAX_DISPLAY_NAME);
    expect(emoji).toBe(`${"🎉".repeat(251)}.txt`);
  });

  it("keeps accents, other scripts and emoji, composed (NFC)", () => {
    expect(clean("Prüfungsordnung für Köche – Übersicht.pdf")).toBe("Prüfungsordnung für Köche – Übersicht.pdf");
    expect(clean("Perché è già qui? Città.docx")).toBe("Perché è già qui? Città.docx");
    expect(clean("Ausflug 🎉🇮🇹 Straße.jpg")).toBe("Ausflug 🎉🇮🇹 Straße.jpg");
    expect(clean("Mu\u0308nchen.txt")).toBe("M\u00FCnchen.txt");
  });

  it("replaces half a surrogate pair rather than failing later", () => {
    expect(clean("a\uD800b.txt")).toBe("a\uFFFDb.txt");
  });
});

describe("extensions", () => {
  it("is the lower-cased text after the last dot, or empty", () => {
    expect(extensionOf("Bericht.PDF")).toBe("pdf");
    expect(extensionOf("archiv.tar.gz")).toBe("gz");
    expect(extensionOf("README")).toBe("");
    expect(extensionOf(".bashrc")).toBe("");
    expect(extensionOf("trailing.")).toBe("");
    expect(extensionOf("Version 1. Entwurf")).toBe("");
  });
});

describe("Content-Disposition", () => {
  it("sends an ASCII fallback and the UTF-8 name", () => {
    expect(contentDisposition("attachment", "Bericht.pdf")).toBe(`attachment; filename="Bericht.pdf"; filename*=UTF-8''Bericht.pdf`);
    expect(contentDisposition("inline", "Müller – Città.pdf")).toBe(
      `inline; filename="M_ller _ Citt_.pdf"; filename*=UTF-8''M%C3%BCller%20%E2%80%93%20Citt%C3%A0.pdf`,
    );
  });

  it("cannot be broken out of by quotes, backslashes, percent signs or line breaks", () => {
    const header = contentDisposition("attachment", 'a"b\\c%41\r\nX-Evil: 1.pdf');
    expect(header).toBe(`attachment; filename="a_b_c_41__X-Evil: 1.pdf"; filename*=UTF-8''a%22b%5Cc%2541%0D%0AX-Evil%3A%201.pdf`);
    expect(header).not.toMatch(/[\r\n]/);
  });

  it("encodes the characters RFC 5987 does not allow bare", () => {
    expect(contentDisposition("attachment", "it's (1) *.txt")).toContain(`filename*=UTF-8''it%27s%20%281%29%20%2A.txt`);
  });

  it("survives emoji, half surrogate pairs and an empty name", () => {
    expect(contentDisposition("attachment", "🎉.png")).toBe(`attachment; filename="_.png"; filename*=UTF-8''%F0%9F%8E%89.png`);
    expect(contentDisposition("attachment", "a\uDC00.txt")).toBe(`attachment; filename="a_.txt"; filename*=UTF-8''a%EF%BF%BD.txt`);
    expect(contentDisposition("attachment", "")).toBe(`attachment; filename="download"; filename*=UTF-8''download`);
  });
});
