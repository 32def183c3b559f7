/**
 * Which library a page or request is about: a network's, or the commons' (the network of
 * networks). The owner is what the policy reads; the path is where its pages live.
 */
import type { WorkspaceOwner } from "../policy";

export const DOCUMENT_LANGUAGES = ["de", "it", "en", "other"] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

export const TRASH_DAYS = 30;

export interface LibraryRef {
  owner: WorkspaceOwner;
  /** Where the library's pages start, e.g. /networks/kfz-mechatronik/library. */
  basePath: string;
}

export function networkLibrary(network: { id: string; slug: string }): LibraryRef {
  return { owner: { kind: "network", networkId: network.id }, basePath: `/networks/${network.slug}/library` };
}

export const COMMONS_LIBRARY: LibraryRef = { owner: { kind: "commons" }, basePath: "/network-of-networks/library" };

/** The database key of a library: the network's id, or null for the commons. */
export function libraryKey(ref: LibraryRef): string | null {
  return ref.owner.kind === "network" ? ref.owner.networkId : null;
}

/** The value an upload names its library by (tus metadata): a network id or "commons". */
export function libraryUploadTarget(ref: LibraryRef): string {
  return ref.owner.kind === "network" ? ref.owner.networkId : "commons";
}
