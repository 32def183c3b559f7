/**
 * Version history of collaborative documents, generic over document types:
 * - automatic versions when a changed document goes idle (and when its last editor leaves),
 * - named versions that coordinators create ("sent to the advisory board, March"),
 * - restore, which snapshots the current state first and then applies the old content as one
 *   live change; it never deletes anything, and it can itself be undone from the history.
 */
import * as Y from "yjs";
import type { Services } from "#server/services";
import type { DocumentAccess } from "#server/collab/collab-server";
import { deriveContent } from "#server/collab/derive";
import { findVersion, insertVersion, latestVersion, listVersions, namesOfUsers } from "#db/queries/versions";
import { contentFingerprint, docFromState, replaceContent } from "./document-content";
import { isDeeperThan } from "#server/collab/content-json";
import { newId } from "../auth/tokens";
import { nowIso } from "#shared/time";
import type { DocumentVersion } from "#db/schema";
import { notify } from "../notifications/notify";
import { loadActor } from "../auth/actor";
import { findUserById } from "#db/queries/users";
import { can } from "#shared/policy";
import { resolveDocument } from "#server/documents/registry";
import { networkIdOf, type ResolvedDocument } from "#server/documents/document-type";

/** What storing a version needs to know about its document. */
export type VersionedDocument = Pick<ResolvedDocument, "name" | "owner" | "state" | "layout">;

export interface VersionInput {
  document: VersionedDocument;
  kind: DocumentVersion["kind"];
  name: string | null;
  createdBy: string | null;
  contributors: Iterable<string>;
  restoredFrom?: string | null;
}

async function store(services: Services, doc: Y.Doc, input: VersionInput): Promise<DocumentVersion> {
  const version: DocumentVersion = {
    id: newId(),
    doc_name: input.document.name,
    network_id: networkIdOf(input.document.owner),
    kind: input.kind,
    name: input.name,
    created_by: input.createdBy,
    created_at: nowIso(),
    state: Y.encodeStateAsUpdate(doc),
    text: deriveContent(doc, input.document.layout.contentField).text,
    contributors: JSON.stringify([...new Set(input.contributors)]),
    restored_from: input.restoredFrom ?? null,
  };
  await insertVersion(services.db, version);
  return version;
}

/** Automatic version, unless the content is what the latest version already holds. */
export async function recordAutomaticVersion(services: Services, doc: Y.Doc, input: Omit<VersionInput, "kind" | "name" | "createdBy">) {
  const { layout } = input.document;
  const latest = await latestVersion(services.db, input.document.name);
  if (latest && contentFingerprint(docFromState(latest.state), layout) === contentFingerprint(doc, layout)) return null;
  return store(services, doc, { ...input, kind: "auto", name: null, createdBy: null });
}

/** The document behind a name; versions exist only for documents of a registered type. */
async function documentNamed(services: Services, docName: string): Promise<ResolvedDocument> {
  const document = await resolveDocument(services, docName);
  if (!document) throw new Error(`unknown document ${docName}`);
  return document;
}

export async function createNamedVersion(
  services: Services,
  documents: DocumentAccess,
  /** `announce`: notify everyone who edited the document (pages do; scripts and tests may not). */
  input: { docName: string; name: string; userId: string; announce?: boolean },
) {
  const document = await documentNamed(services, input.docName);
  const doc = await documents.read(input.docName);
  // Credit everyone who changed the text since the last version (and the person naming it).
  const contributors = [...documents.takeContributors(input.docName), input.userId];
  const version = await store(services, doc, { document, kind: "named", name: input.name, createdBy: input.userId, contributors });
  if (input.announce) {
    // Everyone who has edited this document (and may still read it) hears about the named version.
    const editors = await editorsOf(services, document);
    await notify(
      services,
      editors.map((recipientId) => ({
        recipientId,
        kind: "version" as const,
        actorId: input.userId,
        networkId: networkIdOf(document.owner),
        docName: input.docName,
        versionId: version.id,
        title: document.title,
        excerpt: input.name,
        link: `${document.path}/history/${version.id}`,
      })),
    );
  }
  return version;
}

