/**
 * One glossary term: the concept in the three languages (each marked with its language for
 * screen readers), the reader's language first, with its definition and note. Where the
 * reader's language has no definition yet, another language's is shown, marked as such.
 */
import { useTranslation } from "react-i18next";
import type { GlossaryTerm } from "#server/domain/glossary/glossary";
import { isLocale, LOCALE_NATIVE_NAMES, LOCALES, type Locale } from "#shared/i18n/config";

function inReaderLanguage(texts: Record<Locale, string>, reader: Locale): { text: string; lang: Locale } | null {
  for (const lang of [reader, ...LOCALES.filter((l) => l !== reader)]) if (texts[lang].trim()) return { text: texts[lang], lang };
  return null;
}

export function GlossaryTermItem({ term, children }: { term: GlossaryTerm; children?: React.ReactNode }) {
  const { t, i18n } = useTranslation("glossary");
  const reader: Locale = isLocale(i18n.language) ? i18n.language : "de";
  const order = [reader, ...LOCALES.filter((l) => l !== reader)];
  const heading = inReaderLanguage(term.terms, reader);
  const definition = inReaderLanguage(term.definition, reader);
  const note = inReaderLanguage(term.note, reader);
  return (
    <li className="glossary-term">
      <h3 lang={heading?.lang}>{heading?.text}</h3>
      <dl className="glossary-term__languages">
        {order.map((lang) => (
          <div key={lang}>
            <dt>{LOCALE_NATIVE_NAMES[lang]}</dt>
            <dd lang={lang}>{term.terms[lang] || <span className="muted">{t("term.missing")}</span>}</dd>
          </div>
        ))}
      </dl>
      {definition ? (
        <p lang={definition.lang}>
          {definition.text}
          {definition.lang !== reader ? <span className="muted"> ({LOCALE_NATIVE_NAMES[definition.lang]})</span> : null}
        </p>
      ) : null}
      {note ? (
        <p className="glossary-term__note">
          <strong>{t("term.note")}</strong> <span lang={note.lang}>{note.text}</span>
        </p>
      ) : null}
      {children}
    </li>
  );
}
