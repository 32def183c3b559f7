/**
 * /network-of-networks/library/files/:fileId — one file of the commons library.
 * The page is written once for every library: app/lib/library.server.ts, app/components/library/.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { libraryFileLoader, libraryFileAction } from "~/lib/library.server";
import { LibraryFileView } from "~/components/library/file-view";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta<{ file: { name: string } }>((t, data) => `${data.file.name} · ${t("library:title")}`);

export const loader = (args: LoaderFunctionArgs) => libraryFileLoader(args, "commons");
export const action = (args: ActionFunctionArgs) => libraryFileAction(args, "commons");

export default LibraryFileView;