/** People who contributed to any version of the document and may still read it. */
async function editorsOf(services: Services, document: ResolvedDocument): Promise<string[]> {
  const ids = new Set<string>();
  for (const row of await listVersions(services.db, document.name)) for (const id of JSON.parse(row.contributors) as string[]) ids.add(id);
  const allowed: string[] = [];
  for (const id of ids) {
    if (can(await loadActor(services.db, id), { type: "document.read", doc: document })) allowed.push(id);
  }
  return allowed;
}

export async function restoreVersion(
  services: Services,
  documents: DocumentAccess,
  input: { docName: string; versionId: string; userId: string },
): Promise<{ ok: true; before: DocumentVersion; after: DocumentVersion } | { ok: false; error: "notFound" | "tooDeep" }> {
  const version = await findVersion(services.db, input.versionId);
  if (!version || version.doc_name !== input.docName) return { ok: false, error: "notFound" };
  const document = await documentNamed(services, input.docName);
  const { layout } = document;
  const current = await documents.read(input.docName);
  // A document nested deeper than the editor allows (stored before the limit existed) is
  // refused, unchanged: replacing its content means deleting those levels, which Yjs does
  // recursively, and the stored log would then no longer load (the store applies it in one
  // transaction, whose garbage collection recurses through every deleted level). A version
  // that is too deep is fine: it is copied up to the limit (see copyFragment).
  if (isDeeperThan(current.getXmlFragment(layout.contentField))) {
    current.destroy();
    return { ok: false, error: "tooDeep" };
  }
  // Keep what is there now, so the restore can be undone from the history — unless the
  // latest version already holds exactly that.
  const latest = await latestVersion(services.db, input.docName);
  const before =
    latest && contentFingerprint(docFromState(latest.state), layout) === contentFingerprint(current, layout)
      ? latest
      : await store(services, current, {
          document,
          kind: "auto",
          name: null,
          createdBy: null,
          contributors: documents.takeContributors(input.docName),
        });
  const source = docFromState(version.state);
  // Recorded below as a "restore" version; it must not also become an automatic one.
  await documents.change(input.docName, null, (doc) => replaceContent(doc, source, layout));
  const after = await store(services, await documents.read(input.docName), {
    document,
    kind: "restore",
    name: null,
    createdBy: input.userId,
    contributors: [input.userId],
    restoredFrom: version.id,
  });
  const restorer = await findUserById(services.db, input.userId);
  services.events.emit("document.restored", {
    docName: input.docName,
    restoredBy: { id: input.userId, name: restorer?.name ?? "" },
    version: { id: version.id, kind: version.kind, name: version.name, createdAt: version.created_at },
    versionPath: `${document.path}/history/${version.id}`,
  });
  return { ok: true, before, after };
}

/** The history list with names, newest first; "who contributed since the previous version". */
export async function versionHistory(services: Services, docName: string) {
  const rows = await listVersions(services.db, docName);
  const ids = new Set<string>();
  for (const row of rows) for (const id of JSON.parse(row.contributors) as string[]) ids.add(id);
  const names = await namesOfUsers(services.db, [...ids]);
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    name: row.name,
    createdAt: row.created_at,
    createdByName: row.created_by_name,
    restoredFrom: row.restored_from,
    contributors: (JSON.parse(row.contributors) as string[]).map((id) => names.get(id) ?? "—"),
  }));
}

export async function versionOfDocument(services: Services, docName: string, versionId: string | undefined) {
  if (!versionId || !/^[A-Za-z0-9-]{1,64}$/.test(versionId)) return null;
  const version = await findVersion(services.db, versionId);
  return version && version.doc_name === docName ? version : null;
}
