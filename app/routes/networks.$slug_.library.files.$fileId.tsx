/**
 * /networks/:slug/library/files/:fileId — one file: preview, metadata, versions.
 * The page is written once for every library: app/lib/library.server.ts, app/components/library/.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { libraryFileLoader, libraryFileAction } from "~/lib/library.server";
import { LibraryFileView } from "~/components/library/file-view";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta<{ file: { name: string } }>((t, data) => `${data.file.name} · ${t("library:title")}`);

export const loader = (args: LoaderFunctionArgs) => libraryFileLoader(args, "network");
export const action = (args: ActionFunctionArgs) => libraryFileAction(args, "network");

export default LibraryFileView;
