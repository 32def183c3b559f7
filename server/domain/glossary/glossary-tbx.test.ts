import { describe, expect, it } from "vitest";
import type { GlossaryEntry } from "#shared/glossary/glossary-entry";
import { entriesOf, entry, errorsOf } from "./testing/glossary-fixtures";
import { GLOSSARY_SEED } from "#db/seed/glossary-terms";
import { GLOSSARY_IMPORT_LIMITS, type GlossaryImportResult, type ImportError } from "./glossary-import";
import { glossaryToTbx, parseGlossaryTbx } from "./glossary-tbx";


const TRICKY: GlossaryEntry[] = [
  entry(
    ["Ausbildungsprüfung „Gesellenbrief“", "qualità, perché «è» così", "quote \"inside\" & 'apostrophe'"],
    ["Zeile eins\nZeile zwei mit Ä Ö Ü ß", "Città; l'apprendista\n\ndopo una riga vuota", "Tom & Jerry <b>not bold</b> ]]> > less"],
    ["", "nota: «sì»", "semi;colon, comma"],
  ),
  // Italian has a definition but no term yet: it has to travel at concept level.
  entry(["Kammer", "", "chamber"], ["Körperschaft", "Ente pubblico", ""], ["IHK ↔ Camera di commercio", "solo nota", ""]),
];



const tbx = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>${body}</body></text>
</tbx>`;

describe("glossaryToTbx", () => {
  const xml = glossaryToTbx(TRICKY, { title: "Glossar <VET> & mehr" });

  it("writes TBX-Basic in DCA style with header, title and one conceptEntry per entry", () => {
    expect(xml).toContain(`<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">`);
    expect(xml).toMatch(/<tbxHeader>\s*<fileDesc>\s*<titleStmt>\s*<title>Glossar &lt;VET&gt; &amp; mehr<\/title>\s*<\/titleStmt>\s*<sourceDesc>\s*<p>[^<]+<\/p>\s*<\/sourceDesc>/);
    expect(xml).toMatch(/<text>\s*<body>\s*<conceptEntry id="c1">/);
    expect(xml.match(/<conceptEntry /g)).toHaveLength(2);
    expect(xml).toContain(`<conceptEntry id="c2">`);
  });

  it("puts definition, then note, then termSec in each langSec", () => {
    expect(xml).toMatch(
      /<langSec xml:lang="it">\s*<descrip type="definition">Città; l'apprendista\n\ndopo una riga vuota<\/descrip>\s*<note>nota: «sì»<\/note>\s*<termSec>\s*<term>qualità, perché «è» così<\/term>\s*<\/termSec>\s*<\/langSec>/,
    );
    // German of the first entry has no note: no empty element is written.
    expect(xml).toMatch(/<langSec xml:lang="de">\s*<descrip type="definition">Zeile eins\nZeile zwei mit Ä Ö Ü ß<\/descrip>\s*<termSec>/);
  });

  it("escapes markup characters", () => {
    expect(xml).toContain("<term>quote &quot;inside&quot; &amp; 'apostrophe'</term>");
    expect(xml).toContain("Tom &amp; Jerry &lt;b&gt;not bold&lt;/b&gt; ]]&gt; &gt; less");
    expect(xml).not.toContain("<b>");
  });

  it("keeps texts of a language without a term at concept level, before the langSecs", () => {
    expect(xml).toMatch(
      /<conceptEntry id="c2">\s*<descripGrp><descrip type="definition" xml:lang="it">Ente pubblico<\/descrip><\/descripGrp>\s*<note xml:lang="it">solo nota<\/note>\s*<langSec xml:lang="de">/,
    );
    expect(xml).not.toContain(`<langSec xml:lang="it">\n          <descrip type="definition">Ente`);
  });

  it("leaves out characters XML cannot carry", () => {
    const out = glossaryToTbx([entry(["a\u0001b", "c", ""])], { title: "t\u0000" });
    expect(out).toContain("<term>ab</term>");
    expect(out).toContain("<title>t</title>");
  });
});

describe("TBX round trip", () => {
  it("entries → TBX → entries → TBX gives back the same entries and the same file", () => {
    const xml = glossaryToTbx(TRICKY, { title: "Glossar" });
    const entries = entriesOf(parseGlossaryTbx(xml));
    expect(entries).toEqual(TRICKY);
    expect(glossaryToTbx(entries, { title: "Glossar" })).toBe(xml);
  });

  it("keeps the whole seed unchanged", () => {
    expect(entriesOf(parseGlossaryTbx(glossaryToTbx(GLOSSARY_SEED, { title: "ConnActions" })))).toEqual(GLOSSARY_SEED);
  });
});

