/** Wires automatic versions: a changed document that goes idle gets a version of its own. */
import type { Services } from "#server/services";
import type { DocumentAccess } from "#server/collab/collab-server";
import type { DocTypes } from "#server/collab/doc-types";
import { recordAutomaticVersion } from "./versions";

export function recordVersionsWhenIdle(services: Services, documents: DocumentAccess, docTypes: DocTypes): () => void {
  return documents.onIdle(async (name, doc, contributors) => {
    const [type = "", ...rest] = name.split(".");
    const owner = await docTypes.get(type)?.resolve(services, rest.join("."));
    if (!owner) return;
    await recordAutomaticVersion(services, doc, { docName: name, networkId: owner.networkId, contributors });
  });
}
