/**
 * /networks/:slug/library — the network's library: folders and files (?folder=…, sort, filters).
 * The page is written once for every library: app/lib/library.server.ts, app/components/library/.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { libraryFolderLoader, libraryFolderAction } from "~/lib/library.server";
import { LibraryFolderView } from "~/components/library/folder-view";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta<{ place: { network: { name: string } | null } }>((t, data) => (data.place.network ? `${t("library:title")} · ${data.place.network.name}` : t("library:commonsTitle")));

export const loader = (args: LoaderFunctionArgs) => libraryFolderLoader(args, "network");
export const action = (args: ActionFunctionArgs) => libraryFolderAction(args, "network");

export default LibraryFolderView;