describe("parseGlossaryTbx", () => {
  it("reads a langSec that lacks a language (the entry keeps it empty)", () => {
    const xml = tbx(`
      <conceptEntry id="x1">
        <langSec xml:lang="de"><termSec><term>Sozialpartner</term></termSec></langSec>
        <langSec xml:lang="it"><termSec><term>parti sociali</term></termSec></langSec>
      </conceptEntry>`);
    expect(entriesOf(parseGlossaryTbx(xml))).toEqual([entry(["Sozialpartner", "parti sociali", ""])]);
  });

  it("joins several terms of one language, reads CDATA and inline markup, and skips other languages", () => {
    const xml = tbx(`
      <conceptEntry id="x1">
        <langSec xml:lang="fr"><termSec><term>apprenti</term></termSec></langSec>
        <langSec xml:lang="it-IT">
          <termSec><term>formazione duale</term></termSec>
          <termSec><term>apprendistato <hi type="italics">duale</hi></term></termSec>
        </langSec>
        <langSec xml:lang="en"><termSec><term><![CDATA[dual VET & <more>]]></term></termSec></langSec>
      </conceptEntry>`);
    expect(entriesOf(parseGlossaryTbx(xml))).toEqual([entry(["", "formazione duale / apprendistato duale", "dual VET & <more>"])]);
  });

  it("reads TBX 2008 (martif, termEntry, langSet, tig and ntig) as IATE and older tools write it", () => {
    const martif = `<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>IATE-style export</p></sourceDesc></fileDesc></martifHeader>
  <text>
    <body>
      <termEntry id="IATE-123">
        <descripGrp><descrip type="subjectField">vocational training</descrip></descripGrp>
        <descrip type="definition">Training that alternates between company and school.</descrip>
        <langSet xml:lang="de-DE">
          <descrip type="definition">Ausbildung in Betrieb und Berufsschule.</descrip>
          <tig>
            <term>duale Ausbildung</term>
            <termNote type="termType">fullForm</termNote>
            <descrip type="reliabilityCode">3</descrip>
            <note>Deutsches System</note>
          </tig>
        </langSet>
        <langSet xml:lang="it">
          <ntig><termGrp><term>formazione duale</term></termGrp></ntig>
        </langSet>
        <langSet xml:lang="es"><tig><term>formación dual</term></tig></langSet>
        <langSet xml:lang="en"><tig><term>dual VET</term></tig></langSet>
      </termEntry>
      <termEntry id="IATE-456">
        <langSet lang="de"><tig><term>Gewerkschaft</term></tig></langSet>
        <langSet lang="it"><tig><term>sindacato</term></tig></langSet>
      </termEntry>
    </body>
  </text>
</martif>`;
    expect(entriesOf(parseGlossaryTbx(martif))).toEqual([
      // The concept-level definition has no xml:lang of its own: it inherits martif's "en".
      entry(["duale Ausbildung", "formazione duale", "dual VET"], ["Ausbildung in Betrieb und Berufsschule.", "", "Training that alternates between company and school."], ["Deutsches System", "", ""]),
      entry(["Gewerkschaft", "sindacato", ""]),
    ]);
  });

  it("accepts a BOM and an empty body", () => {
    expect(parseGlossaryTbx(`\uFEFF${tbx("")}`)).toEqual({ ok: true, entries: [] });
  });
});

