/** Rows of the library as pages show them: plain values, no database names. */
import type { LibraryFileRow, versionsOf } from "#db/queries/library";
import type { FileKind } from "#server/library/sniff";

export interface FileView {
  id: string;
  name: string;
  title: string;
  description: string;
  language: string;
  tags: string[];
  keywords: string;
  size: number;
  mime: string;
  kind: FileKind;
  inlineSafe: boolean;
  versionNumber: number;
  currentVersionId: string | null;
  updatedAt: string;
  updatedByName: string | null;
  folderId: string | null;
  /** Set on a commons file a network shared: which network, and its version number shared now. */
  sharedFrom: { networkName: string; networkSlug: string; versionNumber: number } | null;
}

export function presentFile(row: LibraryFileRow): FileView {
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    description: row.description,
    language: row.language,
    tags: parseTags(row.tags),
    keywords: row.keywords,
    size: Number(row.size ?? 0),
    mime: row.mime ?? "application/octet-stream",
    kind: (row.kind ?? "other") as FileKind,
    inlineSafe: row.inline_safe === 1,
    versionNumber: Number(row.version_number ?? 0),
    currentVersionId: row.current_version_id,
    updatedAt: row.updated_at,
    updatedByName: row.updated_by_name,
    folderId: row.folder_id,
    sharedFrom:
      row.shared_from_network_id && row.shared_from_network_name
        ? { networkName: row.shared_from_network_name, networkSlug: row.shared_from_network_slug ?? "", versionNumber: row.shared_version_number ?? 0 }
        : null,
  };
}

type VersionRow = Awaited<ReturnType<typeof versionsOf>>[number];

export interface VersionView {
  id: string;
  number: number;
  size: number;
  note: string;
  originalName: string;
  createdAt: string;
  createdByName: string | null;
  restoredFromNumber: number | null;
  current: boolean;
}

export function presentVersion(row: VersionRow, currentVersionId: string | null, numbersById?: Map<string, number>): VersionView {
  return {
    id: row.id,
    number: row.number,
    size: Number(row.size),
    note: row.note,
    originalName: row.original_name,
    createdAt: row.created_at,
    createdByName: row.created_by_name,
    restoredFromNumber: row.restored_from ? (numbersById?.get(row.restored_from) ?? null) : null,
    current: row.id === currentVersionId,
  };
}

function parseTags(raw: string): string[] {
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}
