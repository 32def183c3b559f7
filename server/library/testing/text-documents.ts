/**
 * Small, valid office documents and PDFs with text we choose, built from code: the search tests
 * upload them and look for a word that exists nowhere else. Shared with the hostile corpus, which
 * wraps the same package around a zip bomb.
 */
import { deflatedEntry, storedEntry, zipBytes, type ZipEntry } from "./zip-writer";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const ODT_MIME = "application/vnd.oasis.opendocument.text";

const WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
export const DOCUMENT_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${WORD_NS}"><w:body><w:p><w:r><w:t>`;
export const DOCUMENT_TAIL = "</w:t></w:r></w:p></w:body></w:document>";

const xmlEscape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The two parts besides word/document.xml that make a zip a DOCX (file-type reads the first). */
export function docxPackage(document: ZipEntry): ZipEntry[] {
  const contentTypes =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
    `</Types>`;
  const rels =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
    `</Relationships>`;
  return [deflatedEntry("[Content_Types].xml", contentTypes), deflatedEntry("_rels/.rels", rels), document];
}

/** A DOCX with one paragraph per string (XML-escaped), plus a field code that must not count as text. */
export function docxWithText(paragraphs: string[]): Buffer {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(p)}</w:t></w:r></w:p>`).join("");
  const field = `<w:p><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>`;
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${WORD_NS}"><w:body>${body}${field}</w:body></w:document>`;
  return zipBytes(docxPackage(deflatedEntry("word/document.xml", xml)));
}

/** An ODT with one paragraph per string: the stored mimetype entry first (how readers know it), then content.xml. */
export function odtWithText(paragraphs: string[]): Buffer {
  const ns = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"`;
  const body = paragraphs.map((p) => `<text:p>${xmlEscape(p)}</text:p>`).join("");
  const content = `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content ${ns} office:version="1.3"><office:body><office:text>${body}</office:text></office:body></office:document-content>`;
  const manifest =
    `<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">` +
    `<manifest:file-entry manifest:full-path="/" manifest:media-type="${ODT_MIME}"/>` +
    `<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`;
  return zipBytes([storedEntry("mimetype", ODT_MIME), deflatedEntry("content.xml", content), deflatedEntry("META-INF/manifest.xml", manifest)]);
}

/**
 * A one-page PDF showing `text` in Helvetica, with a byte-exact xref table. All ASCII (no binary
 * comment line), so the polyglot built from it is valid UTF-8 and must be caught as markup.
 */
export function minimalPdf(text: string): string {
  const content = `BT /F1 24 Tf 72 720 Td (${text.replace(/[()\\]/g, "\\$&")}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = "%PDF-1.4\n";
  const offsets = objects.map((body, i) => {
    const offset = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  // Each xref line is exactly 20 bytes, hence the space before "\n".
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return pdf;
}

