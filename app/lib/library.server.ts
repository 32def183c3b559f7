/**
 * Loaders and actions of the library pages, written once for both kinds of library: a
 * network's (/networks/:slug/library…) and the commons' (/network-of-networks/library…).
 * The route files only say which kind they are. Each step is the usual one: find the
 * library and authorise reading it, parse the form, call the domain, present the result.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { COMMONS_LIBRARY, DOCUMENT_LANGUAGES, libraryUploadTarget, networkLibrary, type LibraryRef } from "#shared/library/library-ref";
import { createFolderForm, fileMetadataForm, itemRefForm, moveItemForm, renameItemForm, restoreVersionForm, shareFileForm } from "#shared/validation/library-forms";
import { LIBRARY_TAGS } from "#shared/validation/library-forms";
import { folderPage, LIBRARY_SORTS, type LibrarySort } from "#server/domain/library/listing";
import { createFolder, moveItem, renameItem, restoreItem, trashItem, type LibraryError } from "#server/domain/library/organise";
import { filePage, restoreVersion, updateFileMetadata } from "#server/domain/library/files";
import { emptyTrash, trashPage } from "#server/domain/library/trash";
import { searchLibrary } from "#server/domain/library/search";
import { shareIntoCommons, withdrawShare } from "#server/domain/library/shares";
import { MAX_QUERY_LENGTH } from "#shared/library/search-terms";
import { authorize, notFound, requireAuth } from "./guards.server";
import { loadVisibleNetwork } from "./network-access.server";
import { formError, invalid, parseWith, readForm } from "./forms.server";

export type LibraryKind = "network" | "commons";

/** What every library page shows about where it is. */
export interface LibraryPlace {
  kind: LibraryKind;
  basePath: string;
  /** The network's name and path, or null in the commons. */
  network: { name: string; slug: string; archivedAt: string | null } | null;
  /** What the upload form names the library by (tus metadata). */
  uploadTarget: string;
}

async function openLibrary(request: Request, context: LoaderFunctionArgs["context"], params: LoaderFunctionArgs["params"], kind: LibraryKind) {
  if (kind === "commons") {
    const auth = requireAuth(request, context);
    authorize(auth, { type: "networkOfNetworks.view" });
    const place: LibraryPlace = { kind, basePath: COMMONS_LIBRARY.basePath, network: null, uploadTarget: libraryUploadTarget(COMMONS_LIBRARY) };
    return { auth, lib: COMMONS_LIBRARY, place };
  }
  const { auth, network } = await loadVisibleNetwork(request, context, params.slug);
  const lib: LibraryRef = networkLibrary(network);
  authorize(auth, { type: "library.read", owner: lib.owner });
  const place: LibraryPlace = {
    kind,
    basePath: lib.basePath,
    network: { name: network.name, slug: network.slug, archivedAt: network.archived_at },
    uploadTarget: libraryUploadTarget(lib),
  };
  return { auth, lib, place };
}

/** Domain refusals as HTTP answers: an id of another library is simply not found. */
function refusal(error: LibraryError, form: FormData) {
  if (error === "notFound") notFound();
  if (error === "forbidden") throw new Response("Forbidden", { status: 403 });
  return formError("library:errors.invalidTarget", form);
}

// ---------------------------------------------------------------- folder pages

export async function libraryFolderLoader({ request, params, context }: LoaderFunctionArgs, kind: LibraryKind) {
  const { auth, lib, place } = await openLibrary(request, context, params, kind);
  const url = new URL(request.url);
  const sortParam = url.searchParams.get("sort");
  const sort: LibrarySort = (LIBRARY_SORTS as readonly string[]).includes(sortParam ?? "") ? (sortParam as LibrarySort) : "name";
  const language = url.searchParams.get("language");
  const tag = url.searchParams.get("tag");
  const folderId = url.searchParams.get("folder") || null;
  if (folderId !== null && folderId.length > 100) notFound();
  const page = await folderPage(context.services, auth.actor, lib, {
    folderId,
    sort,
    descending: url.searchParams.get("dir") === "desc",
    language: language && (DOCUMENT_LANGUAGES as readonly string[]).includes(language) ? language : null,
    tag: tag && LIBRARY_TAGS.includes(tag) ? tag : null,
    locale: context.locale,
  });
  if (!page) notFound();
  return {
    place,
    ...page,
    query: { sort, descending: url.searchParams.get("dir") === "desc", language: language ?? "", tag: tag ?? "" },
    tags: LIBRARY_TAGS,
  };
}

export async function libraryFolderAction({ request, params, context }: ActionFunctionArgs, kind: LibraryKind) {
  const { auth, lib } = await openLibrary(request, context, params, kind);
  const form = await readForm(request, context);
  const intent = form.get("intent");
  const { services } = context;

  if (intent === "createFolder") {
    const parsed = parseWith(createFolderForm, form);
    if (!parsed.ok) return invalid(parsed);
    const result = await createFolder(services, auth.actor, lib, { name: parsed.data.name, parentId: parsed.data.parentId || null });
    if (!result.ok) return refusal(result.error, form);
    return { ok: true as const, done: "folderCreated" as const };
  }
  if (intent === "rename") {
    const parsed = parseWith(renameItemForm, form);
    if (!parsed.ok) return invalid(parsed);
    const result = await renameItem(services, auth.actor, lib, parsed.data, parsed.data.name);
    if (!result.ok) return refusal(result.error, form);
    return { ok: true as const, done: "renamed" as const };
  }
  if (intent === "move") {
    const parsed = parseWith(moveItemForm, form);
    if (!parsed.ok) return invalid(parsed);
    const result = await moveItem(services, auth.actor, lib, parsed.data, parsed.data.targetFolderId || null);
    if (!result.ok) return refusal(result.error, form);
    return { ok: true as const, done: "moved" as const };
  }
  if (intent === "trash") {
    const parsed = parseWith(itemRefForm, form);
    if (!parsed.ok) return invalid(parsed);
    const result = await trashItem(services, auth.actor, lib, parsed.data);
    if (!result.ok) return refusal(result.error, form);
    return { ok: true as const, done: "trashed" as const, undo: parsed.data };
  }
  if (intent === "restore") {
    const parsed = parseWith(itemRefForm, form);
    if (!parsed.ok) return invalid(parsed);
    const result = await restoreItem(services, auth.actor, lib, parsed.data);
    if (!result.ok) return refusal(result.error, form);
    return { ok: true as const, done: result.toTopLevel ? ("restoredToTop" as const) : ("restored" as const) };
  }
  return formError("validation.unknownAction", form);
}

