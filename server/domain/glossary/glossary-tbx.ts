/**
 * The glossary as TBX (TermBase eXchange, ISO 30042:2019), the format CAT tools and termbases
 * such as IATE exchange.
 *
 * Export: the TBX-Basic dialect in DCA style. Per concept one <conceptEntry>, per language with
 * a term one <langSec> holding the definition (<descrip type="definition">) and the note (<note>)
 * before its <termSec>: TBX-Basic allows both at langSec level, and both describe the concept
 * in that language rather than the term's form. A language that has a definition or note but no
 * term yet cannot have a langSec (it needs a termSec), so its texts go at concept level with
 * their own xml:lang.
 *
 * Import: the same, and the older TBX 2008 (martif/termEntry/langSet/tig/term) that many
 * termbases still export. The language of a text is the nearest xml:lang, as XML defines it;
 * languages other than de/it/en are skipped. Several terms for one language are joined with
 * " / " (the entry holds one term per language). The parser is saxes: it never fetches or
 * expands external entities, and documents with a DOCTYPE are refused outright.
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import type { GlossaryEntry } from "#shared/glossary/glossary-entry";
import { LOCALES, type Locale } from "#shared/i18n/config";
import {
  GLOSSARY_IMPORT_LIMITS,
  checkEntry,
  emptyEntry,
  failure,
  isLocaleCode,
  isTooLarge,
  withoutUnwantedCharacters,
  type GlossaryImportResult,
  type ImportError,
  type ImportErrorCode,
} from "./glossary-import";

export const TBX_NAMESPACE = "urn:iso:std:iso:30042:ed-2";
const SCHEMA_RNG = "https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/master/TBXcoreStructV03.rng";
const SCHEMA_SCH = "https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch";

const escapeXml = (text: string): string =>
  withoutUnwantedCharacters(text).replace(/[&<>"]/g, (char) => (char === "&" ? "&amp;" : char === "<" ? "&lt;" : char === ">" ? "&gt;" : "&quot;"));

function conceptEntry(entry: GlossaryEntry, id: string): string[] {
  const lines = [`      <conceptEntry id="${id}">`];
  // Texts of languages without a term: concept level, marked with their language.
  for (const locale of LOCALES) {
    if (entry.terms[locale] !== "") continue;
    if (entry.definition[locale] !== "") {
      // Wrapped in descripGrp: the TBX-Basic schematron accepts a concept-level definition only so.
      lines.push(`        <descripGrp><descrip type="definition" xml:lang="${locale}">${escapeXml(entry.definition[locale])}</descrip></descripGrp>`);
    }
    if (entry.note[locale] !== "") lines.push(`        <note xml:lang="${locale}">${escapeXml(entry.note[locale])}</note>`);
  }
  for (const locale of LOCALES) {
    if (entry.terms[locale] === "") continue;
    lines.push(`        <langSec xml:lang="${locale}">`);
    if (entry.definition[locale] !== "") lines.push(`          <descrip type="definition">${escapeXml(entry.definition[locale])}</descrip>`);
    if (entry.note[locale] !== "") lines.push(`          <note>${escapeXml(entry.note[locale])}</note>`);
    lines.push(`          <termSec>`, `            <term>${escapeXml(entry.terms[locale])}</term>`, `          </termSec>`, `        </langSec>`);
  }
  lines.push(`      </conceptEntry>`);
  return lines;
}

/**
 * Entries without any term are left out: TBX requires at least one langSec with a term per
 * concept, and such an entry would not pass the import anyway.
 */
