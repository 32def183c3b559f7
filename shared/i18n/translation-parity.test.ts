/**
 * Every translation key must exist in de, it and en, with a non-empty string, and use the
 * same {{placeholders}}: a key missing in one language shows raw keys to those users.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES, NAMESPACES } from "./config";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

/** i18next plural forms differ per language (Italian and German share one/other with English). */
const baseKey = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, "");
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const dir = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../locales");
const load = (lng: string, ns: string) => flatten(JSON.parse(fs.readFileSync(path.join(dir, lng, `${ns}.json`), "utf8")) as Tree);

describe("translations", () => {
  it("has one file per namespace and language, and nothing else", () => {
    for (const lng of LOCALES) {
      const files = fs.readdirSync(path.join(dir, lng)).filter((f) => f.endsWith(".json")).sort();
      expect(files).toEqual(NAMESPACES.map((ns) => `${ns}.json`).sort());
    }
  });

  for (const ns of NAMESPACES) {
    it(`${ns}: the same keys and placeholders in de, it and en`, () => {
      const byLocale = Object.fromEntries(LOCALES.map((lng) => [lng, load(lng, ns)]));
      const allKeys = new Set(LOCALES.flatMap((lng) => [...byLocale[lng]!.keys()].map(baseKey)));
      const problems: string[] = [];
      for (const key of allKeys) {
        for (const lng of LOCALES) {
          const entries = [...byLocale[lng]!.entries()].filter(([k]) => baseKey(k) === key);
          if (entries.length === 0) problems.push(`${lng}/${ns}: missing "${key}"`);
          for (const [k, text] of entries) if (!text.trim()) problems.push(`${lng}/${ns}: empty "${k}"`);
        }
        const reference = [...byLocale.en!.entries()].find(([k]) => baseKey(k) === key)?.[1];
        if (reference === undefined) continue;
        for (const lng of LOCALES) {
          for (const [k, text] of byLocale[lng]!) {
            if (baseKey(k) !== key) continue;
            const own = placeholders(text).filter((p) => p !== "count" && p !== "formatted");
            const ref = placeholders(reference).filter((p) => p !== "count" && p !== "formatted");
            if (own.join() !== ref.join()) problems.push(`${lng}/${ns}: "${k}" has placeholders ${own} but en has ${ref}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
