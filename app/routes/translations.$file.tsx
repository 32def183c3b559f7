/** One language's texts for the browser (app/lib/translations.server.ts explains why JSON). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { isLocale } from "#shared/i18n/config";
import { translationsOf } from "~/lib/translations.server";

export function loader({ params, request }: LoaderFunctionArgs) {
  const locale = /^([a-z]{2})\.json$/.exec(params.file ?? "")?.[1];
  if (!isLocale(locale)) throw new Response("Not found", { status: 404 });
  const { body, version } = translationsOf(locale);
  // Only the current version may be cached for good; an old page asking for an old version
  // gets today's texts, revalidated on every use.
  const current = new URL(request.url).searchParams.get("v") === version;
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": current ? "public, max-age=31536000, immutable" : "no-cache",
      ETag: `"${version}"`,
    },
  });
}
