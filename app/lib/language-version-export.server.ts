/**
 * GET …/languages/:lang/export/docx and …/pdf for a language version of any co-edited
 * document: the version as it is right now, section by section with each section's status,
 * or with `?layout=bilingual` as one two-column table beside the original (both formats).
 * Whoever may read the source may export its versions; a version that does not exist, an
 * unknown format or layout are 404 (a translated page: export routes are resource routes,
 * which Remix answers as they are). Only reads.
 */
import type { AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { nowIso } from "#shared/time";
import { fixedT } from "#shared/i18n/instance";
import { isExportFormat } from "#server/domain/exports/export-document";
import { exportDownload, translateNotFound } from "#server/domain/exports/download";
import { exportLanguageVersion, isVersionExportLayout } from "#server/domain/exports/export-language-version";
import { documentLanguages } from "#server/domain/translations/language-versions";
import type { Authenticated } from "#server/domain/auth/sessions";
import { notFound } from "./guards.server";
import type { ResolvedDocument } from "./documents.server";
import { readableVersion } from "./language-versions.server";

export { VERSION_EXPORT_LAYOUTS, type VersionExportLayout } from "#server/domain/exports/export-language-version";

export type FindVersionSource = (args: { request: Request; context: AppLoadContext; params: Record<string, string | undefined> }) => Promise<{
  auth: Authenticated;
  /** The source document (the version is found from it and `params.lang`). */
  document: ResolvedDocument;
  /** The network's (or the commons') name, for the running header and the file name. */
  ownerName: string;
  /** A line above the title ("Work programme · <network>"), or null. */
  kindLine: string | null;
}>;

export function languageVersionExportLoader(find: FindVersionSource) {
  return async function loader(args: LoaderFunctionArgs) {
    const { request, params, context } = args;
    try {
      const { auth, document, ownerName, kindLine } = await find(args);
      const version = await readableVersion(context, auth, document.name, params.lang);
      const format = params.format;
      const layout = new URL(request.url).searchParams.get("layout") ?? "single";
      if (!isExportFormat(format) || !isVersionExportLayout(layout) || !version.version) notFound();
      const { sourceLanguage } = await documentLanguages(context.services, document.name);
      if (!sourceLanguage) notFound();
      const language = version.version.language;
      return await exportDownload({
        format,
        locale: context.locale,
        log: context.services.log,
        docName: version.name,
        back: { href: version.path, label: fixedT(context.locale)("export:languageVersion.errors.back") },
        file: async () => {
          // Private copies: nothing done with them reaches the live documents.
          const sourceDoc = await context.documents.read(document.name);
          try {
            const versionDoc = await context.documents.read(version.name);
            try {
              return await exportLanguageVersion(
                { sourceDoc, versionDoc, contentField: document.layout.contentField, title: document.title, ownerName, kindLine, date: nowIso(), sourceLanguage, language, layout },
                format,
                context.locale,
              );
            } finally {
              versionDoc.destroy();
            }
          } finally {
            sourceDoc.destroy();
          }
        },
      });
    } catch (error) {
      throw translateNotFound(error, context.locale);
    }
  };
}
