import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { ensureSectionIds, readSections, SECTION_ID_ATTR, findSection, elementText } from "./sections";
import { alignSections, insertionIndex, nextOutdated, readSectionRecords, summarise, writeSectionRecord, type SectionRecord } from "./section-status";

const FIELD = "content";

function paragraph(text: string, sid?: string): Y.XmlElement {
  const element = new Y.XmlElement("paragraph");
  if (sid) element.setAttribute(SECTION_ID_ATTR, sid);
  const content = new Y.XmlText();
  content.insert(0, text);
  element.insert(0, [content]);
  return element;
}

function sourceDoc(texts: string[]): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => doc.getXmlFragment(FIELD).insert(0, texts.map((t, i) => paragraph(t, `s${i + 1}`))));
  return doc;
}

/** A version translated and reviewed from the source as it is now. */
function reviewedVersion(source: Y.Doc): Y.Doc {
  const version = new Y.Doc();
  version.transact(() => {
    const sections = readSections(source.getXmlFragment(FIELD));
    version.getXmlFragment(FIELD).insert(0, sections.map((s) => paragraph(`[it] ${s.text}`, s.id!)));
    for (const s of sections) writeSectionRecord(version, s.id!, record(s.text, "reviewed"));
  });
  return version;
}

const record = (base: string, state: SectionRecord["state"]): SectionRecord => ({ base, state, by: "u1", byName: "Giulia", at: "2026-12-07T10:00:00.000Z" });

function statuses(source: Y.Doc, version: Y.Doc) {
  const rows = alignSections(readSections(source.getXmlFragment(FIELD)), readSections(version.getXmlFragment(FIELD)), readSectionRecords(version));
  return rows.map((row) => `${row.id}:${row.status}`);
}

const textOf = (doc: Y.Doc, sid: string) => findSection(doc.getXmlFragment(FIELD), sid)!.element;

function setText(element: Y.XmlElement, text: string) {
  const content = element.get(0) as Y.XmlText;
  content.delete(0, content.length);
  content.insert(0, text);
}

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe("section ids", () => {
  it("gives blocks without an id a new one and keeps existing ids", () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment(FIELD);
    fragment.insert(0, [paragraph("a", "keep"), paragraph("b"), paragraph("c")]);
    let n = 0;
    expect(ensureSectionIds(fragment, () => `new${++n}`)).toBe(2);
    expect(readSections(fragment).map((s) => s.id)).toEqual(["keep", "new1", "new2"]);
    expect(ensureSectionIds(fragment)).toBe(0);
  });

  it("keeps the first of two blocks sharing an id (a split or a pasted copy) and renames the later one", () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment(FIELD);
    fragment.insert(0, [paragraph("first half", "x"), paragraph("second half", "x")]);
    ensureSectionIds(fragment, () => "fresh");
    expect(readSections(fragment).map((s) => s.id)).toEqual(["x", "fresh"]);
  });

  it("does not accept ids of the wrong shape", () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment(FIELD);
    fragment.insert(0, [paragraph("a", "<script>")]);
    expect(readSections(fragment)[0]!.id).toBeNull();
    ensureSectionIds(fragment, () => "ok");
    expect(readSections(fragment)[0]!.id).toBe("ok");
  });

  it("reads nested blocks line by line", () => {
    const doc = new Y.Doc();
    const list = new Y.XmlElement("bulletList");
    list.setAttribute(SECTION_ID_ATTR, "l");
    const items = ["Lernorte", "Kammern"].map((t) => {
      const item = new Y.XmlElement("listItem");
      item.insert(0, [paragraph(t)]);
      return item;
    });
    list.insert(0, items);
    doc.getXmlFragment(FIELD).insert(0, [list, paragraph("danach", "p")]);
    expect(readSections(doc.getXmlFragment(FIELD))).toEqual([
      { id: "l", type: "bulletList", text: "Lernorte\nKammern" },
      { id: "p", type: "paragraph", text: "danach" },
    ]);
    expect(elementText(list)).toBe("Lernorte\nKammern");
  });
});