// ---------------------------------------------------------------- file pages

export async function libraryFileLoader({ request, params, context }: LoaderFunctionArgs, kind: LibraryKind) {
  const { auth, lib, place } = await openLibrary(request, context, params, kind);
  const fileId = params.fileId;
  if (!fileId || fileId.length > 100) notFound();
  const page = await filePage(context.services, auth.actor, lib, fileId);
  if (!page) notFound();
  // The address to paste into a work programme's text or a comment (both turn it into a link).
  const address = new URL(`${place.basePath}/files/${fileId}`, context.services.config.publicUrl).href;
  return { place, ...page, address, tags: LIBRARY_TAGS, uploadMaxBytes: context.services.config.uploadMaxBytes };
}

export async function libraryFileAction({ request, params, context }: ActionFunctionArgs, kind: LibraryKind) {
  const { auth, lib, place } = await openLibrary(request, context, params, kind);
  const fileId = params.fileId;
  if (!fileId || fileId.length > 100) notFound();
  const form = await readForm(request, context);
  const intent = form.get("intent");
  const { services } = context;

  if (intent === "metadata") {
    const parsed = parseWith(fileMetadataForm, form, ["tags"]);
    if (!parsed.ok) return invalid(parsed);
    const result = await updateFileMetadata(services, auth.actor, lib, fileId, parsed.data);
    if (!result.ok) return refusal(result.error, form);
    return { ok: true as const, done: "metadataSaved" as const };
  }
  if (intent === "restoreVersion") {
    const parsed = parseWith(restoreVersionForm, form);
    if (!parsed.ok) return invalid(parsed);
    const result = await restoreVersion(services, auth.actor, lib, fileId, parsed.data.versionId);
    if (!result.ok) return refusal(result.error, form);
    return { ok: true as const, done: "versionRestored" as const, number: result.number };
  }
  if (intent === "rename") {
    const parsed = parseWith(renameItemForm, form);
    if (!parsed.ok) return invalid(parsed);
    const result = await renameItem(services, auth.actor, lib, { kind: "file", id: fileId }, parsed.data.name);
    if (!result.ok) return refusal(result.error, form);
    return { ok: true as const, done: "renamed" as const };
  }
  if (intent === "share") {
    const parsed = parseWith(shareFileForm, form);
    if (!parsed.ok) return invalid(parsed);
    const result = await shareIntoCommons(services, auth.actor, lib, fileId, parsed.data.versionId);
    if (!result.ok) return refusal(result.error, form);
    return { ok: true as const, done: "shared" as const, number: result.versionNumber };
  }
  if (intent === "withdrawShare") {
    const result = await withdrawShare(services, auth.actor, lib, fileId);
    if (!result.ok) return refusal(result.error, form);
    // From the commons file's own page there is nothing left to show: back to the commons library.
    if (kind === "commons") throw redirect(`${place.basePath}?withdrawn=1`);
    return { ok: true as const, done: "withdrawn" as const };
  }
  if (intent === "trash") {
    const result = await trashItem(services, auth.actor, lib, { kind: "file", id: fileId });
    if (!result.ok) return refusal(result.error, form);
    throw redirect(`${place.basePath}/trash?trashed=${encodeURIComponent(fileId)}`);
  }
  return formError("validation.unknownAction", form);
}

// ---------------------------------------------------------------- search

export async function librarySearchLoader({ request, params, context }: LoaderFunctionArgs, kind: LibraryKind) {
  const { auth, lib, place } = await openLibrary(request, context, params, kind);
  const query = (new URL(request.url).searchParams.get("q") ?? "").slice(0, MAX_QUERY_LENGTH);
  const page = await searchLibrary(context.services, auth.actor, lib, query);
  if (!page) notFound();
  return { place, ...page };
}

// ---------------------------------------------------------------- trash

export async function libraryTrashLoader({ request, params, context }: LoaderFunctionArgs, kind: LibraryKind) {
  const { auth, lib, place } = await openLibrary(request, context, params, kind);
  return { place, ...(await trashPage(context.services, auth.actor, lib)) };
}

export async function libraryTrashAction({ request, params, context }: ActionFunctionArgs, kind: LibraryKind) {
  const { auth, lib } = await openLibrary(request, context, params, kind);
  const form = await readForm(request, context);
  const intent = form.get("intent");
  if (intent === "restore") {
    const parsed = parseWith(itemRefForm, form);
    if (!parsed.ok) return invalid(parsed);
    const result = await restoreItem(context.services, auth.actor, lib, parsed.data);
    if (!result.ok) return refusal(result.error, form);
    return { ok: true as const, done: result.toTopLevel ? ("restoredToTop" as const) : ("restored" as const) };
  }
  if (intent === "empty") {
    const result = await emptyTrash(context.services, auth.actor, lib);
    if (!result.ok) return refusal(result.error, form);
    return { ok: true as const, done: "emptied" as const };
  }
  return formError("validation.unknownAction", form);
}
