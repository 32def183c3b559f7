/**
 * The library's forms: folders, rename, move, trash, metadata, versions. Messages are
 * translation keys of the common namespace (validation.*), like every other form.
 */
import { z } from "zod";
import { DOCUMENT_LANGUAGES } from "../library/library-ref";
import { ACTION_AREAS, OCCUPATIONAL_FIELDS, THEMES } from "../taxonomy";
import { optionalText } from "./fields";

export const MAX_ITEM_NAME = 255;
export const MAX_FILE_TITLE = 200;
export const MAX_FILE_DESCRIPTION = 4000;
export const MAX_KEYWORDS = 500;
export const MAX_VERSION_NOTE = 500;

/** Every tag a library file may carry: the call's taxonomy. */
export const LIBRARY_TAGS: readonly string[] = [...ACTION_AREAS, ...OCCUPATIONAL_FIELDS, ...THEMES];

const id = z.string().min(1).max(100);
const itemKind = z.enum(["file", "folder"]);
const itemName = z
  .string({ required_error: "validation.required", invalid_type_error: "validation.required" })
  .transform((v) => v.trim())
  .pipe(z.string().min(1, "validation.required").max(MAX_ITEM_NAME, "validation.tooLong"));
const folderRef = z.string().max(100).optional().transform((v) => v ?? "");

export const createFolderForm = z.object({ name: itemName, parentId: folderRef });
export const renameItemForm = z.object({ kind: itemKind, id, name: itemName });
export const moveItemForm = z.object({ kind: itemKind, id, targetFolderId: folderRef });
export const itemRefForm = z.object({ kind: itemKind, id });
export const restoreVersionForm = z.object({ versionId: id });
/** Which version of a network file goes into the commons library. */
export const shareFileForm = z.object({ versionId: id });

export const fileMetadataForm = z.object({
  title: optionalText(MAX_FILE_TITLE),
  description: optionalText(MAX_FILE_DESCRIPTION),
  language: z.enum(DOCUMENT_LANGUAGES, { errorMap: () => ({ message: "validation.choice" }) }),
  tags: z.array(z.string()).max(60).refine((tags) => tags.every((t) => LIBRARY_TAGS.includes(t)), "validation.choice"),
  keywords: optionalText(MAX_KEYWORDS),
});
export type FileMetadataInput = z.infer<typeof fileMetadataForm>;
