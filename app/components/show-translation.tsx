/**
 * "Show translation" beside a comment in the editor's sidebar, in another language than the reader's
 * (`available`: the server knows a provider is set up and guessed the language). The
 * translation replaces the original in place with the server's label saying it is
 * machine-made; "show original" brings the original back (the translation is kept, so
 * switching again costs nothing). A failure is said in words and the original stays.
 * Plain fetch, no fetcher: a failure must never raise the page's error boundary (in the
 * editor it would replace the text). Kept tiny: it loads with the editor (the finding page,
 * which works without JavaScript, has a form instead: Translatable in findings/discussion.tsx).
 */
import { useEffect, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useRootData } from "~/root";

interface Props {
  kind: "comment" | "finding";
  id: string;
  available: boolean;
  /** The original as the page shows it. */
  children: ReactNode;
  /** How the translated plain text is shown (by default as a comment's text, line breaks kept). */
  render?: (text: string) => ReactNode;
}

type State = { text?: string; label?: string; error?: string; busy?: boolean; shown?: boolean };

const plain = (text: string) => <p className="comment__body">{text}</p>;

export function ShowTranslation({ kind, id, available, children, render = plain }: Props) {
  const { t, i18n } = useTranslation("comments");
  const csrf = useRootData()?.csrfToken ?? "";
  const [state, setState] = useState<State>({});
  // The button works with JavaScript only: the page as sent (and without scripts) shows the original alone.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  if (!available || !hydrated) return <>{children}</>;

  const toggle = async () => {
    if (state.busy) return;
    if (state.text !== undefined) return setState({ ...state, shown: !state.shown });
    setState({ busy: true });
    let answer: { ok?: boolean; text?: string; label?: string; message?: string } = {};
    try {
      const response = await fetch("/translate", { method: "POST", body: new URLSearchParams({ csrf, kind, id }), headers: { Accept: "application/json" }, redirect: "manual" });
      answer = (await response.json()) as typeof answer;
    } catch {
      // Offline, or not JSON (a login redirect): the general message below.
    }
    setState(answer.ok ? { text: answer.text, label: answer.label, shown: true } : { error: answer.message ?? t("translation.errors.failed") });
  };

  return (
    <div aria-live="polite">
      {state.shown ? (
        <>
          <div lang={i18n.language}>{render(state.text ?? "")}</div>
          <p className="muted">
            <small>{state.label}</small>
          </p>
        </>
      ) : (
        children
      )}
      {state.error ? (
        <p role="alert" className="comment-form__error">
          {state.error}
        </p>
      ) : null}
      <p className="comment__actions">
        <button type="button" className="button button--quiet button--small" onClick={() => void toggle()} aria-disabled={state.busy || undefined}>
          {t(state.busy ? "translation.loading" : state.shown ? "translation.showOriginal" : "translation.show")}
        </button>
      </p>
    </div>
  );
}
