/**
 * /network-of-networks/library — the commons library, written by every network, curated by moderators.
 * The page is written once for every library: app/lib/library.server.ts, app/components/library/.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { libraryFolderLoader, libraryFolderAction } from "~/lib/library.server";
import { LibraryFolderView } from "~/components/library/folder-view";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta<{ place: { network: { name: string } | null } }>((t, data) => (data.place.network ? `${t("library:title")} · ${data.place.network.name}` : t("library:commonsTitle")));

export const loader = (args: LoaderFunctionArgs) => libraryFolderLoader(args, "commons");
export const action = (args: ActionFunctionArgs) => libraryFolderAction(args, "commons");

export default LibraryFolderView;
