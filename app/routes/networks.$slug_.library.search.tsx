/**
 * /networks/:slug/library/search — search the network's library by name, details and the text inside files.
 * The page is written once for every library: app/lib/library.server.ts, app/components/library/.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { librarySearchLoader } from "~/lib/library.server";
import { LibrarySearchView } from "~/components/library/search-view";
import { pageMeta } from "~/lib/meta";

export const meta = pageMeta<unknown>((t) => t("library:search.title"));

export const loader = (args: LoaderFunctionArgs) => librarySearchLoader(args, "network");

export default LibrarySearchView;
