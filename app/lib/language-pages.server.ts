/**
 * The routes of a document's language versions, for any document type: the overview
 * (`…/languages`), a version beside its source (`…/languages/:lang`) and the version's
 * comments. A type's route files pass `find`, which checks the URL (the document belongs
 * where the URL says) and returns the caller and the source document, throwing 404 otherwise.
 */
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { colourFor } from "#shared/collab/user-colour";
import type { Authenticated } from "#server/domain/auth/sessions";
import { addVersionAction, languagesOverview, readableVersion, sectionAction, versionPage } from "./language-versions.server";
import { documentCommentsRoute } from "./document-comments.server";
import { documentRights, type ResolvedDocument } from "./documents.server";
import { glossaryHints } from "./glossary.server";
import { readForm } from "./forms.server";

export type FindSourceDocument = (args: { request: Request; context: AppLoadContext; params: Record<string, string | undefined> }) => Promise<{
  auth: Authenticated;
  document: ResolvedDocument;
}>;

/** GET the versions and how current each is; POST adds one (then opens it). */
export function languagesOverviewRoute(find: FindSourceDocument) {
  async function loader(args: LoaderFunctionArgs) {
    const { auth, document } = await find(args);
    const overview = await languagesOverview(args.context, auth, document.name);
    return { title: document.title, base: document.path, canEdit: documentRights(auth.actor, document).edit, ...overview };
  }
  async function action(args: ActionFunctionArgs) {
    const { auth, document } = await find(args);
    const form = await readForm(args.request, args.context);
    const result = await addVersionAction(args.context, auth, document.name, form);
    if ("ok" in result && result.ok) return redirect(`${document.path}/languages/${result.language}`);
    return result;
  }
  return { loader, action };
}

/** GET a version beside its source; POST translate, translate every stale section, review, undo. */
export function languageVersionRoute(find: FindSourceDocument) {
  async function loader(args: LoaderFunctionArgs) {
    const { auth, document } = await find(args);
    const { context } = args;
    const page = await versionPage(context, auth, document.name, args.params.lang);
    const { versions } = await languagesOverview(context, auth, document.name);
    return {
      ...page,
      title: document.title,
      base: document.path,
      otherVersions: versions.map((v) => v.language).filter((l) => l !== page.language),
      canEdit: documentRights(auth.actor, document).edit,
      archived: document.state !== "open",
      comparedAt: new Date().toISOString(),
      glossary: await glossaryHints(context.services, context.locale),
      user: { id: auth.user.id, name: auth.user.name, colour: colourFor(auth.user.id) },
    };
  }
  async function action(args: ActionFunctionArgs) {
    const { auth, document } = await find(args);
    const page = await versionPage(args.context, auth, document.name, args.params.lang);
    const form = await readForm(args.request, args.context);
    return sectionAction(args.context, auth, page.name, form);
  }
  return { loader, action };
}

/** The comment threads of a version, for its editor's sidebar; a version that does not exist is 404. */
export function languageCommentsRoute(find: FindSourceDocument) {
  return documentCommentsRoute(async (args) => {
    const { auth, document } = await find(args);
    return { auth, document: await readableVersion(args.context, auth, document.name, args.params.lang) };
  });
}
