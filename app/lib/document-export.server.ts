/**
 * GET …/export/docx and …/pdf for any co-edited document: the document as it is right now
 * (live edits included), or with `?version=<id>` as a stored version of it, made by its type
 * in the reader's language. Anyone who may read the document may export; unknown formats,
 * unknown versions and versions of other documents are 404 (a translated page: export
 * routes are resource routes, which Remix answers as they are). Only reads.
 */
import type { AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { nowIso } from "#shared/time";
import { fixedT } from "#shared/i18n/instance";
import { documentTypes } from "#server/documents/registry";
import { isExportFormat } from "#server/domain/exports/export-document";
import { exportDownload, translateNotFound } from "#server/domain/exports/download";
import { versionOfDocument } from "#server/domain/versions/versions";
import { docFromState } from "#server/domain/versions/document-content";
import type { Authenticated } from "#server/domain/auth/sessions";
import { notFound } from "./guards.server";
import type { ResolvedDocument } from "./documents.server";

export type FindExportedDocument = (args: { request: Request; context: AppLoadContext; params: Record<string, string | undefined> }) => Promise<{
  auth: Authenticated;
  document: ResolvedDocument;
}>;

export function documentExportLoader(find: FindExportedDocument) {
  return async function loader(args: LoaderFunctionArgs) {
    const { request, params, context } = args;
    try {
      const { document } = await find(args);
      const format = params.format;
      const type = documentTypes.get(document.type);
      if (!isExportFormat(format) || !type) notFound();
      const url = new URL(request.url);
      const version = url.searchParams.has("version") ? await versionOfDocument(context.services, document.name, url.searchParams.get("version") ?? "") : null;
      if (url.searchParams.has("version") && !version) notFound();
      const t = fixedT(context.locale);
      return await exportDownload({
        format,
        locale: context.locale,
        log: context.services.log,
        docName: document.name,
        back: { href: document.path, label: t("export:errors.failed.back") },
        file: async () => {
          // A private copy: nothing done with it reaches the live document.
          const doc = version ? docFromState(version.state) : await context.documents.read(document.name);
          try {
            return await type.exportFile(context.services, document, doc, {
              format,
              locale: context.locale,
              date: version ? version.created_at : nowIso(),
              versionLabel: version ? (version.kind === "named" && version.name ? version.name : t(`history:kinds.${version.kind}`)) : null,
            });
          } finally {
            doc.destroy();
          }
        },
      });
    } catch (error) {
      throw translateNotFound(error, context.locale);
    }
  };
}
