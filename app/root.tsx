import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { can } from "#shared/policy";
import { unreadCount } from "~/lib/notifications.server";
import { DEFAULT_LOCALE } from "#shared/i18n/config";
import { usePageLanguage } from "~/lib/use-page-language";
import { useLocale } from "remix-i18next/react";
import { useNonce } from "./lib/nonce";
import { AppHeader } from "./components/app-header";
import { SkipLink } from "./components/skip-link";
import { useLiveSession } from "./lib/use-live-session";
import { LiveAnnouncer, LiveNotificationsProvider, useLiveNotificationsState } from "./lib/live-notifications";
import { RouteNotice } from "./components/route-notice";
import { translationsHref } from "./lib/translations.server";
import stylesheet from "./styles/app.css?url";
import historyStylesheet from "./styles/history-notifications.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "stylesheet", href: historyStylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "apple-touch-icon", href: "/icons/icon-192.png" },
  // Installable as an app; the service worker (public/sw.js) keeps it working offline.
  { rel: "manifest", href: "/manifest.webmanifest" },
];

export async function loader({ context }: LoaderFunctionArgs) {
  const auth = context.auth;
  return {
    locale: context.locale,
    /** The page language's texts for the browser (preloaded below, read by entry.client). */
    translations: translationsHref(context.locale),
    csrfToken: context.csrfToken,
    user: auth
      ? {
          id: auth.user.id,
          name: auth.user.name,
          isAdmin: can(auth.actor, { type: "platform.admin" }),
          canSeeNetworkOfNetworks: can(auth.actor, { type: "networkOfNetworks.view" }),
          canSeeIntake: can(auth.actor, { type: "intake.view" }),
          canSeeBoard: can(auth.actor, { type: "board.selection" }),
          /** Unread notifications; the header keeps it current over socket.io. */
          unread: await unreadCount(context.services, auth.user.id),
        }
      : null,
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export function useRootData(): RootData | undefined {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRootData();
  const nonce = useNonce();
  const { i18n } = useTranslation();
  // The language the texts are in: after a switch it changes once the new language's texts
  // have arrived (usePageLanguage), so `lang` never announces a language the page is not in.
  const locale = (i18n.language as string | undefined) ?? data?.locale ?? DEFAULT_LOCALE;
  return (
    <html lang={locale} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#1d4e89" />
        {data ? <link rel="preload" as="fetch" href={data.translations} crossOrigin="anonymous" data-translations="" /> : null}
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const data = useRootData();
  // remix-i18next reads the locale the root loader returned; the switch itself is ours.
  usePageLanguage(useLocale(), data?.translations);
  const live = useLiveNotificationsState(data?.user?.unread ?? 0, data);
  useLiveSession(Boolean(data?.user), live.handlers);
  return (
    <LiveNotificationsProvider value={live.value}>
      <SkipLink />
      <AppHeader />
      <main id="main" tabIndex={-1}>
        <RouteNotice />
        <Outlet />
        <LiveAnnouncer text={live.announcement} />
      </main>
    </LiveNotificationsProvider>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = status === 404 ? "notFound" : status === 403 ? "forbidden" : status === 401 ? "unauthorised" : "serverError";
  return (
    <>
      <SkipLink />
      <AppHeader />
      <main id="main" tabIndex={-1} className="page page--narrow">
        <title>{t(`errors.${key}.title`)}</title>
        <h1>{t(`errors.${key}.title`)}</h1>
        <p>{t(`errors.${key}.body`)}</p>
        <p className="muted">{t("errors.statusCode", { status })}</p>
        <p>
          <a href="/">{t("errors.backHome")}</a>
        </p>
      </main>
    </>
  );
}
