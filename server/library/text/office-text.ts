/**
 * Text of a DOCX (word/document.xml) or an ODT (content.xml). Both are zip files of XML, the
 * classic vehicle of a zip bomb, so the XML is inflated as a stream through a byte counter and
 * parsed as it arrives (saxes: strict, no DTD entity expansion, so no "billion laughs"); we stop
 * at the inflate limit, the character limit, the time limit or the first malformed byte.
 * yauzl checks each entry's real size against the size it declares.
 */
import type { Readable } from "node:stream";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { ExtractionStopped, type TextLimits } from "./text-limits";
import { TextCollector } from "./text-collector";

export type OfficeFormat = "docx" | "odt";

/** What each format keeps its body text in, and which elements end a line. */
const FORMATS: Record<OfficeFormat, { entry: string; textIn: (name: string) => boolean; lineEnds: Set<string>; spaces: Set<string> }> = {
  docx: {
    entry: "word/document.xml",
    // Only w:t holds visible text; w:instrText holds field codes (PAGE, HYPERLINK …) that nobody reads.
    textIn: (name) => name === "w:t",
    lineEnds: new Set(["w:p", "w:br", "w:cr"]),
    spaces: new Set(["w:tab"]),
  },
  odt: {
    entry: "content.xml",
    textIn: () => true,
    lineEnds: new Set(["text:p", "text:h", "text:line-break"]),
    spaces: new Set(["text:s", "text:tab"]),
  },
};

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (error, zip) => {
      if (error || !zip) reject(new ExtractionStopped(`not a readable zip: ${error?.message ?? "unknown"}`));
      else resolve(zip);
    });
  });
}

/** The entry with this exact name, looking at no more than `maxEntries` entries. */
function findEntry(zip: ZipFile, name: string, maxEntries: number): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    let seen = 0;
    const done = (result: Entry | null, error?: Error) => {
      zip.removeAllListeners("entry");
      zip.removeAllListeners("end");
      zip.removeAllListeners("error");
      if (error) reject(error);
      else resolve(result);
    };
    zip.on("entry", (entry: Entry) => {
      if (entry.fileName === name) return done(entry);
      if (++seen >= maxEntries) return done(null, new ExtractionStopped(`more than ${maxEntries} zip entries`));
      zip.readEntry();
    });
    zip.on("end", () => done(null));
    zip.on("error", (error: Error) => done(null, new ExtractionStopped(`broken zip: ${error.message}`)));
    zip.readEntry();
  });
}

function openEntry(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) reject(new ExtractionStopped(`unreadable entry: ${error?.message ?? "unknown"}`));
      else resolve(stream);
    });
  });
}

export interface ExtractedText {
  text: string;
  truncated: boolean;
  /** Why reading stopped before the end, when it did. */
  note: string;
}

export async function extractOfficeText(path: string, format: OfficeFormat, limits: TextLimits, signal: AbortSignal): Promise<ExtractedText> {
  const spec = FORMATS[format];
  const zip = await openZip(path);
  try {
    const entry = await findEntry(zip, spec.entry, limits.maxZipEntries);
    if (!entry) throw new ExtractionStopped(`no ${spec.entry}`);
    if (!entry.canDecodeFileData()) throw new ExtractionStopped("encrypted or unknown compression");
    const stream = await openEntry(zip, entry);
    return await parseXmlStream(stream, spec, limits, signal);
  } finally {
    zip.close();
  }
}

async function parseXmlStream(stream: Readable, spec: (typeof FORMATS)[OfficeFormat], limits: TextLimits, signal: AbortSignal): Promise<ExtractedText> {
  const collector = new TextCollector(limits.maxChars);
  const parser = new SaxesParser();
  // Depth of elements whose text counts (w:t can only hold text, but nesting costs nothing to track).
  let inText = 0;
  parser.on("opentag", (tag: SaxesTagPlain) => {
    if (spec.textIn(tag.name)) inText++;
    if (spec.spaces.has(tag.name)) collector.add(" ");
  });
  parser.on("closetag", (tag: SaxesTagPlain) => {
    if (spec.textIn(tag.name)) inText--;
    if (spec.lineEnds.has(tag.name)) collector.breakLine();
  });
  parser.on("text", (text: string) => {
    if (inText > 0) collector.add(text);
  });

  const decoder = new TextDecoder("utf-8");
  let inflated = 0;
  let note = "";
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (signal.aborted) {
        note = "time limit";
        break;
      }
      inflated += chunk.length;
      if (inflated > limits.maxInflatedBytes) {
        note = `inflated beyond ${limits.maxInflatedBytes} bytes`;
        break;
      }
      parser.write(decoder.decode(chunk, { stream: true }));
      if (collector.truncated) {
        note = "character limit";
        break;
      }
    }
  } catch (error) {
    // saxes throws on malformed XML; yauzl's stream errors when an entry is larger than it claims.
    note = `stopped reading: ${error instanceof Error ? error.message.slice(0, 200) : "unknown"}`;
  } finally {
    stream.destroy();
  }
  const text = collector.text();
  if (note && text.length === 0) throw new ExtractionStopped(note);
  return { text, truncated: note !== "", note };
}

/**
 * Whether an entry of a zip inflates to no more than `maxBytes` when actually read (the sizes a
 * zip declares may lie). Readers that inflate whole entries into memory (mammoth) ask this first.
 */
export async function entryInflatesWithin(path: string, name: string, maxBytes: number, maxEntries: number): Promise<boolean> {
  const zip = await openZip(path);
  try {
    const entry = await findEntry(zip, name, maxEntries);
    if (!entry || !entry.canDecodeFileData() || entry.uncompressedSize > maxBytes) return false;
    const stream = await openEntry(zip, entry);
    let total = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > maxBytes) return false;
      }
    } catch {
      return false;
    } finally {
      stream.destroy();
    }
    return true;
  } catch {
    return false;
  } finally {
    zip.close();
  }
}