export function glossaryToTbx(entries: readonly GlossaryEntry[], options: { title: string }): string {
  const body = entries
    .filter((entry) => LOCALES.some((locale) => entry.terms[locale] !== ""))
    .flatMap((entry, index) => conceptEntry(entry, `c${index + 1}`));
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<?xml-model href="${SCHEMA_RNG}" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>`,
    `<?xml-model href="${SCHEMA_SCH}" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>`,
    `<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="${TBX_NAMESPACE}">`,
    `  <tbxHeader>`,
    `    <fileDesc>`,
    `      <titleStmt>`,
    `        <title>${escapeXml(options.title)}</title>`,
    `      </titleStmt>`,
    `      <sourceDesc>`,
    `        <p>Exported from the ConnActions VET glossary (German, Italian, English).</p>`,
    `      </sourceDesc>`,
    `    </fileDesc>`,
    `  </tbxHeader>`,
    `  <text>`,
    `    <body>`,
    ...body,
    `    </body>`,
    `  </text>`,
    `</tbx>`,
    ``,
  ].join("\n");
}

// ---------------------------------------------------------------------------------------------
// Import

const ENTRY_ELEMENTS = new Set(["conceptEntry", "termEntry"]);
/** TBX nests about ten levels deep; a file nesting far deeper is built to exhaust memory. */
const MAX_DEPTH = 64;
/** Where a <note> is about the concept or term; notes inside descripGrp, transacGrp … annotate those. */
const NOTE_PARENTS = new Set(["conceptEntry", "termEntry", "langSec", "langSet", "termSec", "tig", "ntig", "termGrp"]);

type Field = "terms" | "definition" | "note";

interface Draft {
  line: number;
  number: number;
  depth: number;
  texts: Record<Field, Record<Locale, string[]>>;
}

interface Capture {
  field: Field;
  locale: Locale;
  depth: number;
  parts: string[];
}

/** Thrown from inside the parser's handlers to stop reading at once. */
class Stop extends Error {
  constructor(readonly importError: ImportError) {
    super(importError.code);
  }
}

const localName = (name: string): string => name.slice(name.indexOf(":") + 1);

function languageOf(tag: SaxesTagPlain, inherited: string): string {
  const declared = tag.attributes["xml:lang"] ?? tag.attributes["lang"];
  // Only the primary subtag matters here: de-DE, de_AT and de are all German.
  return declared === undefined ? inherited : (declared.split(/[-_]/)[0] ?? "").toLowerCase();
}

const emptyTexts = (): Record<Locale, string[]> => ({ de: [], it: [], en: [] });

function draftToEntry(draft: Draft): GlossaryEntry {
  const entry = emptyEntry();
  for (const locale of LOCALES) {
    entry.terms[locale] = [...new Set(draft.texts.terms[locale].map((term) => term.trim()).filter(Boolean))].join(" / ");
    entry.definition[locale] = draft.texts.definition[locale].join("\n");
    entry.note[locale] = draft.texts.note[locale].join("\n");
  }
  return entry;
}

export function parseGlossaryTbx(text: string): GlossaryImportResult {
  if (isTooLarge(text)) return failure([{ code: "too-large" }]);
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  if (!body.trimStart().startsWith("<")) return failure([{ code: "not-tbx" }]);

  // Namespaces off: elements are matched by local name, so prefixed and unprefixed TBX both read.
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: { name: string; lang: string }[] = [];
  const entries: GlossaryEntry[] = [];
  const errors: ImportError[] = [];
  let draft: Draft | null = null;
  let capture: Capture | null = null;
  let entryCount = 0;
  let sawRoot = false;

  parser.on("doctype", () => {
    // A DOCTYPE is how entity bombs and external entities get in; TBX needs none.
    throw new Stop({ code: "doctype-refused", line: parser.line });
  });
  parser.on("opentag", (tag: SaxesTagPlain) => {
    const name = localName(tag.name);
    if (!sawRoot) {
      sawRoot = true;
      if (name !== "tbx" && name !== "martif") throw new Stop({ code: "not-tbx", line: parser.line });
    }
    if (stack.length >= MAX_DEPTH) throw new Stop({ code: "not-tbx", line: parser.line });
    const parent = stack[stack.length - 1];
    const lang = languageOf(tag, parent?.lang ?? "");
    stack.push({ name, lang });
    if (ENTRY_ELEMENTS.has(name) && !draft) {
      entryCount++;
      if (entryCount > GLOSSARY_IMPORT_LIMITS.maxEntries) throw new Stop({ code: "too-many-entries", line: parser.line, entry: entryCount });
      draft = { line: parser.line, number: entryCount, depth: stack.length, texts: { terms: emptyTexts(), definition: emptyTexts(), note: emptyTexts() } };
      return;
    }
    if (!draft || capture || !isLocaleCode(lang)) return;
    const field: Field | null =
      name === "term" ? "terms" : name === "descrip" && tag.attributes["type"] === "definition" ? "definition" : name === "note" && NOTE_PARENTS.has(parent?.name ?? "") ? "note" : null;
    if (field) capture = { field, locale: lang, depth: stack.length, parts: [] };
  });
  const addText = (chunk: string) => {
    capture?.parts.push(chunk);
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  parser.on("closetag", () => {
    const closing = stack.length;
    stack.pop();
    if (capture && closing === capture.depth) {
      draft?.texts[capture.field][capture.locale].push(capture.parts.join(""));
      capture = null;
    }
    if (draft && closing === draft.depth) {
      const checked = checkEntry(draftToEntry(draft), { line: draft.line, entry: draft.number });
      if (checked.errors.length > 0) errors.push(...checked.errors);
      else entries.push(checked.entry);
      draft = null;
      if (errors.length >= GLOSSARY_IMPORT_LIMITS.maxErrors) throw new Stop(errors[0] as ImportError);
    }
  });

  try {
    parser.write(body).close();
  } catch (error) {
    if (error instanceof Stop) {
      // Entry errors already collected stay the answer when the cap is what stopped us.
      return failure(errors.length >= GLOSSARY_IMPORT_LIMITS.maxErrors ? errors : [error.importError]);
    }
    return failure([{ code: "malformed-xml" satisfies ImportErrorCode, line: parser.line }]);
  }
  return errors.length > 0 ? failure(errors) : { ok: true, entries };
}
