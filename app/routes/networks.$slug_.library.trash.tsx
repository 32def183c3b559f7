/**
 * /networks/:slug/library/trash — deleted items of the network's library, kept 30 days.
 * The page is written once for every library: app/lib/library.server.ts, app/components/library/.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { libraryTrashLoader, libraryTrashAction } from "~/lib/library.server";
import { LibraryTrashView } from "~/components/library/trash-view";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta<unknown>((t) => t("library:trash.title"));

export const loader = (args: LoaderFunctionArgs) => libraryTrashLoader(args, "network");
export const action = (args: ActionFunctionArgs) => libraryTrashAction(args, "network");

export default LibraryTrashView;
