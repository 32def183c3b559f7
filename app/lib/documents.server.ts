/**
 * Co-edited documents in pages, for any document type: resolve a name through the
 * registry, let the policy decide (404 when the caller may not read it), and say what the
 * page may offer. Routes of a type first check that the id in the URL belongs where the URL
 * says (a work programme of this network), then come here.
 */
import type { AppLoadContext } from "@remix-run/node";
import { can, type Actor, type DocumentSubject } from "#shared/policy";
import type { Authenticated } from "#server/domain/auth/sessions";
import { resolveDocument } from "#server/documents/registry";
import type { ResolvedDocument } from "#server/documents/document-type";
import { authorize, notFound } from "./guards.server";

export type { ResolvedDocument };

/** What a person may do with a document, for the page to offer (actions check again). */
export function documentRights(actor: Actor, doc: DocumentSubject) {
  return {
    edit: can(actor, { type: "document.edit", doc }),
    comment: can(actor, { type: "document.comment", doc }),
    restore: can(actor, { type: "document.restore", doc }),
    manage: can(actor, { type: "document.manage", doc }),
  };
}

export type DocumentRights = ReturnType<typeof documentRights>;

/** The document behind `docName` if the caller may read it; 404 otherwise (missing or not theirs). */
export async function readableDocument(context: AppLoadContext, auth: Authenticated, docName: string): Promise<ResolvedDocument> {
  const document = await resolveDocument(context.services, docName);
  if (!document) notFound();
  authorize(auth, { type: "document.read", doc: document });
  return document;
}