describe("parseGlossaryTbx errors", () => {
  it("doctype-refused: external entities (XXE) and entity bombs never get read", () => {
    const xxe = `<?xml version="1.0"?>
<!DOCTYPE tbx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<tbx type="TBX-Basic" style="dca" xml:lang="en"><text><body>
  <conceptEntry id="c1"><langSec xml:lang="de"><termSec><term>&xxe;</term></termSec></langSec>
  <langSec xml:lang="it"><termSec><term>x</term></termSec></langSec></conceptEntry>
</body></text></tbx>`;
    expect(errorsOf(parseGlossaryTbx(xxe))).toEqual([{ code: "doctype-refused", line: 2 }]);
    const laughs = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><tbx>&lol2;</tbx>`;
    expect(errorsOf(parseGlossaryTbx(laughs))[0]?.code).toBe("doctype-refused");
  });

  it("malformed-xml: an undeclared entity, a tag left open, a crossed tag", () => {
    expect(errorsOf(parseGlossaryTbx(tbx(`<conceptEntry id="c1"><langSec xml:lang="de"><termSec><term>&xxe;</term></termSec></langSec></conceptEntry>`)))[0]?.code).toBe("malformed-xml");
    expect(errorsOf(parseGlossaryTbx(`<tbx><text><body>\n<conceptEntry>\n`))).toEqual([{ code: "malformed-xml", line: 3 }]);
    expect(errorsOf(parseGlossaryTbx(`<tbx><text></body></text></tbx>`))[0]?.code).toBe("malformed-xml");
  });

  it("not-tbx: another format, or XML that is not a termbase", () => {
    expect(errorsOf(parseGlossaryTbx("de,it\nKammer,camera\n"))).toEqual([{ code: "not-tbx" }]);
    expect(errorsOf(parseGlossaryTbx(""))).toEqual([{ code: "not-tbx" }]);
    expect(errorsOf(parseGlossaryTbx(`<?xml version="1.0"?>\n<html><body><p>hi</p></body></html>`))).toEqual([{ code: "not-tbx", line: 2 }]);
  });

  it("not-tbx: nesting far deeper than any termbase (a memory attack)", () => {
    const deep = `<tbx>${"<hi>".repeat(10_000)}${"</hi>".repeat(10_000)}</tbx>`;
    expect(errorsOf(parseGlossaryTbx(deep))[0]?.code).toBe("not-tbx");
  });

  it("too-large", () => {
    expect(errorsOf(parseGlossaryTbx(tbx(`<!--${"x".repeat(GLOSSARY_IMPORT_LIMITS.maxBytes)}-->`)))).toEqual([{ code: "too-large" }]);
  });

  it("too-many-entries", () => {
    const one = `<conceptEntry><langSec xml:lang="de"><termSec><term>a</term></termSec></langSec><langSec xml:lang="it"><termSec><term>b</term></termSec></langSec></conceptEntry>\n`;
    expect(entriesOf(parseGlossaryTbx(tbx(one.repeat(GLOSSARY_IMPORT_LIMITS.maxEntries))))).toHaveLength(GLOSSARY_IMPORT_LIMITS.maxEntries);
    const errors = errorsOf(parseGlossaryTbx(tbx(one.repeat(GLOSSARY_IMPORT_LIMITS.maxEntries + 1))));
    expect(errors).toEqual([expect.objectContaining({ code: "too-many-entries", entry: GLOSSARY_IMPORT_LIMITS.maxEntries + 1 })]);
  });

  it("too-few-languages: a concept with a term in one language only, with entry number and line", () => {
    const xml = tbx(`
<conceptEntry id="c1"><langSec xml:lang="de"><termSec><term>a</term></termSec></langSec><langSec xml:lang="en"><termSec><term>b</term></termSec></langSec></conceptEntry>
<conceptEntry id="c2">
  <langSec xml:lang="de"><descrip type="definition">Nur Deutsch</descrip><termSec><term>Kammer</term></termSec></langSec>
  <langSec xml:lang="fr"><termSec><term>chambre</term></termSec></langSec>
</conceptEntry>`);
    expect(errorsOf(parseGlossaryTbx(xml))).toEqual([{ code: "too-few-languages", entry: 2, line: 6 }]);
  });

  it("term-too-long, definition-too-long, note-too-long", () => {
    const xml = tbx(`<conceptEntry id="c1">
  <langSec xml:lang="de"><descrip type="definition">${"d".repeat(2001)}</descrip><termSec><term>${"t".repeat(201)}</term></termSec></langSec>
  <langSec xml:lang="it"><note>${"n".repeat(2001)}</note><termSec><term>ok</term></termSec></langSec>
</conceptEntry>`);
    expect(errorsOf(parseGlossaryTbx(xml)).map(({ code, field, entry: number }) => ({ code, field, entry: number }))).toEqual([
      { code: "term-too-long", field: "de", entry: 1 },
      { code: "definition-too-long", field: "de", entry: 1 },
      { code: "note-too-long", field: "it", entry: 1 },
    ]);
  });
});