describe("status of a language version, section by section", () => {
  it("is current everywhere right after review", () => {
    const source = sourceDoc(["Ziele", "Aktivitäten", "Zeitplan"]);
    const version = reviewedVersion(source);
    expect(statuses(source, version)).toEqual(["s1:reviewed", "s2:reviewed", "s3:reviewed"]);
  });

  it("marks exactly the edited section outdated, and whitespace alone changes nothing", () => {
    const source = sourceDoc(["Ziele", "Aktivitäten", "Zeitplan"]);
    const version = reviewedVersion(source);
    setText(textOf(source, "s2"), "Aktivitäten 2027");
    setText(textOf(source, "s3"), "Zeitplan ");
    expect(statuses(source, version)).toEqual(["s1:reviewed", "s2:outdated", "s3:reviewed"]);
    setText(textOf(source, "s2"), "Aktivitäten");
    expect(statuses(source, version)).toEqual(["s1:reviewed", "s2:reviewed", "s3:reviewed"]);
  });

  it("shows a new source section as untranslated in its place", () => {
    const source = sourceDoc(["Ziele", "Zeitplan"]);
    const version = reviewedVersion(source);
    source.getXmlFragment(FIELD).insert(1, [paragraph("Neue Aktivität", "new")]);
    expect(statuses(source, version)).toEqual(["s1:reviewed", "new:untranslated", "s2:reviewed"]);
    const src = readSections(source.getXmlFragment(FIELD));
    expect(insertionIndex(src, readSections(version.getXmlFragment(FIELD)), "new")).toBe(1);
    expect(insertionIndex(src, readSections(version.getXmlFragment(FIELD)), "s1")).toBe(0);
  });

  it("counts blocks typed in a version after a section as part of it, and places new sections after them", () => {
    const source = sourceDoc(["Ziele", "Zeitplan"]);
    const version = reviewedVersion(source);
    version.getXmlFragment(FIELD).insert(1, [paragraph("Un paragrafo in più")]);
    const rows = alignSections(readSections(source.getXmlFragment(FIELD)), readSections(version.getXmlFragment(FIELD)), readSectionRecords(version));
    expect(rows.map((row) => row.target?.text)).toEqual(["[it] Ziele\nUn paragrafo in più", "[it] Zeitplan"]);
    source.getXmlFragment(FIELD).insert(1, [paragraph("Neu", "new")]);
    expect(insertionIndex(readSections(source.getXmlFragment(FIELD)), readSections(version.getXmlFragment(FIELD)), "new")).toBe(2);
  });

  it("keeps a deleted source section's translation as removed, next to where it was", () => {
    const source = sourceDoc(["Ziele", "Aktivitäten", "Zeitplan"]);
    const version = reviewedVersion(source);
    source.getXmlFragment(FIELD).delete(1, 1);
    expect(statuses(source, version)).toEqual(["s1:reviewed", "s2:removed", "s3:reviewed"]);
    expect(summarise(alignSections(readSections(source.getXmlFragment(FIELD)), readSections(version.getXmlFragment(FIELD)), readSectionRecords(version)))).toMatchObject({ total: 2, current: 2, removed: 1 });
  });

  it("follows a moved section (removed and inserted again with its id, as ProseMirror moves a block): still current, in the source's new order", () => {
    const source = sourceDoc(["Ziele", "Aktivitäten", "Zeitplan"]);
    const version = reviewedVersion(source);
    source.transact(() => {
      const fragment = source.getXmlFragment(FIELD);
      fragment.delete(0, 1);
      fragment.insert(2, [paragraph("Ziele", "s1")]);
    });
    expect(statuses(source, version)).toEqual(["s2:reviewed", "s3:reviewed", "s1:reviewed"]);
  });

  it("after a split, the first half is outdated and the second half is a new untranslated section", () => {
    const source = sourceDoc(["Ziele. Aktivitäten.", "Zeitplan"]);
    const version = reviewedVersion(source);
    source.transact(() => {
      const fragment = source.getXmlFragment(FIELD);
      setText(textOf(source, "s1"), "Ziele.");
      fragment.insert(1, [paragraph("Aktivitäten.", "s1")]); // the split copies the attribute
      ensureSectionIds(fragment, () => "half");
    });
    expect(statuses(source, version)).toEqual(["s1:outdated", "half:untranslated", "s2:reviewed"]);
  });

  it("after a merge, the surviving section is outdated and the merged-away one is removed", () => {
    const source = sourceDoc(["Ziele.", "Aktivitäten.", "Zeitplan"]);
    const version = reviewedVersion(source);
    source.transact(() => {
      setText(textOf(source, "s1"), "Ziele. Aktivitäten.");
      source.getXmlFragment(FIELD).delete(1, 1);
    });
    expect(statuses(source, version)).toEqual(["s1:outdated", "s2:removed", "s3:reviewed"]);
  });

  it("machine-translated sections count as current until the source moves; text typed by hand is unchecked", () => {
    const source = sourceDoc(["Ziele", "Aktivitäten"]);
    const version = new Y.Doc();
    version.getXmlFragment(FIELD).insert(0, [paragraph("Obiettivi", "s1"), paragraph("Attività", "s2")]);
    writeSectionRecord(version, "s1", record("Ziele", "machine"));
    expect(statuses(source, version)).toEqual(["s1:machine", "s2:unchecked"]);
    const rows = alignSections(readSections(source.getXmlFragment(FIELD)), readSections(version.getXmlFragment(FIELD)), readSectionRecords(version));
    expect(summarise(rows)).toMatchObject({ total: 2, current: 1, machine: 1, unchecked: 1 });
  });

  it("concurrent edits on two replicas of the source: after syncing, exactly the touched sections are outdated", () => {
    const left = sourceDoc(["Ziele", "Aktivitäten", "Zeitplan", "Kosten"]);
    const right = new Y.Doc();
    sync(left, right);
    const version = reviewedVersion(left);
    setText(textOf(left, "s1"), "Ziele (links)");
    setText(textOf(right, "s3"), "Zeitplan (rechts)");
    // Both replicas also insert a section without an id and give it one, concurrently.
    left.getXmlFragment(FIELD).insert(4, [paragraph("Neu links")]);
    ensureSectionIds(left.getXmlFragment(FIELD), () => "left-new");
    sync(left, right);
    expect(statuses(left, version)).toEqual(statuses(right, version));
    expect(statuses(left, version)).toEqual(["s1:outdated", "s2:reviewed", "s3:outdated", "s4:reviewed", "left-new:untranslated"]);
  });

  it("two replicas that give one block an id at once converge on one id", () => {
    const left = new Y.Doc();
    left.getXmlFragment(FIELD).insert(0, [paragraph("ohne Id")]);
    const right = new Y.Doc();
    sync(left, right);
    ensureSectionIds(left.getXmlFragment(FIELD), () => "from-left");
    ensureSectionIds(right.getXmlFragment(FIELD), () => "from-right");
    sync(left, right);
    const ids = [left, right].map((d) => readSections(d.getXmlFragment(FIELD))[0]!.id);
    expect(ids[0]).toBe(ids[1]);
    expect(["from-left", "from-right"]).toContain(ids[0]);
  });

  it("two reviewers recording one section at once converge; both translated texts are kept in the fragment", () => {
    const source = sourceDoc(["Ziele"]);
    const left = new Y.Doc();
    left.getXmlFragment(FIELD).insert(0, [paragraph("", "s1")]);
    const right = new Y.Doc();
    sync(left, right);
    (textOf(left, "s1").get(0) as Y.XmlText).insert(0, "Obiettivi");
    writeSectionRecord(left, "s1", record("Ziele", "machine"));
    (textOf(right, "s1").get(0) as Y.XmlText).insert(0, "Traguardi");
    writeSectionRecord(right, "s1", record("Ziele", "reviewed"));
    sync(left, right);
    expect(statuses(source, left)).toEqual(statuses(source, right));
    const text = readSections(left.getXmlFragment(FIELD))[0]!.text;
    expect(text).toContain("Obiettivi");
    expect(text).toContain("Traguardi");
  });

  it("ignores records that are not records (the map is writable by every editor)", () => {
    const source = sourceDoc(["Ziele"]);
    const version = new Y.Doc();
    version.getXmlFragment(FIELD).insert(0, [paragraph("Obiettivi", "s1")]);
    version.getMap("sections").set("s1", { base: 42, state: "reviewed" });
    expect(statuses(source, version)).toEqual(["s1:unchecked"]);
  });

  it("jumps to the next outdated section, wrapping around", () => {
    const source = sourceDoc(["a", "b", "c", "d"]);
    const version = reviewedVersion(source);
    setText(textOf(source, "s2"), "b2");
    setText(textOf(source, "s4"), "d2");
    const rows = alignSections(readSections(source.getXmlFragment(FIELD)), readSections(version.getXmlFragment(FIELD)), readSectionRecords(version));
    expect(nextOutdated(rows, null)?.id).toBe("s2");
    expect(nextOutdated(rows, "s2")?.id).toBe("s4");
    expect(nextOutdated(rows, "s4")?.id).toBe("s2");
  });
});
