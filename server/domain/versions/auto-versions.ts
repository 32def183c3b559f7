/** Wires automatic versions: a changed document that goes idle gets a version of its own. */
import type { Services } from "#server/services";
import type { DocumentAccess } from "#server/collab/collab-server";
import type { DocTypes } from "#server/collab/doc-types";
import { recordAutomaticVersion } from "./versions";

export function recordVersionsWhenIdle(services: Services, documents: DocumentAccess, docTypes: DocTypes): () => void {
  return documents.onIdle(async (name, doc, contributors) => {
    // Contained here, logged with the document's name: a document that cannot be versioned
    // must not keep the other idle listeners of this document from running (they run one
    // after another), and every document has its own idle timer, so others go on anyway.
    try {
      const [type = "", ...rest] = name.split(".");
      const owner = await docTypes.get(type)?.resolve(services, rest.join("."));
      if (!owner) return;
      await recordAutomaticVersion(services, doc, { docName: name, networkId: owner.networkId, contributors });
    } catch (error) {
      services.log.error(`[versions] automatic version of ${name} failed`, error);
    }
  });
}
