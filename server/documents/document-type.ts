/**
 * What each kind of co-edited document declares, once: its layout (fields, what versions
 * compare and restore), how to find a document's owner, state, title and page, and what to
 * derive beyond text and JSON. Comments, versions, notifications, exports and the collab
 * server work through this and never name a type.
 */
import type * as Y from "yjs";
import type { Services } from "#server/services";
import type { DocumentLayout } from "#shared/collab/document-layout";
import type { DocumentOwner, DocumentState, DocumentSubject } from "#shared/policy";
import type { Locale } from "#shared/i18n/config";
import type { ExportFile, ExportFormat } from "#server/domain/exports/export-document";

/** What an export is made from besides the document: the format, the reader's language, which version. */
export interface ExportRequest {
  format: ExportFormat;
  locale: Locale;
  /** The moment the content is from (now for the live document), ISO 8601. */
  date: string;
  /** A stored version's label; null for the current text. */
  versionLabel: string | null;
}

/** A document as the policy and every generic feature see it. */
export interface ResolvedDocument extends DocumentSubject {
  /** `<type>.<id>`: the collab room and the key of comments and versions. */
  name: string;
  type: string;
  id: string;
  owner: DocumentOwner;
  state: DocumentState;
  title: string;
  /** The document's page, for links in notifications and mails. */
  path: string;
  layout: DocumentLayout;
  /** Set for a language version: its language and the source document's name. */
  version?: { language: Locale; sourceName: string };
}

export interface DocumentType {
  layout: DocumentLayout;
  /** Owner, state, title and page of one document; null when there is no such document. */
  resolve(services: Services, id: string): Promise<Pick<ResolvedDocument, "owner" | "state" | "title" | "path"> | null>;
  /** Runs with the derived text and JSON already stored; stores type-specific projections. */
  afterDerive?(services: Services, id: string, doc: Y.Doc): Promise<void>;
  /** The document as a DOCX or PDF file, as `doc` holds it (the live text or a stored version). */
  exportFile(services: Services, document: ResolvedDocument, doc: Y.Doc, request: ExportRequest): Promise<ExportFile>;
}

export type DocumentTypes = ReadonlyMap<string, DocumentType>;

/** The owning network's id, or null for the commons: the column comments and versions store. */
export const networkIdOf = (owner: DocumentOwner): string | null => (owner.kind === "network" ? owner.networkId : null);
