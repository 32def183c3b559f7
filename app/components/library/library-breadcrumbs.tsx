/** Where a library page is: the network (or the commons), the library, and the folders down to here. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { LibraryPlace } from "~/lib/library.server";

export function LibraryBreadcrumbs({ place, trail, current }: { place: LibraryPlace; trail: Array<{ id: string; name: string }>; current?: string }) {
  const { t } = useTranslation("library");
  const home = place.network ? { to: `/networks/${place.network.slug}`, label: place.network.name } : { to: "/network-of-networks", label: t("commonsName") };
  const last = trail.length - 1;
  return (
    <nav aria-label={t("breadcrumbs")} className="breadcrumbs">
      <ol>
        <li>
          <Link to={home.to}>{home.label}</Link>
        </li>
        <li>
          {trail.length === 0 && !current ? <span aria-current="page">{t("title")}</span> : <Link to={place.basePath}>{t("title")}</Link>}
        </li>
        {trail.map((folder, index) => (
          <li key={folder.id}>
            {index === last && !current ? (
              <span aria-current="page">{folder.name}</span>
            ) : (
              <Link to={`${place.basePath}?folder=${encodeURIComponent(folder.id)}`}>{folder.name}</Link>
            )}
          </li>
        ))}
        {current ? (
          <li>
            <span aria-current="page">{current}</span>
          </li>
        ) : null}
      </ol>
    </nav>
  );
}
