/**
 * The `shouldRevalidate` of every page with an open co-editing editor. A background
 * revalidation (the live session announcing that someone's access changed) must not swap the
 * open editor for an error page: the collab connection is closed by the server with a reason,
 * and the editor explains it while keeping the text on screen. Forms and real navigations
 * (a new search string, as the editor uses to reload rights) still load the page's data.
 */
import type { ShouldRevalidateFunction } from "@remix-run/react";

export const keepOpenEditor: ShouldRevalidateFunction = ({ currentUrl, nextUrl, formMethod, defaultShouldRevalidate }) => {
  if (!formMethod && currentUrl.href === nextUrl.href) return false;
  return defaultShouldRevalidate;
};
