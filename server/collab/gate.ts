/**
 * Authorises a `/collab/<docName>` upgrade before the WebSocket handshake completes:
 * session cookie → person → document's network → the shared policy. Document types
 * say which network a document belongs to (doc-types.ts); an unknown type or id answers
 * 404, like any network content the caller may not see.
 */
import type { IncomingMessage } from "node:http";
import type { Services } from "../services";
import { SESSION_COOKIE, authenticateToken, type Authenticated } from "../domain/auth/sessions";
import { readCookies } from "../http/cookies";
import { parseDocName, type DocName } from "#shared/collab/doc-names";
import { can, type Actor } from "#shared/policy";
import type { DocTypes, DocumentOwner } from "./doc-types";

export type Access = "read" | "write";

export type GateResult =
  | { ok: true; auth: Authenticated; doc: DocName; name: string; networkId: string; access: Access }
  | { ok: false; status: 400 | 401 | 404 };

/** What this person may do with a document owned by `owner`: null when they may not even see it. */
export function accessFor(actor: Actor, owner: DocumentOwner): Access | null {
  if (!can(actor, { type: "network.view", networkId: owner.networkId })) return null;
  return !owner.frozen && can(actor, { type: "network.contribute", networkId: owner.networkId }) ? "write" : "read";
}

export function createCollabGate(services: Services, docTypes: DocTypes) {
  return async function authorise(req: IncomingMessage, rawName: string): Promise<GateResult> {
    const doc = parseDocName(rawName);
    if (!doc) return { ok: false, status: 400 };
    const auth = await authenticateToken(services, readCookies(req)[SESSION_COOKIE]);
    if (!auth) return { ok: false, status: 401 };
    const owner = (await docTypes.get(doc.type)?.resolve(services, doc.id)) ?? null;
    const access = owner ? accessFor(auth.actor, owner) : null;
    if (!owner || !access) return { ok: false, status: 404 };
    return { ok: true, auth, doc, name: rawName, networkId: owner.networkId, access };
  };
}
