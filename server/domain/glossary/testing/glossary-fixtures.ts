/** Small builders the glossary format tests share. */
import type { GlossaryEntry } from "#shared/glossary/glossary-entry";
import type { GlossaryImportResult, ImportError } from "../glossary-import";

type Trio = [string, string, string];

export const entry = (terms: Trio, definition: Trio = ["", "", ""], note: Trio = ["", "", ""]): GlossaryEntry => ({
  terms: { de: terms[0], it: terms[1], en: terms[2] },
  definition: { de: definition[0], it: definition[1], en: definition[2] },
  note: { de: note[0], it: note[1], en: note[2] },
});

export function errorsOf(result: GlossaryImportResult): ImportError[] {
  if (result.ok) throw new Error("expected the import to fail");
  return result.errors;
}

export function entriesOf(result: GlossaryImportResult): GlossaryEntry[] {
  if (!result.ok) throw new Error(`expected the import to succeed: ${JSON.stringify(result.errors)}`);
  return result.entries;
}
