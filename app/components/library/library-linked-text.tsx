/** Plain text in which addresses of library files are links to them (shared/library/library-links). */
import { Link } from "@remix-run/react";
import { splitLibraryLinks } from "#shared/library/library-links";

export function LibraryLinkedText({ text }: { text: string }) {
  return (
    <>
      {splitLibraryLinks(text).map((piece, i) =>
        piece.libraryPath ? (
          <Link key={i} to={piece.libraryPath} className="library-link">
            {piece.text}
          </Link>
        ) : (
          piece.text
        ),
      )}
    </>
  );
}
