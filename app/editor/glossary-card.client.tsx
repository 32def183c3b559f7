/**
 * The card with a glossary term's equivalents in the other languages, next to the term under
 * the mouse or around the caret (the mouse wins while it is over a term), and a live region
 * that reads the equivalents out when the caret enters a term: the card is only seen, never
 * focused, so screen-reader users hear it instead. Positions are set through React's style
 * prop, i.e. the CSSOM, which the page's CSP allows (it refuses style attributes in markup,
 * and the card is never rendered on the server).
 */
import { Fragment, useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { GlossaryActive, GlossaryCause } from "./glossary-terms.client";

const MARGIN = 8;

export function useGlossaryCard(): { onActive: (active: GlossaryActive | null, cause: GlossaryCause) => void; card: ReactNode } {
  const { t } = useTranslation("glossary");
  const [hover, setHover] = useState<GlossaryActive | null>(null);
  const [caret, setCaret] = useState<GlossaryActive | null>(null);
  const [hidden, setHidden] = useState(false);
  const [width, setWidth] = useState(0);
  const cardRef = useRef<HTMLDivElement>(null);

  // Stable, because the editor extension keeps the function it was created with.
  const onActive = useCallback((active: GlossaryActive | null, cause: GlossaryCause) => {
    (cause === "hover" ? setHover : setCaret)(active);
    setHidden(false);
  }, []);

  const shown = hidden ? null : (hover ?? caret);

  // The card is measured once it is rendered, so it can be kept inside the window.
  useLayoutEffect(() => {
    if (cardRef.current) setWidth(cardRef.current.offsetWidth);
  }, [shown]);

  // The rect is where the term was; after scrolling the card would point at nothing.
  useEffect(() => {
    if (!hover && !caret) return;
    const hide = () => setHidden(true);
    window.addEventListener("scroll", hide, { capture: true, passive: true });
    return () => window.removeEventListener("scroll", hide, { capture: true });
  }, [hover, caret]);

  const languageName = (language: string) => t(`marks.languages.${language}`);
  const announcement = caret
    ? t("marks.caretAnnouncement", {
        term: caret.hint.term,
        equivalents: caret.hint.equivalents.map((e) => `${e.term} (${languageName(e.language)})`).join(", "),
      })
    : "";

  let card: ReactNode = null;
  if (shown) {
    // clientWidth leaves out a vertical scrollbar, which the card must not hide under.
    const viewport = document.documentElement.clientWidth || window.innerWidth;
    const left = Math.max(MARGIN, Math.min(shown.rect.left, viewport - width - MARGIN));
    const { hint } = shown;
    card = (
      <div ref={cardRef} className="glossary-card" role="tooltip" id="glossary-card" style={{ left, top: shown.rect.bottom + 6 }}>
        <strong>{hint.term}</strong>
        {hint.equivalents.length > 0 ? (
          <dl aria-label={t("marks.equivalents")}>
            {hint.equivalents.map((equivalent) => (
              <Fragment key={equivalent.language}>
                <dt>{languageName(equivalent.language)}</dt>
                <dd lang={equivalent.language}>{equivalent.term}</dd>
              </Fragment>
            ))}
          </dl>
        ) : null}
        {hint.note ? <p>{hint.note}</p> : null}
      </div>
    );
  }

  return {
    onActive,
    card: (
      <>
        {card}
        <p role="status" aria-live="polite" className="visually-hidden">
          {announcement}
        </p>
      </>
    ),
  };
}
