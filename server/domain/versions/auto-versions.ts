/** Wires automatic versions: a changed document that goes idle gets a version of its own. */
import type { Services } from "#server/services";
import type { DocumentAccess } from "#server/collab/collab-server";
import type { DocumentTypes } from "#server/documents/document-type";
import { resolveDocument } from "#server/documents/registry";
import { recordAutomaticVersion } from "./versions";

export function recordVersionsWhenIdle(services: Services, documents: DocumentAccess, types: DocumentTypes): () => void {
  return documents.onIdle(async (name, doc, contributors) => {
    // Contained here, logged with the document's name: a document that cannot be versioned
    // must not keep the other idle listeners of this document from running (they run one
    // after another), and every document has its own idle timer, so others go on anyway.
    try {
      const document = await resolveDocument(services, name, types);
      if (!document) return;
      await recordAutomaticVersion(services, doc, { document, contributors });
    } catch (error) {
      services.log.error(`[versions] automatic version of ${name} failed`, error);
    }
  });
}
