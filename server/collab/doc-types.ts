/**
 * Each kind of collaborative document says which network owns a document (for the policy),
 * whether it is read-only for everyone (archived), and what to derive when it is stored.
 */
import type * as Y from "yjs";
import type { Services } from "../services";

export interface DocumentOwner {
  networkId: string;
  /** True when nobody may change the document any more (e.g. an archived work programme). */
  frozen: boolean;
}

export interface DocType {
  resolve(services: Services, id: string): Promise<DocumentOwner | null>;
  /** Title and page of a document, for notifications, mails and links. */
  describe(services: Services, id: string): Promise<{ title: string; path: string } | null>;
  /** Runs with the derived text/json already computed; stores doc-type specific projections. */
  afterDerive?(services: Services, id: string, doc: Y.Doc): Promise<void>;
}

export type DocTypes = ReadonlyMap<string, DocType>;
