/**
 * Authorises a `/collab/<docName>` upgrade before the WebSocket handshake completes:
 * session cookie → person → the document (owner and state, from its type's resolver) → the
 * shared policy. An unknown type or id answers 404, like any content the caller may not see.
 */
import type { IncomingMessage } from "node:http";
import type { Services } from "../services";
import { SESSION_COOKIE, authenticateToken, type Authenticated } from "../domain/auth/sessions";
import { readCookies } from "../http/cookies";
import { parseDocName, type DocName } from "#shared/collab/doc-names";
import { can, type Actor, type DocumentSubject } from "#shared/policy";
import { resolveDocument } from "#server/documents/registry";
import type { DocumentTypes, ResolvedDocument } from "#server/documents/document-type";

export type Access = "read" | "write";

export type GateResult =
  | { ok: true; auth: Authenticated; doc: DocName; name: string; document: ResolvedDocument; access: Access }
  | { ok: false; status: 400 | 401 | 404 };

/** What this person may do with a document: null when they may not even read it. */
export function accessFor(actor: Actor, doc: DocumentSubject): Access | null {
  if (!can(actor, { type: "document.read", doc })) return null;
  return can(actor, { type: "document.edit", doc }) ? "write" : "read";
}

export function createCollabGate(services: Services, types: DocumentTypes) {
  return async function authorise(req: IncomingMessage, rawName: string): Promise<GateResult> {
    const doc = parseDocName(rawName);
    if (!doc) return { ok: false, status: 400 };
    const auth = await authenticateToken(services, readCookies(req)[SESSION_COOKIE]);
    if (!auth) return { ok: false, status: 401 };
    const document = await resolveDocument(services, rawName, types);
    const access = document ? accessFor(auth.actor, document) : null;
    if (!document || !access) return { ok: false, status: 404 };
    return { ok: true, auth, doc, name: rawName, document, access };
  };
}
